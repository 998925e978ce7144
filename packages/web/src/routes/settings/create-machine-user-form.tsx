import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { CreateMachineUserDocument } from '../../api/__generated__/graphql.js';
import { request } from '../../api/client.js';
import { Alert } from '../../components/alert.js';
import { announce } from '../../lib/announcer.js';
import { fieldMessage, formMessage, TextField } from './mutation-errors.js';
import { SETTINGS_KEYS } from './query-keys.js';

/** Creates a machine user: the integration that will own API keys. */
export function CreateMachineUserForm() {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () =>
      request(CreateMachineUserDocument, {
        // One name field: Plain's full and public names differ only for people.
        input: { fullName: name.trim(), publicName: name.trim(), description: description.trim() || null },
      }),
    onSuccess: async () => {
      announce(`Created machine user ${name.trim()}`);
      setName('');
      setDescription('');
      await queryClient.invalidateQueries({ queryKey: SETTINGS_KEYS.machineUsers });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const nameError = fieldMessage(create.error, 'fullName') ?? fieldMessage(create.error, 'publicName');
  const descriptionError = fieldMessage(create.error, 'description');
  const otherError = formMessage(create.error, ['fullName', 'publicName', 'description']);
  return (
    <form className="card settings-form" onSubmit={submit} aria-label="Create machine user">
      <h3>New machine user</h3>
      <div className="settings-form-row">
        <TextField
          id="machine-user-name"
          label="Name"
          value={name}
          onChange={setName}
          required
          error={nameError}
        />
        <TextField
          id="machine-user-description"
          label="Description"
          value={description}
          onChange={setDescription}
          error={descriptionError}
        />
      </div>
      <Alert message={otherError} />
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        Create machine user
      </button>
    </form>
  );
}
