/**
 * The facts the docs repeat cannot drift (issue 20, item 1): every `<!-- generated:… -->` block of
 * README.md, CONTRIBUTING.md and docs/*.md is what `npm run docs` (scripts/docs.ts) renders from its
 * one source today; the blocks the pages promise are there; the README stays a short front door whose
 * remaining copies (the example event, "about three days") agree with their sources; every page says
 * whom it is for.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PARAM, RETRY_DELAYS_MS, USER_RECORD_TYPES } from '../../lib/core';
import { ALERT_PARAM } from '../../lib/core/alert-config';
import { BREAKER_COOL_DOWN_MS } from '../../lib/core/breaker';
import { LAST_POST_START_MS, NO_ANSWER_LIMIT, TIME_MARGIN_MS } from '../../lib/core/worker-budget';
import { ROOT, benchItems, blocksOf, docFiles, duration, renderBlock, renderDoc } from '../../scripts/docs';
import { docEventExamples } from './event-examples';

const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

test.each(docFiles())('the generated blocks of %s are current (run `npm run docs` when this fails)', (file) => {
  const doc = read(file);
  const fresh = renderDoc(doc, file);
  expect(blocksOf(doc).filter((_, i) => section(doc, i) !== section(fresh, i))).toEqual([]);
  expect(fresh).toBe(doc);
});

/** The text of the i-th generated block. */
function section(doc: string, i: number): string {
  return doc.split('<!-- generated:')[i + 1]?.split('<!-- /generated -->')[0] ?? '';
}

test('a stale block is caught: a changed figure, a removed row, an unknown block, a marker left open', () => {
  const doc = read('docs/events.md');
  expect(renderDoc(doc.replace('| 3 | 30 min | 35 min |', '| 3 | 20 min | 25 min |'), 'docs/events.md')).toBe(doc);
  expect(renderDoc(doc.replace('| 9 | 24 h |', '| 9 | 24 h | x |\n| 10 | 24 h |'), 'docs/events.md')).toBe(doc);
  expect(() => renderDoc('<!-- generated:nonsense -->\n<!-- /generated -->\n', 'x.md')).toThrow(
    /unknown generated block/,
  );
  expect(() => renderDoc('<!-- generated:retry-schedule -->\n| left open |\n', 'x.md')).toThrow(
    /no <!-- \/generated -->/,
  );
  expect(() => renderBlock('bench', '99', { root: ROOT, file: 'x.md' })).toThrow(/no item 99/);
  expect(() => renderBlock('bench', '1 no such column', { root: ROOT, file: 'x.md' })).toThrow(/no column/);
});

test('the pages carry the blocks they promise', () => {
  expect(blocksOf(read('README.md'))).toContain('retry-delays');
  expect(blocksOf(read('docs/events.md'))).toContain('retry-schedule');
  expect(blocksOf(read('docs/receiving.md'))).toContain('retry-delays');
  expect(blocksOf(read('docs/configuration.md'))).toContain('objects');
  expect(blocksOf(read('docs/administration.md'))).toEqual(
    expect.arrayContaining([
      'objects',
      'params customscript_suitehooks_employee_ue',
      'params customscript_suitehooks_retry_ss',
    ]),
  );
});

test('every item of bench/RESULTS.md has its table on docs/performance.md', () => {
  const shown = blocksOf(read('docs/performance.md'))
    .filter((b) => b.startsWith('bench '))
    .map((b) => b.split(' ')[1]);
  expect(shown.sort()).toEqual(
    benchItems(read('bench/RESULTS.md'))
      .map((i) => i.id)
      .sort(),
  );
});

test('the generated parameter tables list the parameters the code reads, in the objects XML', () => {
  const ids = (script: string) =>
    [...renderBlock('params', script, { root: ROOT, file: 'docs/x.md' }).matchAll(/^\| `(custscript_\w+)`/gm)].map(
      (m) => m[1],
    );
  expect(ids('customscript_suitehooks_employee_ue').sort()).toEqual(Object.values(PARAM).sort());
  expect(ids('customscript_suitehooks_retry_ss').sort()).toEqual(Object.values(ALERT_PARAM).sort());
});

test("the generated retry schedule is the code's: one row per attempt, delays as RETRY_DELAYS_MS says", () => {
  const table = renderBlock('retry-schedule', '', { root: ROOT, file: 'docs/events.md' });
  const delays = [...table.matchAll(/^\| (\d+) \| ([^|]+) \|/gm)].slice(1).map((m) => m[2]!.trim());
  expect(delays).toEqual(RETRY_DELAYS_MS.map(duration));
});

test('"about three days", wherever the docs say it, is the length of the schedule', () => {
  const days = Math.round(RETRY_DELAYS_MS.reduce((a, b) => a + b, 0) / 86_400_000);
  const said = docFiles().filter((f) => read(f).includes('about three days'));
  expect(said.length).toBeGreaterThan(0);
  expect(days).toBe(3);
});

test('the README is a front door: at most 250 lines, its example event a part of docs/events.md', () => {
  const readme = read('README.md');
  expect(readme.split('\n').length).toBeLessThanOrEqual(250);
  const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(readme)![1]!) as Record<string, unknown>;
  const full = docEventExamples().find((e) => e.type === example.type)!;
  const differences: string[] = [];
  const compare = (part: unknown, whole: unknown, at: string) => {
    if (part !== null && typeof part === 'object' && !Array.isArray(part)) {
      for (const [key, value] of Object.entries(part))
        if (key !== '…') compare(value, (whole as Record<string, unknown> | undefined)?.[key], `${at}.${key}`);
    } else if (JSON.stringify(part) !== JSON.stringify(whole)) differences.push(at);
  };
  compare(example, full, 'event');
  expect(differences).toEqual([]);
});

test.each(docFiles().filter((f) => f.startsWith('docs/')))('%s says whom it is for, right under its title', (file) => {
  const [title, blank, first] = read(file).split('\n');
  expect(title).toMatch(/^# /);
  expect(blank).toBe('');
  expect(first).toMatch(/^For: /);
});

test("the circuit breaker's cool-down and the worker's time budget, where the docs state them, are the code's", () => {
  const minutes = `${BREAKER_COOL_DOWN_MS / 60_000} minutes`;
  for (const file of ['README.md', 'docs/performance.md']) expect(read(file)).toContain(minutes);
  const netsuite = read('docs/netsuite.md');
  expect(netsuite).toContain(`no POST\nlater than ${(LAST_POST_START_MS / 1000).toLocaleString('en-US')} s`);
  expect(netsuite).toContain(`${TIME_MARGIN_MS / 1000} s of margin`);
  expect(NO_ANSWER_LIMIT).toBe(3);
  expect(netsuite).toContain('When three POSTs in a row');
});

test('the docs index and the README link every page of docs/', () => {
  const pages = docFiles()
    .filter((f) => f.startsWith('docs/') && f !== 'docs/README.md')
    .map((f) => f.slice('docs/'.length));
  const index = read('docs/README.md');
  const readme = read('README.md');
  expect(pages.filter((p) => !index.includes(`](${p})`))).toEqual([]);
  expect(pages.filter((p) => !readme.includes(`](docs/${p})`))).toEqual([]);
});

test("the README's dependency statement is package.json's", () => {
  const pkg = JSON.parse(read('package.json')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const readme = read('README.md');
  const from = readme.indexOf('Installed as a library');
  const sentence = readme.slice(from, readme.indexOf('\n\n', from));
  const [runtime, dev] = sentence.split("the sandbox's own") as [string, string];
  const named = (text: string) =>
    [...text.matchAll(/`([a-z0-9@/.-]+)`/g)].map((m) => m[1]!).filter((n) => !n.includes(' '));
  const packages = (text: string) => named(text).filter((n) => !n.startsWith('suitehooks') && n !== 'dependencies');
  expect(packages(runtime).length).toBeGreaterThan(0);
  expect(packages(runtime).filter((n) => !(n in pkg.dependencies))).toEqual([]);
  expect(packages(dev).filter((n) => !(n in pkg.devDependencies))).toEqual([]);
});

test("the README's table of record types is the registry's: one row per type, its deployment, its role storage", () => {
  const readme = read('README.md');
  const from = readme.indexOf('| record type | events (bundle) |');
  const rows = readme
    .slice(from)
    .split('\n')
    .slice(2)
    .filter((l, i, all) => l.startsWith('|') && all.slice(0, i).every((p) => p.startsWith('|')));
  expect(rows.map((r) => r.split(' | ')[0]!.slice(2))).toEqual(USER_RECORD_TYPES.map((t) => t.id));
  for (const [i, type] of USER_RECORD_TYPES.entries()) {
    expect(rows[i]).toContain(`\`${type.deploymentId}\``);
    expect(rows[i]).toContain(type.roles.kind === 'sublist' ? '`changes.roles`' : '`changes.accessRole`');
  }
});

test('bench/README.md lists every item of bench/RESULTS.md', () => {
  const listed = [...read('bench/README.md').matchAll(/^\| (\d+)[a-z]?[. /]/gm)].map((m) => m[1]);
  const items = benchItems(read('bench/RESULTS.md')).map((i) => /^\d+/.exec(i.id)![0]);
  expect([...new Set(items)].filter((n) => !listed.includes(n))).toEqual([]);
});
