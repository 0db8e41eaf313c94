/**
 * End-to-end pieces for the mirror's suites: the mirror's handler served over real https (with test
 * controls for outages and lost events), re-signed replays of captured deliveries, and the row-by-row
 * comparison of the mirror with the sandbox account.
 */
import { createHmac } from 'node:crypto';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { CanonicalRecord } from '../../lib/core';
import {
  rolesOf,
  SCRIPT,
  signingInput,
  unixSeconds,
  userRecordType,
  webhookHeaders,
  type UserRecordType,
} from '../../lib/core';
import { createMirrorHandler, type SqlStore } from '../../lib/client/mirror';
import { differingFields } from '../../lib/client/mirror/record-state';
import { selfSignedCertificate } from '../../lib/webhooks';
import type { SandboxAccount } from '../../lib/sandbox/account/account';
import { mirrorRows } from './events';

/** How the served mirror answers: apply; 410 Gone (the sender gives the event up); record the body only. */
export type Mode = 'apply' | 'gone' | 'record';

export interface MirrorServer {
  url: string;
  cert: string;
  mode: Mode;
  /** Bodies and ids received in `record` mode, in arrival order. */
  recorded: { id: string; body: string }[];
  /** Connection refused until `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

/** Every server this file started: a write waits for one of them to answer its delivery. */
const serving: { answered: number; listening: () => boolean }[] = [];

export async function serveMirror(store: SqlStore, secret: string, now: () => number): Promise<MirrorServer> {
  const { cert, key } = await selfSignedCertificate('mirror test', ['127.0.0.1', 'localhost']);
  const handler = createMirrorHandler(store, { secret, now });
  const recorded: MirrorServer['recorded'] = [];
  const served: MirrorServer = {
    url: '',
    cert,
    mode: 'apply',
    recorded,
    down: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
    up: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: () => (server.listening ? served.down() : Promise.resolve()),
  };
  const server = https.createServer({ cert, key }, (req, res) => {
    res.on('finish', () => counter.answered++);
    if (served.mode === 'apply') return void handler(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (served.mode === 'record')
        recorded.push({ id: String(req.headers['webhook-id']), body: Buffer.concat(chunks).toString() });
      res.writeHead(served.mode === 'gone' ? 410 : 200).end();
    });
  });
  const counter = { answered: 0, listening: () => server.listening };
  serving.push(counter);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  served.url = `https://127.0.0.1:${port}/`;
  return served;
}

/** POSTs a captured delivery again, signed afresh at `nowMs` (as the bundle's retries are); the status. */
export function postSigned(
  url: string,
  ca: string,
  delivery: { id: string; body: string },
  secret: string,
  nowMs: number,
): Promise<number> {
  const ts = unixSeconds(nowMs);
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key)
    .update(signingInput(delivery.id, ts, delivery.body))
    .digest('base64');
  return new Promise((resolve, reject) => {
    const req = https.request(url, {
      method: 'POST',
      ca,
      headers: { ...webhookHeaders(delivery.id, ts, [signature]) },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(delivery.body);
  });
}

/** Resolves once `condition` holds, checking every 20 ms (a wait for a signal, not a sleep that decides). */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/**
 * Runs a NetSuite write and waits until its user event has finished (delivered, or stored for retry):
 * the sandbox answers the write before the afterSubmit script is done.
 */
export async function written<T>(account: SandboxAccount, write: () => Promise<T>): Promise<T> {
  const runs = () => account.executions({ script: SCRIPT.userEvent }).length;
  const answered = () => serving.reduce((n, s) => n + s.answered, 0);
  const [before, answeredBefore] = [runs(), answered()];
  const result = await write();
  // The script has run, and its delivery has been answered (unless every receiver is down).
  await until(() => runs() > before && (answered() > answeredBefore || !serving.some((s) => s.listening())));
  return result;
}

const EMPLOYEE = userRecordType('employee')!;

/** A type's fields compared between the mirror and the account: its field map without the role field. */
function comparedFields(type: UserRecordType): string[] {
  return type.fields.map((f) => f.rest).filter((f) => f !== type.roles.rest);
}

/** Every record of a type in the account, as the account itself reads it: its fields and role ids. */
export function netsuiteState(
  account: SandboxAccount,
  type: UserRecordType = EMPLOYEE,
): Map<string, { fields: CanonicalRecord; roles: string[] }> {
  const out = new Map<string, { fields: CanonicalRecord; roles: string[] }>();
  for (const id of account.listRecords(type.id, 1000, 0).ids) {
    const record = account.getRecord(type.id, id)!;
    const fields: CanonicalRecord = {};
    for (const f of comparedFields(type)) fields[f] = record[f] ?? null;
    out.set(id, {
      fields,
      roles: rolesOf(type, record)
        .map((r) => r.id)
        .sort(),
    });
  }
  return out;
}

/**
 * Differences between the mirror's live rows of a type and the account, row by row (empty when equal);
 * each names the record (`12`, or `vendor:12` for the other types).
 */
export async function differences(
  store: SqlStore,
  account: SandboxAccount,
  type: UserRecordType = EMPLOYEE,
): Promise<string[]> {
  const theirs = netsuiteState(account, type);
  const ours = await mirrorRows(store, type.id);
  const name = (id: string) => (type === EMPLOYEE ? id : `${type.id}:${id}`);
  const problems: string[] = [];
  for (const [id, ns] of theirs) {
    const row = ours.get(id);
    if (!row || row.deleted) problems.push(`${name(id)}: missing from the mirror`);
    else {
      const { lastModifiedDate: theirTime, ...nsFields } = ns.fields;
      const fields = differingFields(row.fields, nsFields);
      // An inline edit's event dates the change by the script's clock: within a second of NetSuite's.
      if (Math.abs(Date.parse(String(row.fields.lastModifiedDate)) - Date.parse(String(theirTime))) > 1000)
        fields.push('lastModifiedDate');
      if (fields.length) problems.push(`${name(id)}: ${fields.join(', ')} differ`);
      if (row.roles.join() !== ns.roles.join())
        problems.push(`${name(id)}: roles ${row.roles.join()} ≠ ${ns.roles.join()}`);
    }
  }
  for (const [id, row] of ours) if (!row.deleted && !theirs.has(id)) problems.push(`${name(id)}: deleted in NetSuite`);
  return problems;
}
