/**
 * Hardening (issue 6, items 3 and 4; issue 9, items 5 and 6) of the REAL bundle in the sandbox: every
 * script parameter malformed or missing, unreadable secrets, and oversized records. Each misconfiguration
 * gives one error entry in the user event's Execution Log naming the parameter (never its value). A
 * problem with where or how to send holds the event back, named on the kept delivery and in the retry
 * worker's log, and loses nothing: once fixed every kept event goes out, signed. Any other problem falls
 * back to a safe default and does not stop sending or retries. Rotation is
 * checked both ways on the wire, and no N/log entry carries the secret or a change's content.
 */
import { Webhook } from 'standardwebhooks';
import { randomBytes } from 'node:crypto';
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { Receiver } from '../../lib/sandbox/receiver/receiver';
import type { LogEntry } from '../../lib/sandbox/runtime/script-env';
import type { WriteContext } from '../../lib/sandbox/account/account-types';
import { NetSuiteError } from '../../lib/sandbox/account/account-types';
import { DELIVERY_RECORD, DEPLOYMENT, DELIVERY_FIELD as F, PARAM, SCRIPT } from '../../lib/core';

const UE_DEPLOY = DEPLOYMENT.userEvent;
const UE = SCRIPT.userEvent;
const RETRY = SCRIPT.retry;
const DELIVERY = DELIVERY_RECORD;
const SECRET_ID = 'custsecret_suitehooks_signing';
const PREV_ID = 'custsecret_suitehooks_previous';
const P = {
  endpoint: PARAM.endpointUrl,
  secret: PARAM.secretId,
  prev: PARAM.prevSecretId,
  fields: PARAM.fields,
  contexts: PARAM.contexts,
  mode: PARAM.deliveryMode,
  payload: PARAM.payloadMode,
  excluded: PARAM.excludedFields,
  types: PARAM.eventTypes,
  hosts: PARAM.allowedHosts,
};
const REST: WriteContext = { executionContext: 'RESTWEBSERVICES', userId: '7', roleId: '3' };
const MINUTE = 60_000;

let account: SandboxAccount;
let receiver: Receiver;
const logs: LogEntry[] = [];
const PREV_VALUE = randomBytes(32).toString('base64');

beforeAll(async () => {
  receiver = await Receiver.start({ now: () => account.clock.now() });
  account = await SandboxAccount.create({
    workers: 1,
    secrets: { [SECRET_ID]: receiver.apiSecretValue, [PREV_ID]: PREV_VALUE },
    params: { [UE_DEPLOY]: { [P.endpoint]: receiver.url, [P.secret]: SECRET_ID } },
    http: { trustedCertificates: [receiver.certificatePem!], connectTimeoutMs: 1_000, responseTimeoutMs: 2_000 },
    onLog: (e) => void logs.push(e),
  });
  account.seedEmployees(20);
});
afterAll(async () => {
  await account?.close();
  await receiver?.close();
});

type Delivery = Record<string, unknown>;
const deliveries = (): Delivery[] => account.customRecords(DELIVERY);
const titleOf = (d: Delivery) =>
  (JSON.parse(String(d[F.body])) as { data: { changes: { title?: { new: string } } } }).data.changes.title?.new;
let n = 0;
const kept: string[] = [];

/** One REST change while the deployment has `param` set to `value`; returns its kept delivery. */
async function changeWith(
  param: string,
  value: string | null,
): Promise<{ marker: string; delivery: Delivery | undefined; posts: number }> {
  const before = receiver.attempts.length;
  const original = account.getParameters(UE_DEPLOY)[param] ?? null;
  account.setParameter(UE_DEPLOY, param, value);
  const marker = `bad-input-${++n}`;
  try {
    await account.updateEmployee(String(1 + (n % 5)), { values: { title: marker } }, REST);
  } finally {
    account.setParameter(UE_DEPLOY, param, original);
  }
  return {
    marker,
    delivery: deliveries().find((d) => titleOf(d) === marker),
    posts: receiver.attempts.length - before,
  };
}

/** The user event's Execution Log errors of the last change. */
function configurationLog(since: number): LogEntry[] {
  return logs
    .slice(since)
    .filter((l) => l.script === UE && l.level === 'ERROR' && l.title === 'suitehooks: configuration');
}

describe('a problem with where or how to send: one clear error naming it, nothing sent, the event kept', () => {
  test.each([
    [
      'endpoint not https',
      P.endpoint,
      'http://127.0.0.1:9/hooks',
      /custscript_suitehooks_endpoint_url must use https/,
      P.endpoint,
    ],
    ['endpoint missing', P.endpoint, null, /custscript_suitehooks_endpoint_url is not set/, P.endpoint],
    [
      'endpoint not a URL',
      P.endpoint,
      'hooks.example.com/netsuite',
      /custscript_suitehooks_endpoint_url is not an absolute URL/,
      P.endpoint,
    ],
    [
      'endpoint with credentials in it',
      P.endpoint,
      'https://user:hunter2@127.0.0.1/hooks',
      /custscript_suitehooks_endpoint_url must not carry credentials/,
      P.endpoint,
    ],
    // The endpoint is what breaks the rule: the entry names it (and the list).
    [
      'endpoint host not on the allow-list',
      P.hosts,
      'hooks.example.com',
      /host 127\.0\.0\.1 is not in custscript_suitehooks_allowed_hosts/,
      P.endpoint,
    ],
    [
      'allow-list entry that is a URL',
      P.hosts,
      'https://127.0.0.1/',
      /custscript_suitehooks_allowed_hosts: "https:\/\/127\.0\.0\.1\/" is not a host name/,
      P.hosts,
    ],
    ['secret id missing', P.secret, null, /custscript_suitehooks_secret_id is not set/, P.secret],
    [
      'secret id not an API Secret id',
      P.secret,
      'my-signing-key',
      /custscript_suitehooks_secret_id must be an API Secret script id/,
      P.secret,
    ],
    [
      'previous secret id malformed',
      P.prev,
      'old key',
      /custscript_suitehooks_prev_secret_id must be an API Secret script id/,
      P.prev,
    ],
  ])('%s', async (_name, param, value, message, logged) => {
    const since = logs.length;
    const { marker, delivery, posts } = await changeWith(param, value);
    expect(posts).toBe(0);
    expect(delivery).toBeDefined();
    expect(delivery).toMatchObject({ [F.status]: 'pending', [F.attempts]: 0 });
    const error = String(delivery![F.lastError]);
    expect(error).toMatch(message);
    expect(error).toMatch(/^configuration: [^;]+$/); // one problem, one message
    expect(error).not.toContain('hunter2');
    // The Execution Log: one error entry naming the parameter, never its value.
    const [entry, ...more] = configurationLog(since);
    expect(more).toHaveLength(0);
    expect(entry!.details).toMatch(new RegExp(`^${logged} `));
    if (value) expect(entry!.details).not.toContain(value);
    expect(entry!.details).not.toContain('127.0.0.1');
    kept.push(marker);
  });

  test.each([
    ['a secret that does not exist', 'custsecret_suitehooks_missing', () => undefined],
    [
      'a secret restricted to another script',
      SECRET_ID,
      () => account.setSecret(SECRET_ID, receiver.apiSecretValue, ['customscript_someone_else']),
    ],
  ])(
    'unreadable secret: %s → "cannot sign with the API Secret", nothing sent, kept',
    async (_name, secretId, apply) => {
      apply();
      try {
        const { marker, delivery, posts } = await changeWith(P.secret, secretId);
        expect(posts).toBe(0);
        expect(delivery).toMatchObject({ [F.status]: 'pending', [F.attempts]: 0 });
        expect(String(delivery![F.lastError])).toMatch(/^cannot sign with the API Secret: /);
        kept.push(marker);
      } finally {
        account.setSecret(SECRET_ID, receiver.apiSecretValue);
      }
    },
  );

  test('while the endpoint is broken the retry worker sends nothing and says why (no value); fixed, it sends every kept event once', async () => {
    account.setParameter(UE_DEPLOY, P.endpoint, 'http://127.0.0.1:9/hooks');
    const before = receiver.attempts.length;
    await account.advance(20 * MINUTE);
    expect(receiver.attempts.length).toBe(before);
    const said = account.logs({ script: RETRY, level: 'ERROR' }).at(-1)!.details;
    expect(said).toBe('configuration problems, nothing sent: custscript_suitehooks_endpoint_url must use https://');
    account.setParameter(UE_DEPLOY, P.endpoint, receiver.url);
    await account.advance(20 * MINUTE);
    const byMarker = new Map(deliveries().map((d) => [titleOf(d), d]));
    for (const m of kept) expect(byMarker.get(m)).toMatchObject({ [F.status]: 'delivered', [F.attempts]: 1 });
    const received = [...receiver.events.values()].map(
      (e) => (e.data.changes.title as { new?: string } | undefined)?.new,
    );
    for (const m of kept) expect(received.filter((t) => t === m)).toHaveLength(1);
    expect(kept.length).toBe(11);
  });
});

describe('any other bad parameter falls back to a safe default: the event is sent, the Execution Log names the parameter', () => {
  test.each([
    [
      'unknown field id (a typo of the field changed: the defaults are tracked too)',
      P.fields,
      'firstname, titel',
      'unknown or forbidden field',
    ],
    ['a forbidden field (password)', P.fields, 'title,password', 'unknown or forbidden field'],
    // The typo is the context the change is made in: all contexts emit.
    [
      'unknown context name (a typo of the one written in)',
      P.contexts,
      'USERINTERFACE,RESTWEBSERVICE',
      'unknown execution context',
    ],
    ['bad delivery mode (auto)', P.mode, 'sometimes', 'must be inline, outbox or auto'],
    ['bad payload mode (full)', P.payload, 'everything', 'must be full or changes'],
    ['unknown event type (a typo of the one made: all types emit)', P.types, 'create,edti', 'unknown event type'],
    ['unknown excluded field', P.excluded, 'nosuchfield', 'unknown field'],
  ])('%s', async (_name, param, value, reason) => {
    const since = logs.length;
    const { marker, delivery, posts } = await changeWith(param, value);
    expect(posts).toBe(1);
    expect(delivery).toBeUndefined(); // delivered inline, nothing kept
    expect(
      [...receiver.events.values()].some((e) => (e.data.changes.title as { new?: string } | undefined)?.new === marker),
    ).toBe(true);
    const [entry, ...more] = configurationLog(since);
    expect(more).toHaveLength(0);
    expect(entry!.details).toBe(`${param} ${reason}`);
  });

  test('a typo in an unrelated parameter does not stop retries', async () => {
    account.setParameter(UE_DEPLOY, P.fields, 'title, titel');
    try {
      await receiver.down();
      await account.updateEmployee('2', { values: { title: 'bad-input-retried' } }, REST);
      expect(deliveries().find((d) => titleOf(d) === 'bad-input-retried')).toMatchObject({
        [F.status]: 'pending',
        [F.attempts]: 1,
      });
      await receiver.up();
      await account.advance(6 * MINUTE); // due after 5 min ± jitter
      await account.advance(16 * MINUTE); // the timer's slot: it starts the worker
      expect(deliveries().find((d) => titleOf(d) === 'bad-input-retried')).toMatchObject({
        [F.status]: 'delivered',
        [F.attempts]: 2,
      });
      expect(account.logs({ script: RETRY, level: 'ERROR' }).filter((l) => l.details.includes('fields'))).toEqual([]);
    } finally {
      account.setParameter(UE_DEPLOY, P.fields, null);
      await receiver.up();
    }
  });
});

describe('oversized records', () => {
  test('every text field at its limit (unicode), a long role list: delivered whole and verified', async () => {
    const long = (c: string) => c.repeat(300).slice(0, 300);
    const roles = (await account.runSuiteQL('SELECT id FROM role', [], 1000, 0)).items.map((r) => ({
      id: String(r.id),
      refName: null,
    }));
    const values = {
      title: long('é'),
      firstName: long('ß'),
      lastName: long('Ω'),
      phone: long('9').slice(0, 30),
      roles,
    };
    const id = await account.createEmployee(
      { values: { ...values, email: `big.${n}@example.com`, subsidiary: { id: '1', refName: null } } },
      REST,
    );
    const event = [...receiver.events.values()].find((e) => e.data.recordId === id && e.type === 'employee.created')!;
    expect(event).toBeDefined();
    expect((event.data.changes.title as { new: string }).new).toBe(long('é'));
    expect((event.data.changes.roles as { added: unknown[] }).added).toHaveLength(roles.length);
  });

  test('a value over a field limit: the write is refused with one error naming the field, and no event is sent for it', async () => {
    const before = receiver.attempts.length;
    let err: unknown;
    try {
      await account.updateEmployee('3', { values: { title: 'x'.repeat(301) } }, REST);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NetSuiteError);
    expect((err as NetSuiteError).message).toMatch(/title/);
    expect(receiver.attempts.length).toBe(before);
  });
});

describe('key rotation on the wire, both ways', () => {
  test('during a rotation both signatures are sent, current first: a receiver on either secret verifies', async () => {
    account.setParameter(UE_DEPLOY, P.prev, PREV_ID);
    try {
      await account.updateEmployee('2', { values: { title: 'rotation-1' } }, REST);
    } finally {
      account.setParameter(UE_DEPLOY, P.prev, null);
    }
    const attempt = receiver.attempts.at(-1)!;
    expect(attempt.verified).toBe(true); // the receiver holds the current secret
    const signatures = attempt.signature!.split(' ');
    expect(signatures).toHaveLength(2);
    // The receiver still on the previous secret: only the second signature is its own.
    const event = receiver.events.get(attempt.webhookId!)!;
    const body = JSON.stringify(event);
    const old = new Webhook(PREV_VALUE);
    const expected = old.sign(attempt.webhookId!, new Date(Number(attempt.webhookTimestamp) * 1000), body);
    // The body the receiver parsed re-serialises to the bytes that were signed (the bundle's serialiser is JSON.stringify).
    expect(signatures[1]).toBe(expected);
    expect(signatures[0]).not.toBe(expected);
  });
});

describe('key rotation with events in flight', () => {
  test('an event kept before the rotation goes out signed with the new secret and the old one: receivers on either verify', async () => {
    const NEXT_ID = 'custsecret_suitehooks_next';
    const NEXT_VALUE = randomBytes(32).toString('base64');
    await receiver.down();
    await account.updateEmployee('4', { values: { title: 'rotation-2' } }, REST);
    const kept = deliveries().find((d) => titleOf(d) === 'rotation-2')!;
    expect(kept[F.status]).toBe('pending');
    // The administrator rotates: a new secret signs, the receiver's (old) one is the previous.
    account.setSecret(NEXT_ID, NEXT_VALUE);
    account.setParameter(UE_DEPLOY, P.secret, NEXT_ID);
    account.setParameter(UE_DEPLOY, P.prev, SECRET_ID);
    try {
      await receiver.up();
      await account.advance(20 * MINUTE);
    } finally {
      account.setParameter(UE_DEPLOY, P.secret, SECRET_ID);
      account.setParameter(UE_DEPLOY, P.prev, null);
    }
    const id = String(kept[F.eventId]);
    const attempt = receiver.attempts.filter((a) => a.webhookId === id).at(-1)!;
    expect(attempt.verified).toBe(true); // the receiver still on the old secret
    const body = JSON.stringify(receiver.events.get(id));
    const [first, second] = attempt.signature!.split(' ');
    const at = new Date(Number(attempt.webhookTimestamp) * 1000);
    expect(first).toBe(new Webhook(NEXT_VALUE).sign(id, at, body)); // current first
    expect(second).toBe(new Webhook(receiver.apiSecretValue).sign(id, at, body));
    expect(deliveries().find((d) => titleOf(d) === 'rotation-2')).toMatchObject({
      [F.status]: 'delivered',
      [F.secretId]: NEXT_ID,
      [F.prevSecretId]: SECRET_ID,
    });
    expect(JSON.stringify(logs)).not.toContain(NEXT_VALUE);
  });
});

describe('N/log', () => {
  test('no entry carries a secret, an endpoint credential or any change content', () => {
    expect(logs.length).toBeGreaterThan(0);
    const text = JSON.stringify(logs);
    for (const secret of [receiver.apiSecretValue, PREV_VALUE, 'hunter2']) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/bad-input-\d|rotation-\d|ééé|ßßß|Synthetic|synthetic\.\d|@example\.com/);
    expect(logs.filter((l) => l.script === UE || l.script === RETRY).length).toBe(logs.length);
  });
});
