import type { Db } from '../storage/db.js';
import type { Clock } from './clock.js';
import { createCustomerQueryService } from './customers/customer-query-service.js';
import { createCustomerService } from './customers/customer-service.js';
import { createEventService } from './events/event-service.js';
import { createIdentityService } from './identity/identity-service.js';
import { createSessionService } from './identity/session-service.js';
import type { SignInThrottleOptions } from './identity/sign-in-throttle.js';
import { createUserService } from './identity/user-service.js';
import { createLabelTypeService } from './labels/label-type-service.js';
import { createLiveFeed } from './live/live-feed.js';
import { createThreadFieldSchemaService } from './thread-fields/thread-field-schema-service.js';
import { createConversationService } from './threads/conversation-service.js';
import { createThreadEditService } from './threads/thread-edit-service.js';
import { createThreadFieldService } from './threads/thread-field-service.js';
import { createThreadLabelService } from './threads/thread-label-service.js';
import { createThreadQueryService } from './threads/thread-query-service.js';
import { createThreadService } from './threads/thread-service.js';
import { createThreadStatusService } from './threads/thread-status-service.js';
import { createTimelineService } from './timeline/timeline-service.js';
import { createDoorbell, createWebhookOutbox } from './webhooks/outbox.js';
import { createSigningSecretService } from './webhooks/signing-secret.js';
import { createWebhookTargetService, type WebhookTargetSettings } from './webhooks/webhook-target-service.js';

/** Every domain service, wired to one database and clock. */
export function createServices(base: {
  db: Db;
  clock: Clock;
  authCacheTtlMs?: number;
  webhooks?: WebhookTargetSettings;
  /** How failed sign-ins are slowed down (tests use small delays). */
  signInThrottle?: SignInThrottleOptions;
  /** Told of failures of work done after a request was answered; ignored when not given. */
  onBackgroundError?: (error: unknown) => void;
}) {
  // Rung after a commit that wrote webhook events; the server connects its delivery worker.
  const doorbell = createDoorbell();
  // Every committed change to a thread or customer, for the web app's live streams.
  const live = createLiveFeed();
  const outbox = createWebhookOutbox({
    db: base.db,
    clock: base.clock,
    doorbell,
    live,
    onBackgroundError: base.onBackgroundError ?? (() => {}),
  });
  const deps = { ...base, outbox };
  return {
    doorbell,
    live,
    identity: createIdentityService(deps),
    sessions: createSessionService(deps),
    users: createUserService(deps),
    customers: createCustomerService(deps),
    customerQueries: createCustomerQueryService(deps),
    labelTypes: createLabelTypeService(deps),
    threadFieldSchemas: createThreadFieldSchemaService(deps),
    threads: createThreadService(deps),
    threadQueries: createThreadQueryService(deps),
    threadStatus: createThreadStatusService(deps),
    threadEdits: createThreadEditService(deps),
    threadLabels: createThreadLabelService(deps),
    threadFields: createThreadFieldService(deps),
    conversation: createConversationService(deps),
    events: createEventService(deps),
    timeline: createTimelineService(deps),
    webhookTargets: createWebhookTargetService({
      ...deps,
      doorbell,
      settings: base.webhooks ?? { blockPrivate: false },
    }),
    signingSecret: createSigningSecretService(deps),
  };
}

/** All domain services. */
export type Services = ReturnType<typeof createServices>;
