import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerWithThreads } from '../../server/test/support/fixtures.js';
import { signIn, startWebApp, type WebApp } from './support/browser.js';

const EVENTS = 500;

describe('a thread with 500 timeline entries (Chromium)', () => {
  let app: WebApp;
  let threadId: string;
  beforeAll(async () => {
    app = await startWebApp();
    const { client } = app.server;
    // A thread without a first message: its timeline is the 500 events, made 10 at a time.
    [threadId] = (await createCustomerWithThreads(app.server, 'busy', 1)).threadIds as [string];
    for (let i = 0; i < EVENTS; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          client.createThreadEvent({
            threadId,
            title: `Event ${i + j}`,
            components: [{ componentText: { text: `Step **${i + j}** of the import` } }] as never,
          }),
        ),
      );
    }
    await signIn(app);
  });
  afterAll(() => app?.close());

  it('keeps only what is on screen in the page and reaches the last entry by scrolling', async () => {
    const { page } = app;
    await page.goto(`${app.origin}/threads/${threadId}`);
    await page.getByRole('heading', { name: 'Thread 0', level: 1 }).waitFor();
    const articles = page.locator('section[aria-label="Timeline"] article');
    await articles.first().waitFor();
    const box = await page.locator('section[aria-label="Timeline"]').boundingBox();
    await page.mouse.move(box!.x + box!.width / 2, Math.min(box!.y + 200, 700));

    // Scroll down by wheel, as a person does, timing frames while the list moves.
    const frameGaps: number[] = [];
    let mostInPage = 0;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      await page.mouse.wheel(0, 1200);
      const gap = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            requestAnimationFrame(() =>
              requestAnimationFrame(() => resolve((performance.now() - start) / 2)),
            );
          }),
      );
      frameGaps.push(gap);
      mostInPage = Math.max(mostInPage, await articles.count());
      if ((await page.getByText(`Event ${EVENTS - 1}`, { exact: true }).count()) > 0) break;
    }
    await page.getByText(`Event ${EVENTS - 1}`, { exact: true }).waitFor({ timeout: 1000 });
    frameGaps.sort((a, b) => a - b);
    const p95 = frameGaps[Math.floor(frameGaps.length * 0.95)]!;
    console.log(
      `500-entry timeline: at most ${mostInPage} entries in the page while scrolling; ` +
        `frame p95 ${p95.toFixed(1)} ms over ${frameGaps.length} wheel steps`,
    );
    // Virtualised: a small window of the 500 entries is in the page at any time.
    expect(mostInPage).toBeLessThan(80);
  });
});
