/**
 * Issue 16, the worker and time: the built retry worker (src/) against a receiver that answers every POST
 * after 8 s of account time, with a backlog larger than one execution can send in 3,600 s (Script
 * Execution Time Limits, section_161591009480). A worker that budgets only units is stopped with
 * SSS_TIME_LIMIT_EXCEEDED: the POST in flight was received but not recorded (sent again later: a
 * duplicate), and it never starts itself again. This test states what must hold instead.
 */
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { Receiver } from '../../lib/sandbox/receiver/receiver';
import { CSV } from './helpers';
import { DELIVERY_FIELD as F, DELIVERY_RECORD, DELIVERY_STATUS, DEPLOYMENT, PARAM, SCRIPT } from '../../lib/core';
import { TIME_LIMIT_SECONDS } from '../../lib/core/governance';

const SECRET_ID = 'custsecret_suitehooks_signing';
const ANSWER_SECONDS = 8;
/** More than one execution can send at 8 s a POST within 3,600 s (450), fewer than its units allow (828). */
const BACKLOG = 600;
const SLOT_MS = 16 * 60_000; // past the timer's 15-minute recurrence

let account: SandboxAccount;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await Receiver.start({ now: () => account.clock.now() });
  account = await SandboxAccount.create({
    workers: 1, // one clock: a parallel script moving it would count toward this one's time (FIDELITY.md)
    secrets: { [SECRET_ID]: receiver.apiSecretValue },
    params: { [DEPLOYMENT.userEvent]: { [PARAM.endpointUrl]: receiver.url, [PARAM.secretId]: SECRET_ID } },
    http: { trustedCertificates: [receiver.certificatePem!] },
  });
}, 60_000);

afterAll(async () => {
  await account?.close();
  await receiver?.close();
});

/** CSV imports queue their events (auto mode): the backlog, through the bundle's own user event. */
async function queueBacklog(count: number): Promise<void> {
  const writes: Promise<string>[] = [];
  for (let i = 0; i < count; i++) {
    const values = { firstName: 'Queued', lastName: `Employee ${i}`, subsidiary: { id: '1', refName: null } };
    writes.push(account.createEmployee({ values, replaceRoles: true }, CSV));
    if (writes.length >= 32) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
}

const pending = () =>
  account.customRecords(DELIVERY_RECORD).filter((d) => d[F.status] === DELIVERY_STATUS.pending).length;

test(`with a receiver answering in ${ANSWER_SECONDS} s, no worker execution reaches ${TIME_LIMIT_SECONDS.scheduled} s and every event arrives once`, async () => {
  await queueBacklog(BACKLOG);
  expect(pending()).toBe(BACKLOG);
  receiver.setDefault({ kind: 'delay', seconds: ANSWER_SECONDS });

  // Timer slots until the backlog is gone (bounded: 600 × 8 s is under two hours of sending).
  for (let slot = 0; slot < 12 && pending() > 0; slot++) await account.advance(SLOT_MS);

  const killed = account
    .executions({ script: SCRIPT.retry })
    .filter((e) => e.error?.startsWith('SSS_TIME_LIMIT_EXCEEDED'));
  const arrivals = receiver.deliveriesById();
  const events = account.customRecords(DELIVERY_RECORD).map((d) => String(d[F.eventId]));
  // One statement, so a failure shows all three: executions stopped, events left, events not received once.
  expect({
    killed: killed.length,
    pending: pending(),
    notOnce: events.filter((id) => arrivals.get(id) !== 1).map((id) => `${id} received ${arrivals.get(id) ?? 0}×`),
  }).toEqual({ killed: 0, pending: 0, notOnce: [] });
  expect(events).toHaveLength(BACKLOG);
}, 300_000);
