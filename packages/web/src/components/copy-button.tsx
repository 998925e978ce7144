import { copyText } from '../lib/clipboard.js';

/** A small "Copy …" button; `what` is how the announcement names the copied value. */
export function CopyButton({
  text,
  what,
  label,
  ariaLabel,
}: {
  text: string;
  what: string;
  label: string;
  ariaLabel?: string;
}) {
  return (
    <button
      type="button"
      className="button button-small"
      aria-label={ariaLabel}
      onClick={() => void copyText(text, what)}
    >
      {label}
    </button>
  );
}
