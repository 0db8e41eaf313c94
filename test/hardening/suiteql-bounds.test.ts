/**
 * Hardening (issue 11, items 9 and 10): REST SuiteQL can neither hang the sandbox nor read what is not
 * a record table. A query that never ends is cancelled after the account's limit with a NetSuite-style
 * error while the REST API keeps answering other requests; the sandbox's own tables, SQLite's schema
 * and table-valued pragmas (which show internal tables and the database path) are refused however the
 * name is written.
 */
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { createDevCredentials } from '../../lib/sandbox/rest/credentials';
import { startRestServer, type RestServer } from '../../lib/sandbox/rest/server';
import { TbaAuth } from '../../lib/client/auth/tba';
import { Secret } from '../../lib/client/secret';

jest.setTimeout(60_000);

const FOREVER = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) AS n FROM c';
const SQL = '/services/rest/query/v1/suiteql';
const EMP = '/services/rest/record/v1/employee';

interface Sandbox {
  account: SandboxAccount;
  server: RestServer;
  /** Errors the REST API did not expect (answered 500); none may happen. */
  unexpected: unknown[];
  call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> & { 'o:errorDetails'?: Record<string, string>[] } }>;
}

async function sandbox(suiteqlTimeoutMs: number): Promise<Sandbox> {
  const account = await SandboxAccount.create({ projectDir: null, workers: 1, suiteqlTimeoutMs });
  const dev = createDevCredentials();
  const unexpected: unknown[] = [];
  const server = await startRestServer(account, {
    credentials: dev.registry,
    concurrencyLimit: 10,
    onUnexpectedError: (e) => unexpected.push(e),
  });
  const auth = new TbaAuth(
    {
      consumerKey: dev.client.tba.consumerKey,
      consumerSecret: new Secret(dev.client.tba.consumerSecret),
      tokenId: dev.client.tba.tokenId,
      tokenSecret: new Secret(dev.client.tba.tokenSecret),
    },
    account.accountId,
  );
  const call: Sandbox['call'] = async (method, path, body) => {
    const url = `${server.url}${path}`;
    const res = await fetch(url, {
      method,
      headers: {
        authorization: await auth.authorization(method, url),
        prefer: 'transient',
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as never };
  };
  return { account, server, unexpected, call };
}

const sandboxes: Sandbox[] = [];
afterAll(async () => {
  for (const s of sandboxes) {
    expect(s.unexpected).toEqual([]);
    await s.server.close();
    await s.account.close();
  }
});

describe('a query that never ends', () => {
  test('is cancelled with a NetSuite-style error after the limit; the next query runs in a fresh process', async () => {
    const s = await sandbox(500); // the query can never finish, so the outcome does not depend on speed
    sandboxes.push(s);
    const res = await s.call('POST', SQL, { q: FOREVER });
    expect(res.status).toBe(400);
    const detail = res.body['o:errorDetails']?.[0];
    expect(detail?.['o:errorCode']).toBe('INVALID_PARAMETER');
    expect(detail?.detail).toMatch(/cancelled: it ran longer than the sandbox's limit of 500 ms/);
    const after = await s.call('POST', SQL, { q: 'SELECT COUNT(*) AS n FROM employee' });
    expect(after).toMatchObject({ status: 200, body: { items: [{ n: '8' }] } });
  });

  test('does not stop the REST API meanwhile: reads, writes and other queries are answered while it runs', async () => {
    const s = await sandbox(10 * 60_000); // never cancelled during this test: only closing ends it
    sandboxes.push(s);
    let settled = false;
    const forever = s
      .call('POST', SQL, { q: FOREVER })
      .then(
        () => 'answered',
        () => 'failed',
      )
      .finally(() => (settled = true));
    const [list, read, query, write] = await Promise.all(
      [
        s.call('GET', `${EMP}?limit=2`),
        s.call('GET', `${EMP}/1`),
        s.call('POST', SQL, { q: 'SELECT id FROM employee WHERE id = 2' }),
        s.call('PATCH', `${EMP}/3`, { title: 'Still answering' }),
      ].map((p) => p.then((r) => r.status)),
    );
    expect([list, read, query, write]).toEqual([200, 200, 200, 204]);
    expect(settled).toBe(false);
    expect(s.unexpected).toEqual([]);
    expect(s.account.getEmployee('3')!.title).toBe('Still answering');
    // Closing the account ends the runaway process; the request fails instead of hanging.
    await s.server.close();
    await s.account.close();
    sandboxes.pop();
    expect(await forever).toBe('failed');
  });
});

describe('only record tables are queryable', () => {
  let s: Sandbox;
  beforeAll(async () => {
    s = await sandbox(30_000);
    sandboxes.push(s);
  });

  test.each([
    'SELECT * FROM pragma_table_list',
    "SELECT * FROM pragma_table_info('sandbox_secret')",
    'SELECT file FROM pragma_database_list',
    'SELECT name FROM PRAGMA_TABLE_LIST()',
    'SELECT name FROM "pragma_table_list"',
    'SELECT name, sql FROM sqlite_master',
    'SELECT name FROM "sqlite_schema"',
    'SELECT * FROM sandbox_secret',
    'SELECT * FROM "sandbox_secret"',
    'SELECT e.id FROM employee e WHERE EXISTS (SELECT 1 FROM sandbox_log)',
    'SELECT id FROM employee UNION ALL SELECT name FROM pragma_table_list',
    "SELECT id FROM employee WHERE id IN (SELECT seq FROM sqlite_sequence WHERE name = 'employee')",
    "SELECT value FROM json_each('[1,2]')",
  ])('%s → 400, nothing revealed', async (q) => {
    const res = await s.call('POST', SQL, { q });
    expect(res.status).toBe(400);
    expect(res.body['o:errorDetails']![0]!['o:errorCode']).toBe('INVALID_PARAMETER');
    expect(JSON.stringify(res.body)).not.toMatch(/sandbox_secret|account\.db|suitehooks-sandbox-/);
  });

  test('record tables, joins, subqueries and CTEs over them still work', async () => {
    const q = `WITH managers AS (SELECT DISTINCT supervisor AS id FROM employee WHERE supervisor IS NOT NULL)
      SELECT e.id, d.name AS dept FROM employee e JOIN department d ON d.id = e.department WHERE e.id IN (SELECT id FROM managers) ORDER BY e.id`;
    const res = await s.call('POST', SQL, { q });
    expect(res.status).toBe(200);
    expect((res.body.items as { id: string }[]).map((r) => r.id)).toEqual(['1', '2']);
    expect((await s.call('POST', SQL, { q: 'SELECT COUNT(*) AS n FROM scriptdeployment' })).status).toBe(200);
  });
});

describe('dates in queries are validated too', () => {
  let s: Sandbox;
  beforeAll(async () => {
    s = await sandbox(30_000);
    sandboxes.push(s);
  });

  test.each([
    "TO_DATE('2020-02-30')",
    "TO_DATE('2/30/2020', 'MM/DD/YYYY')",
    "TO_TIMESTAMP('2020-01-01 24:00:00')",
    "TO_TIMESTAMP('2021-02-29 10:00:00', 'YYYY-MM-DD HH24:MI:SS')",
  ])('%s → 400', async (expr) => {
    const res = await s.call('POST', SQL, { q: `SELECT ${expr} AS d FROM employee WHERE id = 1` });
    expect(res.status).toBe(400);
    expect(res.body['o:errorDetails']![0]!.detail).toMatch(/real date or time/);
  });

  test('real dates, with or without a mask, still convert', async () => {
    const res = await s.call('POST', SQL, {
      q: "SELECT TO_DATE('2020-02-29') AS a, TO_DATE('02/29/2020', 'MM/DD/YYYY') AS b, TO_TIMESTAMP('2020-02-29 23:59:59') AS c, TO_CHAR(hiredate) AS d FROM employee WHERE id = 1",
    });
    expect(res.body.items).toEqual([
      { links: [], a: '2020-02-29', b: '2020-02-29', c: '2020-02-29T23:59:59.000Z', d: '2019-01-07' },
    ]);
  });
});
