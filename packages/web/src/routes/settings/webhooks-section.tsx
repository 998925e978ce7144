import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'wouter';
import { SettingsWebhookTargetsDocument } from '../../api/__generated__/graphql.js';
import { request } from '../../api/client.js';
import { Alert } from '../../components/alert.js';
import { CreateWebhookTargetForm } from './create-webhook-target-form.js';
import { SETTINGS_KEYS } from './query-keys.js';
import { WebhookSigningSecret } from './webhook-signing-secret.js';
import { WebhookTargetCard } from './webhook-target-card.js';

/** Webhooks: the signing secret, the targets with their delivery logs, and a form for a new target. */
export function WebhooksSection() {
  // The open log is in the address (?target=<id>), so a link can point straight at a target's log.
  const [search, setSearch] = useSearchParams();
  const openTargetId = search.get('target');
  const targets = useQuery({
    queryKey: SETTINGS_KEYS.webhookTargets,
    queryFn: () => request(SettingsWebhookTargetsDocument),
  });
  const list = targets.data?.webhookTargets.edges.map((e) => e.node) ?? [];
  const toggleLog = (targetId: string) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (openTargetId === targetId) next.delete('target');
        else next.set('target', targetId);
        return next;
      },
      { replace: true },
    );
  return (
    <section aria-labelledby="webhooks-heading" className="settings-section">
      <h2 id="webhooks-heading">Webhooks</h2>
      <WebhookSigningSecret />
      <Alert message={targets.error && `Could not load webhook targets: ${targets.error.message}`} />
      {targets.isPending ? (
        <p className="muted">Loading…</p>
      ) : list.length ? (
        <ul className="webhook-targets" aria-label="Webhook targets">
          {list.map((target) => (
            <WebhookTargetCard
              key={target.id}
              target={target}
              isLogOpen={openTargetId === target.id}
              onToggleLog={() => toggleLog(target.id)}
            />
          ))}
        </ul>
      ) : (
        <p className="muted">No webhook targets yet.</p>
      )}
      <CreateWebhookTargetForm />
    </section>
  );
}
