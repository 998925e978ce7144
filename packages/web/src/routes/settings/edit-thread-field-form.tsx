import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import {
  type SettingsThreadFieldSchemaFragment,
  UpdateThreadFieldSchemaDocument,
} from '../../api/__generated__/graphql.js';
import { request } from '../../api/client.js';
import { Alert } from '../../components/alert.js';
import { announce } from '../../lib/announcer.js';
import { describedBy, FieldError, fieldMessage, formMessage } from './mutation-errors.js';
import { SETTINGS_KEYS } from './query-keys.js';
import { FormActions } from './row-editing.js';
import { enumValuesOf } from './thread-field-types.js';

// Label and description are StringInputs: the API names their errors `label.value`, `description.value`.
const FIELDS = ['label.value', 'description.value', 'enumValues', 'isRequired'] as const;

/**
 * Edits a thread field schema's label, description, required flag and (for ENUM) values. Its key
 * and type stay: the API and every thread's value are tied to them.
 */
export function EditThreadFieldForm({
  schema,
  onDone,
}: {
  schema: SettingsThreadFieldSchemaFragment;
  onDone: () => void;
}) {
  const id = useId();
  const [label, setLabel] = useState(schema.label);
  const [description, setDescription] = useState(schema.description ?? '');
  const [isRequired, setIsRequired] = useState(schema.isRequired);
  const [values, setValues] = useState(schema.enumValues.join('\n'));
  const isEnum = schema.type === 'ENUM';
  const enumValues = enumValuesOf(values);

  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      request(UpdateThreadFieldSchemaDocument, {
        input: {
          threadFieldSchemaId: schema.id,
          label: { value: label.trim() },
          description: { value: description.trim() },
          isRequired,
          ...(isEnum ? { enumValues } : {}),
        },
      }),
    onSuccess: async () => {
      announce(`Saved thread field ${label.trim()}`);
      onDone();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: SETTINGS_KEYS.threadFieldSchemas }),
        queryClient.invalidateQueries({ queryKey: ['directory'] }),
      ]);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  const error = (field: string) =>
    fieldMessage(save.error, field) ?? fieldMessage(save.error, `${field}.value`);
  const valuesError = error('enumValues') ?? enumValues.map((_, i) => error(`enumValues.${i}`)).find(Boolean);
  const otherError = valuesError ? undefined : formMessage(save.error, FIELDS);
  return (
    <form className="settings-form" onSubmit={submit} aria-label={`Edit ${schema.label}`}>
      <div className="settings-form-row">
        <div className="field">
          <label htmlFor={`${id}-label`}>Label</label>
          <input
            id={`${id}-label`}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            required
            {...describedBy(`${id}-label-error`, error('label'))}
          />
          <FieldError id={`${id}-label-error`} message={error('label')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>Description</label>
          <input
            id={`${id}-description`}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            {...describedBy(`${id}-description-error`, error('description'))}
          />
          <FieldError id={`${id}-description-error`} message={error('description')} />
        </div>
      </div>
      {isEnum && (
        <div className="field">
          <label htmlFor={`${id}-values`}>Values</label>
          <textarea
            id={`${id}-values`}
            value={values}
            onChange={(e) => setValues(e.target.value)}
            required
            aria-describedby={valuesError ? `${id}-values-error` : `${id}-values-hint`}
            aria-invalid={valuesError ? true : undefined}
          />
          <span id={`${id}-values-hint`} className="muted hint">
            One value per line.
          </span>
          <FieldError id={`${id}-values-error`} message={valuesError} />
        </div>
      )}
      <label className="field-inline">
        <input type="checkbox" checked={isRequired} onChange={(e) => setIsRequired(e.target.checked)} />
        <span>Required</span>
      </label>
      <Alert message={otherError} />
      <FormActions submitLabel="Save" isPending={save.isPending} onCancel={onDone} />
    </form>
  );
}
