/**
 * Our SDL keeps Plain's names and nullability: every type, field, argument, input field and enum value
 * we declare that Plain's published schema also has must match it exactly. Extensions of our own
 * (the `email` alias on CustomerIdentifierInput, `threadId` on CreateCustomerEventInput) are listed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  buildSchema,
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/graphql/schema.js';

/** Plain's schema (MIT), as the repository's shared reference holds it beside the checkout. */
const REFERENCE = resolve(import.meta.dirname, '../../../../../shared/reference/plain-schema.graphql');

/** What we add to Plain's types, on purpose (docs/compatibility.md lists them). */
const OUR_EXTENSIONS = new Set([
  'CustomerIdentifierInput.email',
  'CreateCustomerEventInput.threadId',
  'WebhookTarget.disabledReason',
  'WebhookTarget.disabledAt',
  'WebhookDeliveryAttempt.attemptNumber',
  'WebhookDeliveryAttempt.responseBodyExcerpt',
  'WebhookDeliveryAttemptFilter.publicEventId',
  'Query.webhookSigningSecret',
  'Mutation.replayWebhookEvents',
  'Mutation.replayWebhookEvents(input)',
  'Mutation.rotateWebhookSigningSecret',
]);

/** Types of our own, which Plain does not have: webhook replays and the signing secret. */
const OUR_TYPES = new Set([
  'WebhookSigningSecret',
  'ReplayWebhookEventsInput',
  'ReplayWebhookEventsOutput',
  'RotateWebhookSigningSecretOutput',
]);

function signatures(type: GraphQLNamedType): Map<string, string> {
  const out = new Map<string, string>();
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      out.set(field.name, String(field.type));
      for (const arg of field.args) out.set(`${field.name}(${arg.name})`, String(arg.type));
    }
  } else if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) out.set(field.name, String(field.type));
  } else if (isEnumType(type)) {
    for (const value of type.getValues()) out.set(value.name, 'enum value');
  } else if (isUnionType(type)) {
    for (const member of type.getTypes()) out.set(member.name, 'member');
  }
  return out;
}

describe.runIf(existsSync(REFERENCE))("parity with Plain's published schema", () => {
  const ours = buildSchema(loadTypeDefs());
  const plain = buildSchema(readFileSync(REFERENCE, 'utf8'));
  const types = Object.values(ours.getTypeMap()).filter(
    (t) => !t.name.startsWith('__') && !OUR_TYPES.has(t.name),
  );

  it('declares no type Plain does not have', () => {
    expect(types.filter((t) => !plain.getType(t.name)).map((t) => t.name)).toEqual([]);
  });

  it.each(types.map((t) => [t.name, t] as const))('%s matches Plain', (name, type) => {
    const theirs = plain.getType(name);
    expect(theirs?.constructor.name).toBe(type.constructor.name);
    const expected = signatures(theirs!);
    const mismatches: string[] = [];
    for (const [member, signature] of signatures(type)) {
      if (OUR_EXTENSIONS.has(`${name}.${member}`)) continue;
      if (expected.get(member) !== signature) {
        mismatches.push(`${name}.${member}: ours ${signature}, Plain's ${expected.get(member) ?? 'absent'}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
