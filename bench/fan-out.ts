/**
 * Item 9, fan-out to several endpoints: the real bundle in the sandbox with 1, 2 and 5 endpoint records,
 * each its own receiver and Standard Webhooks secret (verified by the receiver with `standardwebhooks`),
 * answering after 0.2 s of account time. Per save: units charged and the account time spent in N/https
 * (inline POSTs are sequential: docs/netsuite.md#fan-out-to-several-endpoints). Then the retry worker's
 * units per delivery with deliveries of the parameters endpoint and two endpoint records mixed.
 */
import {
  DEPLOYMENT,
  ENDPOINT_FIELD as EP,
  ENDPOINT_RECORD,
  FAN_OUT,
  PARAM,
  RETRY_UNITS,
  SCRIPT,
  UNIT_COST,
} from '../lib/core';
import { SandboxAccount } from '../lib/sandbox/account/account';
import { Receiver } from '../lib/sandbox/receiver/receiver';
import { fmt, type Table } from './table';

const UI = { executionContext: 'USERINTERFACE', userId: '1', roleId: '3' };
const CSV = { executionContext: 'CSVIMPORT', userId: '1', roleId: '3' };
const ANSWER_SECONDS = 0.2;
const SAVES = 5;

interface Lab {
  account: SandboxAccount;
  receivers: Receiver[];
  close(): Promise<void>;
}

async function lab(count: number): Promise<Lab> {
  let account!: SandboxAccount;
  const receivers = await Promise.all(
    Array.from({ length: count }, () => Receiver.start({ now: () => account.clock.now() })),
  );
  const secrets = Object.fromEntries(receivers.map((r, i) => [`custsecret_suitehooks_bench_${i}`, r.apiSecretValue]));
  account = await SandboxAccount.create({ secrets, http: { trustedCertificates: [receivers[0]!.certificatePem!] } });
  for (const r of receivers) r.setDefault({ kind: 'delay', seconds: ANSWER_SECONDS });
  return {
    account,
    receivers,
    async close() {
      await account.close();
      await Promise.all(receivers.map((r) => r.close()));
    },
  };
}

/** One endpoint record per receiver from `from` on, each with its receiver's API Secret. */
async function addEndpoints(l: Lab, values: Record<string, unknown> = {}, from = 0): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, r] of l.receivers.entries())
    if (i >= from)
      ids.push(
        await l.account.saveCustomRecord(ENDPOINT_RECORD, null, {
          name: `receiver ${i}`,
          [EP.url]: r.url,
          [EP.secretId]: `custsecret_suitehooks_bench_${i}`,
          [EP.enabled]: true,
          ...values,
        }),
      );
  return ids;
}

/** Units and N/https account seconds per save (configuration cached), median of SAVES saves. */
async function perSave(count: number): Promise<(string | number)[]> {
  const l = await lab(count);
  try {
    await addEndpoints(l);
    await l.account.updateEmployee('2', { values: { title: 'warm' } }, UI, 'edit'); // fills the cache
    const usage: number[] = [];
    const seconds: number[] = [];
    for (let n = 0; n < SAVES; n++) {
      const before = l.account.clock.now();
      await l.account.updateEmployee('2', { values: { title: `Title ${n}` } }, UI, 'edit');
      seconds.push((l.account.clock.now() - before) / 1000);
      usage.push(l.account.executions({ script: SCRIPT.userEvent }).at(-1)!.usage);
    }
    const inline = Math.min(count, FAN_OUT.inlinePosts);
    const expected = FAN_OUT.overhead + inline * UNIT_COST.https + (count - inline) * FAN_OUT.outboxDelivery;
    const verified = l.receivers.every((r) => r.attempts.every((a) => a.verified));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return [
      count,
      median(usage),
      `${expected} (2 + ${inline} × 10${count > inline ? ` + ${count - inline} × 6 kept` : ''})`,
      fmt(median(seconds), 1),
      `${fmt(inline * ANSWER_SECONDS, 1)} (${inline} sequential × ${ANSWER_SECONDS} s)`,
      verified ? 'all verified, each with its own secret' : 'UNVERIFIED attempts',
    ];
  } finally {
    await l.close();
  }
}

/** The worker's units per delivery with the parameters endpoint and two endpoint records mixed. */
async function workerMixed(perEndpoint: number): Promise<(string | number)[]> {
  const l = await lab(3);
  try {
    for (const r of l.receivers) r.setDefault({ kind: 'ok' });
    // Receiver 0 is the parameters endpoint; receivers 1 and 2 are endpoint records.
    l.account.setParameter(DEPLOYMENT.userEvent, PARAM.endpointUrl, l.receivers[0]!.url);
    l.account.setParameter(DEPLOYMENT.userEvent, PARAM.secretId, 'custsecret_suitehooks_bench_0');
    l.account.setParameter(DEPLOYMENT.userEvent, PARAM.deliveryMode, 'outbox');
    await addEndpoints(l, { [EP.deliveryMode]: 'outbox' }, 1);
    for (let n = 0; n < perEndpoint; n++)
      await l.account.updateEmployee('3', { values: { title: `Queued ${n}` } }, CSV, 'edit');
    const before = l.account.executions({ script: SCRIPT.retry }).length;
    await l.account.advance(16 * 60_000);
    const worker = l.account
      .executions({ script: SCRIPT.retry })
      .slice(before)
      .filter((e) => e.deployment === DEPLOYMENT.retryWorker);
    const delivered = l.receivers.reduce((n, r) => n + r.events.size, 0);
    const units = worker.reduce((n, e) => n + e.usage, 0);
    const perRun = RETRY_UNITS.setup + 3 * RETRY_UNITS.breaker + 2 * RETRY_UNITS.health;
    return [
      `${delivered} deliveries (3 endpoints: parameters + 2 records)`,
      fmt((units - perRun * worker.length) / delivered, 2),
      `12 (https.post 10 + one write 2); per run: setup ${RETRY_UNITS.setup}, breaker ${RETRY_UNITS.breaker} and health ${RETRY_UNITS.health} per endpoint`,
    ];
  } finally {
    await l.close();
  }
}

export async function fanOutBench(quick: boolean): Promise<Table[]> {
  const saves: (string | number)[][] = [];
  for (const count of [1, 2, 5]) saves.push(await perSave(count));
  return [
    {
      title: `9a. Fan-out: one save to 1, 2 and 5 endpoints (receivers answer in ${ANSWER_SECONDS} s of account time)`,
      head: ['endpoints', 'units per save', 'expected', 'account s per save', 'expected in N/https', 'receivers'],
      rows: saves,
      notes: [
        `Median of ${SAVES} UI edits with the endpoint configuration cached (N/cache, 1 unit) and every breaker closed (1 unit). After an endpoint record changes, the first save's cache miss adds its loader: 1 + 10 units.`,
        'Account seconds per save: the account clock across the save, i.e. the N/https waits plus the script itself (real time).',
        `At most ${FAN_OUT.inlinePosts} endpoints are posted inline per save, one after the other (https.post.promise is not used: docs/netsuite.md#fan-out-to-several-endpoints); the others are kept for the retry worker (6 units each).`,
      ],
    },
    {
      title: '9b. Fan-out: retry worker units per delivery with mixed endpoints',
      head: ['workload', 'units per delivery', 'expected'],
      rows: [await workerMixed(quick ? 20 : 100)],
    },
  ];
}
