import { afterAll, beforeAll } from 'vitest';
import { insertDocsFixtures } from './docs-fixtures.js';
import { startTestServer, type TestServer } from './test-server.js';

/** Starts a server with the docs' fixtures for one seed, and stops it after. */
export function serverWithDocsFixtures(): () => TestServer {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await insertDocsFixtures(t.server.db, t.server.bootstrap.workspace.id);
  });
  afterAll(() => t.close());
  return () => t;
}

/** The ids of the timeline entries of a thread, by entry type. */
export async function timelineOf(t: TestServer, threadId: string) {
  const { body } = await t.graphql(
    `query($threadId: ID!) { thread(threadId: $threadId) { timelineEntries(first: 100) { edges { node {
       entry { __typename ... on CustomerEventEntry { timelineEventId } ... on ThreadEventEntry { timelineEventId } }
     } } } } }`,
    { threadId },
  );
  return body.data.thread.timelineEntries.edges.map((e: any) => e.node.entry);
}
