/**
 * Governance on the real bundle and on a probe script: NetSuite's unit costs are charged, the limits
 * (user event 1,000; scheduled 10,000) are enforced with SSS_USAGE_LIMIT_EXCEEDED, and the retry script
 * that runs out mid-batch resumes through rescheduling (NETSUITE-FACTS "Governance (units)").
 */
import { SandboxAccount } from '../../lib/sandbox/account';
import { Receiver } from '../../lib/sandbox/receiver';
import { CSV, PROBE_PROJECT, REST } from './helpers';

const UE_DEPLOY = 'customdeploy_suitehooks_employee_ue';
const RETRY = 'customscript_suitehooks_retry_ss';
const SECRET_ID = 'custsecret_suitehooks_signing';

describe('the retry script over a backlog larger than one run can send', () => {
  let account: SandboxAccount;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await Receiver.start({ now: () => account.clock.now() });
    account = await SandboxAccount.create({
      workers: 2,
      secrets: { [SECRET_ID]: receiver.apiSecretValue },
      params: { [UE_DEPLOY]: { custscript_suitehooks_endpoint_url: receiver.url, custscript_suitehooks_secret_id: SECRET_ID } },
      http: { trustedCertificates: [receiver.certificatePem!] },
    });
    account.seedEmployees(700);
  });

  afterAll(async () => {
    await account?.close();
    await receiver?.close();
  });

  test('exhausts governance mid-batch, reschedules itself, and delivers every event exactly once', async () => {
    const ids = account.listEmployees(700, 8).ids;
    // A CSV import: auto mode queues every event for the scheduled script.
    await Promise.all(ids.map((id) => account.updateEmployee(id, { values: { title: 'Imported' } }, CSV)));
    const queued = account.customRecords('customrecord_suitehooks_delivery');
    expect(queued).toHaveLength(700);
    const runs = await account.runScheduled(RETRY);
    expect(runs.length).toBeGreaterThanOrEqual(2); // the first run ran out and resubmitted itself
    expect(runs.filter((r) => r.status !== 'COMPLETE')).toEqual([]);
    const executions = account.executions({ script: RETRY });
    expect(Math.max(...executions.map((e) => e.usage))).toBeLessThanOrEqual(10_000);
    expect(executions[0]!.usage).toBeGreaterThan(9_000);
    const notDelivered = account.customRecords('customrecord_suitehooks_delivery').filter((d) => d.custrecord_suitehooks_status !== 'delivered');
    expect(notDelivered.map((d) => `${d.custrecord_suitehooks_status}: ${d.custrecord_suitehooks_last_error}`).slice(0, 3)).toEqual([]);
    const counts = receiver.deliveriesById();
    expect(counts.size).toBe(700);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  }, 60_000);
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
    expect(account.executions().at(-1)).toMatchObject({ usage: 1000, limit: 1000, ok: false, error: 'SSS_USAGE_LIMIT_EXCEEDED: Script Execution Usage Limit Exceeded' });
    expect(account.logs({ level: 'ERROR' }).at(-1)).toMatchObject({ title: 'SSS_USAGE_LIMIT_EXCEEDED' });
  });

  test('exactly at the limit is allowed; costs are NetSuite\'s (lookupFields 1, create 2, save 4)', async () => {
    account.setParameter('customdeploy_sb_probe_ue', 'custscript_sb_burn', '994');
    await account.updateEmployee('2', { values: { title: 'Almost' } }, REST);
    expect(account.executions().at(-1)).toMatchObject({ usage: 1000, ok: true });
    account.setParameter('customdeploy_sb_probe_ue', 'custscript_sb_burn', '0');
  });
});
