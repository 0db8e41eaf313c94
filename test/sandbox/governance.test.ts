/**
 * Governance on the real bundle and on a probe script: NetSuite's unit costs are charged, the limits
 * (user event 1,000; scheduled 10,000) are enforced with SSS_USAGE_LIMIT_EXCEEDED, and the retry worker
 * that runs out mid-batch starts itself again (docs/netsuite.md#governance, section_460871520995).
 */
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { Receiver } from '../../lib/sandbox/receiver/receiver';
import { CSV, PROBE_PROJECT, REST } from './helpers';
import {
  DELIVERY_FIELD as F,
  DELIVERY_RECORD,
  DEPLOYMENT,
  PARAM,
  SCRIPT,
  RETRY_UNITS,
  USAGE_LIMIT,
} from '../../lib/core';

const UE_DEPLOY = DEPLOYMENT.userEvent;
const RETRY = SCRIPT.retry;
const TIMER = DEPLOYMENT.retryTimer;
const WORKER = DEPLOYMENT.retryWorker;
const SECRET_ID = 'custsecret_suitehooks_signing';

describe('the retry worker over a backlog larger than one run can send', () => {
  let account: SandboxAccount;
  let receiver: Receiver;
  const BACKLOG = 900; // one worker run sends 827 (10,000 units, 12 a delivery)

  beforeAll(async () => {
    receiver = await Receiver.start({ now: () => account.clock.now() });
    account = await SandboxAccount.create({
      workers: 2,
      secrets: { [SECRET_ID]: receiver.apiSecretValue },
      params: { [UE_DEPLOY]: { [PARAM.endpointUrl]: receiver.url, [PARAM.secretId]: SECRET_ID } },
      http: { trustedCertificates: [receiver.certificatePem!] },
    });
    account.seedEmployees(BACKLOG);
  });

  afterAll(async () => {
    await account?.close();
    await receiver?.close();
  });

  test('the timer starts the worker, which exhausts governance mid-batch, starts itself again, and delivers every event exactly once', async () => {
    const ids = account.listEmployees(BACKLOG, 8).ids;
    // A CSV import: auto mode queues every event for the retry worker.
    await Promise.all(ids.map((id) => account.updateEmployee(id, { values: { title: 'Imported' } }, CSV)));
    expect(account.customRecords(DELIVERY_RECORD)).toHaveLength(BACKLOG);
    const runs = await account.advance(16 * 60_000); // the timer's slot
    expect(runs.filter((r) => r.status !== 'COMPLETE')).toEqual([]);
    expect(runs.map((r) => r.deploymentId)).toEqual([TIMER, WORKER, WORKER]);
    const worker = account.executions({ script: RETRY }).filter((e) => e.deployment === WORKER);
    expect(Math.max(...worker.map((e) => e.usage))).toBeLessThanOrEqual(USAGE_LIMIT.scheduled);
    expect(worker[0]!.usage).toBeGreaterThan(9_900);
    const perRun = account
      .logs({ script: RETRY })
      .map((l) => /^(\d+) of \d+ due deliveries attempted/.exec(l.details)?.[1])
      .filter(Boolean)
      .map(Number);
    expect(perRun).toEqual([827, BACKLOG - 827]);
    const notDelivered = account.customRecords(DELIVERY_RECORD).filter((d) => d[F.status] !== 'delivered');
    expect(notDelivered.map((d) => `${String(d[F.status])}: ${String(d[F.lastError])}`).slice(0, 3)).toEqual([]);
    const counts = receiver.deliveriesById();
    expect(counts.size).toBe(BACKLOG);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // Every delivery read from search columns: no record.load at all (12 units each); one N/cache call
    // a run closes the endpoint's circuit breaker on its first success.
    expect(worker.reduce((sum, e) => sum + e.usage, 0)).toBe(
      2 * RETRY_UNITS.setup + BACKLOG * RETRY_UNITS.delivery + RETRY_UNITS.resubmit + 2 * RETRY_UNITS.breaker,
    );
  }, 120_000);
});

describe('limits are enforced', () => {
  let account: SandboxAccount;

  beforeAll(async () => {
    account = await SandboxAccount.create({ projectDir: PROBE_PROJECT, workers: 1 });
  });

  afterAll(async () => {
    await account?.close();
  });

  test('a user event past 1,000 units throws SSS_USAGE_LIMIT_EXCEEDED; the write stays', async () => {
    account.setParameter('customdeploy_sb_probe_ue', 'custscript_sb_burn', '1001');
    await account.updateEmployee('2', { values: { title: 'Burner' } }, REST);
    expect(account.getEmployee('2')!.title).toBe('Burner');
    expect(account.executions().at(-1)).toMatchObject({
      usage: USAGE_LIMIT.userEvent,
      limit: USAGE_LIMIT.userEvent,
      ok: false,
      error: 'SSS_USAGE_LIMIT_EXCEEDED: Script Execution Usage Limit Exceeded',
    });
    expect(account.logs({ level: 'ERROR' }).at(-1)).toMatchObject({ title: 'SSS_USAGE_LIMIT_EXCEEDED' });
  });

  test("exactly at the limit is allowed; costs are NetSuite's (lookupFields 1, create 2, save 4)", async () => {
    account.setParameter('customdeploy_sb_probe_ue', 'custscript_sb_burn', '994');
    await account.updateEmployee('2', { values: { title: 'Almost' } }, REST);
    expect(account.executions().at(-1)).toMatchObject({ usage: USAGE_LIMIT.userEvent, ok: true });
    account.setParameter('customdeploy_sb_probe_ue', 'custscript_sb_burn', '0');
  });
});
