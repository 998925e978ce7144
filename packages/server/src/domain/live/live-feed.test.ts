import { describe, expect, it } from 'vitest';
import { createLiveFeed, type LiveChange } from './live-feed.js';

const change = (workspaceId: string): LiveChange => ({
  kind: 'thread',
  workspaceId,
  threadId: 'th_1',
  type: 'thread.thread_created',
});

describe('the live feed', () => {
  it("tells a workspace's subscribers only that workspace's changes, until they unsubscribe", () => {
    const feed = createLiveFeed();
    const seen: string[] = [];
    const stop = feed.subscribe('w_A', (c) => seen.push(`a:${c.workspaceId}`));
    feed.subscribe('w_B', (c) => seen.push(`b:${c.workspaceId}`));
    feed.publish(change('w_A'));
    feed.publish(change('w_B'));
    expect(seen).toEqual(['a:w_A', 'b:w_B']);
    expect(feed.subscriberCount).toBe(2);
    stop();
    stop();
    feed.publish(change('w_A'));
    expect(seen).toHaveLength(2);
    expect(feed.subscriberCount).toBe(1);
  });

  it('keeps telling the others when one subscriber throws', () => {
    const feed = createLiveFeed();
    const seen: string[] = [];
    feed.subscribe('w_A', () => {
      throw new Error('closed socket');
    });
    feed.subscribe('w_A', (c) => seen.push(c.type));
    feed.publish(change('w_A'));
    expect(seen).toEqual(['thread.thread_created']);
  });
});
