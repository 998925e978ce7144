import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import type { SettingsWebhookTargetFragment } from '../../api/__generated__/graphql.js';
import { api, unwrap } from '../../api/client.js';
import { Alert } from '../../components/alert.js';
import { announce } from '../../lib/announcer.js';
import { formatTime } from '../../lib/format.js';
import { ConfirmButton } from './confirm-button.js';
import { SETTINGS_KEYS } from './query-keys.js';
import { WebhookDeliveryLog } from './webhook-delivery-log.js';
import { describeEventType } from './webhook-event-types.js';

/** One webhook target: what it receives, switched on or off, deleted, and its delivery log. */
export function WebhookTargetCard({
  target,
  isLogOpen,
  onToggleLog,
}: {
  target: SettingsWebhookTargetFragment;
  isLogOpen: boolean;
  onToggleLog: () => void;
}) {
  const headingId = useId();
  const logId = useId();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: SETTINGS_KEYS.webhookTargets });
  const setEnabled = useMutation({
    mutationFn: (isEnabled: boolean) =>
      api.updateWebhookTarget({ webhookTargetId: target.id, isEnabled: { value: isEnabled } }).then(unwrap),
    onSuccess: async (_, isEnabled) => {
      announce(`${isEnabled ? 'Enabled' : 'Disabled'} webhook target ${target.url}`);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => api.deleteWebhookTarget({ webhookTargetId: target.id }).then(unwrap),
    onSuccess: async () => {
      announce(`Deleted webhook target ${target.url}`);
      await refresh();
    },
  });
  const error = setEnabled.error ?? remove.error;
  return (
    <li className="card webhook-target" aria-labelledby={headingId}>
      <div className="webhook-target-header">
        <div className="webhook-target-title">
          <h3 id={headingId}>
            <code>{target.url}</code>
          </h3>
          {target.description && <p className="muted">{target.description}</p>}
        </div>
        <span className={target.isEnabled ? 'badge badge-on' : 'badge badge-off'}>
          {target.isEnabled ? 'Enabled' : 'Disabled'}
        </span>
      </div>
      {!target.isEnabled && target.disabledReason && (
        <p className="error">Disabled by Threadline: {target.disabledReason}</p>
      )}
      <p className="muted hint">Created {formatTime(target.createdAt.iso8601)}</p>
      <h4 className="visually-hidden">Events</h4>
      {target.eventSubscriptions.length ? (
        <ul className="event-list" aria-label="Subscribed events">
          {target.eventSubscriptions.map((s) => (
            <li key={s.eventType} title={describeEventType(s.eventType)}>
              <code>{s.eventType}</code>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Subscribed to no events.</p>
      )}
      <div className="webhook-target-actions">
        <button
          type="button"
          className="button button-small"
          disabled={setEnabled.isPending}
          onClick={() => setEnabled.mutate(!target.isEnabled)}
        >
          {target.isEnabled ? 'Disable' : 'Enable'}
        </button>
        <button
          type="button"
          className="button button-small"
          aria-expanded={isLogOpen}
          aria-controls={isLogOpen ? logId : undefined}
          onClick={onToggleLog}
        >
          Delivery log
        </button>
        <ConfirmButton
          label="Delete"
          confirmLabel="Confirm delete"
          warning="Its pending deliveries and its log are deleted too."
          onConfirm={() => remove.mutate()}
          isPending={remove.isPending}
        />
      </div>
      <Alert message={error?.message} />
      {isLogOpen && (
        <section id={logId} aria-label={`Delivery log of ${target.url}`}>
          <WebhookDeliveryLog webhookTargetId={target.id} />
        </section>
      )}
    </li>
  );
}
