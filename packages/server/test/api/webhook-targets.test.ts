/** Plain's webhook target API through the official SDK: create, read, list, update, delete, limits. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestrictedKey } from '../support/api-keys.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});

afterAll(() => t.close());

const input = (n: number) => ({
  url: `https://hooks.example.com/${n}`,
  description: `target ${n}`,
  isEnabled: true,
  eventSubscriptions: [{ eventType: 'thread.thread_created' }],
});

describe('webhook targets', () => {
  let targetId: string;

  it('creates one and answers it as Plain does', async () => {
    const created = await t.client.createWebhookTarget({
      url: 'https://user:pa%40ss@hooks.example.com/plain',
      description: 'Our integration',
      isEnabled: true,
      eventSubscriptions: [
        { eventType: 'thread.thread_created' },
        { eventType: 'thread.thread_created' },
        { eventType: 'customer.customer_created' },
      ],
      version: '2026-02-27',
    });
    expect(created.error).toBeUndefined();
    targetId = created.data!.id;
    expect(created.data).toMatchObject({
      id: expect.stringMatching(/^whTarget_[0-9A-HJKMNP-TV-Z]{26}$/),
      url: 'https://user:pa%40ss@hooks.example.com/plain',
      description: 'Our integration',
      isEnabled: true,
      eventSubscriptions: [
        { eventType: 'thread.thread_created' },
        { eventType: 'customer.customer_created' },
      ],
      createdBy: { __typename: 'MachineUserActor' },
    });
    const read = await t.client.getWebhookTargetById({ id: targetId });
    expect(read.data).toEqual(created.data);
  });

  it('updates the URL, subscriptions and enabled flag, leaving the rest', async () => {
    const updated = await t.client.updateWebhookTarget({
      webhookTargetId: targetId,
      url: { value: 'https://hooks.example.com/v2' },
      isEnabled: { value: false },
      eventSubscriptions: [{ eventType: 'timeline.timeline_entry_changed' }],
    });
    expect(updated.error).toBeUndefined();
    expect(updated.data).toMatchObject({
      url: 'https://hooks.example.com/v2',
      description: 'Our integration',
      isEnabled: false,
      eventSubscriptions: [{ eventType: 'timeline.timeline_entry_changed' }],
    });
  });

  it('refuses bad input with dotted field paths and writes nothing', async () => {
    const bad = await t.client.createWebhookTarget({
      url: 'ftp://hooks.example.com',
      description: 'x',
      isEnabled: true,
      eventSubscriptions: [{ eventType: 'thread.created' }],
      version: '2020-01-01',
    });
    expect(bad.error?.type).toBe('mutation_error');
    const fields = (bad.error as any).errorDetails.fields.map((f: any) => f.field).sort();
    expect(fields).toEqual(['url']);
    const bad2 = await t.client.createWebhookTarget({
      url: 'https://ok.example.com',
      description: 'x',
      isEnabled: true,
      eventSubscriptions: [{ eventType: 'thread.created' }],
      version: '2020-01-01',
    });
    expect((bad2.error as any).errorDetails.fields.map((f: any) => f.field).sort()).toEqual([
      'eventSubscriptions.0.eventType',
      'version',
    ]);
    const missing = await t.client.updateWebhookTarget({
      webhookTargetId: 'whTarget_nope',
      description: { value: 'x' },
    });
    expect((missing.error as any).errorDetails).toMatchObject({
      code: 'not_found',
      fields: [{ field: 'webhookTargetId' }],
    });
    const list = await t.client.getWebhookTargets({ first: 100 });
    expect(list.data!.webhookTargets).toHaveLength(1);
  });

  it('allows 25 targets per workspace, also when creates race', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => t.client.createWebhookTarget(input(i))),
    );
    const refused = results.filter((r) => r.error);
    expect(results.length - refused.length).toBe(24); // one exists already
    expect(refused.map((r) => (r.error as any).errorDetails.code)).toEqual(
      Array(6).fill('too_many_webhook_targets'),
    );
    const page1 = await t.client.getWebhookTargets({ first: 20 });
    const page2 = await t.client.getWebhookTargets({ first: 20, after: page1.data!.pageInfo.endCursor! });
    expect(page1.data!.webhookTargets.length + page2.data!.webhookTargets.length).toBe(25);
    expect(page2.data!.pageInfo.hasNextPage).toBe(false);
  });

  it('deletes a target; a second delete is not_found', async () => {
    expect((await t.client.deleteWebhookTarget({ webhookTargetId: targetId })).error).toBeUndefined();
    expect((await t.client.getWebhookTargetById({ id: targetId })).data).toBeNull();
    const again = await t.client.deleteWebhookTarget({ webhookTargetId: targetId });
    expect((again.error as any).errorDetails.code).toBe('not_found');
  });

  it('needs webhookTarget permissions, and webhookSigningSecret ones for the secret', async () => {
    const key = await createRestrictedKey(t, ['thread:read']);
    const created = await t.graphql(
      'mutation { createWebhookTarget(input: { url: "https://x.example.com", description: "", isEnabled: true, eventSubscriptions: [] }) { webhookTarget { id } error { type code } } }',
      undefined,
      key,
    );
    expect(created.body.data.createWebhookTarget).toEqual({
      webhookTarget: null,
      error: { type: 'FORBIDDEN', code: 'forbidden' },
    });
    const listed = await t.graphql('{ webhookTargets { edges { node { id } } } }', undefined, key);
    expect(listed.status).toBe(403);
    const secret = await t.graphql('{ webhookSigningSecret { secret } }', undefined, key);
    expect(secret.status).toBe(403);
    expect(secret.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('rotates the signing secret for owners', async () => {
    const before = (await t.graphql('{ webhookSigningSecret { secret } }')).body.data.webhookSigningSecret
      .secret;
    const rotated = await t.graphql(
      'mutation { rotateWebhookSigningSecret { webhookSigningSecret { secret } error { code } } }',
    );
    const after = rotated.body.data.rotateWebhookSigningSecret.webhookSigningSecret.secret;
    expect(before).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(after).toMatch(/^whsec_/);
    expect(after).not.toBe(before);
    expect(
      (await t.graphql('{ webhookSigningSecret { secret } }')).body.data.webhookSigningSecret.secret,
    ).toBe(after);
  });

  it('lists the one webhook version it sends', async () => {
    const res = await t.graphql('{ webhookVersions { edges { node { version isLatest isDeprecated } } } }');
    expect(res.body.data.webhookVersions.edges).toEqual([
      { node: { version: '2026-02-27', isLatest: true, isDeprecated: false } },
    ]);
  });
});

describe('with THREADLINE_WEBHOOK_BLOCK_PRIVATE=1', () => {
  it('refuses loopback and private targets, and the secret comes from THREADLINE_WEBHOOK_SIGNING_SECRET', async () => {
    const strict = await startTestServer({
      THREADLINE_WEBHOOK_BLOCK_PRIVATE: '1',
      THREADLINE_WEBHOOK_SIGNING_SECRET: 'configured-secret',
    });
    try {
      for (const url of [
        'http://127.0.0.1:9/x',
        'http://localhost/x',
        'http://10.0.0.1/',
        'http://[::1]:80/',
        'http://169.254.169.254/latest',
      ]) {
        const res = await strict.client.createWebhookTarget({ ...input(0), url });
        expect((res.error as any)?.errorDetails?.fields?.[0]?.field, url).toBe('url');
      }
      expect((await strict.client.createWebhookTarget(input(1))).error).toBeUndefined();
      const secret = await strict.graphql('{ webhookSigningSecret { secret } }');
      expect(secret.body.data.webhookSigningSecret.secret).toBe('configured-secret');
    } finally {
      await strict.close();
    }
  });
});
