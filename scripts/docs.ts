/**
 * The facts the docs repeat, generated from their one source (issue 20). A Markdown file marks a block
 *
 *     <!-- generated:NAME ARGS -->
 *     …
 *     <!-- /generated -->
 *
 * and `npm run docs` rewrites what is between the markers; test/docs/generated.test.ts renders every
 * block in memory and fails while one is stale. Sources: the SDF objects in src/Objects (script
 * parameters, objects), lib/core/retry-schedule.ts (the retry schedule) and bench/RESULTS.md (figures).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JITTER, MAX_ATTEMPTS, RETRY_DELAYS_MS } from '../lib/core/retry-schedule';
import { child, childText, readObjectFiles, type XmlNode } from '../lib/sandbox/sdf/objects-xml';

export const ROOT = path.join(__dirname, '..');

/** Where a block is rendered: the repository and the Markdown file (for relative links). */
interface Place {
  root: string;
  file: string;
}

type Generator = (args: string[], place: Place) => string;

const BLOCK = /^<!-- generated:(\S+)((?: [^\n]*?)?) -->\n([\s\S]*?)^<!-- \/generated -->$/gm;

/** The Markdown files that may hold generated blocks. */
export function docFiles(root = ROOT): string[] {
  const docs = fs
    .readdirSync(path.join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`);
  return ['README.md', 'CONTRIBUTING.md', ...docs];
}

/** A Markdown table (compact, as the docs write them by hand); `|` inside a cell is escaped. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align?: string[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  const rule = `|${header.map((_, i) => align?.[i] ?? '---').join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** `5 min`, `2 h`, `2 h 35 min`. */
export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const [h, m] = [Math.floor(minutes / 60), minutes % 60];
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ') || '0';
}

function objectFiles(root: string) {
  return readObjectFiles(path.join(root, 'src', 'Objects'));
}

function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node?.children.filter((c) => c.name === name) ?? [];
}

function scriptRoot(root: string, scriptId: string | undefined): XmlNode {
  const found = objectFiles(root).find((f) => f.root.attrs.scriptid === scriptId);
  if (!found) throw new Error(`no object ${scriptId ?? '(none named)'} in src/Objects`);
  return found.root;
}

/** `params <script id>`: the script's parameters as the deployment's Parameters subtab shows them. */
const params: Generator = ([scriptId], { root }) => {
  const fields = children(child(scriptRoot(root, scriptId), 'scriptcustomfields'), 'scriptcustomfield');
  if (fields.length === 0) throw new Error(`${scriptId ?? ''} declares no parameters`);
  return table(
    ['parameter', 'label on the Parameters subtab', 'type', 'NetSuite field help'],
    fields.map((f) => [
      `\`${f.attrs.scriptid ?? ''}\``,
      childText(f, 'label') ?? '',
      (childText(f, 'fieldtype') ?? 'TEXT').toLowerCase(),
      childText(f, 'help') ?? '',
    ]),
  );
};

const KIND: Record<string, string> = {
  usereventscript: 'user event script',
  scheduledscript: 'scheduled script',
  mapreducescript: 'map/reduce script',
  suitelet: 'Suitelet',
  restlet: 'RESTlet',
  customrecordtype: 'custom record type',
  customlist: 'custom list',
  entitycustomfield: 'entity custom field',
};

/** `customdeploy_x` (released, on employee, executes as administrator) or (scheduled, every 15 min). */
function deploymentText(d: XmlNode): string {
  const status = (childText(d, 'status') ?? '').toLowerCase().replace('notscheduled', 'not scheduled');
  const recordType = childText(d, 'recordtype')?.replace(/^\[scriptid=(.+)\]$/, '$1');
  const runAs = childText(d, 'runasrole');
  const daily = child(d, 'recurrence')?.children.find((c) => c.name === 'daily');
  const repeat = /^PT(\d+)M$/.exec((daily && childText(daily, 'repeat')) ?? '');
  const details = [
    status,
    repeat && `every ${repeat[1]} min`,
    recordType && `on ${recordType.toLowerCase()}`,
    runAs && `executes as ${runAs.toLowerCase()}`,
  ];
  return `\`${d.attrs.scriptid ?? ''}\` (${details.filter(Boolean).join(', ')})`;
}

/** `objects`: every object of the SDF project, what it is and its deployments. */
const objects: Generator = (_args, { root }) =>
  table(
    ['object', 'kind', 'name in NetSuite', 'deployments'],
    objectFiles(root).map(({ root: o }) => [
      `\`${o.attrs.scriptid ?? ''}\``,
      KIND[o.name] ?? o.name,
      childText(o, 'name') ?? childText(o, 'recordname') ?? childText(o, 'label') ?? '',
      children(child(o, 'scriptdeployments'), 'scriptdeployment').map(deploymentText).join('; ') || '–',
    ]),
  );

/** `retry-schedule`: the attempts, their delays and the time since the first attempt. */
const retrySchedule: Generator = () => {
  let since = 0;
  const rows = [['1', '–', '0']];
  for (const [i, delay] of RETRY_DELAYS_MS.entries()) {
    since += delay;
    const last = i === RETRY_DELAYS_MS.length - 1;
    rows.push([
      `${i + 2}`,
      duration(delay),
      `${duration(since)}${last ? ` (about ${Math.round(since / 86_400_000)} days)` : ''}`,
    ]);
  }
  if (rows.length !== MAX_ATTEMPTS) throw new Error('MAX_ATTEMPTS is not one more than the delays');
  return table(['attempt', 'delay after the previous failure', 'time since the first attempt (without jitter)'], rows, [
    '---:',
    '---:',
    '---:',
  ]);
};

/** `retry-delays`: the schedule as one sentence. */
const retryDelays: Generator = () => {
  const steps = RETRY_DELAYS_MS.map(duration);
  const total = RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
  return (
    `Retries come ${steps.slice(0, -1).join(', ')} and ${steps.at(-1) ?? ''} after each failure ` +
    `(±${Math.round(JITTER * 100)} % jitter), ${MAX_ATTEMPTS} attempts over about ` +
    `${Math.round(total / 86_400_000)} days; then the delivery is dead and kept for replay.`
  );
};

interface BenchItem {
  id: string;
  title: string;
  header: string[];
  rows: string[][];
}

const cells = (line: string) =>
  line
    .trim()
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

/** The items of bench/RESULTS.md: `### <id>. <title>` and the table under it. */
export function benchItems(results: string): BenchItem[] {
  const items: BenchItem[] = [];
  for (const m of results.matchAll(/^### (\S+)\. (.+)\n\n((?:\|.*\|\n)+)/gm)) {
    const [header, , ...rows] = m[3]!.trim().split('\n');
    items.push({ id: m[1]!, title: m[2]!, header: cells(header!), rows: rows.map(cells) });
  }
  return items;
}

/**
 * `bench <item> [column|column|…]`: that item's table from bench/RESULTS.md, the named columns only
 * (all when none), preceded by the run it comes from.
 */
const bench: Generator = ([id, ...rest], { root, file }) => {
  const results = fs.readFileSync(path.join(root, 'bench', 'RESULTS.md'), 'utf8');
  const item = benchItems(results).find((i) => i.id === id);
  if (!item) throw new Error(`bench/RESULTS.md has no item ${id ?? '(none named)'}`);
  const wanted = rest.length ? rest.join(' ').split('|') : item.header;
  const index = wanted.map((name) => {
    const i = item.header.indexOf(name);
    if (i < 0) throw new Error(`bench item ${item.id} has no column "${name}" (it has ${item.header.join(', ')})`);
    return i;
  });
  const run = /^(\d{4}-\d\d-\d\dT[^ ]+) · (.+)$/m.exec(results);
  return [
    `*Item ${item.id} of [bench/RESULTS.md](${path.posix.relative(path.posix.dirname(file), 'bench/RESULTS.md')}): ${item.title}* (the file's header: ${run?.[1]?.slice(0, 10) ?? '?'}, ${run?.[2] ?? '?'}).`,
    '',
    table(
      wanted,
      item.rows.map((r) => index.map((i) => r[i] ?? '')),
    ),
  ].join('\n');
};

export const GENERATORS: Readonly<Record<string, Generator>> = {
  params,
  objects,
  'retry-schedule': retrySchedule,
  'retry-delays': retryDelays,
  bench,
};

/** One block's fresh content (without the markers). */
export function renderBlock(name: string, args: string, place: Place): string {
  const generate = GENERATORS[name];
  if (!generate) throw new Error(`unknown generated block "${name}" (known: ${Object.keys(GENERATORS).join(', ')})`);
  return generate(args.trim() ? args.trim().split(/ +/) : [], place);
}

/** The Markdown with every generated block rewritten. Throws on an unknown name or a marker left open. */
export function renderDoc(markdown: string, file: string, root = ROOT): string {
  const opened = (markdown.match(/^<!-- generated:/gm) ?? []).length;
  let closed = 0;
  const out = markdown.replace(BLOCK, (_all, name: string, args: string) => {
    closed++;
    return `<!-- generated:${name}${args} -->\n${renderBlock(name, args, { root, file })}\n<!-- /generated -->`;
  });
  if (closed !== opened) throw new Error(`a <!-- generated:… --> marker has no <!-- /generated --> after it`);
  return out;
}

/** The names (with arguments) of the blocks a Markdown file holds. */
export function blocksOf(markdown: string): string[] {
  return [...markdown.matchAll(BLOCK)].map((m) => `${m[1]!}${m[2]!}`);
}

/** Rewrites every doc file whose blocks are stale; returns the files changed. */
export function writeDocs(root = ROOT): string[] {
  const changed: string[] = [];
  for (const file of docFiles(root)) {
    const full = path.join(root, file);
    const before = fs.readFileSync(full, 'utf8');
    const after = renderDoc(before, file, root);
    if (after !== before) {
      fs.writeFileSync(full, after);
      changed.push(file);
    }
  }
  return changed;
}
