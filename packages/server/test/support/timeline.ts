import { expect } from 'vitest';
import type { TestServer } from './test-server.js';

const ACTOR = `actor {
  __typename
  ... on MachineUserActor { machineUserId }
  ... on UserActor { userId }
  ... on CustomerActor { customerId }
  ... on SystemActor { systemId }
}`;

const ASSIGNEE = '{ __typename ... on User { id } ... on MachineUser { id } }';

const TIMELINE = `query($threadId: ID!) {
  thread(threadId: $threadId) {
    timelineEntries(first: 100) {
      edges { node { id ${ACTOR} entry {
        __typename
        ... on NoteEntry { noteId text markdown isEdited }
        ... on ChatEntry { chatId chatText: text }
        ... on ThreadStatusTransitionedEntry {
          previousStatus
          nextStatus
          previousStatusDetail { __typename }
          nextStatusDetail {
            __typename
            ... on ThreadStatusDetailWaitingForDuration { waitingUntil { iso8601 } }
          }
        }
        ... on ThreadAssignmentTransitionedEntry { previousAssignee ${ASSIGNEE} nextAssignee ${ASSIGNEE} }
        ... on ThreadLabelsChangedEntry {
          previousLabels { id labelType { id } }
          nextLabels { id labelType { id } }
        }
        ... on ThreadPriorityChangedEntry { previousPriority nextPriority }
        ... on CustomEntry { title }
        ... on ThreadEventEntry { title }
        ... on CustomerEventEntry { title }
      } } }
    }
  }
}`;

/** One timeline entry as a test reads it: who made it and what it is. */
export interface ReadEntry {
  id: string;
  actor: Record<string, string>;
  entry: Record<string, any>;
}

/** A thread's whole timeline, oldest first, read through the API with the bootstrap key. */
export async function readTimeline(t: TestServer, threadId: string): Promise<ReadEntry[]> {
  const { status, body } = await t.graphql(TIMELINE, { threadId });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.data.thread.timelineEntries.edges.map((e: { node: ReadEntry }) => e.node);
}

/** The entries a change left: those after the first `before` entries. */
export async function entriesAfter(t: TestServer, threadId: string, before: number): Promise<ReadEntry[]> {
  return (await readTimeline(t, threadId)).slice(before);
}
