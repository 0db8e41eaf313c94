/**
 * Item 8, a receiver's bad day (issue 16), on the account clock (the sandbox's N/https charges a slow or
 * silent receiver's time to the account clock, no real waiting):
 * - saves while the receiver hangs: account seconds each save spends in N/https, the first save and the
 *   four after it (a minute apart), suitehooks (circuit breaker) vs a hand-rolled inline post;
 * - the retry worker draining a backlog against receivers answering in 0.2 s, 1 s, 8 s, and hanging:
 *   deliveries per execution and per hour, executions killed at the 3,600 s limit, duplicates, drain time.
 */
import * as fs from 'node:fs';
import {
  DELIVERY_FIELD as F,
  DELIVERY_RECORD,
  DELIVERY_STATUS,
  DEPLOYMENT,
  LAST_POST_START_MS,
  PARAM,
  SCRIPT,
  TIME_LIMIT_SECONDS,
} from '../lib/core';
import { SandboxAccount } from '../lib/sandbox/account/account';
import { Receiver, type Behaviour } from '../lib/sandbox/receiver/receiver';
import { HAND_ROLLED } from './governance';
import { CSV, makeProject, UI } from './sandbox';
import { fmt, type Table } from './table';

const SECRET_ID = 'custsecret_suitehooks_bench';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SLOT_MS = 16 * MINUTE;

interface Stack {
  account: SandboxAccount;
  receiver: Receiver;
  close(): Promise<void>;
}

/** The bundle (or only the hand-rolled user event) in a fresh account, posting to a sandbox receiver. */
async function stack(handRolled: boolean, workers = 2): Promise<Stack> {
  let account!: SandboxAccount;
  const receiver = await Receiver.start({ now: () => account.clock.now() });
  const projectDir = handRolled ? makeProject(receiver.url, { extra: [HAND_ROLLED], withoutBundle: true }) : undefined;
  account = await SandboxAccount.create({
    workers,
    ...(projectDir ? { projectDir } : {}),
    secrets: { [SECRET_ID]: receiver.apiSecretValue },
    params: handRolled
      ? {}
      : { [DEPLOYMENT.userEvent]: { [PARAM.endpointUrl]: receiver.url, [PARAM.secretId]: SECRET_ID } },
    http: { trustedCertificates: [receiver.certificatePem!] },
  });
  account.seedEmployees(5);
  return {
    account,
    receiver,
    async close() {
      await account.close();
      await receiver.close();
      if (projectDir) fs.rmSync(projectDir, { recursive: true, force: true });
    },
  };
}

/** Account seconds each of five UI saves a minute apart spends while the receiver hangs. */
async function savesWhileDown(handRolled: boolean): Promise<number[]> {
  const s = await stack(handRolled);
  try {
    s.receiver.setDefault({ kind: 'hang' });
    const [id] = s.account.listEmployees(1, 0).ids;
    const spent: number[] = [];
    for (let n = 0; n < 5; n++) {
      const t0 = s.account.clock.now();
      await s.account.updateEmployee(id!, { values: { title: `Outage ${n}` } }, UI);
      spent.push((s.account.clock.now() - t0) / 1000);
      s.account.clock.advance(MINUTE);
    }
    return spent;
  } finally {
    await s.close();
  }
}

export async function savesTable(): Promise<Table> {
  const ours = await savesWhileDown(false);
  const hand = await savesWhileDown(true);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const row = (name: string, xs: number[]) => [
    name,
    fmt(xs[0]!, 1),
    xs
      .slice(1)
      .map((x) => fmt(x, 1))
      .join(' / '),
    fmt(sum(xs), 1),
  ];
  return {
    title: '8a. Saves while the receiver hangs (account seconds in N/https)',
    head: ['emitter', 'first save', 'next four saves (a minute apart)', 'total'],
    rows: [row('suitehooks (circuit breaker, events kept)', ours), row('hand-rolled inline https.post', hand)],
    notes: [
      'N/https gives up after 5 s to connect and 45 s for the answer (section_4567630582); the sandbox charges that to the account clock.',
      'suitehooks: the first save times out and opens the breaker (N/cache); the next saves keep their event for the worker without posting.',
      'Times include the few milliseconds the sandbox itself takes per save.',
    ],
  };
}

async function queueBacklog(account: SandboxAccount, count: number): Promise<void> {
  const writes: Promise<string>[] = [];
  for (let i = 0; i < count; i++) {
    const values = { firstName: 'Queued', lastName: `Employee ${i}`, subsidiary: { id: '1', refName: null } };
    writes.push(account.createEmployee({ values, replaceRoles: true }, CSV));
    if (writes.length >= 64) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
}

interface Drain {
  receiver: string;
  perExecution: number;
  perHour: number;
  executions: number;
  killed: number;
  duplicates: number;
  drained: string;
}

/** Drains `backlog` queued deliveries through the timer and the worker; stops after `maxMs` of account time. */
async function drain(name: string, behaviour: Behaviour, backlog: number, maxMs: number): Promise<Drain> {
  const s = await stack(false);
  try {
    await queueBacklog(s.account, backlog);
    s.receiver.setDefault(behaviour);
    const start = s.account.clock.now();
    const pending = () =>
      s.account.customRecords(DELIVERY_RECORD).filter((d) => d[F.status] === DELIVERY_STATUS.pending).length;
    while (pending() > 0 && s.account.clock.now() - start < maxMs) await s.account.advance(SLOT_MS);
    const workers = s.account
      .executions({ script: SCRIPT.retry })
      .filter((e) => e.deployment === DEPLOYMENT.retryWorker);
    const delivered = backlog - pending();
    // Executions are recorded when they end, on the account clock; the first starts at the timer's slot.
    const last = Math.max(start, ...workers.map((e) => Date.parse(e.at)));
    const sendingHours = Math.max((last - start - SLOT_MS) / HOUR, 1e-9);
    const sent = s.receiver.attempts.length;
    return {
      receiver: name,
      perExecution: workers.length ? sent / workers.length : 0,
      perHour: delivered / sendingHours,
      executions: workers.length,
      killed: workers.filter((e) => e.error?.startsWith('SSS_TIME_LIMIT_EXCEEDED')).length,
      duplicates: [...s.receiver.deliveriesById().values()].filter((n) => n > 1).length,
      drained:
        pending() === 0
          ? `${fmt((last - start) / HOUR, 2)} h`
          : `not drained: ${fmt(pending())} waiting after ${fmt(maxMs / HOUR)} h (nothing lost)`,
    };
  } finally {
    await s.close();
  }
}

export async function workerTable(quick: boolean): Promise<Table> {
  const backlog = quick ? 1_000 : 5_000;
  const rows: Drain[] = [];
  for (const [name, behaviour] of [
    ['answers in 0.2 s', { kind: 'delay', seconds: 0.2 }],
    ['answers in 1 s', { kind: 'delay', seconds: 1 }],
    ['answers in 8 s', { kind: 'delay', seconds: 8 }],
  ] as [string, Behaviour][])
    rows.push(await drain(name, behaviour, backlog, 48 * HOUR));
  rows.push(await drain('hangs (for 2 h)', { kind: 'hang' }, backlog, 2 * HOUR));
  return {
    title: `8b. Retry worker against slow receivers (${fmt(backlog)}-delivery backlog, account clock)`,
    head: [
      'receiver',
      'POSTs per execution',
      'delivered per hour',
      'worker executions',
      'killed (limit 3,600 s)',
      'duplicates',
      'drain time',
    ],
    rows: rows.map((r) => [
      r.receiver,
      fmt(r.perExecution),
      fmt(r.perHour),
      r.executions,
      r.killed,
      r.duplicates,
      r.drained,
    ]),
    notes: [
      `A worker execution starts no POST after ${fmt(LAST_POST_START_MS / 1000)} s (${fmt(TIME_LIMIT_SECONDS.scheduled)} s limit − 50 s for one POST − 300 s margin) and no delivery past its 10,000 units (828); then it starts itself again.`,
      'A hanging receiver: three POSTs in a row without an answer end sending for that run (no restart, the timer runs again in 15 minutes); untried deliveries keep their attempt counts.',
      'Drain time: account time from the queued backlog to the end of the last worker execution, including the wait for the first timer slot (every 15 minutes); per hour: delivered ÷ the time the worker executions took.',
    ],
  };
}
