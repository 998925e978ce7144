import { systemActor } from '../../src/domain/actor.js';
import { insertCustomerIfAbsent } from '../../src/storage/customer-repository.js';
import type { Db } from '../../src/storage/db.js';
import { insertLabelType } from '../../src/storage/label-type-repository.js';
import { insertThreadFieldSchema } from '../../src/storage/thread-field-schema-repository.js';
import { insertThread } from '../../src/storage/thread-repository.js';
import { threadRefSequenceName } from '../../src/storage/workspace-repository.js';

/** The ids Plain's documentation (the seeds) uses in its examples. */
export const DOCS = {
  customerId: 'c_01H14DFQ4PDYBH398J1E99TWSS',
  customerEmail: 'jane@acme.com',
  labelTypeId: 'lt_01HB924PME9C0YWKW1N4AK3BZA',
  threadId: 'th_01HB924RWAW8H3Q8KZDFWYBJHZ',
} as const;

/**
 * Inserts the entities the seeds' examples refer to, with the documentation's own ids, so that the
 * examples run exactly as written: customer Jane (jane@acme.com), the "Bug report" label type, a
 * thread of Jane's, and the thread field schemas my_string_field, my_enum_field and my_bool_field.
 */
export async function insertDocsFixtures(db: Db, workspaceId: string): Promise<void> {
  const at = new Date('2023-09-26T15:36:21.390Z');
  const job = systemActor('job');
  const audit = { createdAt: at, createdBy: job, updatedAt: at, updatedBy: job };
  await insertCustomerIfAbsent(db, {
    workspaceId,
    id: DOCS.customerId,
    externalId: null,
    fullName: 'Jane Doe',
    shortName: 'Jane',
    email: DOCS.customerEmail,
    emailIsVerified: true,
    emailVerifiedAt: at,
    ...audit,
  });
  await insertLabelType(db, {
    workspaceId,
    id: DOCS.labelTypeId,
    name: 'Bug report',
    icon: 'bug',
    color: null,
    description: null,
    externalId: null,
    isExcludedFromAi: false,
    parentLabelTypeId: null,
    type: 'DEFAULT',
    position: 'a0',
    archivedAt: null,
    archivedBy: null,
    ...audit,
  });
  const schema = {
    workspaceId,
    description: '',
    isRequired: false,
    isClientReadonly: false,
    isAiAutoFillEnabled: false,
    defaultStringValue: null,
    defaultBooleanValue: null,
    defaultNumberValue: null,
    defaultDateValue: null,
    dependsOnThreadField: null,
    dependsOnLabelTypeIds: [],
    ...audit,
  };
  await insertThreadFieldSchema(db, {
    ...schema,
    id: 'tfs_01HB924PME9C0YWKW1N4AK3BZB',
    key: 'my_string_field',
    label: 'My string field',
    type: 'STRING',
    enumValues: [],
    order: 0,
  });
  await insertThreadFieldSchema(db, {
    ...schema,
    id: 'tfs_01HB924PME9C0YWKW1N4AK3BZC',
    key: 'my_enum_field',
    label: 'My enum field',
    type: 'ENUM',
    enumValues: ['any specified value', 'another value'],
    order: 1,
  });
  await insertThreadFieldSchema(db, {
    ...schema,
    id: 'tfs_01HB924PME9C0YWKW1N4AK3BZD',
    key: 'my_bool_field',
    label: 'My bool field',
    type: 'BOOL',
    enumValues: [],
    order: 2,
  });
  await insertThread(db, threadRefSequenceName(workspaceId), {
    thread: {
      workspaceId,
      id: DOCS.threadId,
      customerId: DOCS.customerId,
      externalId: null,
      title: 'Login button',
      description: null,
      previewText: null,
      priority: 2,
      status: 'TODO',
      statusDetail: 'CREATED',
      statusChangedAt: at,
      statusChangedBy: job,
      snoozedUntil: null,
      assignedTo: null,
      assignedAt: null,
      channel: 'API',
      ...audit,
    },
    labels: [],
    fields: [],
    firstMessage: null,
  });
}
