import type { ReactNode } from 'react';

/** A settings row's Edit button, which opens (and closes) the row's form below it. */
export function EditButton({
  name,
  isEditing,
  onToggle,
}: {
  name: string;
  isEditing: boolean;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      className="button"
      aria-label={`Edit ${name}`}
      aria-expanded={isEditing}
      onClick={onToggle}
    >
      Edit
    </button>
  );
}

/** The table row under a settings row that holds its edit form, across all `columns`. */
export function EditRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr className="settings-edit-row">
      <td colSpan={columns}>{children}</td>
    </tr>
  );
}

/** A settings form's Save (or other submit) button, and Cancel when the form can be closed. */
export function FormActions({
  submitLabel,
  isPending,
  onCancel,
}: {
  submitLabel: string;
  isPending: boolean;
  onCancel?: () => void;
}) {
  return (
    <div className="form-actions">
      <button type="submit" className="button button-primary" disabled={isPending}>
        {submitLabel}
      </button>
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
