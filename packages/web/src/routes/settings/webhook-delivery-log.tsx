import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import {
  ReplayWebhookEventDocument,
  type WebhookDeliveryAttemptResultStatus,
  WebhookDeliveryLogDocument,
  type WebhookDeliveryLogQuery,
} from '../../api/__generated__/graphql.js';
import { request } from '../../api/client.js';
import { Alert } from '../../components/alert.js';
import { announce } from '../../lib/announcer.js';
import { formatTime, timeAgo } from '../../lib/format.js';
import { SETTINGS_KEYS } from './query-keys.js';
import { describeEventType, RESULT_STATUSES } from './webhook-event-types.js';

const PAGE_SIZE = 25;

type Attempt = WebhookDeliveryLogQuery['webhookDeliveryAttempts']['edges'][number]['node'];

/** One target's delivery attempts, newest first: filterable by result, paged, failed ones replayable. */
export function WebhookDeliveryLog({ webhookTargetId }: { webhookTargetId: string }) {
  const filterId = useId();
  const [status, setStatus] = useState<WebhookDeliveryAttemptResultStatus | ''>('');
  const queryClient = useQueryClient();
  const logKey = [...SETTINGS_KEYS.webhookDeliveries, webhookTargetId];
  const attempts = useInfiniteQuery({
    queryKey: [...logKey, status],
    queryFn: ({ pageParam }) =>
      request(WebhookDeliveryLogDocument, {
        webhookTargetId,
        filters: status ? { resultStatus: status } : null,
        first: PAGE_SIZE,
        after: pageParam,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.webhookDeliveryAttempts.pageInfo.hasNextPage
        ? last.webhookDeliveryAttempts.pageInfo.endCursor
        : null,
  });
  const rows =
    attempts.data?.pages.flatMap((page) => page.webhookDeliveryAttempts.edges.map((e) => e.node)) ?? [];
  return (
    <div className="delivery-log">
      <div className="delivery-log-toolbar">
        <label className="field-inline" htmlFor={filterId}>
          Result
        </label>
        <select
          id={filterId}
          value={status}
          onChange={(e) => setStatus(e.target.value as WebhookDeliveryAttemptResultStatus | '')}
        >
          <option value="">All results</option>
          {RESULT_STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-small"
          onClick={() => void queryClient.invalidateQueries({ queryKey: logKey })}
        >
          Refresh
        </button>
      </div>
      <Alert message={attempts.error && `Could not load the delivery log: ${attempts.error.message}`} />
      {attempts.isPending ? (
        <p className="muted">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="muted">No delivery attempts{status ? ' with this result' : ''}.</p>
      ) : (
        <table className="settings-table">
          <caption className="visually-hidden">Delivery attempts, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Event type</th>
              <th scope="col">Attempt</th>
              <th scope="col">Result</th>
              <th scope="col">HTTP status</th>
              <th scope="col">Event ID</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((attempt) => (
              <AttemptRow key={attempt.id} attempt={attempt} webhookTargetId={webhookTargetId} />
            ))}
          </tbody>
        </table>
      )}
      {attempts.hasNextPage && (
        <button
          type="button"
          className="button load-more"
          disabled={attempts.isFetchingNextPage}
          onClick={() => void attempts.fetchNextPage()}
        >
          {attempts.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}

function AttemptRow({ attempt, webhookTargetId }: { attempt: Attempt; webhookTargetId: string }) {
  const queryClient = useQueryClient();
  const eventCellId = useId();
  const replay = useMutation({
    mutationFn: () =>
      request(ReplayWebhookEventDocument, {
        input: { webhookTargetId, publicEventId: attempt.publicEventId },
      }),
    onSuccess: async () => {
      announce(`Event ${attempt.publicEventId} will be sent again`);
      await queryClient.invalidateQueries({
        queryKey: [...SETTINGS_KEYS.webhookDeliveries, webhookTargetId],
      });
    },
  });
  const result = attempt.result;
  const isFailed = result.status !== 'SUCCESSFUL_RESPONSE';
  return (
    <tr>
      <td className="nowrap" title={formatTime(attempt.attemptedAt.iso8601)}>
        <time dateTime={attempt.attemptedAt.iso8601}>{timeAgo(attempt.attemptedAt.iso8601)}</time>
      </td>
      <td>
        <code>{attempt.publicEventEventType}</code>
        <div className="muted hint">{describeEventType(attempt.publicEventEventType)}</div>
      </td>
      <td>{attempt.attemptNumber}</td>
      <td>
        <span className={isFailed ? 'result result-failed' : 'result result-ok'}>
          {resultLabel(result.status)}
        </span>
        {resultDetail(attempt) && <div className="muted hint">{resultDetail(attempt)}</div>}
      </td>
      <td>{'httpStatusCode' in result ? result.httpStatusCode : <span className="muted">—</span>}</td>
      <td id={eventCellId}>
        <code>{attempt.publicEventId}</code>
        <div className="muted hint">
          attempt <code>{attempt.id}</code>, {attempt.durationInMilliseconds} ms
        </div>
      </td>
      <td className="actions">
        {isFailed && (
          <button
            type="button"
            className="button button-small"
            aria-describedby={eventCellId}
            disabled={replay.isPending}
            onClick={() => replay.mutate()}
          >
            Replay
          </button>
        )}
        <Alert message={replay.error?.message} />
      </td>
    </tr>
  );
}

function resultLabel(status: WebhookDeliveryAttemptResultStatus): string {
  return RESULT_STATUSES.find((s) => s.value === status)?.label ?? status;
}

/** Why an attempt failed, in the server's or the receiver's words; nothing for a success. */
function resultDetail({ result, responseBodyExcerpt }: Attempt): string | null {
  switch (result.__typename) {
    case 'WebhookDeliveryAttemptFailedResult':
      return responseBodyExcerpt ? `Response: ${responseBodyExcerpt.slice(0, 200)}` : null;
    case 'WebhookDeliveryAttemptErrorResult':
      return `${result.errorCode}: ${result.errorMessage}`;
    case 'WebhookDeliveryAttemptRejectedResult':
      return result.rejectedMessage;
    case 'WebhookDeliveryAttemptSchemaValidationFailedResult':
      return result.errorMessage;
    default:
      return null;
  }
}
