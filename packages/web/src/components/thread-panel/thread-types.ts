import type { DirectoryQuery, ThreadDetailFragment } from '../../api/__generated__/graphql.js';

/** The thread the panel shows and edits. */
export type PanelThread = ThreadDetailFragment;

/** A thread field schema from the directory. */
export type FieldSchema = DirectoryQuery['threadFieldSchemas']['edges'][number]['node'];

/** A thread's value for one field. */
export type ThreadFieldData = ThreadDetailFragment['threadFields'][number];
