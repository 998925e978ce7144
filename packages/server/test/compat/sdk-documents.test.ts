/**
 * Every operation document shipped in @team-plain/typescript-sdk 5.12.1 whose root fields Threadline
 * implements must validate against Threadline's schema; the rest must fail with a clear error
 * naming the missing field (a root field we have not built is absent, never a stub).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  buildSchema,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  validate,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/graphql/schema.js';

const sdkRoot = dirname(createRequire(import.meta.url).resolve('@team-plain/typescript-sdk/package.json'));
const graphqlDir = join(sdkRoot, 'src', 'graphql');

function readDocuments(folder: string): DefinitionNode[] {
  return readdirSync(join(graphqlDir, folder))
    .filter((f) => f.endsWith('.gql'))
    .flatMap((f) => parse(readFileSync(join(graphqlDir, folder, f), 'utf8')).definitions);
}

const fragments = new Map(
  (readDocuments('fragments') as FragmentDefinitionNode[]).map((f) => [f.name.value, f] as const),
);
const operations = [...readDocuments('queries'), ...readDocuments('mutations')] as OperationDefinitionNode[];

/** The fragments a selection uses, transitively. */
function fragmentsOf(selectionSet: SelectionSetNode, into = new Set<string>()): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      if (!into.has(selection.name.value)) {
        into.add(selection.name.value);
        fragmentsOf(fragments.get(selection.name.value)!.selectionSet, into);
      }
    } else if (selection.selectionSet) {
      fragmentsOf(selection.selectionSet, into);
    }
  }
  return into;
}

/** The document the SDK sends for an operation: the operation and every fragment it uses. */
function wireDocument(operation: OperationDefinitionNode): DocumentNode {
  const used = [...fragmentsOf(operation.selectionSet)].map((name) => fragments.get(name)!);
  return { kind: Kind.DOCUMENT, definitions: [operation, ...used] };
}

const schema = buildSchema(loadTypeDefs());

function rootFieldsOf(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
}

function isImplemented(operation: OperationDefinitionNode): boolean {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  return rootFieldsOf(operation).every((field) => root?.getFields()[field] !== undefined);
}

const supported = operations.filter(isImplemented);
const unsupported = operations.filter((op) => !isImplemented(op));

/** The operations this version of Threadline serves; growing it is a feature, shrinking it a regression. */
const EXPECTED_SUPPORTED = [
  'addLabels',
  'archiveLabelType',
  'assignThread',
  'changeThreadPriority',
  'createCustomerEvent',
  'createLabelType',
  'createNote',
  'createThread',
  'createThreadEvent',
  'createWebhookTarget',
  'customerByEmail',
  'customerByExternalId',
  'customerById',
  'customerCustomerGroups',
  'customerTenants',
  'customers',
  'deleteCustomer',
  'deleteThreadField',
  'deleteWebhookTarget',
  'labelType',
  'labelTypes',
  'markThreadAsDone',
  'markThreadAsTodo',
  'myWorkspace',
  'removeLabels',
  'replyToThread',
  'snoozeThread',
  'thread',
  'threadByExternalId',
  'threadByRef',
  'threads',
  'unassignThread',
  'updateWebhookTarget',
  'upsertCustomer',
  'upsertThreadField',
  'userByEmail',
  'userById',
  'webhookTarget',
  'webhookTargets',
];

describe('the official SDK operation documents', () => {
  it('are the 71 the contract lists', () => {
    expect(operations).toHaveLength(71);
  });

  it('reports how many Threadline supports', () => {
    const names = supported.map((op) => op.name!.value).sort();
    console.log(`SDK operations supported: ${supported.length}/${operations.length}`);
    console.log(
      `Not yet supported: ${unsupported
        .map((op) => op.name!.value)
        .sort()
        .join(', ')}`,
    );
    expect(names).toEqual(EXPECTED_SUPPORTED);
  });

  it.each(supported.map((op) => [op.name!.value, op] as const))(
    '%s validates against our schema',
    (_name, op) => {
      expect(validate(schema, wireDocument(op)).map((e) => e.message)).toEqual([]);
    },
  );

  it.each(unsupported.map((op) => [op.name!.value, op] as const))(
    '%s fails validation, naming a field we do not have',
    (_name, op) => {
      const messages = validate(schema, wireDocument(op)).map((e) => e.message);
      expect(messages.some((m) => /Cannot query field|Unknown type/.test(m))).toBe(true);
    },
  );
});
