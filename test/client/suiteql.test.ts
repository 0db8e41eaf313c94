/**
 * SuiteQL through the client: `?` values bound into literals (REST takes only `q`), canonical rows, and
 * paging past the 100,000-row ceiling by key.
 */
import fc from 'fast-check';
import {
  bindSuiteQL,
  MAX_ROWS_PER_QUERY,
  NetSuiteApiError,
  suiteqlLiteral,
  type NetSuiteClient,
} from '../../lib/client';
import { keyCondition } from '../../lib/client/suiteql';
import { placeholderOffsets } from '../../lib/client/suiteql-literals';
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

it('binds values as safe literals: a quote or an injection attempt is only ever a value', async () => {
  const id = await client.employees.create({ firstName: 'Seán', lastName: "O'Brien", subsidiary: '1' });
  const page = await client.suiteql.page('SELECT id, lastname FROM employee WHERE lastname = ? AND id >= ?', [
    "O'Brien",
    Number(id),
  ]);
  expect(page.items).toEqual([{ id, lastname: "O'Brien" }]);
  const none = await client.suiteql.page('SELECT id FROM employee WHERE lastname = ?', ["x' OR '1'='1"]);
  expect(none.items).toEqual([]);
});

it('lists employees as canonical records (REST names, booleans, refs), like a REST read', async () => {
  const first = await client.employees.list({ where: 'e.id = ?', params: [2] }).next();
  const rest = await client.employees.get('2');
  const { roles: _roles, lastModifiedDate, ...restWithoutRoles } = rest;
  // SuiteQL has no roles column, and formats date-times to the second.
  expect(first.value).toEqual({
    ...restWithoutRoles,
    lastModifiedDate: `${String(lastModifiedDate).slice(0, 19)}.000Z`,
  });
  expect(first.value).toMatchObject({
    isInactive: false,
    giveAccess: true,
    department: { id: '1', refName: 'Engineering' },
  });
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
  for await (const row of client.suiteql.scan({
    select: 'e.id AS id',
    from: 'employee e',
    key: [{ expr: 'e.id', column: 'id', numeric: true }],
  })) {
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
  expect(
    keyCondition(
      [
        { expr: 'a', column: 'a' },
        { expr: 'e.id', column: 'id', numeric: true },
      ],
      ['x', '7'],
    ),
  ).toEqual({
    sql: '((a > ?) OR (a = ? AND e.id > ?))',
    params: ['x', 'x', 7],
  });
});

describe('values bound into the query text', () => {
  const ONE = 'SELECT ? AS v FROM employee WHERE id = 1';

  it('sends only "q": the sandbox, like the documentation, knows no other member', async () => {
    const sent: unknown[] = [];
    const original = client.transport.request.bind(client.transport);
    client.transport.request = (method, path, options) => {
      sent.push(options?.body);
      return original(method, path, options);
    };
    try {
      await client.suiteql.page('SELECT id FROM employee WHERE id = ? AND lastname <> ?', [1, "it's"]);
    } finally {
      client.transport.request = original;
    }
    expect(sent).toEqual([{ q: "SELECT id FROM employee WHERE id = 1 AND lastname <> 'it''s'" }]);
    const refused = await client.transport
      .request('POST', '/services/rest/query/v1/suiteql', {
        body: { q: 'SELECT id FROM employee WHERE id = ?', params: [1] },
        headers: { prefer: 'transient' },
      })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NetSuiteApiError);
    expect(refused).toMatchObject({ status: 400, code: 'INVALID_CONTENT' });
    expect((refused as NetSuiteApiError).details[0]).toMatchObject({ 'o:errorPath': 'params' });
  });

  it('finds placeholders only outside literals, quoted identifiers and comments', () => {
    const q = `SELECT '?', "a?", q'[it's ?]', nq'{?}' -- ?\n /* ? */ , ? FROM t WHERE x = ?`;
    expect(placeholderOffsets(q).map((i) => q.slice(i - 2, i + 1))).toEqual([', ?', '= ?']);
    expect(
      bindSuiteQL('SELECT a-? FROM t WHERE b = ? AND c = ? AND d = ? AND e IS ?', [-1, true, 12n, 1e21, null]),
    ).toBe("SELECT a-(-1) FROM t WHERE b = 'T' AND c = 12 AND d = 1e+21 AND e IS NULL");
    expect(suiteqlLiteral(new Date('2026-03-06T12:34:56.789Z'), 'America/Los_Angeles')).toBe(
      "TO_TIMESTAMP('2026-03-06 04:34:56', 'YYYY-MM-DD HH24:MI:SS')",
    );
  });

  it.each([
    [
      'too few values',
      () => bindSuiteQL('SELECT ? FROM t WHERE a = ?', [1]),
      /2 \? placeholders but 1 value was given/,
    ],
    ['too many values', () => bindSuiteQL('SELECT a FROM t', [1]), /0 \? placeholders but 1 value/],
    ['an unclosed literal', () => bindSuiteQL("SELECT 'abc FROM t WHERE a = ?", [1]), /unclosed string literal/],
    ['an unclosed comment', () => bindSuiteQL('SELECT a /* FROM t WHERE a = ?', [1]), /unclosed comment/],
    ['NaN', () => suiteqlLiteral(NaN), /must be finite/],
    ['Infinity', () => suiteqlLiteral(-Infinity), /must be finite/],
    ['undefined', () => suiteqlLiteral(undefined), /not undefined/],
    ['an object', () => suiteqlLiteral({ toString: () => "1' OR '1'='1" }), /not object/],
    ['an array', () => suiteqlLiteral(['a']), /not an array/],
    ['an invalid Date', () => suiteqlLiteral(new Date('nope')), /invalid Date/],
    ['a NUL character', () => suiteqlLiteral('a\u0000b'), /NUL/],
    ['a lone surrogate', () => suiteqlLiteral('a\ud800b'), /well-formed Unicode/],
  ])('refuses %s before anything is sent', (_name, bind, message) => {
    expect(bind).toThrow(message);
  });

  it('property: a bound string never ends its literal or opens a comment (a later ? is still a placeholder)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }).filter((s) => !s.includes('\u0000')),
        (s) => {
          const bound = bindSuiteQL('SELECT ? AS v FROM t WHERE x = ', [s]);
          expect(placeholderOffsets(`${bound}?`)).toEqual([bound.length]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: any string comes back exactly as sent (SELECTed back through SuiteQL)', async () => {
    const tricky = [
      "'",
      "''",
      "\\'",
      "' OR '1'='1",
      '-- ',
      '/*',
      '?',
      'sysdate',
      'pragma',
      'FETCH FIRST 1 ROWS ONLY',
      'BUILTIN.DF(e.id)',
      '"',
      '\n\r\t',
      '😀',
      'e\u0301',
    ];
    for (const s of tricky) expect((await client.suiteql.page(ONE, [s])).items).toEqual([{ v: s }]);
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', minLength: 1 }).filter((s) => !s.includes('\u0000')),
        async (s) => {
          expect((await client.suiteql.page(ONE, [s])).items).toEqual([{ v: s }]);
        },
      ),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(fc.maxSafeInteger(), async (n) => {
        expect((await client.suiteql.page(ONE, [n])).items).toEqual([{ v: String(n) }]);
      }),
      { numRuns: 50 },
    );
  }, 60_000);
});
