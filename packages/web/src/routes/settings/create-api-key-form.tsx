import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { CreateApiKeyDocument } from '../../api/__generated__/graphql.js';
import { request } from '../../api/client.js';
import { announce } from '../../lib/announcer.js';
import { FieldError, fieldMessage, formMessage, TextField } from './mutation-errors.js';
import { PermissionPicker } from './permission-picker.js';
import { SETTINGS_KEYS } from './query-keys.js';

/** Creates an API key for one machine user; hands its secret to `onCreated`, the only time it exists. */
export function CreateApiKeyForm({
  machineUserId,
  availablePermissions,
  onCreated,
}: {
  machineUserId: string;
  availablePermissions: readonly string[];
  onCreated: (secret: string) => void;
}) {
  const id = useId();
  const [description, setDescription] = useState('');
  const [permissions, setPermissions] = useState<Set<string>>(new Set());
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () =>
      request(CreateApiKeyDocument, {
        input: { machineUserId, description: description.trim() || null, permissions: [...permissions] },
      }),
    onSuccess: async (data) => {
      const secret = data.createApiKey.apiKeySecret;
      announce('Created an API key');
      setDescription('');
      setPermissions(new Set());
      if (secret) onCreated(secret);
      await queryClient.invalidateQueries({ queryKey: SETTINGS_KEYS.machineUsers });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const descriptionError = fieldMessage(create.error, 'description');
  const permissionsError =
    fieldMessage(create.error, 'permissions') ??
    [...permissions].map((_, i) => fieldMessage(create.error, `permissions.${i}`)).find(Boolean);
  const otherError = permissionsError ? undefined : formMessage(create.error, ['description', 'permissions']);
  return (
    <form className="settings-form create-api-key" onSubmit={submit} aria-label="Create API key">
      <TextField
        id={`${id}-description`}
        label="Description"
        value={description}
        onChange={setDescription}
        placeholder="What uses this key, e.g. CRM sync"
        error={descriptionError}
      />
      <PermissionPicker
        available={availablePermissions}
        selected={permissions}
        onChange={setPermissions}
        idPrefix={id}
        errorId={permissionsError ? `${id}-permissions-error` : undefined}
      />
      <FieldError id={`${id}-permissions-error`} message={permissionsError} />
      {otherError && (
        <p className="error" role="alert">
          {otherError}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        Create API key
      </button>
    </form>
  );
}
