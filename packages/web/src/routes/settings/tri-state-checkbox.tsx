import { useEffect, useRef } from 'react';

/** A checkbox for a group: checked when all of `values` are selected, mixed when some are. */
export function TriStateCheckbox({
  label,
  values,
  selected,
  onToggle,
  className,
}: {
  label: string;
  values: readonly string[];
  selected: ReadonlySet<string>;
  onToggle: (isOn: boolean) => void;
  className: string;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const count = values.filter((value) => selected.has(value)).length;
  const isAll = values.length > 0 && count === values.length;
  const isSome = count > 0 && !isAll;
  useEffect(() => {
    // indeterminate has no attribute; only the DOM property shows and announces "mixed".
    if (ref.current) ref.current.indeterminate = isSome;
  }, [isSome]);
  return (
    <label className={className}>
      <input ref={ref} type="checkbox" checked={isAll} onChange={(e) => onToggle(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}
