import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A change to a thread (status, priority, labels, a field...) as a mutation whose error the control
 * shows. It stays pending until the thread is read again, so a control can show the value being
 * saved (`variables`) until the saved one arrives, without flicking back in between.
 */
export function useThreadChange<V>(threadId: string, change: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: change, onSettled: () => refreshThread(queryClient, threadId) });
}

/** Re-reads everything that shows a thread; resolves when the thread itself is current. */
export function refreshThread(queryClient: QueryClient, threadId: string): Promise<void> {
  // The timeline and lists may be long: refresh them without making the control wait.
  void queryClient.invalidateQueries({ queryKey: ['timeline', threadId] });
  void queryClient.invalidateQueries({ queryKey: ['threads'] });
  return queryClient.invalidateQueries({ queryKey: ['thread', threadId] });
}
