/** Sign-in and sign-out: the only calls outside GraphQL (they set and clear the session cookie). */

/** Why signing in failed, as the server says. */
export class SignInError extends Error {}

export async function signIn(email: string, password: string): Promise<void> {
  const response = await fetch('/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    credentials: 'same-origin',
  });
  if (response.ok) return;
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  throw new SignInError(body?.error?.message ?? `Signing in failed (${response.status}).`);
}

/** Ends the session; throws when the server could not be told (the cookie would still work). */
export async function signOut(): Promise<void> {
  const response = await fetch('/auth/sign-out', { method: 'POST', credentials: 'same-origin' });
  // 401: the session had already ended, which is what was asked.
  if (!response.ok && response.status !== 401) throw new Error(`Signing out failed (${response.status}).`);
}
