/**
 * Behaviour behind Oracle's N/* stubs for the bundle tests. Each test file calls `jest.mock('N/…')` (jest
 * automocks Oracle's stub, keeping its enums) and `installFakes()` gives the mocked functions an
 * in-memory account: script parameters, an HTTPS receiver, API Secrets that really HMAC, the delivery
 * record, task submission, logs and a governance meter that charges NetSuite's documented units.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { DELIVERY_FIELD, DELIVERY_RECORD } from '../../lib/core/delivery-record';

export const SECRET_ID = 'custsecret_suitehooks';
export const PREV_SECRET_ID = 'custsecret_suitehooks_old';

export interface PostedRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export type Reply = { code: number; headers?: Record<string, string>; body?: string } | Error;

export interface LogEntry {
  level: 'debug' | 'audit' | 'error' | 'emergency';
  title: string;
  details: string;
}

export type DeliveryRow = Record<string, unknown>;

export interface FakeAccount {
  /** API Secrets by script id: base64 text, as an administrator stores it. */
  secrets: Record<string, string>;
  /** The user event deployment's parameters (the running script's, and what the retry script loads). */
  params: Record<string, unknown>;
  /** Whether the retry script finds the user event deployment. */
  deploymentFound: boolean;
  executionContext: string;
  user: { id: number; role: number };
  script: { id: string; deploymentId: string };
  remainingUsage: number;
  posts: PostedRequest[];
  /** The receiver: one reply per request (the last repeats). */
  replies: Reply[];
  deliveries: Map<string, DeliveryRow>;
  tasks: { taskType: string; scriptId: string; deploymentId: string }[];
  taskError: Error | null;
  logs: LogEntry[];
  /** Makes record.create/submitFields of deliveries fail. */
  storeError: Error | null;
  /** What lookupFields reports for a claim (simulates another run overwriting it); null: the stored value. */
  claimOverride: string | null;
}

/** A SuiteScriptError-like error: `name` is the code. */
export function suiteScriptError(code: string, message: string): Error {
  const e = new Error(message);
  e.name = code;
  return e;
}

export function newSecret(): string {
  return randomBytes(32).toString('base64');
}

const COST = { post: 10, create: 2, save: 4, loadCustom: 2, loadOther: 5, submitFields: 2, search: 10, lookup: 1, task: 20 };

function mocked<T = any>(name: string): T {
  return jest.requireMock(name) as T;
}

export function installFakes(overrides: Partial<FakeAccount> = {}): FakeAccount {
  const account: FakeAccount = {
    secrets: { [SECRET_ID]: newSecret(), [PREV_SECRET_ID]: newSecret() },
    params: {},
    deploymentFound: true,
    executionContext: 'USERINTERFACE',
    user: { id: 42, role: 3 },
    script: { id: 'customscript_suitehooks_employee_ue', deploymentId: 'customdeploy_suitehooks_employee_ue' },
    remainingUsage: 1000,
    posts: [],
    replies: [{ code: 204 }],
    deliveries: new Map(),
    tasks: [],
    taskError: null,
    logs: [],
    storeError: null,
    claimOverride: null,
    ...overrides,
  };
  const charge = (units: number) => {
    if (account.remainingUsage < units) throw suiteScriptError('SSS_USAGE_LIMIT_EXCEEDED', 'usage limit exceeded');
    account.remainingUsage -= units;
  };
  let nextId = 1 + account.deliveries.size;

  const runtime = mocked('N/runtime');
  runtime.executionContext = account.executionContext;
  runtime.accountId = '1234567_SB1';
  runtime.getCurrentUser.mockImplementation(() => ({ ...account.user }));
  runtime.getCurrentScript.mockImplementation(() => ({
    id: account.script.id,
    deploymentId: account.script.deploymentId,
    getParameter: ({ name }: { name: string }) => account.params[name] ?? '',
    getRemainingUsage: () => account.remainingUsage,
  }));

  const log = mocked('N/log');
  for (const level of ['debug', 'audit', 'error', 'emergency'] as const) {
    log[level].mockImplementation(({ title, details }: { title: string; details: unknown }) => {
      account.logs.push({ level, title, details: String(details) });
    });
  }

  const crypto = mocked('N/crypto');
  crypto.createSecretKey.mockImplementation(({ secret, encoding }: { secret: string; encoding: string }) => {
    const text = account.secrets[secret];
    if (text === undefined) throw suiteScriptError('INVALID_SECRET_KEY_LENGTH', `no API Secret ${secret} available to this script`);
    // BASE_64 makes the key the decoded bytes (the Standard Webhooks key); anything else would not verify.
    return { bytes: encoding === 'BASE_64' ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8') };
  });
  crypto.createHmac.mockImplementation(({ algorithm, key }: { algorithm: string; key: { bytes: Buffer } }) => {
    const hmac = createHmac(algorithm === 'SHA256' ? 'sha256' : 'sha512', key.bytes);
    return {
      update: ({ input, inputEncoding }: { input: string; inputEncoding?: string }) => {
        hmac.update(input, inputEncoding === undefined || inputEncoding === 'UTF_8' ? 'utf8' : 'latin1');
      },
      digest: ({ outputEncoding }: { outputEncoding: string }) => hmac.digest(outputEncoding === 'BASE_64' ? 'base64' : 'hex'),
    };
  });

  const https = mocked('N/https');
  https.post.mockImplementation(({ url, body, headers }: PostedRequest) => {
    charge(COST.post);
    account.posts.push({ url, body, headers: { ...headers } });
    if (!/^https:\/\//i.test(url)) throw suiteScriptError('SSS_INVALID_URL', 'invalid url');
    const reply = account.replies[Math.min(account.posts.length - 1, account.replies.length - 1)]!;
    if (reply instanceof Error) throw reply;
    return { code: reply.code, headers: reply.headers ?? {}, body: reply.body ?? '' };
  });

  const deploymentValues = () => account.params;
  const record = mocked('N/record');
  record.create.mockImplementation(({ type }: { type: string }) => {
    expect(type).toBe(DELIVERY_RECORD);
    charge(COST.create);
    const row: DeliveryRow = {};
    return {
      setValue: ({ fieldId, value }: { fieldId: string; value: unknown }) => {
        row[fieldId] = value;
      },
      save: () => {
        charge(COST.save);
        if (account.storeError) throw account.storeError;
        const id = String(nextId++);
        account.deliveries.set(id, row);
        return Number(id);
      },
    };
  });
  record.load.mockImplementation(({ type, id }: { type: string; id: string }) => {
    if (type === 'scriptdeployment') {
      charge(COST.loadOther);
      return { getValue: ({ fieldId }: { fieldId: string }) => deploymentValues()[fieldId] ?? '' };
    }
    expect(type).toBe(DELIVERY_RECORD);
    charge(COST.loadCustom);
    const row = account.deliveries.get(String(id));
    if (!row) throw suiteScriptError('RCRD_DSNT_EXIST', 'no such record');
    return { getValue: ({ fieldId }: { fieldId: string }) => row[fieldId] ?? '' };
  });
  record.submitFields.mockImplementation(({ type, id, values }: { type: string; id: string; values: DeliveryRow }) => {
    expect(type).toBe(DELIVERY_RECORD);
    charge(COST.submitFields);
    if (account.storeError) throw account.storeError;
    const row = account.deliveries.get(String(id));
    if (!row) throw suiteScriptError('RCRD_DSNT_EXIST', 'no such record');
    Object.assign(row, values);
    return Number(id);
  });

  const search = mocked('N/search');
  search.create.mockImplementation(({ type, filters, columns }: { type: string; filters: unknown[]; columns: unknown[] }) => {
    let ids: string[];
    if (type === 'scriptdeployment') {
      expect(filters).toEqual([['scriptid', 'is', 'customdeploy_suitehooks_employee_ue']]);
      ids = account.deploymentFound ? ['7'] : [];
    } else {
      expect(type).toBe(DELIVERY_RECORD);
      expect(filters).toEqual([[DELIVERY_FIELD.status, 'is', 'pending']]);
      expect(columns).toHaveLength(2);
      const due = (row: DeliveryRow) => (row[DELIVERY_FIELD.nextAttempt] instanceof Date ? (row[DELIVERY_FIELD.nextAttempt] as Date).getTime() : Infinity);
      ids = [...account.deliveries.entries()]
        .filter(([, row]) => row[DELIVERY_FIELD.status] === 'pending')
        .sort(([a, x], [b, y]) => due(x) - due(y) || Number(a) - Number(b)) // Oracle sorts empty dates last
        .map(([id]) => id);
    }
    return {
      run: () => ({
        getRange: ({ start, end }: { start: number; end: number }) => {
          charge(COST.search);
          return ids.slice(start, end).map((id) => ({ id }));
        },
      }),
    };
  });
  search.createColumn.mockImplementation((column: unknown) => column);
  search.lookupFields.mockImplementation(({ type, id, columns }: { type: string; id: string; columns: string[] }) => {
    expect(type).toBe(DELIVERY_RECORD);
    charge(COST.lookup);
    const row = account.deliveries.get(String(id)) ?? {};
    const out: Record<string, unknown> = {};
    for (const c of columns) out[c] = c === DELIVERY_FIELD.claim && account.claimOverride !== null ? account.claimOverride : (row[c] ?? '');
    return out;
  });

  const task = mocked('N/task');
  task.create.mockImplementation((options: { taskType: string; scriptId: string; deploymentId: string }) => ({
    submit: () => {
      charge(COST.task);
      if (account.taskError) throw account.taskError;
      account.tasks.push({ ...options });
      return 'task-1';
    },
  }));

  return account;
}

export interface EmployeeFixture {
  id: number;
  /** Field values by NetSuite field id, as getValue returns them. */
  values: Record<string, unknown>;
  /** Display texts by field id (getText). */
  texts?: Record<string, string>;
  roles?: { id: string; name: string }[];
  /** An xedit newRecord: only these field ids are carried, and no sublists. */
  edited?: string[];
}

/** An N/record Record of an employee with the read surface the bundle uses. */
export function employeeRecord(f: EmployeeFixture): unknown {
  const carried = (fieldId: string) => f.edited === undefined || f.edited.includes(fieldId);
  const roles = f.edited === undefined ? (f.roles ?? []) : [];
  return {
    id: f.id,
    type: 'employee',
    getValue: ({ fieldId }: { fieldId: string }) => (carried(fieldId) ? (f.values[fieldId] ?? '') : undefined),
    getText: ({ fieldId }: { fieldId: string }) => (carried(fieldId) ? (f.texts?.[fieldId] ?? String(f.values[fieldId] ?? '')) : undefined),
    getFields: () => (f.edited ? [...f.edited, 'id'] : Object.keys(f.values)),
    getSublists: () => (f.edited ? [] : ['roles']),
    getLineCount: ({ sublistId }: { sublistId: string }) => (sublistId === 'roles' && f.edited === undefined ? roles.length : -1),
    getSublistValue: ({ line }: { line: number }) => roles[line]!.id,
    getSublistText: ({ line }: { line: number }) => roles[line]!.name,
  };
}
