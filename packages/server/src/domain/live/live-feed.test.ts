import { describe, expect, it } from 'vitest';
import { createLiveFeed, type LiveChange, type LiveMessage } from './live-feed.js';

const change = (workspaceId: string): LiveChange => ({
  kind: 'thread',
  workspaceId,
  threadId: 'th_1',
  type: 'thread.thread_created',
});

const describeMessage = (m: LiveMessage) => (m.kind === 'resync' ? 'resync' : m.workspaceId);

describe('the live feed', () => {
  it("tells a workspace's subscribers only that workspace's changes, until they unsubscribe", () => {
    const feed = createLiveFeed();
    const seen: string[] = [];
    const stop = feed.subscribe('w_A', (m) => seen.push(`a:${describeMessage(m)}`));
    feed.subscribe('w_B', (m) => seen.push(`b:${describeMessage(m)}`));
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
    feed.subscribe('w_A', (m) => seen.push(m.kind === 'resync' ? 'resync' : m.type));
    feed.publish(change('w_A'));
    feed.resync();
    expect(seen).toEqual(['thread.thread_created', 'resync']);
  });

  it('tells every subscriber of every workspace to resync', () => {
    const feed = createLiveFeed();
    const seen: string[] = [];
    feed.subscribe('w_A', (m) => seen.push(`a:${describeMessage(m)}`));
    const stop = feed.subscribe('w_B', (m) => seen.push(`b:${describeMessage(m)}`));
    feed.subscribe('w_B', (m) => seen.push(`b2:${describeMessage(m)}`));
    feed.resync();
    stop();
    feed.resync();
    expect(seen).toEqual(['a:resync', 'b:resync', 'b2:resync', 'a:resync', 'b2:resync']);
  });
});
