import { useInfiniteQuery } from '@tanstack/react-query';
import { ThreadTimelineDocument } from '../../api/__generated__/graphql.js';
import { request } from '../../api/client.js';

/** A thread's timeline, oldest first, one page of 20 at a time (the page size is in the document). */
export function useThreadTimeline(threadId: string) {
  const query = useInfiniteQuery({
    queryKey: ['timeline', threadId],
    queryFn: ({ pageParam }) => request(ThreadTimelineDocument, { threadId, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => {
      const pageInfo = last.thread?.timelineEntries.pageInfo;
      return pageInfo?.hasNextPage ? pageInfo.endCursor : null;
    },
  });
  const entries =
    query.data?.pages.flatMap((page) => page.thread?.timelineEntries.edges.map((e) => e.node) ?? []) ?? [];
  return { query, entries };
}
