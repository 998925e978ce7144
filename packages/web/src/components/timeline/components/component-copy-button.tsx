import { copyText } from '../../../lib/clipboard.js';

/** Plain's ComponentCopyButton: shows a value and copies it on click; the tooltip names it. */
export function ComponentCopyButton({ value, tooltip }: { value: string; tooltip: string | null }) {
  return (
    <button
      type="button"
      className="copy-button"
      data-copy-value={value}
      aria-label={tooltip ?? `Copy ${value}`}
      title={tooltip ?? undefined}
      onClick={() => copyText(value, value)}
    >
      {value}
    </button>
  );
}
