import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  RotateWebhookSigningSecretDocument,
  WebhookSigningSecretDocument,
} from '../../api/__generated__/graphql.js';
import { request } from '../../api/client.js';
import { Alert } from '../../components/alert.js';
import { CopyButton } from '../../components/copy-button.js';
import { announce } from '../../lib/announcer.js';
import { ConfirmButton } from './confirm-button.js';
import { SETTINGS_KEYS } from './query-keys.js';

/** The secret every delivery is signed with: masked until revealed, copyable, rotatable. */
export function WebhookSigningSecret() {
  const [isRevealed, setIsRevealed] = useState(false);
  const queryClient = useQueryClient();
  const secret = useQuery({
    queryKey: SETTINGS_KEYS.webhookSigningSecret,
    queryFn: () => request(WebhookSigningSecretDocument),
  });
  const rotate = useMutation({
    mutationFn: () => request(RotateWebhookSigningSecretDocument),
    onSuccess: (data) => {
      queryClient.setQueryData(SETTINGS_KEYS.webhookSigningSecret, {
        webhookSigningSecret: data.rotateWebhookSigningSecret.webhookSigningSecret,
      });
      announce('Rotated the signing secret');
    },
  });
  const value = secret.data?.webhookSigningSecret.secret;
  return (
    <section className="card signing-secret" aria-labelledby="signing-secret-heading">
      <h3 id="signing-secret-heading">Signing secret</h3>
      <p className="muted hint">
        Every delivery carries a Plain-Request-Signature made with this secret; receivers verify it with the
        SDK's verifyWebhook.
      </p>
      {secret.error ? (
        <p className="error" role="alert">
          Could not load the signing secret: {secret.error.message}
        </p>
      ) : value === undefined ? (
        <p className="muted">Loading…</p>
      ) : (
        <div className="secret-row">
          {isRevealed ? (
            <code className="secret">{value}</code>
          ) : (
            <code className="secret">
              <span aria-hidden="true">{'•'.repeat(24)}</span>
              <span className="visually-hidden">Hidden</span>
            </code>
          )}
          <button type="button" className="button button-small" onClick={() => setIsRevealed(!isRevealed)}>
            {isRevealed ? 'Hide' : 'Reveal'}
          </button>
          <CopyButton text={value} what="signing secret" label="Copy signing secret" />
          <ConfirmButton
            label="Rotate"
            confirmLabel="Confirm rotate"
            warning="Deliveries are signed with the new secret at once; update your receivers."
            onConfirm={() => rotate.mutate()}
            isPending={rotate.isPending}
          />
        </div>
      )}
      <Alert message={rotate.error?.message} />
    </section>
  );
}
