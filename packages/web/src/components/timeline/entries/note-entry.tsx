import { MarkdownContent } from '../components/markdown-content.js';
import type { EntryOf } from '../entry-types.js';
import { EntryHeader } from './entry-header.js';

/** An internal note, only seen by the workspace: its markdown when it has some, else its text. */
export function NoteEntryView({
  entry,
  actor,
  iso,
}: {
  entry: EntryOf<'NoteEntry'>;
  actor: string;
  iso: string;
}) {
  return (
    <div className="note">
      <EntryHeader actor={actor} iso={iso} kind="note" />
      {entry.markdown ? (
        <div className="note-body">
          <MarkdownContent text={entry.markdown} />
        </div>
      ) : (
        <div className="note-body plain-body">{entry.noteText}</div>
      )}
    </div>
  );
}
