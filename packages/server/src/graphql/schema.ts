import { readFileSync } from 'node:fs';
import { commonLoaders, commonResolvers } from './common/resolvers.js';
import { componentResolvers } from './components/resolvers.js';
import { conversationLoaders, conversationResolvers } from './conversation/resolvers.js';
import { customerResolvers } from './customers/resolvers.js';
import { eventResolvers } from './events/resolvers.js';
import { identityResolvers } from './identity/resolvers.js';
import { labelLoaders, labelResolvers } from './labels/resolvers.js';
import { threadFieldResolvers } from './thread-fields/resolvers.js';
import { threadQueryResolvers } from './thread-queries/resolvers.js';
import { threadWorkflowResolvers } from './thread-workflow/resolvers.js';
import { threadLoaders, threadResolvers } from './threads/resolvers.js';
import { timelineLoaders, timelineResolvers } from './timeline/resolvers.js';
import { webhookResolvers } from './webhooks/resolvers.js';

/** The schema modules, each a folder with schema.graphql beside its resolvers. */
const MODULES = [
  'common',
  'components',
  'identity',
  'customers',
  'organizations',
  'labels',
  'thread-fields',
  'threads',
  'events',
  'timeline',
  'thread-workflow',
  'thread-queries',
  'conversation',
  'webhooks',
] as const;

/** Threadline's SDL: every module's schema.graphql, joined. */
export function loadTypeDefs(): string {
  return MODULES.map((module) =>
    readFileSync(new URL(`./${module}/schema.graphql`, import.meta.url), 'utf8'),
  ).join('\n');
}

type ResolverMap = Record<string, Record<string, unknown>>;

/** Merges resolver maps type by type (several modules add fields to Query, Mutation and Thread). */
function mergeResolvers(...maps: ResolverMap[]): ResolverMap {
  const merged: ResolverMap = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...fields };
  }
  return merged;
}

/** Every resolver of the schema. */
export const resolvers = mergeResolvers(
  commonResolvers,
  componentResolvers,
  identityResolvers,
  customerResolvers,
  labelResolvers,
  threadFieldResolvers,
  threadResolvers,
  eventResolvers,
  timelineResolvers,
  threadWorkflowResolvers,
  threadQueryResolvers,
  conversationResolvers,
  webhookResolvers,
);

/** Every batched loader of the schema (fields that read other entities). */
export const loaders = mergeResolvers(
  commonLoaders,
  labelLoaders,
  threadLoaders,
  timelineLoaders,
  conversationLoaders,
);
