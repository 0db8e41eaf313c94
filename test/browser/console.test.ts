/**
 * The console in a real browser: Debian's Chromium (headless, driven by playwright-core; no browser is
 * ever downloaded) against the sandbox. Health numbers match the outbox, the test event verifies, a dead
 * delivery replayed from the console reaches the receiver verified, a role outside the audience is refused.
 * Without a Chromium it says that it skips (in CI, where .ci/run installs one, it fails instead).
 * SUITEHOOKS_SCREENSHOT=docs/console.png also saves the health page.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DELIVERY_FIELD as F } from '../../lib/core/delivery-record';
import { DEPLOYMENT, SCRIPT } from '../../lib/core/ids';
import { suiteletUrl } from '../../lib/sandbox/suitelet/urls';
import { CSV } from '../sandbox/helpers';
import { startConsoleStack, type ConsoleStack } from '../sandbox/console-stack';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Run in the page: each word of the deliveries table that the layout breaks across lines. */
const WORDS_BROKEN_ACROSS_LINES = `(() => {
  const root = document.querySelector('table#custpage_deliveries');
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    for (const m of (node.textContent || '').matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      if (range.getClientRects().length > 1) out.push(m[0]);
    }
  return out;
})()`;
const found = fs.existsSync(CHROMIUM);

if (!found) {
  const why = `browser test skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI)
    test('Chromium is installed (.ci/run installs it)', () => {
      throw new Error(why);
    });
  else console.warn(why);
}

(found ? describe : describe.skip)('the console in headless Chromium', () => {
  let stack: ConsoleStack;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const consolePath = suiteletUrl(SCRIPT.console, DEPLOYMENT.console);
  const byStatus = (s: string) => stack.deliveries().filter((d) => d[F.status] === s).length;

  beforeAll(async () => {
    stack = await startConsoleStack();
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    // One delivered, one dead, one pending: a queued event sent, a 410, then an outage.
    await stack.account.updateEmployee('2', { values: { title: 'Browser A' } }, CSV, 'edit');
    await stack.account.runScheduled(SCRIPT.retry, DEPLOYMENT.retryWorker);
    stack.receiver.behave({ kind: 'status', status: 410 });
    await stack.account.updateEmployee('3', { values: { title: 'Browser B' } }, CSV, 'edit');
    await stack.account.runScheduled(SCRIPT.retry, DEPLOYMENT.retryWorker);
    stack.receiver.setDefault({ kind: 'ok' });
    await stack.receiver.down();
    await stack.account.updateEmployee('4', { values: { title: 'Browser C' } }, CSV, 'edit');
    await stack.account.runScheduled(SCRIPT.retry, DEPLOYMENT.retryWorker);
    await stack.receiver.up();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await stack?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  test('an administrator logs in and sees health numbers that match the outbox', async () => {
    await page.goto(`${stack.server.url}${stack.sessions.loginPath(stack.adminToken, consolePath)}`);
    await page.getByRole('heading', { name: 'suitehooks: Health' }).waitFor();
    expect(Number(await page.locator('#count-pending').innerText())).toBe(byStatus('pending'));
    expect(Number(await page.locator('#count-dead').innerText())).toBe(byStatus('dead'));
    expect(Number(await page.locator('#count-delivered-24h').innerText())).toBe(byStatus('delivered'));
    expect([byStatus('pending'), byStatus('dead'), byStatus('delivered')]).toEqual([1, 1, 1]);
    if (process.env.SUITEHOOKS_SCREENSHOT)
      await page.screenshot({ path: process.env.SUITEHOOKS_SCREENSHOT, fullPage: true });
  }, 60_000);

  test('Send test event: the receiver verifies a suitehooks.ping and the page shows its answer', async () => {
    await page.getByRole('button', { name: 'Send test event' }).click();
    const notice = page.locator('.suitehooks-ok');
    await notice.waitFor();
    const text = await notice.innerText();
    const id = /Test event (ping_\w+): the receiver answered HTTP 200 in \d+ ms/.exec(text)?.[1];
    expect(id).toBeDefined();
    expect(stack.receiver.attempts.find((a) => a.webhookId === id)).toMatchObject({ verified: true, status: 200 });
  }, 60_000);

  test('a forged form on another origin (another port of the same host) replays nothing', async () => {
    // What an attacker's page does: a form that posts itself to the console, the session cookie riding along.
    const attack = `<!doctype html><form id="f" method="POST" action="${stack.url()}">
      <input name="custpage_view" value="replay_dead"><input name="custpage_confirm" value="T"></form>
      <script>document.getElementById('f').submit()</script>`;
    const evil = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(attack));
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = evil.address() as AddressInfo;
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForURL(stack.url());
      const refusal = page.locator('.suitehooks-error').first();
      await refusal.waitFor();
      expect(await refusal.innerText()).toMatch(/^Nothing done: the form was sent from another site/);
      expect(byStatus('dead')).toBe(1);
    } finally {
      evil.closeAllConnections(); // Chromium keeps its connection alive
      await new Promise((resolve) => evil.close(resolve));
    }
  }, 60_000);

  test('a dead delivery replayed from the console reaches the receiver verified, same webhook-id', async () => {
    const dead = stack.deliveries().find((d) => d[F.status] === 'dead')!;
    const eventId = String(dead[F.eventId]);
    await page.goto(`${stack.server.url}${consolePath}`);
    await page.getByRole('link', { name: 'Replay dead deliveries' }).click();
    await page.getByText('1 dead delivery.', { exact: true }).waitFor();
    // The label names its checkbox: clicking the words ticks the box.
    await page.locator('label[for="custpage_confirm"]').click();
    expect(await page.locator('#custpage_confirm').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Replay dead deliveries' }).click();
    await page.getByText('1 delivery replayed.').waitFor();
    expect(await page.locator('.suitehooks-ok').innerText()).toContain(
      `retry worker (${DEPLOYMENT.retryWorker}) was started`,
    );
    await stack.account.runDue();
    const attempts = stack.receiver.attempts.filter((a) => a.webhookId === eventId);
    expect(attempts.at(-1)).toMatchObject({ verified: true, status: 200 });
    expect(stack.deliveries().find((d) => d[F.eventId] === eventId)![F.status]).toBe('delivered');

    await page.getByRole('link', { name: 'Deliveries' }).click();
    await page.locator('table#custpage_deliveries').waitFor();
    // At 1280 px no word of the table is broken across lines.
    const broken: unknown = await page.evaluate(WORDS_BROKEN_ACROSS_LINES);
    expect(broken).toEqual([]);
    await page.locator('#custpage_status').selectOption('delivered');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.locator('table#custpage_deliveries').getByText(eventId).waitFor();
  }, 60_000);

  test("a role outside the deployment audience gets NetSuite's permission error", async () => {
    await context.clearCookies();
    await page.goto(`${stack.server.url}${stack.sessions.loginPath(stack.repToken, consolePath)}`);
    await page.locator('#error-message').waitFor();
    expect(await page.locator('#error-message').innerText()).toBe('You do not have privileges to view this page.');
  }, 60_000);
});
