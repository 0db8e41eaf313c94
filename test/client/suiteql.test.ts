/** SuiteQL through the client: bound parameters, canonical rows, and paging past the 100,000-row ceiling by key. */
import { MAX_ROWS_PER_QUERY, type NetSuiteClient } from '../../lib/client';
import { keyCondition } from '../../lib/client/suiteql';
import { startSandbox, type Sandbox } from './harness';

let sandbox: Sandbox;
let client: NetSuiteClient;
const SEEDED = 100_500;

beforeAll(async () => {
  sandbox = await startSandbox();
  sandbox.account.seedEmployees(SEEDED);
  client = sandbox.client('m2m');
}, 60_000);
afterAll(() => sandbox.close());

it('binds parameters instead of building query text', async () => {
  const id = await client.employees.create({ firstName: "Seán", lastName: "O'Brien", subsidiary: '1' });
  const page = await client.suiteql.page('SELECT id, lastname FROM employee WHERE lastname = ? AND id >= ?', ["O'Brien", Number(id)]);
  expect(page.items).toEqual([{ id, lastname: "O'Brien" }]);
  const none = await client.suiteql.page('SELECT id FROM employee WHERE lastname = ?', ["x' OR '1'='1"]);
  expect(none.items).toEqual([]);
});

it('lists employees as canonical records (REST names, booleans, refs), like a REST read', async () => {
  const first = await client.employees.list({ where: 'e.id = ?', params: [2] }).next();
  const rest = await client.employees.get('2');
  const { roles: _roles, lastModifiedDate, ...restWithoutRoles } = rest;
  // SuiteQL has no roles column, and formats date-times to the second.
  expect(first.value).toEqual({ ...restWithoutRoles, lastModifiedDate: `${String(lastModifiedDate).slice(0, 19)}.000Z` });
  expect(first.value).toMatchObject({ isInactive: false, giveAccess: true, department: { id: '1', refName: 'Engineering' } });
});

it('pages past 100,000 rows by key, every row once and in order', async () => {
  const pages: number[] = [];
  const original = client.suiteql.page.bind(client.suiteql);
  client.suiteql.page = (q, params, limit, offset) => {
    pages.push(offset ?? 0);
    return original(q, params, limit, offset);
  };
  let count = 0;
  let last = 0;
  // The id alone keeps the test fast; employees.list() runs the same scan with the full select list.
  for await (const row of client.suiteql.scan({ select: 'e.id AS id', from: 'employee e', key: [{ expr: 'e.id', column: 'id', numeric: true }] })) {
    const id = Number(row.id);
    if (id <= last) throw new Error(`row ${id} after ${last}`);
    last = id;
    count++;
  }
  const total = sandbox.account.db.prepare('SELECT COUNT(*) FROM employee').pluck().get() as number;
  expect(total).toBeGreaterThan(MAX_ROWS_PER_QUERY);
  expect(count).toBe(total);
  // 100 offset pages (0 … 99,000), then a key-paged segment starting at offset 0 again.
  expect(pages.slice(0, 100)).toEqual(Array.from({ length: 100 }, (_, i) => i * 1000));
  expect(pages[100]).toBe(0);
  expect(pages).toHaveLength(Math.ceil(total / 1000));
}, 60_000);

it('refuses to page an unkeyed query past the ceiling rather than stopping silently', async () => {
  const rows = client.suiteql.rows('SELECT id FROM employee ORDER BY id', [], 1000);
  let n = 0;
  await expect(
    (async () => {
      for await (const _ of rows) n++;
    })(),
  ).rejects.toThrow(/use scan\(\) with a key/);
  expect(n).toBe(MAX_ROWS_PER_QUERY);
}, 60_000);

it('builds composite key conditions with bound values', () => {
  expect(keyCondition([{ expr: 'a', column: 'a' }, { expr: 'e.id', column: 'id', numeric: true }], ['x', '7'])).toEqual({
    sql: '((a > ?) OR (a = ? AND e.id > ?))',
    params: ['x', 'x', 7],
  });
});
