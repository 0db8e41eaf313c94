/**
 * End to end on the REAL bundle (src/, built by `npm run build:bundle`) for the other records that can
 * log in: the user event script's VENDOR, PARTNER and CUSTOMER deployments, each with its own parameter
 * values, send `<type>.*` events that the receiver verifies (standardwebhooks) and checks against the
 * published JSON Schema. A vendor, a partner and a customer granted login access each produce
 * `access_granted`; a role change, `access_revoked` and the delete follow.
 */
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { Receiver } from '../../lib/sandbox/receiver/receiver';
import { REST, UI } from './helpers';
import {
  DELIVERY_RECORD,
  PARAM,
  SCRIPT,
  USER_RECORD_TYPES,
  type Ref,
  type UserRecordType,
  type WebhookEvent,
} from '../../lib/core';

const SECRET_ID = 'custsecret_suitehooks_signing';

let account: SandboxAccount;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await Receiver.start({ now: () => account.clock.now() });
  const own = { [PARAM.endpointUrl]: receiver.url, [PARAM.secretId]: SECRET_ID };
  account = await SandboxAccount.create({
    secrets: { [SECRET_ID]: receiver.apiSecretValue },
    // Script parameters belong to each deployment: every record type's deployment is configured.
    params: Object.fromEntries(USER_RECORD_TYPES.map((t) => [t.deploymentId, own])),
    http: { trustedCertificates: [receiver.certificatePem!] },
  });
  // One save first, so what an account's first save loads and caches does not count in the units compared below.
  await account.createEmployee({ values: { firstName: 'Warm', lastName: 'Up', subsidiary: ref('1') } }, REST);
});

afterAll(async () => {
  await account?.close();
  await receiver?.close();
});

const ref = (id: string): Ref => ({ id, refName: null });
/** The type's way of holding a login role: `roles` lines, or the one `accessRole`. */
const roleValue = (type: UserRecordType, id: string | null) =>
  type.roles.kind === 'sublist' ? { roles: id ? [ref(id)] : [] } : { accessRole: id ? ref(id) : null };

/** The one event the last write produced (verified by the receiver, so it is signed correctly). */
async function eventOf(write: () => Promise<unknown>): Promise<WebhookEvent> {
  const before = new Set(receiver.events.keys());
  await write();
  const fresh = [...receiver.events.values()].filter((e) => !before.has(e.data.id));
  expect(fresh).toHaveLength(1);
  return fresh[0]!;
}

describe.each(USER_RECORD_TYPES.filter((t) => t.id !== 'employee').map((t) => [t.id, t] as const))('%s', (id, type) => {
  let recordId = '';

  test(`created without access: ${id}.created, inline, at the employee's cost`, async () => {
    // An employee's create first: the units of the same path (the breaker and the POST).
    await eventOf(() =>
      account.createEmployee({ values: { firstName: 'Unit', lastName: id, subsidiary: ref('1') } }, REST),
    );
    const employeeUnits = account.executions({ script: SCRIPT.userEvent }).at(-1)!.usage;
    const event = await eventOf(async () => {
      recordId = await account.createRecord(
        id,
        { values: { companyName: `Northwind ${id}`, subsidiary: ref('1'), email: `it@${id}.test` } },
        REST,
      );
    });
    expect(event).toMatchObject({
      type: `${id}.created`,
      data: { recordType: id, recordId, changeType: 'create', lifecycle: [] },
    });
    expect(event.data.changes.companyName).toEqual({ old: null, new: `Northwind ${id}` });
    expect(account.executions({ script: SCRIPT.userEvent }).at(-1)).toMatchObject({
      ok: true,
      deployment: type.deploymentId,
      usage: employeeUnits,
    });
  });

  test('granted login access with a role: access_granted, the role added', async () => {
    const event = await eventOf(() =>
      account.updateRecord(
        id,
        recordId,
        { values: { giveAccess: true, ...roleValue(type, '15') }, replaceRoles: true },
        UI,
      ),
    );
    expect(event.type).toBe(`${id}.updated`);
    expect(event.data.lifecycle).toEqual(['access_granted']);
    const role = { id: '15', refName: 'Sales Rep' };
    expect(event.data.changes[type.roles.rest]).toEqual(
      type.roles.kind === 'sublist' ? { added: [role], removed: [] } : { old: null, new: role },
    );
    expect(event.data.origin).toMatchObject({ executionContext: 'USERINTERFACE' });
  });

  test('another role: the old one removed, the new one added', async () => {
    const event = await eventOf(() =>
      account.updateRecord(id, recordId, { values: roleValue(type, '30'), replaceRoles: true }, REST),
    );
    const [before, after] = [
      { id: '15', refName: 'Sales Rep' },
      { id: '30', refName: 'Accountant' },
    ];
    expect(event.data.changedFields).toEqual([type.roles.rest]);
    expect(event.data.changes[type.roles.rest]).toEqual(
      type.roles.kind === 'sublist' ? { added: [after], removed: [before] } : { old: before, new: after },
    );
  });

  test('deactivated with access kept: PARTIAL_DEPROVISION; access removed: access_revoked', async () => {
    const inactive = await eventOf(() => account.updateRecord(id, recordId, { values: { isInactive: true } }, REST));
    expect(inactive.data).toMatchObject({ lifecycle: ['deactivated'], warnings: ['PARTIAL_DEPROVISION'] });
    const revoked = await eventOf(() =>
      account.updateRecord(id, recordId, { values: { giveAccess: false } }, UI, 'xedit'),
    );
    expect(revoked.data).toMatchObject({
      eventType: 'xedit',
      changedFields: ['giveAccess'],
      lifecycle: ['access_revoked'],
      warnings: [],
    });
  });

  test(`deleted: ${id}.deleted with the last known values`, async () => {
    const event = await eventOf(() => account.deleteRecord(id, recordId, REST));
    expect(event).toMatchObject({ type: `${id}.deleted`, data: { recordId, changeType: 'delete' } });
    expect(event.data.record).toMatchObject({ id: recordId, companyName: `Northwind ${id}`, giveAccess: false });
  });
});

test('every event was verified, matched the JSON Schema, was delivered inline, and left no delivery', () => {
  expect(receiver.schemaViolations).toEqual([]);
  expect(receiver.attempts.every((a) => a.verified && a.status === 200)).toBe(true);
  expect(new Set([...receiver.events.values()].map((e) => e.data.recordType))).toEqual(
    new Set(USER_RECORD_TYPES.map((t) => t.id)), // the employees only for the cost comparison
  );
  expect(account.customRecords(DELIVERY_RECORD)).toEqual([]);
});

test('an unconfigured deployment keeps its events as pending deliveries naming the missing parameter', async () => {
  const other = await SandboxAccount.create({
    secrets: { [SECRET_ID]: receiver.apiSecretValue },
    params: {
      [USER_RECORD_TYPES[0]!.deploymentId]: { [PARAM.endpointUrl]: receiver.url, [PARAM.secretId]: SECRET_ID },
    },
    http: { trustedCertificates: [receiver.certificatePem!] },
  });
  try {
    const before = receiver.attempts.length;
    await other.createRecord('vendor', { values: { companyName: 'Unconfigured', subsidiary: ref('1') } }, REST);
    expect(receiver.attempts.length).toBe(before);
    const [kept] = other.customRecords(DELIVERY_RECORD);
    expect(String(kept!.custrecord_suitehooks_event_type)).toBe('vendor.created');
    expect(String(kept!.custrecord_suitehooks_last_error)).toContain(`${PARAM.endpointUrl} is not set`);
  } finally {
    await other.close();
  }
});
