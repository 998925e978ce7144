import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { SessionDocument } from '../api/__generated__/graphql.js';
import { ApiError, request, whenSessionEnds } from '../api/client.js';

/** The signed-in person and their workspace; null when nobody is signed in. */
export function useSession() {
  const queryClient = useQueryClient();
  useEffect(() => {
    // A 401 from any call means the cookie no longer works: forget everything and ask to sign in
    // (what was read with it must not show to whoever signs in next).
    whenSessionEnds(() => forgetSession(queryClient));
  }, [queryClient]);
  return useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      // Not signed in is an answer (null); a server that cannot be reached is an error, not a sign-out.
      const data = await request(SessionDocument).catch((error: unknown) => {
        if (error instanceof ApiError && error.error.type === 'forbidden') return null;
        throw error;
      });
      return data?.myUser ? { user: data.myUser, workspace: data.myWorkspace } : null;
    },
    retry: 2,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The signed-in person (only inside the signed-in app). */
export function useMe() {
  const session = useSession();
  return session.data!.user;
}

/**
 * Shows the sign-in page and forgets what was read in the session. The session query itself stays:
 * its observer is what shows the sign-in page.
 */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.setQueryData(['session'], null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
}
