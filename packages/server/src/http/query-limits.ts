/**
 * Limits against hostile GraphQL (issue 7): a document's depth, static cost, aliases and root
 * fields, and introspection when it is off. Checked in Mercurius's preValidation hook, which runs
 * only for a query text not in its cache: once per document, not per request, and before graphql-js
 * validates, whose overlapping-fields rule is quadratic in the fields of an alias bomb.
 */
import type { DocumentNode } from 'graphql';
import { ApiError, type ApiErrorCode } from '../graphql/common/api-error.js';
import { measureDocument, type OperationMeasure, type SchemaLike } from './query-measure.js';

/**
 * The limits, with headroom over the official SDK's 71 documents (query-limits.test.ts measures
 * them: depth 8, cost 77,207 for `threads` with the full ThreadParts at a variable page size, one
 * alias, one root field, 650 tokens) and over GraphiQL's introspection query (depth 15).
 */
export const QUERY_LIMITS = {
  /** Lexical tokens in a query text; beyond it parsing stops. */
  tokens: 10_000,
  depth: 20,
  cost: 250_000,
  aliases: 50,
  rootFields: 20,
} as const;

/** Whether authenticated callers may introspect the schema (every GraphQL request is authenticated). */
export type IntrospectionSetting = 'authenticated' | 'off';

interface Refusal {
  code: ApiErrorCode;
  message: string;
}

function operationName(m: OperationMeasure): string {
  return m.name ? `Operation "${m.name}"` : 'The operation';
}

/** The first limit an operation of `document` breaks, or null. */
export function findQueryLimitBreach(
  schema: SchemaLike,
  document: DocumentNode,
  introspection: IntrospectionSetting,
): Refusal | null {
  for (const m of measureDocument(schema, document)) {
    const op = operationName(m);
    if (m.introspects && introspection === 'off') {
      return { code: 'INTROSPECTION_DISABLED', message: 'Introspection is disabled on this server.' };
    }
    if (m.depth > QUERY_LIMITS.depth) {
      return {
        code: 'QUERY_TOO_DEEP',
        message: `${op} is ${m.depth} levels deep; at most ${QUERY_LIMITS.depth} are allowed.`,
      };
    }
    if (m.aliases > QUERY_LIMITS.aliases) {
      return {
        code: 'TOO_MANY_ALIASES',
        message: `${op} has ${m.aliases} aliases; at most ${QUERY_LIMITS.aliases} are allowed.`,
      };
    }
    if (m.rootFields > QUERY_LIMITS.rootFields) {
      return {
        code: 'TOO_MANY_ROOT_FIELDS',
        message: `${op} selects ${m.rootFields} root fields; at most ${QUERY_LIMITS.rootFields} are allowed.`,
      };
    }
    if (m.cost > QUERY_LIMITS.cost) {
      return {
        code: 'QUERY_TOO_COMPLEX',
        message:
          `${op} costs ${Math.round(m.cost)}; at most ${QUERY_LIMITS.cost} is allowed ` +
          '(each field counts 1, times the items its lists may hold: first/last, or 100 for a variable).',
      };
    }
  }
  return null;
}

/**
 * Whether graphql's parser made the document. When a query text fails to parse, Mercurius tries it
 * as a JSON-encoded AST; Plain's API takes GraphQL text only, and a forged AST can break validation
 * or execution in ways no text can. A parsed document's `loc` is a graphql Location; JSON makes only
 * plain objects.
 */
function isParsedText(document: DocumentNode): boolean {
  const loc: unknown = (document as { loc?: unknown } | null)?.loc;
  return typeof loc === 'object' && loc !== null && Object.getPrototypeOf(loc) !== Object.prototype;
}

/** A Mercurius preValidation hook that refuses a document over the limits with HTTP 400. */
export function enforceQueryLimits(introspection: IntrospectionSetting) {
  return async (schema: unknown, document: DocumentNode) => {
    if (!isParsedText(document)) {
      throw new ApiError('GRAPHQL_PARSE_FAILED', 'Syntax Error: the query must be GraphQL text.', 400);
    }
    const breach = findQueryLimitBreach(schema as SchemaLike, document, introspection);
    if (breach) throw new ApiError(breach.code, breach.message, 400);
  };
}
