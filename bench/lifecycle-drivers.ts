/**
 * Item 5's callers: how each library does the lifecycle steps (create, update, set roles, deactivate
 * with read-back, delete), and the caller loop that runs them. Runs in the callers' own process
 * (lifecycle-child.ts), apart from the sandbox, as a client runs apart from NetSuite.
 */
import { createClient, Secret, type NetSuiteClient } from '../lib/client';
import type { DevClientCredentials } from '../lib/sandbox/rest/credentials';

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

export type DriverKind = 'm2m' | 'tba' | 'netsuite-rest';

/** What the callers saw: the server side (429s, duplicates, orphans) is counted where the sandbox runs. */
export interface CallerReport {
  okOps: number;
  failedOps: number;
  /** Operations not tried because the employee's create failed. */
  skippedOps: number;
  /** Requests of the operations that succeeded. */
  okRequests: number;
  elapsedMs: number;
  /** CPU time of the callers' process during the run (user + system), in microseconds. */
  cpuMicros: number;
  errors: [string, number][];
  /** External ids whose create the caller saw succeed. */
  known: string[];
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
export async function callerLoop(
  driver: Driver,
  employees: number,
  lanes: number,
  prefix: string,
): Promise<CallerReport> {
  const known: string[] = [];
  const errors = new Map<string, number>();
  const r = { okOps: 0, failedOps: 0, skippedOps: 0, okRequests: 0 };
  let next = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const lane = async () => {
    for (let i = next++; i < employees; i = next++) {
      let id: string | null = null;
      for (const step of STEPS) {
        if (step.name !== 'create' && id === null) {
          r.skippedOps++;
          continue;
        }
        try {
          if (step.name === 'create') {
            id = await driver.create(`${prefix}${i}`);
            known.push(`${prefix}${i}`);
          } else await driver[step.name](id!);
          r.okOps++;
          r.okRequests += step.requests;
        } catch (err) {
          r.failedOps++;
          const key = `${step.name}: ${errorKey(err)}`;
          errors.set(key, (errors.get(key) ?? 0) + 1);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  const used = process.cpuUsage(cpu);
  return {
    ...r,
    elapsedMs: performance.now() - started,
    cpuMicros: used.user + used.system,
    errors: [...errors],
    known,
  };
}

/** The suitehooks client, with its default retry policy and the account's concurrency as its limit. */
export function suitehooksDriver(client: NetSuiteClient): Driver {
  return {
    create: (externalId) =>
      client.employees.create({
        externalId,
        firstName: 'Bench',
        lastName: externalId,
        email: `${externalId}@example.com`,
        subsidiary: { id: '1' },
      }),
    update: (id) => client.employees.update(id, { title: 'Benchmark Engineer' }),
    setRoles: (id) => client.employees.setRoles(id, [{ id: '15' }]),
    deactivate: async (id) => {
      await client.employees.deactivate(id);
    },
    remove: (id) => client.employees.delete(id),
  };
}

export function suitehooksClient(
  url: string,
  accountId: string,
  creds: DevClientCredentials,
  auth: 'm2m' | 'tba',
  limit: number,
): NetSuiteClient {
  return createClient({
    account: accountId,
    baseUrl: url,
    concurrency: limit,
    auth:
      auth === 'm2m'
        ? {
            type: 'm2m',
            clientId: creds.m2m.clientId,
            certificateId: creds.m2m.certificateId,
            privateKey: new Secret(creds.m2m.privateKey),
            algorithm: creds.m2m.algorithm,
          }
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
  request(opts: {
    path: string;
    method?: string;
    body?: string;
    heads?: Record<string, string>;
  }): Promise<NsRestResponse>;
}
type NsRestCtor = new (options: {
  consumer_key: string;
  consumer_secret_key: string;
  token: string;
  token_secret: string;
  realm: string;
  base_url?: string;
}) => NsRest;

/** A `netsuite-rest` instance signed with the callers' TBA token, against `url`. */
function netsuiteRestApi(url: string, accountId: string, creds: DevClientCredentials): NsRest {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const NetsuiteRest = require('netsuite-rest') as NsRestCtor;
  return new NetsuiteRest({
    consumer_key: creds.tba.consumerKey,
    consumer_secret_key: creds.tba.consumerSecret,
    token: creds.tba.tokenId,
    token_secret: creds.tba.tokenSecret,
    realm: accountId,
    base_url: url,
  });
}

/** A response's Location header, or '' if it has none. */
function locationOf(res: NsRestResponse): string {
  // On Node ≥ 16 the package's afterResponse hook spreads the response, which drops the `headers`
  // getter: users read Location from rawHeaders instead.
  const raw = res.rawHeaders ?? [];
  const at = raw.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === 'location');
  return String(res.headers?.location ?? (at >= 0 ? raw[at + 1] : ''));
}

/**
 * `netsuite-rest` as its README shows it: one `request` per REST call, TBA, no extra retry or limiter
 * code (got's own defaults apply: it retries GET, PUT and DELETE on 429, not POST or PATCH).
 */
export function netsuiteRestDriver(url: string, accountId: string, creds: DevClientCredentials): Driver {
  const api = netsuiteRestApi(url, accountId, creds);
  const json = (v: unknown) => JSON.stringify(v);
  return {
    async create(externalId) {
      const res = await api.request({
        path: 'record/v1/employee',
        method: 'POST',
        body: json({
          externalId,
          firstName: 'Bench',
          lastName: externalId,
          email: `${externalId}@example.com`,
          subsidiary: { id: '1' },
        }),
      });
      const id = /\/employee\/(\d+)$/.exec(locationOf(res))?.[1];
      if (!id) throw new Error(`no Location in the create response (${res.statusCode})`);
      return id;
    },
    async update(id) {
      await api.request({
        path: `record/v1/employee/${id}`,
        method: 'PATCH',
        body: json({ title: 'Benchmark Engineer' }),
      });
    },
    async setRoles(id) {
      await api.request({
        path: `record/v1/employee/${id}?replace=roles`,
        method: 'PATCH',
        body: json({ roles: { items: [{ selectedRole: { id: '15' } }] } }),
      });
    },
    async deactivate(id) {
      await api.request({
        path: `record/v1/employee/${id}`,
        method: 'PATCH',
        body: json({ isInactive: true, giveAccess: false }),
      });
      const res = await api.request({ path: `record/v1/employee/${id}` });
      const rec = res.data as { isInactive?: boolean; giveAccess?: boolean };
      if (rec.isInactive !== true || rec.giveAccess !== false) throw new Error('deactivation did not stick');
    },
    async remove(id) {
      await api.request({ path: `record/v1/employee/${id}`, method: 'DELETE' });
    },
  };
}

/** A driver of each kind for a REST origin (the server, or the fault proxy in front of it). */
export function driverFor(
  kind: DriverKind,
  url: string,
  accountId: string,
  creds: DevClientCredentials,
  limit: number,
): Driver {
  return kind === 'netsuite-rest'
    ? netsuiteRestDriver(url, accountId, creds)
    : suitehooksDriver(suitehooksClient(url, accountId, creds, kind, limit));
}
