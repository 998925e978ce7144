/** Why a change failed (a MutationError's message), shown beside its control and announced. */
export function ErrorMessage({ id, error }: { id?: string; error: Error | null }) {
  if (!error) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {error.message}
    </p>
  );
}
