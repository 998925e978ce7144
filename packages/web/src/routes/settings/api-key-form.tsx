import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Alert } from '../../components/alert.js';
import { FieldError, fieldMessage, formMessage, TextField } from './mutation-errors.js';
import { PermissionPicker } from './permission-picker.js';
import { FormActions } from './row-editing.js';

/** What the form asks of a key: the same for creating one and for editing it. */
export interface ApiKeyDraft {
  description: string | null;
  permissions: string[];
}

/**
 * An API key's description and permissions, for a new key or an existing one. `save` sends them;
 * after it succeeds the form calls `onSaved` with its result and, when `resetOnSave`, empties itself.
 */
export function ApiKeyForm<T>({
  ariaLabel,
  submitLabel,
  availablePermissions,
  initial = { description: null, permissions: [] },
  save,
  onSaved,
  resetOnSave = false,
  onCancel,
}: {
  ariaLabel: string;
  submitLabel: string;
  availablePermissions: readonly string[];
  initial?: ApiKeyDraft;
  save: (draft: ApiKeyDraft) => Promise<T>;
  onSaved: (result: T) => Promise<void> | void;
  resetOnSave?: boolean;
  onCancel?: () => void;
}) {
  const id = useId();
  const [description, setDescription] = useState(initial.description ?? '');
  const [permissions, setPermissions] = useState<Set<string>>(() => new Set(initial.permissions));
  const mutation = useMutation({
    mutationFn: () => save({ description: description.trim() || null, permissions: [...permissions] }),
    onSuccess: async (result) => {
      if (resetOnSave) {
        setDescription('');
        setPermissions(new Set());
      }
      await onSaved(result);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const descriptionError = fieldMessage(mutation.error, 'description');
  const permissionsError =
    fieldMessage(mutation.error, 'permissions') ??
    [...permissions].map((_, i) => fieldMessage(mutation.error, `permissions.${i}`)).find(Boolean);
  const otherError = permissionsError
    ? undefined
    : formMessage(mutation.error, ['description', 'permissions']);
  return (
    <form className="settings-form api-key-form" onSubmit={submit} aria-label={ariaLabel}>
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
      <Alert message={otherError} />
      <FormActions submitLabel={submitLabel} isPending={mutation.isPending} onCancel={onCancel} />
    </form>
  );
}
