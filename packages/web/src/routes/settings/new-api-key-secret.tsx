import { useEffect, useId, useRef } from 'react';
import { CopyButton } from '../../components/copy-button.js';

/** A new key's secret, shown once: the server never returns it again. Focus moves here when it appears. */
export function NewApiKeySecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="card new-api-key" aria-labelledby={headingId}>
      <h4 id={headingId} ref={headingRef} tabIndex={-1}>
        Copy your API key now
      </h4>
      <p>It will not be shown again. Store it where your integration reads its secrets.</p>
      <div className="secret-row">
        <code className="secret" data-testid="api-key-secret">
          {secret}
        </code>
        <CopyButton text={secret} what="API key" label="Copy key" />
      </div>
      <button type="button" className="button button-primary" onClick={onDone}>
        Done
      </button>
    </section>
  );
}
