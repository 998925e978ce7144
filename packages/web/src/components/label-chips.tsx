import type { LabelChipFragment } from '../api/__generated__/graphql.js';

/** A thread's labels as small chips in their label type's colour. */
export function LabelChips({ labels }: { labels: readonly LabelChipFragment[] }) {
  if (labels.length === 0) return null;
  return (
    <span className="labels">
      {labels.map((label) => (
        <span key={label.id} className="label-chip">
          <span
            className="label-dot"
            style={{ background: label.labelType.color ?? 'var(--muted)' }}
            aria-hidden="true"
          />
          {label.labelType.name}
        </span>
      ))}
    </span>
  );
}
