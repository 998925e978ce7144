import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { SessionDocument } from '../api/__generated__/graphql.js';
import { request, whenSessionEnds } from '../api/client.js';

/** The signed-in person and their workspace; an error when nobody is signed in. */
export function useSession() {
  const queryClient = useQueryClient();
  useEffect(() => {
    // A 401 from any call means the cookie no longer works: forget everything and ask to sign in.
    whenSessionEnds(() => {
      queryClient.setQueryData(['session'], null);
    });
  }, [queryClient]);
  return useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      const data = await request(SessionDocument).catch(() => null);
      return data?.myUser ? { user: data.myUser, workspace: data.myWorkspace } : null;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The signed-in person (only inside the signed-in app). */
export function useMe() {
  const session = useSession();
  return session.data!.user;
}
