import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  CreateThreadFieldSchemaDocument,
  type ThreadFieldSchemaType,
} from '../../api/__generated__/graphql.js';
import { request } from '../../api/client.js';
import { Alert } from '../../components/alert.js';
import { announce } from '../../lib/announcer.js';
import { describedBy, FieldError, fieldMessage, formMessage } from './mutation-errors.js';
import { SETTINGS_KEYS } from './query-keys.js';
import { CREATABLE_FIELD_TYPES, enumValuesOf, keyFromLabel } from './thread-field-types.js';

const FIELDS = ['label', 'key', 'type', 'enumValues', 'description', 'isRequired', 'order'] as const;

/** Creates a thread field schema; `nextOrder` puts it after the existing ones. */
export function CreateThreadFieldForm({ nextOrder }: { nextOrder: number }) {
  const [label, setLabel] = useState('');
  // The key follows the label until someone types their own: keys never change once created.
  const [ownKey, setOwnKey] = useState<string | null>(null);
  const [type, setType] = useState<ThreadFieldSchemaType>('STRING');
  const [values, setValues] = useState('');
  const [description, setDescription] = useState('');
  const [isRequired, setIsRequired] = useState(false);
  const key = ownKey ?? keyFromLabel(label);
  const enumValues = type === 'ENUM' ? enumValuesOf(values) : [];

  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () =>
      request(CreateThreadFieldSchemaDocument, {
        input: {
          label: label.trim(),
          key,
          type,
          enumValues,
          description: description.trim(),
          isRequired,
          order: nextOrder,
          isAiAutoFillEnabled: false,
        },
      }),
    onSuccess: async () => {
      announce(`Created thread field ${label.trim()}`);
      setLabel('');
      setOwnKey(null);
      setValues('');
      setDescription('');
      setIsRequired(false);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: SETTINGS_KEYS.threadFieldSchemas }),
        queryClient.invalidateQueries({ queryKey: ['directory'] }),
      ]);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  const error = (field: string) => fieldMessage(create.error, field);
  const valuesError = error('enumValues') ?? enumValues.map((_, i) => error(`enumValues.${i}`)).find(Boolean);
  const otherError = valuesError ? undefined : formMessage(create.error, FIELDS);
  return (
    <form className="card settings-form" onSubmit={submit} aria-labelledby="new-field-heading">
      <h3 id="new-field-heading">New thread field</h3>
      <div className="settings-form-row">
        <div className="field">
          <label htmlFor="field-label">Label</label>
          <input
            id="field-label"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            required
            {...describedBy('field-label-error', error('label'))}
          />
          <FieldError id="field-label-error" message={error('label')} />
        </div>
        <div className="field">
          <label htmlFor="field-key">Key</label>
          <input
            id="field-key"
            value={key}
            onChange={(e) => setOwnKey(e.target.value)}
            required
            spellCheck={false}
            aria-describedby={error('key') ? 'field-key-error' : 'field-key-hint'}
            aria-invalid={error('key') ? true : undefined}
          />
          <span id="field-key-hint" className="muted hint">
            How the API names the field; it cannot be changed later.
          </span>
          <FieldError id="field-key-error" message={error('key')} />
        </div>
        <div className="field">
          <label htmlFor="field-type">Type</label>
          <select
            id="field-type"
            value={type}
            onChange={(e) => setType(e.target.value as ThreadFieldSchemaType)}
            {...describedBy('field-type-error', error('type'))}
          >
            {CREATABLE_FIELD_TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
          <FieldError id="field-type-error" message={error('type')} />
        </div>
      </div>
      {type === 'ENUM' && (
        <div className="field">
          <label htmlFor="field-values">Values</label>
          <textarea
            id="field-values"
            value={values}
            onChange={(e) => setValues(e.target.value)}
            required
            aria-describedby={valuesError ? 'field-values-error' : 'field-values-hint'}
            aria-invalid={valuesError ? true : undefined}
          />
          <span id="field-values-hint" className="muted hint">
            One value per line.
          </span>
          <FieldError id="field-values-error" message={valuesError} />
        </div>
      )}
      <div className="field">
        <label htmlFor="field-description">Description</label>
        <input
          id="field-description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          {...describedBy('field-description-error', error('description'))}
        />
        <FieldError id="field-description-error" message={error('description')} />
      </div>
      <label className="field-inline">
        <input type="checkbox" checked={isRequired} onChange={(e) => setIsRequired(e.target.checked)} />
        <span>Required</span>
      </label>
      <p className="muted hint">A required field must be set before its thread can be marked done.</p>
      <Alert message={otherError} />
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        Create field
      </button>
    </form>
  );
}
