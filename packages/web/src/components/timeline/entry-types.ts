import type { TimelineItemFragment } from '../../api/__generated__/graphql.js';

/** What a timeline entry is: the union of entry kinds. */
export type EntryData = TimelineItemFragment['entry'];

/** One kind of entry, by its GraphQL type name. */
export type EntryOf<K extends EntryData['__typename']> = Extract<EntryData, { __typename: K }>;
