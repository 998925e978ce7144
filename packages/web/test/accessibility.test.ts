import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerWithThreads } from '../../server/test/support/fixtures.js';
import { signIn, startWebApp, type WebApp } from './support/browser.js';

/** axe-core's browser build, injected into each page checked. */
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (...args: unknown[]) => Promise<{ violations: Violation[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
      resultTypes: ['violations'],
    });
    return result.violations;
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('accessibility, checked by axe-core in Chromium', () => {
  let app: WebApp;
  let threadId: string;
  beforeAll(async () => {
    app = await startWebApp({ bypassCSP: true });
    const made = await createCustomerWithThreads(app.server, 'a11y', 2);
    threadId = made.threadIds[0]!;
    await app.server.client.createLabelType({ name: 'Bug' });
    await app.server.client.createThreadEvent({
      threadId,
      title: 'Plan changed',
      components: [
        { componentText: { text: 'From **free** to [pro](https://example.com)' } },
        { componentBadge: { badgeLabel: 'Pro', badgeColor: 'BLUE' } },
        { componentCopyButton: { copyButtonValue: 'sub_123' } },
      ] as never,
    });
    await app.server.client.createNote({
      customerId: made.customerId,
      threadId,
      text: 'Upgraded by support',
    });
  });
  afterAll(() => app?.close());

  it('the sign-in page', async () => {
    await app.page.goto(`${app.origin}/`);
    await app.page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await violations(app.page)).toEqual([]);
  });

  it('the inbox, a thread, the command palette and every settings page', async () => {
    const { page } = app;
    await signIn(app);
    await page.locator('.thread-row').first().waitFor();
    expect(await violations(page)).toEqual([]);

    await page.goto(`${app.origin}/threads/${threadId}`);
    await page.locator('section[aria-label="Timeline"] article').first().waitFor();
    expect(await violations(page)).toEqual([]);

    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Command' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    for (const [path, heading] of [
      ['labels', 'Bug'],
      ['fields', 'Thread fields'],
      ['api-keys', 'API keys'],
      ['webhooks', 'Webhooks'],
    ] as const) {
      await page.goto(`${app.origin}/settings/${path}`);
      await page.getByText(heading).first().waitFor();
      expect(await violations(page), `/settings/${path}`).toEqual([]);
    }
  });
});
