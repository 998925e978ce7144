import { useEffect, useId, useRef, useState } from 'react';

/**
 * A destructive action in two steps, without window.confirm: the first press swaps the button for
 * "Confirm <verb>" and "Cancel", with focus on the confirmation so a keyboard user sees where they are.
 */
export function ConfirmButton({
  label,
  ariaLabel,
  confirmLabel,
  onConfirm,
  isPending = false,
  warning,
}: {
  label: string;
  ariaLabel?: string;
  confirmLabel: string;
  onConfirm: () => void;
  isPending?: boolean;
  /** What the action cannot undo, shown (and read) beside the confirmation. */
  warning?: string;
}) {
  const warningId = useId();
  const [isAsking, setIsAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (isAsking) confirmRef.current?.focus();
    // Back from asking (cancelled): return focus to where it was, not to the page's start.
    else if (wasAsking.current) startRef.current?.focus();
    wasAsking.current = isAsking;
  }, [isAsking]);

  if (!isAsking) {
    return (
      <button
        ref={startRef}
        type="button"
        className="button button-small button-danger"
        aria-label={ariaLabel}
        disabled={isPending}
        onClick={() => setIsAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape on the pair cancels; both buttons stay the controls.
    <span className="confirm" onKeyDown={(e) => e.key === 'Escape' && setIsAsking(false)}>
      <button
        ref={confirmRef}
        type="button"
        className="button button-small button-danger"
        aria-describedby={warning ? warningId : undefined}
        onClick={() => {
          onConfirm();
          setIsAsking(false);
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button-small" onClick={() => setIsAsking(false)}>
        Cancel
      </button>
      {warning && (
        <span id={warningId} className="confirm-warning">
          {warning}
        </span>
      )}
    </span>
  );
}
