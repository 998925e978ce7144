/**
 * Threadline's records in the JSON shapes of Plain's webhook schema 2026-02-27 (contract §7). They
 * differ from the GraphQL types: times are ISO strings, actors are tagged with `actorType`, and a
 * component's kind is its `type`.
 */
import type { CustomerRecord } from '../../storage/customer-repository.js';
import type { MachineUserRecord, UserRecord } from '../../storage/identity-repository.js';
import type { LabelTypeRecord } from '../../storage/label-type-repository.js';
import type { LabelRecord, ThreadFieldRecord, ThreadRecord } from '../../storage/thread-repository.js';
import { type ActorRef, actorKind, systemIdOf } from '../actor.js';
import type { Component } from '../components/component.js';

type Json = Record<string, unknown>;

const iso = (date: Date | null | undefined): string | null => date?.toISOString() ?? null;

/** An actor: user, machine user, customer or system. */
export function actorJson(actor: ActorRef): Json {
  switch (actorKind(actor)) {
    case 'user':
      return { actorType: 'user', userId: actor };
    case 'machineUser':
      return { actorType: 'machineUser', machineUserId: actor };
    case 'customer':
      return { actorType: 'customer', customerId: actor };
    case 'system':
      return { actorType: 'system', system: systemIdOf(actor) };
  }
}

/** An internal actor: as actorJson, but a customer (never internal) is UNKNOWN. */
export function internalActorJson(actor: ActorRef): Json {
  return actorKind(actor) === 'customer' ? { actorType: 'UNKNOWN' } : actorJson(actor);
}

function auditJson(
  record: { createdAt: Date; createdBy: ActorRef; updatedAt: Date; updatedBy: ActorRef },
  actor: (a: ActorRef) => Json,
): Json {
  return {
    createdAt: iso(record.createdAt),
    createdBy: actor(record.createdBy),
    updatedAt: iso(record.updatedAt),
    updatedBy: actor(record.updatedBy),
  };
}

/** A customer. */
export function customerJson(c: CustomerRecord): Json {
  return {
    id: c.id,
    email: { email: c.email, isVerified: c.emailIsVerified, verifiedAt: iso(c.emailVerifiedAt) },
    externalId: c.externalId,
    fullName: c.fullName,
    shortName: c.shortName,
    markedAsSpamAt: null,
    markedAsSpamBy: null,
    customerGroupMemberships: [],
    ...auditJson(c, actorJson),
  };
}

function labelTypeJson(lt: LabelTypeRecord): Json {
  return {
    id: lt.id,
    name: lt.name,
    icon: lt.icon,
    isArchived: lt.archivedAt !== null,
    archivedAt: iso(lt.archivedAt),
    archivedBy: lt.archivedBy ? internalActorJson(lt.archivedBy) : null,
    externalId: lt.externalId,
    isExcludedFromAi: lt.isExcludedFromAi,
    ...auditJson(lt, internalActorJson),
  };
}

function labelJson(label: LabelRecord): Json {
  return { id: label.id, labelType: labelTypeJson(label.labelType), ...auditJson(label, actorJson) };
}

/** A thread's assignee: a user or a machine user. */
export type Assignee =
  | { kind: 'user'; user: UserRecord }
  | { kind: 'machineUser'; machineUser: MachineUserRecord };

function assigneeJson(assignee: Assignee): Json {
  const deletion = (r: { deletedAt: Date | null; deletedBy: string | null }) => ({
    deletedAt: iso(r.deletedAt),
    deletedBy: r.deletedBy ? internalActorJson(r.deletedBy) : null,
  });
  if (assignee.kind === 'user') {
    const u = assignee.user;
    return {
      id: u.id,
      email: u.email,
      fullName: u.fullName,
      publicName: u.publicName,
      // Threadline keeps no presence; OFFLINE is what a user without a session shows.
      status: 'OFFLINE',
      statusChangedAt: iso(u.createdAt),
      ...auditJson(u, internalActorJson),
      ...deletion(u),
    };
  }
  const m = assignee.machineUser;
  return {
    id: m.id,
    fullName: m.fullName,
    publicName: m.publicName,
    description: m.description,
    ...auditJson(m, internalActorJson),
    ...deletion(m),
  };
}

function statusDetailJson(thread: ThreadRecord): Json {
  const type = thread.statusDetail;
  switch (type) {
    case 'CREATED':
      return { type, createdAt: iso(thread.createdAt) };
    case 'WAITING_FOR_DURATION':
      return {
        type,
        waitingUntil: iso(thread.snoozedUntil),
        durationSeconds: thread.snoozedUntil
          ? Math.round((thread.snoozedUntil.getTime() - thread.statusChangedAt.getTime()) / 1000)
          : 0,
      };
    default:
      return { type };
  }
}

/** A thread as it is at one moment, with its customer and its assignee (when it has one). */
export interface ThreadSnapshot {
  thread: ThreadRecord;
  customer: CustomerRecord;
  assignee: Assignee | null;
}

/** A thread with its customer, labels and assignee. */
export function threadJson({ thread, customer, assignee }: ThreadSnapshot): Json {
  return {
    id: thread.id,
    customer: customerJson(customer),
    title: thread.title,
    previewText: thread.previewText,
    priority: thread.priority,
    externalId: thread.externalId,
    status: thread.status,
    statusChangedAt: iso(thread.statusChangedAt),
    statusChangedBy: actorJson(thread.statusChangedBy),
    statusDetail: statusDetailJson(thread),
    assignee: assignee ? assigneeJson(assignee) : null,
    assignedAt: iso(thread.assignedAt),
    additionalAssignees: [],
    labels: thread.labels.map(labelJson),
    firstInboundMessageInfo: null,
    firstOutboundMessageInfo: null,
    lastInboundMessageInfo: null,
    lastOutboundMessageInfo: null,
    supportEmailAddresses: [],
    ...auditJson(thread, actorJson),
  };
}

/** A thread field value. */
export function threadFieldJson(field: ThreadFieldRecord): Json {
  return {
    id: field.id,
    threadId: field.threadId,
    key: field.key,
    type: field.type,
    stringValue: field.stringValue,
    booleanValue: field.booleanValue,
    numberValue: field.numberValue,
    dateValue: iso(field.dateValue),
    ...auditJson(field, actorJson),
  };
}

/** A UI component, its kind as `type`, with the content of rows and containers converted too. */
export function componentJson(component: Component): Json {
  const { kind, ...fields } = component;
  switch (component.kind) {
    case 'row':
      return {
        type: kind,
        rowMainContent: component.rowMainContent.map(componentJson),
        rowAsideContent: component.rowAsideContent.map(componentJson),
      };
    case 'container':
      return { type: kind, containerContent: component.containerContent.map(componentJson) };
    case 'workflowButton':
      return {
        type: kind,
        workflowButtonLabel: component.workflowButtonLabel,
        workflowButtonWorkflowIdentifier: {
          workflowId:
            component.workflowButtonWorkflowIdentifier.workflowId ??
            component.workflowButtonWorkflowIdentifier.workflowKey ??
            '',
        },
      };
    default:
      return { type: kind, ...fields };
  }
}

/** What a timeline entry shows, by kind; the entry's own fields come from timelineEntryJson. */
export type EntryContent =
  | { entryType: 'custom'; externalId: string | null; title: string; components: Component[] }
  | { entryType: 'note'; noteId: string; text: string; markdown: string | null }
  | { entryType: 'chat'; chatId: string; text: string | null };

/** A timeline entry of a thread. */
export function timelineEntryJson(entry: {
  id: string;
  customerId: string;
  threadId: string | null;
  timestamp: Date;
  actor: ActorRef;
  content: EntryContent;
}): Json {
  const { content } = entry;
  const body =
    content.entryType === 'custom'
      ? { ...content, type: null, components: content.components.map(componentJson), attachments: [] }
      : content.entryType === 'chat'
        ? { ...content, attachments: [], customerReadAt: null }
        : content;
  return {
    id: entry.id,
    customerId: entry.customerId,
    threadId: entry.threadId,
    timestamp: iso(entry.timestamp),
    actor: actorJson(entry.actor),
    entry: body,
  };
}
