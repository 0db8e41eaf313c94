/**
 * Item 7, the console's governance on a large outbox: the built Suitelet served by the sandbox over HTTP
 * against 10,000 deliveries (written straight into the delivery table, shaped as the bundle writes them),
 * each page's units of the Suitelet's 1,000 and its wall time. Replay of every dead delivery is counted in
 * submits (a batch of 400 per request).
 */
import { DELIVERY_FIELD as F, DELIVERY_RECORD } from '../lib/core/delivery-record';
import { DEPLOYMENT, SCRIPT } from '../lib/core/ids';
import { consoleAccess } from '../lib/sandbox/console-story';
import { createDevCredentials } from '../lib/sandbox/rest/credentials';
import { startRestServer } from '../lib/sandbox/rest/server';
import { uiRoutes } from '../lib/sandbox/suitelet/route';
import { requestSuitelet } from '../lib/sandbox/suitelet/session-request';
import { startSandbox, type BenchSandbox } from './sandbox';
import { fmt, type Cell, type Table } from './table';

const STATUSES: [string, number][] = [
  ['delivered', 0.7],
  ['pending', 0.2],
  ['dead', 0.1],
];

function seedOutbox(sb: BenchSandbox, size: number): void {
  const { account } = sb;
  const body = JSON.stringify({
    type: 'employee.updated',
    data: { changes: { title: { old: 'x'.repeat(400), new: 'y'.repeat(400) } }, record: { notes: 'z'.repeat(1000) } },
  });
  const insert = account.db.prepare(
    `INSERT INTO ${DELIVERY_RECORD} (name, ${F.eventId}, ${F.eventType}, ${F.recordId}, ${F.status}, ${F.attempts}, ${F.lastHttpStatus}, ${F.lastError}, ${F.body}, ${F.bodyLength}, ${F.endpointUrl}, ${F.secretId}, created, lastmodified) VALUES (?, ?, 'employee.updated', ?, ?, ?, ?, ?, ?, ?, 'https://127.0.0.1/webhooks', 'custsecret_suitehooks_bench', ?, ?)`,
  );
  const now = account.clock.now();
  account.db.transaction(() => {
    for (let i = 0; i < size; i++) {
      const share = i / size;
      let acc = 0;
      const status = STATUSES.find(([, p]) => (acc += p) > share)?.[0] ?? 'delivered';
      const at = new Date(now - (size - i) * 60_000).toISOString();
      const failed = status !== 'delivered';
      insert.run(
        `evt_bench_${i}`,
        `evt_bench_${i}`,
        String(1 + (i % 8)),
        status,
        failed ? 3 : 1,
        failed ? 500 : 200,
        failed ? 'HTTP 500' : null,
        body,
        body.length,
        at,
        at,
      );
    }
  })();
}

/** Fetches one console page (GET with `params`, or POST of `form`) and adds its row; returns the HTML. */
type PageRequest = (label: string, params: Record<string, string>, form?: Record<string, string>) => Promise<string>;

/** A `PageRequest` as the signed-in administrator: each row is the page's units, its share of the limit and its wall time. */
function pageRequester(sb: BenchSandbox, serverUrl: string, token: string, rows: Cell[][]): PageRequest {
  return async (label, params, form) => {
    const t0 = performance.now();
    const { html } = await requestSuitelet(
      serverUrl,
      token,
      { script: SCRIPT.console, deploy: DEPLOYMENT.console },
      params,
      form,
    );
    const ms = performance.now() - t0;
    const execution = sb.account.executions({ script: SCRIPT.console }).at(-1)!;
    if (!execution.ok) throw new Error(`${label}: ${execution.error ?? 'failed'}`);
    rows.push([label, fmt(execution.usage), `${fmt((execution.usage / execution.limit) * 100, 1)} %`, fmt(ms)]);
    return html;
  };
}

/** The read pages (health, delivery lists, one delivery) and the send-test-event form. */
async function visitPages(request: PageRequest, size: number): Promise<void> {
  await request('health', {});
  await request('deliveries, first page (50)', { custparam_view: 'deliveries' });
  await request('deliveries, dead only', { custparam_view: 'deliveries', custparam_status: 'dead' });
  await request('deliveries, page further back', {
    custparam_view: 'deliveries',
    custparam_before: String(Math.floor(size / 2)),
  });
  await request('one delivery (body)', { custparam_view: 'delivery', custparam_id: String(size) });
  await request('send test event', {}, { custpage_view: 'health' });
}

/** Submits Replay dead until none remain (at most 20 submits); returns the number of submits. */
async function replayDead(request: PageRequest): Promise<number> {
  let submits = 0;
  let left = Infinity;
  while (left > 0 && submits < 20) {
    const html = await request(
      `replay dead, submit ${++submits}`,
      {},
      { custpage_view: 'replay_dead', custpage_confirm: 'T' },
    );
    left = Number(/(\d+) dead deliveries remain/.exec(html)?.[1] ?? 0);
  }
  return submits;
}

function consoleTable(size: number, rows: Cell[][], submits: number): Table {
  return {
    title: `7. Console governance on a ${fmt(size)}-delivery outbox`,
    head: ['page', 'units', 'of 1,000', 'ms'],
    rows,
    notes: [
      `${fmt(size)} deliveries (70 % delivered, 20 % pending, 10 % dead) written straight into the delivery table; the pages run the built Suitelet over HTTP.`,
      'Pages read with SuiteQL (10 units a query, one page of 50 by key) and load at most three single deliveries: the units do not grow with the outbox.',
      'Every page reads the user event deployment once (15: its API Secret signs the form token, and the health page and the test event use its parameters). Send test event shows the health page again with the answer: the post (10) on top of it.',
      `Replay of the ${fmt(size * 0.1)} dead deliveries: ${submits} submits of up to 400 (2 units each, plus 20 to start the retry worker).`,
    ],
  };
}

export async function consoleBench(size: number): Promise<Table> {
  const sb = await startSandbox();
  const access = consoleAccess();
  const server = await startRestServer(sb.account, {
    credentials: createDevCredentials().registry,
    ui: uiRoutes(sb.account, access.sessions),
  });
  sb.account.setUiDomain(new URL(server.url).host);
  try {
    seedOutbox(sb, size);
    const rows: Cell[][] = [];
    const request = pageRequester(sb, server.url, access.token, rows);
    await visitPages(request, size);
    const submits = await replayDead(request);
    return consoleTable(size, rows, submits);
  } finally {
    await server.close();
    await sb.close();
  }
}
