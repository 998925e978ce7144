import { isSafeHref } from '../../../lib/markdown.js';

/** Plain's ComponentLinkButton: a link styled as a button, opening in a new tab. */
export function ComponentLinkButton({ url, label }: { url: string; label: string }) {
  // The server validates URLs; this guard keeps a javascript: URL inert even if one got through.
  const href = isSafeHref(url) ? url : undefined;
  return (
    <a className="link-button" href={href} target="_blank" rel="noopener noreferrer">
      {label}
    </a>
  );
}
