/**
 * Results have Plain SDK 5.12.1's shapes: the same server, the same calls through both clients, and
 * every field Plain's client returns is in ours with the same value. (Ours may hold more: its actor
 * fragment adds `__typename` where Plain's gives `{}`.) Mutation results are compared with what
 * Plain's client then reads back.
 */
import { describe, expect, it } from 'vitest';
import { DOCS } from '../../server/test/support/docs-fixtures.js';
import { serverWithDocsFixtures } from '../../server/test/support/seed-servers.js';
import { ThreadlineClient, uiComponent } from '../src/index.js';

describe('result shapes, compared with Plain SDK 5.12.1 on one server', () => {
  const server = serverWithDocsFixtures();
  const ours = () => new ThreadlineClient({ apiKey: server().apiKey, apiUrl: server().apiUrl });
  const plain = () => server().client;

  it('match for a thread through its life: create, label, field, assign, snooze, done', async () => {
    const created = await ours().createThread({
      title: 'Shapes',
      customerIdentifier: { customerId: DOCS.customerId },
      components: [uiComponent.text({ text: 'hello' })],
      labelTypeIds: [DOCS.labelTypeId],
      threadFields: [{ key: 'my_bool_field', type: 'BOOL', booleanValue: true }],
      externalId: 'shapes-1',
    });
    const threadId = created.data!.id;
    expect(created.data).toMatchObject((await plain().getThread({ threadId })).data!);

    const user = (await ours().getUserByEmail({ email: 'admin@localhost' })).data!;
    expect(user).toMatchObject((await plain().getUserByEmail({ email: 'admin@localhost' })).data!);
    const plainUser = await plain().getUserById({ id: user.id });
    expect(plainUser.data?.id).toBe(user.id);
    expect((await ours().getUserById({ id: user.id })).data).toMatchObject(plainUser.data!);

    const assigned = await ours().assignThread({ threadId, userId: user.id });
    expect(assigned.data).toMatchObject((await plain().getThread({ threadId })).data!);
    const snoozed = await ours().snoozeThread({ threadId, durationSeconds: 3600 });
    expect(snoozed.data).toMatchObject((await plain().getThread({ threadId })).data!);
    const done = await ours().markThreadAsDone({ threadId });
    expect(done.data).toMatchObject((await plain().getThread({ threadId })).data!);

    const ref = done.data!.ref;
    expect((await ours().getThreadByRef({ ref })).data).toMatchObject(
      (await plain().getThreadByRef({ ref })).data!,
    );
    const byExternalId = { customerId: DOCS.customerId, externalId: 'shapes-1' };
    expect((await ours().getThreadByExternalId(byExternalId)).data).toMatchObject(
      (await plain().getThreadByExternalId(byExternalId)).data!,
    );
  });

  it('match for lists, lookups and the workspace', async () => {
    const calls: [string, (c: any) => Promise<any>][] = [
      ['getThreads', (c) => c.getThreads({ first: 10 })],
      ['getCustomers', (c) => c.getCustomers({ first: 10 })],
      ['getCustomerById', (c) => c.getCustomerById({ customerId: DOCS.customerId })],
      ['getCustomerByEmail', (c) => c.getCustomerByEmail({ email: DOCS.customerEmail })],
      ['getCustomerByExternalId', (c) => c.getCustomerByExternalId({ externalId: 'nobody' })],
      [
        'getCustomerCustomerGroupMemberships',
        (c) => c.getCustomerCustomerGroupMemberships({ customerId: DOCS.customerId }),
      ],
      [
        'getCustomerTenantMemberships',
        (c) => c.getCustomerTenantMemberships({ customerId: DOCS.customerId }),
      ],
      ['getLabelTypes', (c) => c.getLabelTypes({ first: 10 })],
      ['getLabelType', (c) => c.getLabelType({ labelTypeId: DOCS.labelTypeId })],
      ['getMyWorkspace', (c) => c.getMyWorkspace()],
      ['getThread (missing)', (c) => c.getThread({ threadId: 'th_01HB924RWAW8H3Q8KZDFWYBJZZ' })],
    ];
    for (const [name, call] of calls) {
      const [theirs, mine] = [await call(plain()), await call(ours())];
      expect(theirs.error, name).toBeUndefined();
      expect(mine, name).toMatchObject(theirs);
    }
  });

  it('match for events, notes, labels, thread fields and upserts', async () => {
    const upserted = await ours().upsertCustomer({
      identifier: { emailAddress: 'shapes@example.com' },
      onCreate: { fullName: 'Shape Tester', email: { email: 'shapes@example.com', isVerified: true } },
      onUpdate: {},
    });
    expect(upserted.data?.result).toBe('CREATED');
    expect(upserted.data?.customer).toMatchObject(
      (await plain().getCustomerById({ customerId: upserted.data!.customer.id })).data!,
    );

    const labelType = await ours().createLabelType({ name: 'Shapes label', icon: 'star' });
    expect(labelType.data).toMatchObject(
      (await plain().getLabelType({ labelTypeId: labelType.data!.id })).data!,
    );

    const labels = await ours().addLabels({ threadId: DOCS.threadId, labelTypeIds: [labelType.data!.id] });
    const thread = (await plain().getThread({ threadId: DOCS.threadId })).data!;
    expect(labels.data).toMatchObject(thread.labels);
    expect(await ours().removeLabels({ labelIds: [labels.data![0]!.id] })).toEqual({ data: null });

    const field = await ours().upsertThreadField({
      identifier: { threadId: DOCS.threadId, key: 'my_string_field' },
      type: 'STRING',
      stringValue: 'shaped',
    });
    const fields = (await plain().getThread({ threadId: DOCS.threadId })).data!.threadFields;
    expect([field.data]).toMatchObject(fields);

    const note = await ours().createNote({
      customerId: DOCS.customerId,
      threadId: DOCS.threadId,
      text: 'A note',
    });
    expect(note.data).toEqual({
      __typename: 'Note',
      id: expect.stringMatching(/^n_/),
      markdown: null,
      text: 'A note',
    });

    const archived = await ours().archiveLabelType({ labelTypeId: labelType.data!.id });
    expect(archived.data).toMatchObject({ id: labelType.data!.id, isArchived: true });
  });
});
