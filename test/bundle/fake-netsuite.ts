/**
 * Behaviour behind Oracle's N/* stubs for the bundle tests. Each test file calls `jest.mock('N/…')` (jest
 * automocks Oracle's stub, keeping its enums) and `installFakes()` gives the mocked functions an
 * in-memory account: script parameters, an HTTPS receiver, API Secrets that really HMAC, the delivery
 * record, task submission, N/cache, logs and a governance meter that charges NetSuite's documented units.
 * Time a receiver takes moves `Date.now()` (the test turns on jest's fake Date): a reply may answer after
 * some seconds, or hang until N/https gives up (5 s + 45 s, section_4567630582).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { DELIVERY_FIELD, DELIVERY_RECORD } from '../../lib/core/delivery-record';
import { ENDPOINT_RECORD, ENDPOINTS_CACHE_NAME, ENDPOINTS_KEY } from '../../lib/core/endpoint-record';
import { HTTPS_TIMEOUT, RECORD_UNITS, UNIT_COST, USAGE_LIMIT } from '../../lib/core/governance';
import { DEPLOYMENT, SCRIPT } from '../../lib/core/ids';

export const SECRET_ID = 'custsecret_suitehooks';
export const PREV_SECRET_ID = 'custsecret_suitehooks_old';

export interface PostedRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/**
 * A receiver's answer: a status (after `seconds`, default 0), an error N/https throws at once (refused
 * connection), or `hang`: no answer, so N/https throws SSS_REQUEST_TIME_EXCEEDED after its limits.
 */
export type Reply =
  { code: number; headers?: Record<string, string>; body?: string; seconds?: number } | { hang: true } | Error;

/** One N/cache entry: its value and when it expires (epoch ms; the fake never drops an entry sooner). */
export interface CacheEntry {
  value: string;
  expiresAt: number;
}

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
  /** Search sorts empty values first when ascending (NetSuite sorts them last). */
  emptyValuesFirst: boolean;
  /** Every delivery search, as the script built it. */
  searches: { filters: unknown; columns: string[] }[];
  /** N/cache entries by `scope/name/key`. */
  cache: Map<string, CacheEntry>;
  /** Makes every N/cache call throw. */
  cacheError: Error | null;
  /** Endpoint records (customrecord_suitehooks_endpoint) by internal id: their stored values. */
  endpoints: Map<string, DeliveryRow>;
  /**
   * Whether the endpoint configuration is already in N/cache when the script starts (an earlier save
   * loaded it, as in a running account); false: the first read is a miss and its loader searches.
   */
  endpointCacheWarm: boolean;
  /** Seconds spent waiting in N/https, by every POST so far. */
  httpsSeconds: number;
  /**
   * The execution's time limit in seconds (lib/core/governance.ts TIME_LIMIT_SECONDS), counted from
   * installFakes on the (faked) clock: past it every N/* call throws SSS_TIME_LIMIT_EXCEEDED. Null: none.
   */
  timeLimitSeconds: number | null;
}

/** A SuiteScriptError-like error: `name` is the code. */
/**
 * Fakes only the clock (`Date`), so a test moves script time with `jest.advanceTimersByTime` or
 * `jest.setSystemTime` while real timers and promises keep running. Undo with `jest.useRealTimers()`.
 */
export function fakeClockOnly(): void {
  jest.useFakeTimers({
    doNotFake: [
      'nextTick',
      'setImmediate',
      'setTimeout',
      'setInterval',
      'clearTimeout',
      'clearInterval',
      'queueMicrotask',
    ],
  });
}

export function suiteScriptError(code: string, message: string): Error {
  const e = new Error(message);
  e.name = code;
  return e;
}

export function newSecret(): string {
  return randomBytes(32).toString('base64');
}

/** NetSuite's units (lib/core/governance.ts): the delivery record is a custom record, the deployment an "other". */
const COST = {
  post: UNIT_COST.https,
  create: RECORD_UNITS.create.custom,
  save: RECORD_UNITS.save.custom,
  loadCustom: RECORD_UNITS.load.custom,
  loadOther: RECORD_UNITS.load.other,
  submitFields: RECORD_UNITS.submitFields.custom,
  search: UNIT_COST.resultSetPage,
  task: UNIT_COST.taskSubmit,
  cacheGet: UNIT_COST.cacheGet,
  cachePut: UNIT_COST.cachePut,
  cacheRemove: UNIT_COST.cacheRemove,
};

/** Moves the (faked) clock: the test's `jest.useFakeTimers` Date and the scripts' `Date.now()`. */
function elapse(account: FakeAccount, seconds: number): void {
  account.httpsSeconds += seconds;
  jest.setSystemTime(Date.now() + seconds * 1000);
}

/** An automocked N/* module, by the functions this file gives behaviour to. */
type AutoMock<Fn extends string> = Record<Fn, jest.Mock>;

export function installFakes(overrides: Partial<FakeAccount> = {}): FakeAccount {
  const account: FakeAccount = {
    secrets: { [SECRET_ID]: newSecret(), [PREV_SECRET_ID]: newSecret() },
    params: {},
    deploymentFound: true,
    executionContext: 'USERINTERFACE',
    user: { id: 42, role: 3 },
    script: { id: SCRIPT.userEvent, deploymentId: DEPLOYMENT.userEvent },
    remainingUsage: USAGE_LIMIT.userEvent,
    posts: [],
    replies: [{ code: 204 }],
    deliveries: new Map(),
    tasks: [],
    taskError: null,
    logs: [],
    storeError: null,
    emptyValuesFirst: false,
    searches: [],
    cache: new Map(),
    cacheError: null,
    endpoints: new Map(),
    endpointCacheWarm: true,
    httpsSeconds: 0,
    timeLimitSeconds: null,
    ...overrides,
  };
  const startedAt = Date.now();
  const charge = (units: number) => {
    if (account.timeLimitSeconds !== null && Date.now() - startedAt > account.timeLimitSeconds * 1000)
      throw suiteScriptError('SSS_TIME_LIMIT_EXCEEDED', 'Script Execution Time Exceeded');
    if (account.remainingUsage < units) throw suiteScriptError('SSS_USAGE_LIMIT_EXCEEDED', 'usage limit exceeded');
    account.remainingUsage -= units;
  };
  installRuntime(account);
  installLog(account);
  installCrypto(account);
  installHttps(account, charge);
  installCache(account, charge);
  if (account.endpointCacheWarm) warmEndpointCache(account);
  installRecord(account, charge);
  installSearch(account, charge);
  installTask(account, charge);
  return account;
}

type Charge = (units: number) => void;

/** N/runtime: the execution context, the user, the running script's parameters and remaining units. */
function installRuntime(account: FakeAccount): void {
  const runtime = jest.requireMock<
    AutoMock<'getCurrentUser' | 'getCurrentScript'> & { executionContext: string; accountId: string }
  >('N/runtime');
  runtime.executionContext = account.executionContext;
  runtime.accountId = '1234567_SB1';
  runtime.getCurrentUser.mockImplementation(() => ({ ...account.user }));
  runtime.getCurrentScript.mockImplementation(() => ({
    id: account.script.id,
    deploymentId: account.script.deploymentId,
    getParameter: ({ name }: { name: string }) => account.params[name] ?? '',
    getRemainingUsage: () => account.remainingUsage,
  }));
}

/** N/log: every entry kept in `account.logs`. */
function installLog(account: FakeAccount): void {
  const log = jest.requireMock<AutoMock<LogEntry['level']>>('N/log');
  for (const level of ['debug', 'audit', 'error', 'emergency'] as const) {
    log[level].mockImplementation(({ title, details }: { title: string; details: unknown }) => {
      account.logs.push({ level, title, details: String(details) });
    });
  }
}

/** N/crypto: API Secrets by script id, HMAC with the decoded secret when asked for BASE_64. */
function installCrypto(account: FakeAccount): void {
  const crypto = jest.requireMock<AutoMock<'createSecretKey' | 'createHmac'>>('N/crypto');
  crypto.createSecretKey.mockImplementation(({ secret, encoding }: { secret: string; encoding: string }) => {
    const text = account.secrets[secret];
    if (text === undefined)
      throw suiteScriptError('INVALID_SECRET_KEY_LENGTH', `no API Secret ${secret} available to this script`);
    // BASE_64 makes the key the decoded bytes (the Standard Webhooks key); anything else would not verify.
    return { bytes: encoding === 'BASE_64' ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8') };
  });
  crypto.createHmac.mockImplementation(({ algorithm, key }: { algorithm: string; key: { bytes: Buffer } }) => {
    const hmac = createHmac(algorithm === 'SHA256' ? 'sha256' : 'sha512', key.bytes);
    return {
      update: ({ input, inputEncoding }: { input: string; inputEncoding?: string }) => {
        hmac.update(input, inputEncoding === undefined || inputEncoding === 'UTF_8' ? 'utf8' : 'latin1');
      },
      digest: ({ outputEncoding }: { outputEncoding: string }) =>
        hmac.digest(outputEncoding === 'BASE_64' ? 'base64' : 'hex'),
    };
  });
}

/** N/https: the receiver's replies in order; a hang or a slow answer moves the faked clock. */
function installHttps(account: FakeAccount, charge: Charge): void {
  const https = jest.requireMock<AutoMock<'post'>>('N/https');
  https.post.mockImplementation(({ url, body, headers }: PostedRequest) => {
    charge(COST.post);
    account.posts.push({ url, body, headers: { ...headers } });
    if (!/^https:\/\//i.test(url)) throw suiteScriptError('SSS_INVALID_URL', 'invalid url');
    const reply = account.replies[Math.min(account.posts.length - 1, account.replies.length - 1)]!;
    if (reply instanceof Error) throw reply;
    if ('hang' in reply) {
      elapse(account, HTTPS_TIMEOUT.connectSeconds + HTTPS_TIMEOUT.responseSeconds);
      throw suiteScriptError('SSS_REQUEST_TIME_EXCEEDED', 'The host you are trying to connect to is not responding.');
    }
    if (reply.seconds) elapse(account, reply.seconds);
    return { code: reply.code, headers: reply.headers ?? {}, body: reply.body ?? '' };
  });
}

/** N/record: the delivery and endpoint records (custom) and the user event deployment's parameters (an "other" record). */
function installRecord(account: FakeAccount, charge: Charge): void {
  let nextId = 1 + account.deliveries.size;
  const record = jest.requireMock<AutoMock<'create' | 'load' | 'submitFields'>>('N/record');
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
      return { getValue: ({ fieldId }: { fieldId: string }) => account.params[fieldId] ?? '' };
    }
    expect(type).toBe(DELIVERY_RECORD);
    charge(COST.loadCustom);
    const row = account.deliveries.get(String(id));
    if (!row) throw suiteScriptError('RCRD_DSNT_EXIST', 'no such record');
    return { getValue: ({ fieldId }: { fieldId: string }) => row[fieldId] ?? '' };
  });
  record.submitFields.mockImplementation(({ type, id, values }: { type: string; id: string; values: DeliveryRow }) => {
    charge(COST.submitFields);
    if (type === ENDPOINT_RECORD) {
      Object.assign(account.endpoints.get(String(id)) ?? {}, values);
      return Number(id);
    }
    expect(type).toBe(DELIVERY_RECORD);
    if (account.storeError) throw account.storeError;
    const row = account.deliveries.get(String(id));
    if (!row) throw suiteScriptError('RCRD_DSNT_EXIST', 'no such record');
    Object.assign(row, values);
    return Number(id);
  });
}

/** N/search: the user event deployment, and the due-delivery searches (deliverySearch). */
function installSearch(account: FakeAccount, charge: Charge): void {
  const search = jest.requireMock<AutoMock<'create' | 'createColumn'>>('N/search');
  search.create.mockImplementation(
    ({ type, filters, columns }: { type: string; filters: unknown[]; columns: unknown[] }) => {
      let rows: { id: string; values: DeliveryRow }[];
      if (type === 'scriptdeployment') {
        expect(filters).toEqual([['scriptid', 'is', DEPLOYMENT.userEvent]]);
        rows = account.deploymentFound ? [{ id: '7', values: {} }] : [];
      } else if (type === ENDPOINT_RECORD) {
        rows = [...account.endpoints].map(([id, values]) => ({ id, values }));
      } else {
        expect(type).toBe(DELIVERY_RECORD);
        rows = deliverySearch(account, filters, columns);
      }
      return {
        run: () => ({
          getRange: ({ start, end }: { start: number; end: number }) => {
            charge(COST.search);
            return rows.slice(start, end).map(({ id, values }) => ({
              id,
              getValue: (c: string | { name: string }) => shown(values[typeof c === 'string' ? c : c.name]),
            }));
          },
        }),
      };
    },
  );
  search.createColumn.mockImplementation((column: unknown) => column);
}

/** N/task: scheduled script submissions, refused with `taskError`. */
function installTask(account: FakeAccount, charge: Charge): void {
  const task = jest.requireMock<AutoMock<'create'>>('N/task');
  task.create.mockImplementation((options: { taskType: string; scriptId: string; deploymentId: string }) => ({
    submit: () => {
      charge(COST.task);
      if (account.taskError) throw account.taskError;
      account.tasks.push({ ...options });
      return 'task-1';
    },
  }));
}

/** The endpoint configuration as an earlier save left it in N/cache (PROTECTED scope). */
export function warmEndpointCache(account: FakeAccount): void {
  const scope = jest.requireMock<{ Scope: Record<string, string> }>('N/cache').Scope.PROTECTED;
  const endpoints = [...account.endpoints].map(([id, values]) => ({ id, values }));
  account.cache.set(`${scope}/${ENDPOINTS_CACHE_NAME}/${ENDPOINTS_KEY}`, {
    value: JSON.stringify({ endpoints }),
    expiresAt: Infinity,
  });
}

/**
 * N/cache as Oracle documents it: `getCache({ name, scope })` (no units, section_4642627983), `get` 1 unit
 * (null when absent or expired, section_4642661440), `put` 1 unit with a `ttl` of at least 300 s
 * (section_4642661313), `remove` 1 unit (section_4642660820). The bundle must name its scope.
 */
function installCache(account: FakeAccount, charge: Charge): void {
  const cache = jest.requireMock<AutoMock<'getCache'> & { Scope: Record<string, string> }>('N/cache');
  cache.getCache.mockImplementation(({ name, scope }: { name: string; scope?: string }) => {
    expect(Object.values(cache.Scope)).toContain(scope);
    const at = (key: string) => `${scope}/${name}/${key}`;
    const call = (units: number) => {
      charge(units);
      if (account.cacheError) throw account.cacheError;
    };
    return {
      get: ({ key, loader, ttl }: { key: string; loader?: (c: { key: string }) => unknown; ttl?: number }) => {
        call(COST.cacheGet);
        const entry = account.cache.get(at(key));
        if (entry && entry.expiresAt > Date.now()) return entry.value;
        if (!loader) return null;
        // A miss with a loader: 2 units in all (section_4642661440), plus the loader's own calls.
        charge(UNIT_COST.cacheLoad - UNIT_COST.cacheGet);
        const value = String(loader({ key }));
        account.cache.set(at(key), { value, expiresAt: ttl === undefined ? Infinity : Date.now() + ttl * 1000 });
        return value;
      },
      put: ({ key, value, ttl }: { key: string; value: string; ttl?: number }) => {
        call(COST.cachePut);
        expect(ttl === undefined || ttl >= 300).toBe(true);
        account.cache.set(at(key), {
          value: String(value),
          expiresAt: ttl === undefined ? Infinity : Date.now() + ttl * 1000,
        });
      },
      remove: ({ key }: { key: string }) => {
        call(COST.cacheRemove);
        account.cache.delete(at(key));
      },
    };
  });
}

/** What a search column shows: text, numbers as text, text cut at 4,000 bytes (section_4345767112). */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length <= 4000
    ? text
    : bytes
        .subarray(0, 4000)
        .toString('utf8')
        .replace(/\uFFFD$/, '');
}

/**
 * The delivery searches the retry script may run: pending, with Next Attempt empty or set, sorted by
 * their first column (empty values where `emptyValuesFirst` puts them, NetSuite: last).
 */
function deliverySearch(
  account: FakeAccount,
  filters: unknown[],
  columns: unknown[],
): { id: string; values: DeliveryRow }[] {
  const names = columns.map((c) => (typeof c === 'string' ? c : (c as { name: string }).name));
  account.searches.push({ filters, columns: names });
  const [status, and, next] = filters as [unknown[], string, [string, string, string]];
  expect(status).toEqual([DELIVERY_FIELD.status, 'is', 'pending']);
  expect(and).toBe('AND');
  expect(next[0]).toBe(DELIVERY_FIELD.nextAttempt);
  const wantEmpty = next[1] === 'isempty';
  const sortBy = names[0]!;
  const key = (id: string, row: DeliveryRow) =>
    sortBy === 'internalid' ? Number(id) : row[sortBy] === undefined || row[sortBy] === '' ? null : String(row[sortBy]);
  const order = (a: number | string | null, b: number | string | null) => {
    if (a === null || b === null) return a === b ? 0 : (a === null) === account.emptyValuesFirst ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  return [...account.deliveries.entries()]
    .filter(
      ([, row]) =>
        row[DELIVERY_FIELD.status] === 'pending' && ((row[DELIVERY_FIELD.nextAttempt] ?? '') === '') === wantEmpty,
    )
    .sort(([a, x], [b, y]) => order(key(a, x), key(b, y)) || Number(a) - Number(b))
    .map(([id, values]) => ({ id, values }));
}

export interface EmployeeFixture {
  id: number;
  /** `Record.type`: `employee` unless given (`vendor`, `partner`, `customer`, …). */
  type?: string;
  /** Field values by NetSuite field id, as getValue returns them. */
  values: Record<string, unknown>;
  /** Display texts by field id (getText). */
  texts?: Record<string, string>;
  roles?: { id: string; name: string }[];
  /** An xedit newRecord: only these field ids are carried, and no sublists. */
  edited?: string[];
}

/**
 * An N/record Record of an employee (or of another record type, `f.type`) with the read surface the
 * bundle uses; a record without `roles` lines to give carries no roles sublist.
 */
export function employeeRecord(f: EmployeeFixture): unknown {
  const carried = (fieldId: string) => f.edited === undefined || f.edited.includes(fieldId);
  const roles = f.edited === undefined ? (f.roles ?? []) : [];
  const hasRoles = f.type === undefined || f.type === 'employee' || f.roles !== undefined;
  return {
    id: f.id,
    type: f.type ?? 'employee',
    getValue: ({ fieldId }: { fieldId: string }) => (carried(fieldId) ? (f.values[fieldId] ?? '') : undefined),
    getText: ({ fieldId }: { fieldId: string }) =>
      carried(fieldId) ? (f.texts?.[fieldId] ?? String(f.values[fieldId] ?? '')) : undefined,
    getFields: () => (f.edited ? [...f.edited, 'id'] : Object.keys(f.values)),
    getSublists: () => (f.edited || !hasRoles ? [] : ['roles']),
    getLineCount: ({ sublistId }: { sublistId: string }) =>
      sublistId === 'roles' && f.edited === undefined && hasRoles ? roles.length : -1,
    getSublistValue: ({ line }: { line: number }) => roles[line]!.id,
    getSublistText: ({ line }: { line: number }) => roles[line]!.name,
  };
}
