/**
 * Item 5, the client under governance: the same employee lifecycle workload (create, update, set roles,
 * deactivate with read-back, delete: 5 operations, 6 requests per employee) through the suitehooks
 * client and through the peer `netsuite-rest` package (TBA, used as its README shows), against one
 * sandbox REST server with NetSuite's concurrency limit and a fixed added latency per request.
 */
import { createClient, Secret, type NetSuiteClient } from '../lib/client';
import { startRestServer, type RestServer } from '../lib/sandbox/rest/server';
import { createDevCredentials, type DevClientCredentials } from '../lib/sandbox/rest/credentials';
import { countingAccount, duplicates, type CountingAccount } from './counting-account';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { startSandbox } from './sandbox';
import { fmt, type Table } from './table';

export const OPS_PER_EMPLOYEE = 5;
export const REQUESTS_PER_EMPLOYEE = 6;

/** One lifecycle implementation: how a given library does each step. */
export interface Driver {
  create(externalId: string): Promise<string>;
  update(id: string): Promise<void>;
  setRoles(id: string): Promise<void>;
  deactivate(id: string): Promise<void>;
  remove(id: string): Promise<void>;
}

export interface LifecycleResult {
  label: string;
  lanes: number;
  ops: number;
  okOps: number;
  failedOps: number;
  /** Operations not tried because the employee's create failed. */
  skippedOps: number;
  requests429: number;
  duplicates: number;
  /** Employees created in the account whose create the caller saw fail: it never learnt their id. */
  orphans: number;
  /** Create responses the fault proxy cut (0 without it). */
  cut: number;
  elapsedMs: number;
  /** Successful requests per second (each successful operation's own requests). */
  requestsPerSecond: number;
  errors: Map<string, number>;
}

const STEPS: { name: keyof Driver; requests: number }[] = [
  { name: 'create', requests: 1 },
  { name: 'update', requests: 1 },
  { name: 'setRoles', requests: 1 },
  { name: 'deactivate', requests: 2 },
  { name: 'remove', requests: 1 },
];

function errorKey(err: unknown): string {
  const e = err as { name?: string; code?: string; status?: number; response?: { statusCode?: number } };
  const status = e?.status ?? e?.response?.statusCode;
  return `${e?.name ?? 'Error'}${status ? ` ${status}` : ''}${e?.code && typeof e.code === 'string' ? ` ${e.code}` : ''}`;
}

/**
 * Runs `employees` lifecycles on `lanes` concurrent callers (each caller runs one employee's steps in
 * order, then takes the next employee), as a batch job would.
 */
export async function runLifecycles(
  label: string,
  driver: Driver,
  employees: number,
  lanes: number,
  prefix: string,
  server: RestServer,
  counts: CountingAccount,
  proxy?: FaultProxy,
): Promise<LifecycleResult> {
  const known = new Set<string>();
  const cutBefore = proxy?.cut() ?? 0;
  counts.reset();
  const rejectedBefore = server.rejectedByConcurrency();
  const errors = new Map<string, number>();
  let next = 0;
  let okOps = 0;
  let failedOps = 0;
  let skippedOps = 0;
  let okRequests = 0;
  const started = performance.now();
  const lane = async () => {
    for (let i = next++; i < employees; i = next++) {
      let id: string | null = null;
      for (const step of STEPS) {
        if (step.name !== 'create' && id === null) {
          skippedOps++;
          continue;
        }
        try {
          if (step.name === 'create') {
            id = await driver.create(`${prefix}${i}`);
            known.add(`${prefix}${i}`);
          } else await driver[step.name](id!);
          okOps++;
          okRequests += step.requests;
        } catch (err) {
          failedOps++;
          const key = `${step.name}: ${errorKey(err)}`;
          errors.set(key, (errors.get(key) ?? 0) + 1);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  const elapsedMs = performance.now() - started;
  return {
    label,
    lanes,
    ops: employees * OPS_PER_EMPLOYEE,
    okOps,
    failedOps,
    skippedOps,
    requests429: server.rejectedByConcurrency() - rejectedBefore,
    duplicates: duplicates(counts, prefix),
    orphans: [...counts.createsByExternalId.keys()].filter((eid) => eid.startsWith(prefix) && !known.has(eid)).length,
    cut: (proxy?.cut() ?? 0) - cutBefore,
    elapsedMs,
    requestsPerSecond: okRequests / (elapsedMs / 1000),
    errors,
  };
}

/** The suitehooks client, with its default retry policy and the account's concurrency as its limit. */
export function suitehooksDriver(client: NetSuiteClient): Driver {
  return {
    create: (externalId) =>
      client.employees.create({ externalId, firstName: 'Bench', lastName: externalId, email: `${externalId}@example.com`, subsidiary: { id: '1' } }),
    update: (id) => client.employees.update(id, { title: 'Benchmark Engineer' }),
    setRoles: (id) => client.employees.setRoles(id, [{ id: '15' }]),
    deactivate: async (id) => {
      await client.employees.deactivate(id);
    },
    remove: (id) => client.employees.delete(id),
  };
}

export function suitehooksClient(url: string, accountId: string, creds: DevClientCredentials, auth: 'm2m' | 'tba', limit: number): NetSuiteClient {
  return createClient({
    account: accountId,
    baseUrl: url,
    concurrency: limit,
    auth:
      auth === 'm2m'
        ? { type: 'm2m', clientId: creds.m2m.clientId, certificateId: creds.m2m.certificateId, privateKey: new Secret(creds.m2m.privateKey), algorithm: creds.m2m.algorithm }
        : {
            type: 'tba',
            consumerKey: creds.tba.consumerKey,
            consumerSecret: new Secret(creds.tba.consumerSecret),
            tokenId: creds.tba.tokenId,
            tokenSecret: new Secret(creds.tba.tokenSecret),
          },
  });
}

interface NsRestResponse {
  statusCode: number;
  headers?: Record<string, string | string[] | undefined>;
  rawHeaders?: string[];
  data: unknown;
}
interface NsRest {
  request(opts: { path: string; method?: string; body?: string; heads?: Record<string, string> }): Promise<NsRestResponse>;
}
type NsRestCtor = new (options: { consumer_key: string; consumer_secret_key: string; token: string; token_secret: string; realm: string; base_url?: string }) => NsRest;

/**
 * `netsuite-rest` as its README shows it: one `request` per REST call, TBA, no extra retry or limiter
 * code (got's own defaults apply: it retries GET, PUT and DELETE on 429, not POST or PATCH).
 */
export function netsuiteRestDriver(url: string, accountId: string, creds: DevClientCredentials): Driver {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const NetsuiteRest = require('netsuite-rest') as NsRestCtor;
  const api = new NetsuiteRest({
    consumer_key: creds.tba.consumerKey,
    consumer_secret_key: creds.tba.consumerSecret,
    token: creds.tba.tokenId,
    token_secret: creds.tba.tokenSecret,
    realm: accountId,
    base_url: url,
  });
  const json = (v: unknown) => JSON.stringify(v);
  return {
    async create(externalId) {
      const res = await api.request({
        path: 'record/v1/employee',
        method: 'POST',
        body: json({ externalId, firstName: 'Bench', lastName: externalId, email: `${externalId}@example.com`, subsidiary: { id: '1' } }),
      });
      // On Node ≥ 16 the package's afterResponse hook spreads the response, which drops the `headers`
      // getter: users read Location from rawHeaders instead.
      const raw = res.rawHeaders ?? [];
      const at = raw.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === 'location');
      const location = String(res.headers?.location ?? (at >= 0 ? raw[at + 1] : ''));
      const id = /\/employee\/(\d+)$/.exec(location)?.[1];
      if (!id) throw new Error(`no Location in the create response (${res.statusCode})`);
      return id;
    },
    async update(id) {
      await api.request({ path: `record/v1/employee/${id}`, method: 'PATCH', body: json({ title: 'Benchmark Engineer' }) });
    },
    async setRoles(id) {
      await api.request({ path: `record/v1/employee/${id}?replace=roles`, method: 'PATCH', body: json({ roles: { items: [{ selectedRole: { id: '15' } }] } }) });
    },
    async deactivate(id) {
      await api.request({ path: `record/v1/employee/${id}`, method: 'PATCH', body: json({ isInactive: true, giveAccess: false }) });
      const res = await api.request({ path: `record/v1/employee/${id}` });
      const rec = res.data as { isInactive?: boolean; giveAccess?: boolean };
      if (rec.isInactive !== true || rec.giveAccess !== false) throw new Error('deactivation did not stick');
    },
    async remove(id) {
      await api.request({ path: `record/v1/employee/${id}`, method: 'DELETE' });
    },
  };
}

export interface LifecycleBenchOptions {
  employees: number;
  latencyMs: number;
  limit: number;
  /** Concurrent callers the workload runs on (each row is run at each of these). */
  lanes: number[];
  /** Share of create responses cut after the write, for the extra fault rows (0: no fault rows). */
  faultShare: number;
}

/** Every row against one sandbox and one REST server, so the peers see exactly the same account. */
export async function lifecycleBench(o: LifecycleBenchOptions): Promise<Table> {
  const sb = await startSandbox({ workers: 2 });
  const counts = countingAccount(sb.account);
  const dev = createDevCredentials();
  const server = await startRestServer(counts.account, { concurrencyLimit: o.limit, latencyMs: o.latencyMs, credentials: dev.registry });
  const results: LifecycleResult[] = [];
  try {
    const accountId = sb.account.accountId;
    const m2m = suitehooksClient(server.url, accountId, dev.client, 'm2m', o.limit);
    const tba = suitehooksClient(server.url, accountId, dev.client, 'tba', o.limit);
    const peer = netsuiteRestDriver(server.url, accountId, dev.client);
    let run = 0;
    for (const lanes of o.lanes) {
      results.push(await runLifecycles('suitehooks client (M2M)', suitehooksDriver(m2m), o.employees, lanes, `BM${run++}-`, server, counts));
      results.push(await runLifecycles('suitehooks client (TBA)', suitehooksDriver(tba), o.employees, lanes, `BT${run++}-`, server, counts));
      results.push(await runLifecycles('netsuite-rest 1.0.9 (TBA)', peer, o.employees, lanes, `NR${run++}-`, server, counts));
    }
    if (o.faultShare > 0) {
      // Same workload through a proxy that cuts a share of create responses after the write happened.
      const proxy = await startFaultProxy(server.url, o.faultShare);
      try {
        const lanes = o.lanes[0]!;
        const viaClient = suitehooksClient(proxy.url, accountId, dev.client, 'm2m', o.limit);
        const label = `${fmt(o.faultShare * 100)}% create responses cut`;
        results.push(await runLifecycles(`suitehooks client (M2M), ${label}`, suitehooksDriver(viaClient), o.employees, lanes, `FM${run++}-`, server, counts, proxy));
        results.push(await runLifecycles(`netsuite-rest 1.0.9 (TBA), ${label}`, netsuiteRestDriver(proxy.url, accountId, dev.client), o.employees, lanes, `FN${run++}-`, server, counts, proxy));
      } finally {
        await proxy.close();
      }
    }
  } finally {
    await server.close();
    await sb.close();
  }
  const ideal = o.limit / (o.latencyMs / 1000);
  const errorNotes = results
    .filter((r) => r.errors.size > 0)
    .map((r) => `${r.label}, ${r.lanes} callers: ${[...r.errors.entries()].map(([k, n]) => `${n} × ${k}`).join('; ')}`);
  return {
    title: `5. Client under governance (${fmt(o.employees * OPS_PER_EMPLOYEE)} lifecycle operations, concurrency limit ${o.limit}, +${o.latencyMs} ms per request)`,
    head: ['library', 'callers', 'requests/s', 'of ideal', '429s seen', 'ops done', 'ops failed', 'ops skipped', 'duplicates', 'orphans', 'wall'],
    rows: results.map((r) => [
      r.label,
      r.lanes,
      fmt(r.requestsPerSecond, 1),
      `${fmt((100 * r.requestsPerSecond) / ideal, 1)}%`,
      fmt(r.requests429),
      `${fmt(r.okOps)} of ${fmt(r.ops)}`,
      fmt(r.failedOps),
      fmt(r.skippedOps),
      fmt(r.duplicates),
      r.cut ? `${fmt(r.orphans)} (${fmt(r.cut)} cut)` : fmt(r.orphans),
      `${fmt(r.elapsedMs / 1000, 1)} s`,
    ]),
    notes: [
      `Ideal = limit ÷ latency = ${o.limit} ÷ ${o.latencyMs} ms = ${fmt(ideal)} requests/s; requests/s counts the requests of operations that succeeded (${REQUESTS_PER_EMPLOYEE} per employee: create, update, set roles, deactivate + read-back, delete).`,
      `${fmt(o.employees)} employees per row, ${OPS_PER_EMPLOYEE} operations each, run by N concurrent callers (a batch job); every write fires the bundle's user event in the sandbox.`,
      '429s are counted by the sandbox REST server; duplicates are creates the account saw more than once for one external id; orphans are employees created whose create the caller saw fail (it never learnt the id); skipped = steps after a failed create.',
      ...(o.faultShare > 0
        ? [`Fault rows: an HTTP proxy lets ${fmt(o.faultShare * 100)}% of successful create responses go unanswered (connection cut after the write). The client finishes such a create with an idempotent upsert by external id; netsuite-rest (got does not retry POST) reports a failure although the employee exists.`]
        : []),
      'netsuite-rest is used as its README shows (request() per call, TBA, no limiter or retry code of our own); got retries only GET/PUT/DELETE on 429 (twice), so a POST or PATCH that hits the limit fails. Its responses have no `headers` on Node ≥ 16 (the package spreads the response object): the new id is read from rawHeaders.',
      ...(errorNotes.length ? [`Failures: ${errorNotes.join(' | ')}`] : []),
    ],
  };
}
