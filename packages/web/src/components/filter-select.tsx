import { type ReactNode, useId } from 'react';

/**
 * A labelled select for a list's filters. The label is tied by id rather than wrapped around the
 * select, so the select's accessible name is the label alone, not the label plus the chosen option.
 */
export function FilterSelect({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <span className="field-inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </span>
  );
}
