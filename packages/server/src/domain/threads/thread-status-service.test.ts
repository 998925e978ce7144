import { describe, expect, it } from 'vitest';
import type { ThreadFieldSchemaRecord } from '../../storage/thread-field-schema-repository.js';
import type { ThreadFieldRecord, ThreadRecord } from '../../storage/thread-repository.js';
import { missingRequiredFields } from './thread-status-service.js';

const at = new Date('2026-01-01T00:00:00.000Z');
const audit = { createdAt: at, createdBy: 'mu_1', updatedAt: at, updatedBy: 'mu_1' };

function schema(key: string, overrides: Partial<ThreadFieldSchemaRecord> = {}): ThreadFieldSchemaRecord {
  return {
    workspaceId: 'w_1',
    id: `tfs_${key}`,
    key,
    label: key,
    description: '',
    type: 'STRING',
    enumValues: [],
    order: 0,
    isRequired: true,
    isClientReadonly: false,
    isAiAutoFillEnabled: false,
    defaultStringValue: null,
    defaultBooleanValue: null,
    defaultNumberValue: null,
    defaultDateValue: null,
    dependsOnThreadField: null,
    dependsOnLabelTypeIds: [],
    ...audit,
    ...overrides,
  } as ThreadFieldSchemaRecord;
}

function field(key: string, value: Partial<ThreadFieldRecord>): ThreadFieldRecord {
  return {
    id: `tf_${key}`,
    threadId: 'th_1',
    key,
    type: 'STRING',
    stringValue: null,
    booleanValue: null,
    numberValue: null,
    dateValue: null,
    isAiGenerated: false,
    ...audit,
    ...value,
  };
}

function thread(fields: ThreadFieldRecord[], labelTypeIds: string[] = []): ThreadRecord {
  return {
    threadFields: fields,
    labels: labelTypeIds.map((id) => ({ id: `l_${id}`, threadId: 'th_1', labelType: { id } })),
  } as unknown as ThreadRecord;
}

describe('missingRequiredFields', () => {
  it('lists required keys without a value and ignores optional ones', () => {
    const schemas = [schema('a'), schema('b'), schema('c', { isRequired: false })];
    expect(missingRequiredFields(thread([field('b', { stringValue: 'x' })]), schemas)).toEqual(['a']);
  });

  it('requires a label-dependent field only when the thread has one of the labels', () => {
    const schemas = [schema('refund', { dependsOnLabelTypeIds: ['lt_billing'] })];
    expect(missingRequiredFields(thread([]), schemas)).toEqual([]);
    expect(missingRequiredFields(thread([], ['lt_billing']), schemas)).toEqual(['refund']);
  });

  it('requires a field-dependent field only when the other field has the value', () => {
    const schemas = [
      schema('is_bug', { type: 'BOOL', isRequired: false }),
      schema('severity', {
        dependsOnThreadField: { threadFieldSchemaId: 'tfs_is_bug', threadFieldSchemaValue: 'true' },
      }),
    ];
    expect(
      missingRequiredFields(thread([field('is_bug', { type: 'BOOL', booleanValue: false })]), schemas),
    ).toEqual([]);
    expect(
      missingRequiredFields(thread([field('is_bug', { type: 'BOOL', booleanValue: true })]), schemas),
    ).toEqual(['severity']);
  });
});
