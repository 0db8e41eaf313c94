/**
 * What `npm install suitehooks` gets: the compiled client, the webhook receiver helpers (lib/webhooks)
 * and the core with their type declarations, the event schema and the docs, and as runtime
 * dependencies exactly the packages the client needs — never the sandbox's (ajv).
 * Needs `npm run build` first (`npm test` builds in pretest).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';

const repo = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
  types: string;
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const built = (rel: string) => path.join(repo, rel);

beforeAll(() => {
  if (!fs.existsSync(built(pkg.types))) throw new Error(`${pkg.types} is missing: run \`npm run build\` first`);
});

function packedFiles(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
}

function jsFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? jsFiles(path.join(dir, e.name)) : e.name.endsWith('.js') ? [path.join(dir, e.name)] : [],
    );
}

/** The npm packages the compiled client, webhook receiver helpers and core load (`csv-parse/sync` → `csv-parse`). */
function packagesRequired(): Set<string> {
  const names = new Set<string>();
  for (const file of ['client', 'webhooks', 'core'].flatMap((room) => jsFiles(built(`dist/lib/${room}`)))) {
    for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)) {
      const name = spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!;
      if (!name.startsWith('node:') && !builtinModules.includes(name)) names.add(name);
    }
  }
  return names;
}

test('the package ships the client, the core and their .d.ts, the schema and the docs, and nothing of the sandbox', () => {
  const files = packedFiles();
  for (const f of [
    pkg.main,
    pkg.types,
    'dist/lib/client/cli/main.js',
    'dist/lib/webhooks/handler.d.ts',
    'dist/lib/webhooks/verify.d.ts',
    'dist/lib/core/index.d.ts',
    'dist/lib/core/envelope.d.ts',
    'schema/suitehooks-event.schema.json',
    'docs/events.md',
    'LICENSE',
    'README.md',
  ]) {
    expect(files).toContain(f);
  }
  expect(
    files.filter((f) => /^(dist\/lib\/sandbox|dist\/bench|dist\/test|lib\/|test\/|src\/|bench\/)/.test(f)),
  ).toEqual([]);
}, 60_000);

test("runtime dependencies are exactly what the client and core load; the sandbox's are development-only", () => {
  expect([...packagesRequired()].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  // selfsigned is the client's too: `suitehooks listen` makes a certificate when given none; so are
  // better-sqlite3 and pg: `suitehooks mirror` writes to SQLite or Postgres.
  for (const sandboxOnly of ['ajv', 'ajv-formats']) {
    expect(pkg.dependencies).not.toHaveProperty(sandboxOnly);
    expect(pkg.devDependencies).toHaveProperty(sandboxOnly);
  }
});

test('a TypeScript user of the package gets the client and receiver helper types through "types"', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-consumer-'));
  try {
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.symlinkSync(repo, path.join(dir, 'node_modules', 'suitehooks'), 'dir');
    const file = path.join(dir, 'use.ts');
    fs.writeFileSync(
      file,
      [
        "import { createClient, createWebhookHandler, verifyWebhook, type WebhookEvent, type SuitehooksEvent, type NetSuiteClient } from 'suitehooks';",
        'export const handler = createWebhookHandler({ secret: "whsec_x", onEvent: (e: WebhookEvent) => { const s: number = e.data.sequence; void s; } });',
        // verifyWebhook returns any event, the test event included: narrowed on `type`.
        'export const verify = (b: string, h: Record<string, string>): WebhookEvent | null => { const e: SuitehooksEvent = verifyWebhook(b, h, "whsec_x"); return e.type === "suitehooks.ping" ? null : e; };',
        'export type Client = NetSuiteClient; export const make = createClient;',
        // A wrong use must be an error, or the declarations would be `any`.
        '// @ts-expect-error sequence is a number',
        'export const wrong: string = ({} as WebhookEvent).data.sequence;',
      ].join('\n'),
    );
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      target: ts.ScriptTarget.ES2022,
      types: ['node'],
      typeRoots: [path.join(repo, 'node_modules', '@types')],
      skipLibCheck: true,
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    const resolved = program
      .getSourceFiles()
      .map((s) => s.fileName)
      .find((f) => f.endsWith('dist/lib/client/index.d.ts'));
    expect(resolved).toBeDefined();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
