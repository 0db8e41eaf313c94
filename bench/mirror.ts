/**
 * Item 8, the identity mirror (docs/mirror.md):
 * 8a events applied per second into SQLite and a real Postgres (test/setup/postgres.ts), by one and
 *    by two mirror processes (bench/mirror-child.ts) on one database;
 * 8b reconcile of 150,000 users from the sandbox's REST API into SQLite: time and sampled peak memory
 *    at several sizes (flat memory: pages of 1,000 in one transaction each), then the drift a simulated
 *    outage leaves (records changed and deleted while no event arrived) found and repaired.
 */
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createClient, Secret } from '../lib/client';
import { openMirrorStore, reconcile, type SqlStore } from '../lib/client/mirror';
import type { WebhookEvent } from '../lib/core';
import { SandboxAccount } from '../lib/sandbox/account/account';
import { createDevCredentials } from '../lib/sandbox/rest/credentials';
import { startRestServer } from '../lib/sandbox/rest/server';
import { startPostgres } from '../test/setup/postgres';
import type { MirrorChildRequest } from './mirror-child';
import { fmt, type Table } from './table';

const MB = 1024 * 1024;

function event(recordId: number, version: number): WebhookEvent {
  const sequence = 1_700_000_000_000 + version * 1000;
  return {
    type: version === 1 ? 'employee.created' : 'employee.updated',
    timestamp: new Date(sequence).toISOString(),
    data: {
      id: `evt_${recordId}_${version}`,
      account: 'BENCH',
      recordType: 'employee',
      recordId: String(recordId),
      changeType: version === 1 ? 'create' : 'update',
      eventType: version === 1 ? 'create' : 'edit',
      changedFields: ['title'],
      changes: { title: { old: `v${version - 1}`, new: `v${version}` } },
      record: {
        id: String(recordId),
        firstName: 'Bench',
        lastName: `Person${recordId}`,
        title: `v${version}`,
        isInactive: false,
        giveAccess: true,
        roles: [{ id: '3', refName: 'Administrator' }],
      },
      lifecycle: [],
      warnings: [],
      origin: { executionContext: 'USERINTERFACE', user: null, role: null },
      sequence,
    },
  };
}

/** Events for `records` records, `versions` each, interleaved; every process gets all of them. */
function workload(records: number, versions: number): WebhookEvent[] {
  const out: WebhookEvent[] = [];
  for (let v = 1; v <= versions; v++) for (let r = 1; r <= records; r++) out.push(event(r, v));
  return out;
}

/** One mirror process (bench/mirror-child.ts) applying every event, starting at `offset`. */
function mirrorProcess(database: string, events: WebhookEvent[], offset: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'mirror-child.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (m: { ok: boolean; error?: string }) => (m.ok ? resolve() : reject(new Error(m.error))));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`mirror process exited with ${code}`)));
    child.send({ database, events, offset } satisfies MirrorChildRequest);
  });
}

async function eventsRow(label: string, databases: string[], events: WebhookEvent[]): Promise<(string | number)[]> {
  const store = await openMirrorStore(databases[0]!); // migrated before the processes start
  try {
    const t0 = performance.now();
    await Promise.all(databases.map((d, i) => mirrorProcess(d, events, (i * events.length) / 2)));
    const ms = performance.now() - t0;
    const delivered = events.length * databases.length;
    const outcome = async (o: string) =>
      Number(
        (await store.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM mirror_event WHERE outcome = ?', [o])).rows[0]!.n,
      );
    return [
      label,
      databases.length,
      fmt(delivered),
      fmt(delivered / (ms / 1000)),
      `${fmt(await outcome('applied'))} / ${fmt(await outcome('stale'))}`,
      `${fmt(ms / 1000, 1)} s`,
    ];
  } finally {
    await store.close();
  }
}

export async function mirrorEventsBench(quick: boolean): Promise<Table> {
  const events = workload(quick ? 100 : 500, quick ? 3 : 4);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-bench-mirror-'));
  const pg = await startPostgres();
  const rows: (string | number)[][] = [];
  try {
    const file = (n: string) => path.join(dir, `${n}.db`);
    rows.push(await eventsRow('SQLite (WAL)', [file('one')], events));
    rows.push(await eventsRow('SQLite (WAL)', [file('two'), file('two')], events));
    rows.push(await eventsRow('Postgres 15', [await pg.createDatabase('one')], events));
    const two = await pg.createDatabase('two');
    rows.push(await eventsRow('Postgres 15', [two, two], events));
  } finally {
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return {
    title: '8a. Mirror: events applied per second',
    head: ['database', 'processes', 'deliveries', 'deliveries/s', 'events applied / stale', 'time'],
    rows,
    notes: [
      `${fmt(events.length)} events (${quick ? 100 : 500} records × ${quick ? 3 : 4} versions); each process receives every one, 8 in flight, so with two processes every event arrives twice: the second arrival is a duplicate, and an older version arriving after a newer one is stale (logged, not applied). Each event is logged once. Time includes starting the processes (about 1 s).`,
      'One transaction per event: log under webhook-id, read (row lock on Postgres), guarded upsert, roles, access changes. Postgres: a local server with fsync=off (the test helper), pools of 10.',
    ],
  };
}

interface Peak {
  heap: number;
  rss: number;
}

async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peak: Peak }> {
  const peak: Peak = { heap: 0, rss: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.heap = Math.max(peak.heap, m.heapUsed + m.external);
    peak.rss = Math.max(peak.rss, m.rss);
  };
  const timer = setInterval(sample, 20);
  const t0 = performance.now();
  try {
    const value = await fn();
    sample();
    return { value, ms: performance.now() - t0, peak };
  } finally {
    clearInterval(timer);
  }
}

export async function mirrorReconcileBench(sizes: number[]): Promise<Table> {
  const account = await SandboxAccount.create({ projectDir: null, workers: 1 });
  const dev = createDevCredentials();
  const server = await startRestServer(account, { credentials: dev.registry, now: () => account.clock.now() });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-bench-reconcile-'));
  const client = createClient({
    account: account.accountId,
    baseUrl: server.url,
    auth: {
      type: 'm2m',
      clientId: dev.client.m2m.clientId,
      certificateId: dev.client.m2m.certificateId,
      privateKey: new Secret(dev.client.m2m.privateKey),
      algorithm: dev.client.m2m.algorithm,
    },
  });
  const rows: (string | number)[][] = [];
  try {
    let total = account.listEmployees(1, 0).totalResults;
    for (const size of sizes) {
      account.seedEmployees(size - total);
      total = size;
      account.clock.advance(5_000);
      const store = await openMirrorStore(path.join(dir, `full-${size}.db`));
      try {
        const r = await measured(() => reconcile(store, client));
        rows.push([
          `first reconcile, ${fmt(size)} users`,
          `${fmt(r.ms / 1000, 1)} s`,
          fmt(size / (r.ms / 1000)),
          fmt(r.peak.heap / MB, 0),
          fmt(r.peak.rss / MB, 0),
          `created ${fmt(r.value.counts.created)}`,
        ]);
        if (size === sizes[sizes.length - 1]) rows.push(await driftRow(account, store, client, size));
      } finally {
        await store.close();
      }
    }
  } finally {
    await server.close();
    await account.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return {
    title: '8b. Mirror reconcile: time and memory, and drift repaired after an outage',
    head: ['run', 'time', 'users/s', 'peak heap+ext (MB)', 'peak RSS (MB)', 'repairs'],
    rows,
    notes: [
      'Sandbox REST API on loopback (SuiteQL in its own process), client, reconcile and a SQLite mirror in one process; memory sampled every 20 ms (the sandbox account shares the process, so RSS includes it).',
      'Incremental pass by lastModifiedDate, then the key scan of every id; pages of 1,000, one transaction each. Drift: with no receiver, 1,000 records edited and 100 deleted in the account, then one reconcile.',
    ],
  };
}

async function driftRow(
  account: SandboxAccount,
  store: SqlStore,
  client: Parameters<typeof reconcile>[1],
  size: number,
): Promise<(string | number)[]> {
  // The outage: changes the mirror never hears about (no bundle deployed, so no events).
  const ctx = { executionContext: 'USERINTERFACE', userId: '1', roleId: '3' } as const;
  for (let i = 0; i < 1000; i++)
    await account.updateEmployee(String(100 + i * 7), { values: { title: 'Changed during the outage' } }, ctx);
  for (let i = 0; i < 100; i++) await account.deleteEmployee(String(size - i * 3), ctx);
  account.clock.advance(5_000);
  const r = await measured(() => reconcile(store, client));
  const c = r.value.counts;
  return [
    `reconcile after the outage, ${fmt(size)} users`,
    `${fmt(r.ms / 1000, 1)} s`,
    fmt(size / (r.ms / 1000)),
    fmt(r.peak.heap / MB, 0),
    fmt(r.peak.rss / MB, 0),
    `updated ${fmt(c.updated)}, deleted ${fmt(c.deleted)}, created ${fmt(c.created)}`,
  ];
}
