import { useEffect, useId, useRef, useState } from 'react';
import type { ThreadFieldSchemaType } from '../../api/__generated__/graphql.js';
import { api, unwrap } from '../../api/client.js';
import { ErrorMessage } from './error-message.js';
import type { FieldSchema, PanelThread, ThreadFieldData } from './thread-types.js';
import { useThreadChange } from './use-thread-change.js';

/** A field's new value, as upsertThreadField takes it; null deletes the field. */
type FieldValue =
  | { stringValue: string }
  | { booleanValue: boolean }
  | { numberValue: number }
  | { dateValue: string }
  | null;

/** One thread field, edited with the input its schema's type calls for; Clear deletes it. */
export function ThreadFieldControl({ thread, schema }: { thread: PanelThread; schema: FieldSchema }) {
  const inputId = useId();
  const labelId = useId();
  const errorId = useId();
  const savedField = thread.threadFields.find((f) => f.key === schema.key) ?? null;
  const identifier = { threadId: thread.id, key: schema.key };
  const change = useThreadChange(thread.id, (value: FieldValue) =>
    value === null
      ? api.deleteThreadField({ identifier }).then(unwrap)
      : api.upsertThreadField({ identifier, type: schema.type, ...value }).then(unwrap),
  );
  // While a change saves, show it: a checkbox or select that flicked back would look refused.
  const field = change.isPending ? withValue(schema, savedField, change.variables) : savedField;
  const save = (value: FieldValue) => {
    if (value === null && !savedField) return;
    change.mutate(value);
  };
  const describedBy = change.error ? errorId : undefined;

  return (
    <div className="panel-control thread-field" data-field-key={schema.key}>
      <div className="thread-field-label">
        <span>
          <label id={labelId} htmlFor={inputId}>
            {schema.label}
          </label>
          {schema.isRequired && <span className="muted"> (required)</span>}
        </span>
        {field && (
          <button
            type="button"
            className="link-like"
            // Named "Clear" and described by the field: a name holding the field's label would make
            // "the control labelled Plan" ambiguous.
            aria-describedby={labelId}
            disabled={change.isPending}
            onClick={() => {
              save(null);
              // The button goes away with the value: keep the keyboard on this field.
              document.getElementById(inputId)?.focus();
            }}
          >
            Clear
          </button>
        )}
      </div>
      <FieldInput
        id={inputId}
        describedBy={describedBy}
        schema={schema}
        // Typed inputs keep their own text while saving, and keep it when saving fails.
        field={schema.type === 'BOOL' || schema.type === 'ENUM' ? field : savedField}
        onSave={save}
      />
      <ErrorMessage id={errorId} error={change.error} />
    </div>
  );
}

interface FieldInputProps {
  id: string;
  describedBy: string | undefined;
  schema: FieldSchema;
  field: ThreadFieldData | null;
  onSave: (value: FieldValue) => void;
}

function FieldInput({ id, describedBy, schema, field, onSave }: FieldInputProps) {
  const common = { id, 'aria-describedby': describedBy };
  switch (schema.type) {
    case 'BOOL':
      return (
        <input
          {...common}
          type="checkbox"
          checked={field?.booleanValue ?? false}
          onChange={(event) => onSave({ booleanValue: event.target.checked })}
        />
      );
    case 'ENUM':
      return (
        <select
          {...common}
          value={field?.stringValue ?? ''}
          onChange={(event) => onSave(event.target.value ? { stringValue: event.target.value } : null)}
        >
          <option value="">Not set</option>
          {schema.enumValues.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      );
    default:
      return <TypedInput {...common} type={schema.type} field={field} onSave={onSave} />;
  }
}

/**
 * Text, number and date inputs: typed into freely, saved on Enter or when focus leaves (a date when
 * a whole one is picked). An emptied input deletes the field.
 */
function TypedInput({
  type,
  field,
  onSave,
  ...common
}: {
  id: string;
  'aria-describedby': string | undefined;
  type: ThreadFieldSchemaType;
  field: ThreadFieldData | null;
  onSave: (value: FieldValue) => void;
}) {
  const saved = inputValueOf(type, field);
  const [draft, setDraft] = useState(saved);
  // Enter then blur would save twice; and a failed save is not retried until the text changes.
  const lastCommitted = useRef<string | null>(null);
  // A change saved here or elsewhere (another agent, the API) replaces what is shown.
  useEffect(() => {
    setDraft(saved);
    lastCommitted.current = null;
  }, [saved]);

  const commit = (input: HTMLInputElement) => {
    const { value } = input;
    // A number input reads '' for what is not a number yet ('1e', '-'): that is no reason to delete.
    if (input.validity.badInput) return;
    if (value === saved || value === lastCommitted.current) return;
    lastCommitted.current = value;
    onSave(value.trim() === '' ? null : fieldValueOf(type, value));
  };
  const inputType = type === 'DATE' ? 'date' : type === 'NUMBER' || type === 'CURRENCY' ? 'number' : 'text';
  return (
    <input
      {...common}
      type={inputType}
      step={inputType === 'number' ? 'any' : undefined}
      value={draft}
      onChange={(event) => {
        setDraft(event.target.value);
        lastCommitted.current = null;
        if (inputType === 'date' && isWholeDate(event.target.value)) commit(event.target);
      }}
      onBlur={(event) => commit(event.target)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit(event.currentTarget);
        }
        if (event.key === 'Escape') setDraft(saved);
      }}
    />
  );
}

/**
 * Whether a date input holds a date someone meant, not one on the way: typing a year digit by digit
 * passes through 0002, 0020 and 0202 before 2026, and each would otherwise be saved.
 */
function isWholeDate(value: string): boolean {
  return /^[1-9]\d{3}-\d{2}-\d{2}$/.test(value);
}

/** A field's value as an input shows it ('' when unset; a date as yyyy-mm-dd). */
function inputValueOf(type: ThreadFieldSchemaType, field: ThreadFieldData | null): string {
  if (!field) return '';
  if (type === 'DATE') return field.dateValue?.iso8601.slice(0, 10) ?? '';
  if (type === 'NUMBER' || type === 'CURRENCY')
    return field.numberValue === null ? '' : String(field.numberValue);
  return field.stringValue ?? '';
}

/** An input's text as the value upsertThreadField takes (a date as midnight UTC of that day). */
function fieldValueOf(type: ThreadFieldSchemaType, text: string): FieldValue {
  if (type === 'DATE') return { dateValue: `${text}T00:00:00.000Z` };
  if (type === 'NUMBER' || type === 'CURRENCY') return { numberValue: Number(text) };
  return { stringValue: text };
}

/** The field as it will be once `value` is saved (null: deleted). */
function withValue(
  schema: FieldSchema,
  field: ThreadFieldData | null,
  value: FieldValue,
): ThreadFieldData | null {
  if (value === null) return null;
  const base: ThreadFieldData = field ?? {
    id: '',
    key: schema.key,
    type: schema.type,
    stringValue: null,
    booleanValue: null,
    numberValue: null,
    dateValue: null,
  };
  if ('dateValue' in value) return { ...base, dateValue: { iso8601: value.dateValue } };
  return { ...base, ...value };
}
