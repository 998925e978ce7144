import { encodeCursor, type PageArgs } from '../../domain/pagination.js';
import { WEBHOOK_VERSION } from '../../domain/webhooks/event-types.js';
import type { AttemptResult, DeliveryAttemptRecord } from '../../storage/webhook-delivery-repository.js';
import type { WebhookTargetRecord } from '../../storage/webhook-target-repository.js';
import { auditResolvers, connectionOutput, EMPTY_CONNECTION } from '../common/output.js';
import { mutationField, queryField } from '../common/root-field.js';

const RESULT_TYPENAMES: Record<AttemptResult, string> = {
  SUCCESSFUL_RESPONSE: 'WebhookDeliveryAttemptSuccessfulResult',
  FAILED_RESPONSE: 'WebhookDeliveryAttemptFailedResult',
  ERROR: 'WebhookDeliveryAttemptErrorResult',
  REJECTED: 'WebhookDeliveryAttemptRejectedResult',
};

interface AttemptFilterArgs {
  eventTypes?: string[] | null;
  resultStatus?: AttemptResult | 'SCHEMA_VALIDATION_FAILED' | null;
  publicEventId?: string | null;
}

/** Resolvers of webhook targets, their delivery log, replays and the signing secret. */
export const webhookResolvers = {
  Query: {
    webhookTarget: queryField(
      ['webhookTarget:read'],
      (args: { webhookTargetId: string }, { caller, services }) =>
        services.webhookTargets.getWebhookTarget(caller, args.webhookTargetId),
    ),
    webhookTargets: queryField(['webhookTarget:read'], async (args: PageArgs, { caller, services }) =>
      connectionOutput(await services.webhookTargets.listWebhookTargets(caller, args)),
    ),
    webhookVersions: queryField([], () => ({
      edges: [
        {
          cursor: encodeCursor([WEBHOOK_VERSION]),
          node: { version: WEBHOOK_VERSION, isDeprecated: false, isLatest: true },
        },
      ],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    })),
    webhookDeliveryAttempts: queryField(
      ['webhookTarget:read'],
      async (
        args: PageArgs & { webhookTargetId: string; filters?: AttemptFilterArgs | null },
        { caller, services },
      ) => {
        // Threadline validates nothing against a schema before sending, so no attempt has this result.
        if (args.filters?.resultStatus === 'SCHEMA_VALIDATION_FAILED') return EMPTY_CONNECTION;
        const page = await services.webhookTargets.listDeliveryAttempts(
          caller,
          args.webhookTargetId,
          {
            eventTypes: args.filters?.eventTypes,
            result: args.filters?.resultStatus,
            eventId: args.filters?.publicEventId,
          },
          args,
        );
        return page ? connectionOutput(page) : EMPTY_CONNECTION;
      },
    ),
    webhookSigningSecret: queryField(['webhookSigningSecret:read'], async (_args, { caller, services }) => ({
      secret: await services.signingSecret.getSigningSecret(caller),
    })),
  },
  Mutation: {
    createWebhookTarget: mutationField(['webhookTarget:create'], async (input, { caller, services }) => ({
      webhookTarget: await services.webhookTargets.createWebhookTarget(caller, input),
    })),
    updateWebhookTarget: mutationField(['webhookTarget:edit'], async (input, { caller, services }) => ({
      webhookTarget: await services.webhookTargets.updateWebhookTarget(caller, input),
    })),
    deleteWebhookTarget: mutationField(['webhookTarget:delete'], async (input, { caller, services }) => {
      await services.webhookTargets.deleteWebhookTarget(caller, input);
      return {};
    }),
    replayWebhookEvents: mutationField(
      ['webhookTarget:edit'],
      async (input, { caller, services }) => ({
        publicEventIds: await services.webhookTargets.replayWebhookEvents(caller, input),
      }),
      { publicEventIds: [] },
    ),
    rotateWebhookSigningSecret: mutationField(
      ['webhookSigningSecret:edit'],
      async (_input, { caller, services }) => ({
        webhookSigningSecret: { secret: await services.signingSecret.rotateSigningSecret(caller) },
      }),
    ),
  },
  WebhookTarget: {
    ...auditResolvers,
    eventSubscriptions: (t: WebhookTargetRecord) => t.eventTypes.map((eventType) => ({ eventType })),
  },
  WebhookDeliveryAttempt: {
    webhookTargetId: (a: DeliveryAttemptRecord) => a.targetId,
    publicEventId: (a: DeliveryAttemptRecord) => a.eventId,
    publicEventEventType: (a: DeliveryAttemptRecord) => a.eventType,
    durationInMilliseconds: (a: DeliveryAttemptRecord) => a.durationMs,
    responseBodyExcerpt: (a: DeliveryAttemptRecord) => a.responseExcerpt,
    result: (a: DeliveryAttemptRecord) => ({
      status: a.result,
      httpStatusCode: a.httpStatus,
      errorCode: a.errorCode,
      errorMessage: a.errorMessage,
      rejectedMessage: a.errorMessage,
    }),
  },
  WebhookDeliveryAttemptResult: {
    resolveType: (result: { status: AttemptResult }) => RESULT_TYPENAMES[result.status],
  },
};
