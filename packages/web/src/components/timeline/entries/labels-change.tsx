import type { LabelChipFragment } from '../../../api/__generated__/graphql.js';
import type { EntryOf } from '../entry-types.js';
import { ChangeLine } from './change-line.js';

/** "<actor> added label Bug and removed label Billing". */
export function LabelsChangeView({
  entry,
  actor,
  iso,
}: {
  entry: EntryOf<'ThreadLabelsChangedEntry'>;
  actor: string;
  iso: string;
}) {
  const added = labelsNotIn(entry.nextLabels, entry.previousLabels);
  const removed = labelsNotIn(entry.previousLabels, entry.nextLabels);
  return (
    <ChangeLine actor={actor} iso={iso}>
      {added.length > 0 && <LabelList verb="added" names={added} />}
      {added.length > 0 && removed.length > 0 && ' and '}
      {removed.length > 0 && <LabelList verb="removed" names={removed} />}
      {added.length === 0 && removed.length === 0 && 'changed labels'}
    </ChangeLine>
  );
}

function LabelList({ verb, names }: { verb: string; names: string[] }) {
  return (
    <>
      {verb} {names.length === 1 ? 'label' : 'labels'} <strong>{names.join(', ')}</strong>
    </>
  );
}

/** Names of the label types in `labels` that `other` does not have (compared by type: ids change on re-add). */
function labelsNotIn(labels: readonly LabelChipFragment[], other: readonly LabelChipFragment[]): string[] {
  const otherTypes = new Set(other.map((l) => l.labelType.id));
  return labels.filter((l) => !otherTypes.has(l.labelType.id)).map((l) => l.labelType.name);
}
