/**
 * What docs/events.md and the JSON Schema say about events, read from the files themselves: the event
 * types (from the schema, so a type added later is covered without editing a test), the JSON examples
 * and the signing example of the page. Shared by the docs tests and the `listen` tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '../..');
export const EVENTS_DOC = path.join(ROOT, 'docs/events.md');
const SCHEMA = path.join(ROOT, 'schema/suitehooks-event.schema.json');

interface SchemaNode {
  $ref?: string;
  const?: string;
  enum?: string[];
  anyOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
}
interface Schema extends SchemaNode {
  definitions: Record<string, SchemaNode>;
}

const definitionName = (ref: string) => ref.replace('#/definitions/', '');

/** Every `type` an event can have, with the schema definition of its body (e.g. `PingEvent`). */
export function schemaEventTypes(): { type: string; definition: string }[] {
  const schema = JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as Schema;
  const resolve = (node: SchemaNode): SchemaNode =>
    node.$ref ? resolve(schema.definitions[definitionName(node.$ref)]!) : node;
  const members = resolve(schema).anyOf ?? [schema];
  return members.flatMap((member) => {
    const definition = definitionName(member.$ref ?? '');
    const type = resolve(resolve(member).properties?.type ?? {});
    const values = type.const !== undefined ? [type.const] : (type.enum ?? []);
    if (values.length === 0) throw new Error(`the schema's ${definition} names no event type`);
    return values.map((value) => ({ type: value, definition }));
  });
}

export interface DocEvent {
  type: string;
  timestamp: string;
  data: Record<string, unknown> & { id: string };
}

function fencedBlocks(language: string): string[] {
  const doc = fs.readFileSync(EVENTS_DOC, 'utf8');
  return [...doc.matchAll(new RegExp(`^( *)\`\`\`${language}\\n([\\s\\S]*?)^\\1\`\`\`$`, 'gm'))].map((m) => m[2]!);
}

/** The page's JSON blocks that are event bodies (an object with `type` and `data`). */
export function docEventExamples(): DocEvent[] {
  return fencedBlocks('json')
    .map((block) => JSON.parse(block) as unknown)
    .filter((v): v is DocEvent => typeof v === 'object' && v !== null && 'type' in v && 'data' in v);
}

/** The page's `http` request example, as header name → value. */
export function docRequestHeaders(): Record<string, string> {
  const [block] = fencedBlocks('http');
  if (!block) throw new Error('docs/events.md has no http request example');
  return Object.fromEntries(
    block
      .split('\n')
      .slice(1)
      .filter((line) => line.includes(': '))
      .map((line) => [line.slice(0, line.indexOf(': ')).toLowerCase(), line.slice(line.indexOf(': ') + 2)]),
  );
}

/** The signing example: its table's values and the one-line body below it. */
export function docSigningExample(): {
  secret: string;
  id: string;
  timestamp: string;
  signature: string;
  body: string;
} {
  const doc = fs.readFileSync(EVENTS_DOC, 'utf8');
  const section = doc.slice(doc.indexOf('### A signing example'), doc.indexOf('## The body'));
  const cell = (name: string) => {
    const m = new RegExp(`^\\| ${name.replace(/[`]/g, '\\`')} \\| \`([^\`]+)\` \\|$`, 'm').exec(section);
    if (!m) throw new Error(`the signing example has no ${name} row`);
    return m[1]!;
  };
  const body = /```text\n(.*)\n```/.exec(section)?.[1];
  if (body === undefined) throw new Error('the signing example has no body');
  return {
    secret: cell('secret'),
    id: cell('`webhook-id`'),
    timestamp: cell('`webhook-timestamp`'),
    signature: cell('`webhook-signature`'),
    body,
  };
}
