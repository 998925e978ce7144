import type { Queryable } from './db.js';
import type { Audit } from './rows.js';

/** An internal note on a customer, optionally on one of their threads. */
export interface NoteRecord extends Audit {
  workspaceId: string;
  id: string;
  customerId: string;
  threadId: string | null;
  text: string;
  markdown: string | null;
}

/** Stores a note. */
export async function insertNote(tx: Queryable, note: NoteRecord): Promise<void> {
  await tx.query(
    `INSERT INTO notes (workspace_id, id, customer_id, thread_id, text, markdown, created_at, created_by,
       updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      note.workspaceId,
      note.id,
      note.customerId,
      note.threadId,
      note.text,
      note.markdown,
      note.createdAt,
      note.createdBy,
      note.updatedAt,
      note.updatedBy,
    ],
  );
}
