/**
 * The JSON Threadline's webhooks carry, as Plain's webhook schema version 2026-02-27 defines it. Unlike
 * the GraphQL types, timestamps are ISO strings and actors are tagged by `actorType`. Only what
 * Threadline sends is typed; objects may carry more keys than listed.
 */

/** An ISO 8601 date-time, e.g. 2023-10-19T14:12:25.266Z. */
export type IsoDateTime = string;

export interface WebhookUserActor {
  actorType: 'user';
  userId: string;
}
export interface WebhookMachineUserActor {
  actorType: 'machineUser';
  machineUserId: string;
}
export interface WebhookSystemActor {
  actorType: 'system';
  system: string;
}
export interface WebhookCustomerActor {
  actorType: 'customer';
  customerId: string;
}
/** An actor kind this SDK version does not know. */
export interface WebhookUnknownActor {
  actorType: 'UNKNOWN';
}

/** Someone inside the workspace. */
export type WebhookInternalActor =
  | WebhookUserActor
  | WebhookMachineUserActor
  | WebhookSystemActor
  | WebhookUnknownActor;
/** Anyone, customers included. */
export type WebhookActor = WebhookInternalActor | WebhookCustomerActor;

interface Audited {
  createdAt: IsoDateTime;
  createdBy: WebhookActor;
  updatedAt: IsoDateTime;
  updatedBy: WebhookActor;
}

export interface WebhookCustomer extends Audited {
  id: string;
  email: { email: string; isVerified: boolean; verifiedAt: IsoDateTime | null };
  externalId: string | null;
  fullName: string;
  shortName: string | null;
  markedAsSpamAt?: IsoDateTime | null;
  markedAsSpamBy?: WebhookInternalActor | null;
  customerGroupMemberships: unknown[];
}

export interface WebhookLabelType extends Audited {
  id: string;
  name: string;
  icon?: string | null;
  isArchived?: boolean;
  archivedAt: IsoDateTime | null;
  archivedBy: WebhookInternalActor | null;
  externalId?: string | null;
}

export interface WebhookLabel extends Audited {
  id: string;
  labelType: WebhookLabelType;
}

/** Why a thread has its status, tagged by `type`. */
export type WebhookThreadStatusDetail =
  | { type: 'CREATED'; createdAt: IsoDateTime }
  | {
      type:
        | 'NEW_REPLY'
        | 'IN_PROGRESS'
        | 'WAITING_FOR_CUSTOMER'
        | 'DONE_MANUALLY_SET'
        | 'IGNORED'
        | 'UNKNOWN';
    }
  | { type: 'WAITING_FOR_DURATION'; waitingUntil: IsoDateTime; durationSeconds: number }
  | { type: 'THREAD_LINK_UPDATED'; linear?: { issueId: string } }
  | { type: 'DONE_AUTOMATICALLY_SET'; afterSeconds?: number }
  | { type: 'THREAD_DISCUSSION_RESOLVED'; threadDiscussionId?: string };

/** Who a thread is assigned to: a user or machine user object, or only an id. */
export type WebhookThreadAssignee =
  | { id: string; email?: string; fullName: string; publicName: string }
  | { id: string }
  | { type: 'UNKNOWN' };

export interface WebhookMessageInfo {
  timestamp: IsoDateTime;
  messageSource:
    | 'CHAT'
    | 'EMAIL'
    | 'API'
    | 'SLACK'
    | 'MS_TEAMS'
    | 'UNKNOWN_THREAD_MESSAGE_INFO_MESSAGE_SOURCE';
  actorId?: string | null;
  actorType?: 'user' | 'machineUser' | 'customer' | 'system' | null;
}

export interface WebhookThread extends Audited {
  id: string;
  customer: WebhookCustomer;
  title: string;
  previewText?: string | null;
  priority: number;
  externalId: string | null;
  status: 'TODO' | 'DONE' | 'SNOOZED' | 'UNKNOWN_THREAD_STATUS';
  statusChangedAt: IsoDateTime;
  statusChangedBy?: WebhookActor | null;
  statusDetail: WebhookThreadStatusDetail | null;
  assignee: WebhookThreadAssignee | null;
  assignedAt: IsoDateTime | null;
  additionalAssignees?: WebhookThreadAssignee[];
  labels: WebhookLabel[];
  firstInboundMessageInfo: WebhookMessageInfo | null;
  firstOutboundMessageInfo: WebhookMessageInfo | null;
  lastInboundMessageInfo: WebhookMessageInfo | null;
  lastOutboundMessageInfo: WebhookMessageInfo | null;
  supportEmailAddresses: string[];
}

export interface WebhookThreadField extends Audited {
  id: string;
  threadId: string;
  key: string;
  type: 'STRING' | 'BOOL' | 'ENUM' | 'NUMBER' | 'CURRENCY' | 'DATE' | 'UNKNOWN_THREAD_FIELD_SCHEMA_TYPE';
  stringValue: string | null;
  booleanValue: boolean | null;
  numberValue?: number | null;
  dateValue?: string | null;
}

export interface WebhookNote {
  timelineEntryId: string;
  id: string;
  text: string;
  markdown: string | null;
  createdAt: IsoDateTime;
  createdBy: WebhookInternalActor;
  updatedAt: IsoDateTime;
  updatedBy: WebhookInternalActor;
  deletedAt: IsoDateTime | null;
  deletedBy: WebhookInternalActor | null;
}

/** A reply in a thread: sent to the customer (thread.chat_sent) or from them (thread.chat_received). */
export interface WebhookChat {
  timelineEntryId: string;
  id: string;
  text: string | null;
  customerReadAt: IsoDateTime | null;
  attachments: unknown[];
  createdAt: IsoDateTime;
  createdBy: WebhookActor;
  updatedAt: IsoDateTime;
  updatedBy: WebhookActor;
}

/** A component of a custom timeline entry, tagged by `type`. */
export interface WebhookComponent {
  type:
    | 'text'
    | 'plainText'
    | 'spacer'
    | 'divider'
    | 'linkButton'
    | 'workflowButton'
    | 'badge'
    | 'copyButton'
    | 'row'
    | 'container';
  [key: string]: unknown;
}

/** What a timeline entry is, tagged by `entryType`. */
export type WebhookTimelineEntryContent =
  | { entryType: 'note'; noteId: string; text: string; markdown: string | null }
  | {
      entryType: 'custom';
      externalId: string | null;
      title: string;
      type: string | null;
      components: WebhookComponent[];
      attachments: unknown[];
    }
  | {
      entryType: 'chat';
      chatId: string;
      text: string | null;
      attachments: unknown[];
      customerReadAt: IsoDateTime | null;
    }
  | { entryType: 'email' | 'UNKNOWN'; [key: string]: unknown };

export interface WebhookTimelineEntry {
  id: string;
  customerId: string;
  threadId?: string | null;
  timestamp: IsoDateTime;
  actor: WebhookActor;
  entry: WebhookTimelineEntryContent;
}
