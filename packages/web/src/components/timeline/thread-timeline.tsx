import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { TimelineEntry } from './timeline-entry.js';
import { useThreadTimeline } from './use-thread-timeline.js';

/** Entries from the end of what is loaded at which the next page is asked for. */
const LOAD_AHEAD = 20;
/** Within this many pixels of the bottom counts as "at the end" (new entries then scroll into view). */
const END_SLACK_PX = 120;

/**
 * A thread's whole timeline, oldest first. Virtualised: only the entries on screen (and a few either
 * side) are in the DOM, each measured once rendered, so a thread of thousands of entries scrolls as
 * smoothly as a short one. The next page loads as the end comes near.
 */
export function ThreadTimeline({ threadId, sentCount }: { threadId: string; sentCount: number }) {
  const { query, entries } = useThreadTimeline(threadId);
  const scrollRef = useRef<HTMLElement>(null);
  const isAtEnd = useRef(false);
  /** Set by sending: go to the end, loading every page on the way, to show what was sent. */
  const isChasingEnd = useRef(false);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 88,
    overscan: 8,
    getItemKey: (index) => entries[index]?.id ?? index,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastShown = virtualItems.at(-1)?.index ?? -1;

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastShown >= entries.length - LOAD_AHEAD) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastShown, entries.length]);

  useEffect(() => {
    if (sentCount > 0) isChasingEnd.current = true;
  }, [sentCount]);

  // New entries scroll into view when the end was on screen (or something was just sent), as in a
  // chat; someone reading older entries is not moved.
  // biome-ignore lint/correctness/useExhaustiveDependencies: sentCount starts the chase; the refs are read, not watched.
  useLayoutEffect(() => {
    if (entries.length === 0) return;
    if (isChasingEnd.current || (isAtEnd.current && !hasNextPage)) {
      virtualizer.scrollToIndex(entries.length - 1, { align: 'end' });
      isAtEnd.current = true;
      if (!hasNextPage) isChasingEnd.current = false;
    }
  }, [entries.length, hasNextPage, virtualizer, sentCount]);

  const onScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    isAtEnd.current = element.scrollHeight - element.scrollTop - element.clientHeight < END_SLACK_PX;
  };

  return (
    // Focusable so keyboard users can scroll it; labelled, it is a landmark region.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable to scroll by keyboard.
    <section aria-label="Timeline" className="timeline" ref={scrollRef} tabIndex={0} onScroll={onScroll}>
      {query.isPending ? (
        <p className="muted timeline-status">Loading the timeline…</p>
      ) : query.isError ? (
        <p className="error timeline-status" role="alert">
          {query.error.message}
        </p>
      ) : entries.length === 0 ? (
        <p className="empty timeline-status">Nothing has happened in this thread yet.</p>
      ) : (
        <div
          role="feed"
          aria-busy={query.isFetching}
          className="timeline-feed"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualItems.map((row) => (
            <TimelineEntry
              key={row.key}
              item={entries[row.index]!}
              data-index={row.index}
              ref={virtualizer.measureElement}
              aria-posinset={row.index + 1}
              aria-setsize={hasNextPage ? -1 : entries.length}
              style={{ transform: `translateY(${row.start}px)` }}
            />
          ))}
        </div>
      )}
      {isFetchingNextPage && <p className="muted timeline-status">Loading more entries…</p>}
    </section>
  );
}
