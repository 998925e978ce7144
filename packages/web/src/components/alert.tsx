/** A failure shown and announced (role="alert"); nothing while there is none. */
export function Alert({ message }: { message: string | null | undefined | false }) {
  if (!message) return null;
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}
