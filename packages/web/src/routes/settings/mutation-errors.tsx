import type { ComponentProps } from 'react';
import { ApiError } from '../../api/client.js';

/** The message a failed mutation gives one input field (`name`, `enumValues.0`), if any. */
export function fieldMessage(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}

/**
 * The message for the form as a whole: any failure not already shown beside one of `fields`, so an
 * error is never shown twice nor lost.
 */
export function formMessage(error: unknown, fields: readonly string[] = []): string | undefined {
  if (!error) return undefined;
  if (fields.some((field) => fieldMessage(error, field))) return undefined;
  return error instanceof Error ? error.message : 'Something went wrong.';
}

/** A field's error, announced when it appears; the field points at it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="error field-error" role="alert">
      {message}
    </p>
  );
}

/** The props that tie an input to its FieldError. */
export function describedBy(id: string, message: string | undefined) {
  return message ? { 'aria-invalid': true, 'aria-describedby': id } : {};
}

/** A labelled text input with its error beside it: the field most settings forms are made of. */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  ...inputProps
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
} & Omit<ComponentProps<'input'>, 'id' | 'value' | 'onChange'>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...inputProps}
        {...describedBy(`${id}-error`, error)}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
