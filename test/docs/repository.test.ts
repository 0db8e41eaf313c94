/**
 * The documentation a user gets with a clone: every link resolves (files and #anchors), nothing points
 * outside the repository, and the tables that restate code (default fields, parameters, the delivery
 * record, the retry schedule) say what the code does. Plus the repository files the README promises.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DELIVERY_FIELD,
  EMPLOYEE_FIELDS,
  EVENT_TYPE_NAMES,
  PARAM,
  RETRY_DELAYS_MS,
  USER_RECORD_TYPES,
} from '../../lib/core';
import { ALERT_FIELD, ALERT_PARAM } from '../../lib/core/alert-config';
import { ENDPOINT_FIELD } from '../../lib/core/endpoint-record';
import { RECORD_UNITS, UNIT_COST, USAGE_LIMIT } from '../../lib/core/governance';

const repo = path.join(__dirname, '..', '..');
const read = (rel: string) => fs.readFileSync(path.join(repo, rel), 'utf8');
const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  'CHANGELOG.md',
  ...fs
    .readdirSync(path.join(repo, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const [, heading] of markdown.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6} +(.+)$/gm)) {
    out.add(
      heading!
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    );
  }
  return out;
}

function links(markdown: string): string[] {
  const text = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/i.test(l));
}

/** The rows of the first Markdown table after `heading`, as arrays of cells without backticks. */
function tableAfter(markdown: string, heading: string): string[][] {
  const from = markdown.indexOf(heading);
  expect(from).toBeGreaterThanOrEqual(0);
  const lines = markdown.slice(from).split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim().replace(/`/g, '')),
    );
  }
  return rows;
}

test.each(DOCS)('every relative link in %s resolves, anchors included', (doc) => {
  const broken: string[] = [];
  for (const link of links(read(doc))) {
    const [file, anchor] = link.split('#') as [string, string | undefined];
    const target = file === '' ? doc : path.posix.normalize(path.posix.join(path.posix.dirname(doc), file));
    if (!fs.existsSync(path.join(repo, target))) broken.push(`${link} (no ${target})`);
    else if (anchor && target.endsWith('.md') && !anchors(read(target)).has(anchor))
      broken.push(`${link} (no heading #${anchor} in ${target})`);
  }
  expect(broken).toEqual([]);
});

const OUTSIDE = /\.\.\/shared|CONTRACT\.md|NETSUITE-[A-Z]+/;

test.each(DOCS)('%s points at nothing outside the repository (no shared folder beside it)', (doc) => {
  expect(read(doc)).not.toMatch(OUTSIDE);
});

test('no comment in lib, test, bench or scripts points outside the repository either', () => {
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(path.join(repo, dir), { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
  const files = ['lib', 'test', 'bench', 'scripts'].flatMap(walk).filter((f) => /\.(ts|mjs|cjs|js|md)$/.test(f));
  expect(files.length).toBeGreaterThan(100);
  expect(files.filter((f) => OUTSIDE.test(read(f)))).toEqual([]);
});

test('docs/events.md lists exactly the default tracked fields, with their NetSuite ids', () => {
  const rows = tableAfter(read('docs/events.md'), 'The fields tracked by default');
  expect(rows.map((r) => r[0])).toEqual(EMPLOYEE_FIELDS.map((f) => f.rest));
  expect(rows.map((r) => r[1]!.split(' ')[0])).toEqual(EMPLOYEE_FIELDS.map((f) => f.nsId));
});

test('docs/events.md lists the event types of the registry and the default fields of the other login records', () => {
  const md = read('docs/events.md');
  const types = tableAfter(md, '### Event types').map((r) => r[0]);
  expect(types).toEqual([...EVENT_TYPE_NAMES, 'suitehooks.ping']);
  const others = USER_RECORD_TYPES.filter((t) => t.id !== 'employee');
  const fields = tableAfter(md, 'The fields tracked by default on vendors, partners and customers');
  for (const [i, t] of others.entries()) {
    const marked = fields.filter((r) => r[3 + i] === '✔');
    expect(marked.map((r) => r[0]).sort()).toEqual(t.fields.map((f) => f.rest).sort());
    for (const f of t.fields) expect(marked.find((r) => r[0] === f.rest)![1]!.split(' ')[0]).toBe(f.nsId);
  }
});

test('docs/netsuite.md lists the record types of the registry, their SDF type and their fields', () => {
  const md = read('docs/netsuite.md');
  const types = tableAfter(md, '## Records that can log in');
  expect(types.map((r) => r[0])).toEqual(USER_RECORD_TYPES.map((t) => t.id));
  expect(types.map((r) => r[1])).toEqual(USER_RECORD_TYPES.map((t) => t.sdfRecordType));
  expect(types.map((r) => r[3]!.startsWith('roles sublist'))).toEqual(
    USER_RECORD_TYPES.map((t) => t.roles.kind === 'sublist'),
  );
  for (const [i, t] of USER_RECORD_TYPES.entries()) expect(types[i]![4]).toContain(t.sources[0]);
  const fields = tableAfter(md, 'The canonical fields of each type');
  for (const [i, t] of USER_RECORD_TYPES.entries()) {
    const marked = fields.filter((r) => r[3 + i] === '✔');
    expect(marked.map((r) => r[0]).sort()).toEqual(t.fields.map((f) => f.rest).sort());
    for (const f of t.fields) {
      const row = marked.find((r) => r[0] === f.rest)!;
      expect(row[1]!.split(' ')[0]).toBe(f.nsId);
      expect(row[2]!.split(' ')[0]).toBe(f.kind);
    }
  }
});

test('docs/events.md states the retry schedule the code applies', () => {
  const rows = tableAfter(read('docs/events.md'), '### Retry schedule');
  const minutes = (cell: string) =>
    (/(\d+) h/.exec(cell) ? Number(/(\d+) h/.exec(cell)![1]) * 60 : 0) +
    (/(\d+) min/.exec(cell) ? Number(/(\d+) min/.exec(cell)![1]) : 0);
  expect(rows.slice(1).map((r) => minutes(r[1]!) * 60_000)).toEqual([...RETRY_DELAYS_MS]);
});

test('docs/configuration.md lists every script parameter and every delivery record field', () => {
  const doc = read('docs/configuration.md');
  expect(tableAfter(doc, '## Script parameters').map((r) => r[0])).toEqual(Object.values(PARAM));
  expect(tableAfter(doc, '### The delivery record').map((r) => r[1])).toEqual(
    expect.arrayContaining(Object.values(DELIVERY_FIELD)),
  );
  expect(tableAfter(doc, '### The delivery record')).toHaveLength(Object.values(DELIVERY_FIELD).length);
});

test('docs/configuration.md lists every field of the endpoint record', () => {
  expect(tableAfter(read('docs/configuration.md'), '## Endpoints').map((r) => r[1])).toEqual(
    Object.values(ENDPOINT_FIELD),
  );
});

test('docs/configuration.md lists the alert settings and the alert state record as the code declares them', () => {
  const doc = read('docs/configuration.md');
  expect(tableAfter(doc, '### Alert settings').map((r) => r[0])).toEqual(Object.values(ALERT_PARAM));
  expect(tableAfter(doc, '### The alert state record').map((r) => r[1])).toEqual(Object.values(ALERT_FIELD));
});

test('docs/netsuite.md states the unit costs and limits lib/core/governance.ts declares (the sandbox charges, the bundle budgets with them)', () => {
  const doc = read('docs/netsuite.md');
  const governance = doc.slice(doc.indexOf('## Governance'), doc.indexOf('\n## ', doc.indexOf('## Governance') + 1));
  const [load, save, submit] = [RECORD_UNITS.load, RECORD_UNITS.save, RECORD_UNITS.submitFields];
  const n = (units: number) => units.toLocaleString('en-US');
  for (const stated of [
    `${load.transaction} units for transactions, ${load.custom} for custom records, ${load.other} for all other records`,
    `\`Record.save\`: ${save.transaction} / ${save.custom} / ${save.other} units; \`record.submitFields\` ${submit.transaction} / ${submit.custom} / ${submit.other}; \`search.lookupFields\` ${UNIT_COST.lookupFields}`,
    `\`https.request\` (and \`get\`/\`post\`): ${UNIT_COST.https} units`,
    `\`query.runSuiteQL\` / \`SuiteQL.run\`: ${UNIT_COST.suiteql} units`,
    `user event ${n(USAGE_LIMIT.userEvent)} units, scheduled script ${n(USAGE_LIMIT.scheduled)}`,
  ]) {
    expect(governance).toContain(stated);
  }
  expect(RECORD_UNITS.delete).toEqual(RECORD_UNITS.save);
  expect(RECORD_UNITS.create).toEqual(RECORD_UNITS.load);
});

test('LICENSE is the MIT licence package.json names; .nvmrc is a supported Node', () => {
  const pkg = JSON.parse(read('package.json')) as { license: string; engines: { node: string } };
  expect(pkg.license).toBe('MIT');
  expect(read('LICENSE')).toMatch(/^MIT License\n/);
  expect(read('.nvmrc').trim()).toBe('20');
  expect(pkg.engines.node).toMatch(/>=20/);
});

test('CHANGELOG.md keeps an Unreleased section', () => {
  expect(read('CHANGELOG.md')).toMatch(/^## \[Unreleased\]\n/m);
});

/**
 * CONTRIBUTING's recipes name exact files and the names to edit in them (`EMPLOYEE_FIELDS` in
 * `lib/core/fields.ts`): every such path exists, and every name cited "in" or "of" a file occurs in it.
 */
test('the files CONTRIBUTING.md names exist, and the names it cites in them occur there', () => {
  const doc = read('CONTRIBUTING.md');
  const missing: string[] = [];
  for (const [, rel] of doc.matchAll(/`((?:lib|src|test|scripts|bench|schema|docs)\/[^`\s<*]*)`/g))
    if (!fs.existsSync(path.join(repo, rel!))) missing.push(rel!);
  const cited =
    /((?:`[A-Za-z_][\w.]*`(?:,\s+|\s+and\s+|\s+or\s+|\/))*`[A-Za-z_][\w.]*`)\s+(?:in|of)\s+`((?:lib|src|test|scripts)\/[^`<*]+\.\w+)`/g;
  let pairs = 0;
  for (const [, names, rel] of doc.matchAll(cited)) {
    const text = fs.existsSync(path.join(repo, rel!)) ? read(rel!) : '';
    for (const [, name] of names!.matchAll(/`([\w.]+)`/g)) {
      pairs++;
      if (!text.includes(name!.split('.').pop()!)) missing.push(`${name!} in ${rel!}`);
    }
  }
  expect(pairs).toBeGreaterThanOrEqual(20);
  expect(missing).toEqual([]);
});
