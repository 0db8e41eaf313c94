/**
 * Every command the README (and docs/) shows in a shell block works as written on a fresh clone
 * (issue 20, item 8), checked without running anything long: `npm run`/`npm start`/`npm test` name
 * scripts of package.json; `npx suitehooks`/`suitehooks` name the package's bin, which `npm ci` builds
 * (the `prepare` script), and their subcommands and options are the CLI's own; `npm start -- …`
 * options are parsed by the sandbox's real argument parser; any other program is one the page names
 * as a prerequisite below. A drifted command fails here.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import type { Command } from 'commander';
import { createProgram } from '../../lib/client/cli/main';
import { parseStartArgs } from '../../lib/sandbox/config';
import { selfSignedCertificate } from '../../lib/webhooks';

const ROOT = path.join(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  bin: Record<string, string>;
};
/** Programs the README asks the reader to have (Node and npm come with the repository's engines). */
// sqlite3 and psql: Debian's database shells, for reading the mirror (docs/mirror.md).
const TOOLS = new Set(['node', 'cloudflared', 'git', 'cd', 'mkdir', 'openssl', 'curl', 'cat', 'sqlite3', 'psql']);

/** The shell blocks of a Markdown file, as commands: continuation lines joined, comments dropped. */
function shellCommands(file: string): { file: string; line: string }[] {
  const text = fs.readFileSync(file, 'utf8');
  const blocks = [...text.matchAll(/^ *```(?:sh|bash|shell|console)\n([\s\S]*?)^ *```$/gm)].map((m) => m[1]!);
  return blocks.flatMap((block) =>
    block
      .replace(/\\ *(?:#[^\n]*)?\n/g, ' ') // a continuation (a comment may sit after the backslash)
      .split('\n')
      .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
      .filter(Boolean)
      .flatMap((line) => line.split(/\s*&&\s*/))
      .map((line) => ({ file: path.relative(ROOT, file), line })),
  );
}

/** Shell words: quotes removed, `$(…)` replaced by a stand-in value (a base64 secret, as the README's). */
function words(line: string): string[] {
  const standIn = Buffer.alloc(32, 1).toString('base64');
  const withValues = line.replace(/\$\([^)]*\)/g, standIn).replace(/…/g, standIn);
  return [...withValues.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

function cliProblems(args: string[]): string[] {
  const sink = new PassThrough();
  const program = createProgram({ stdout: sink, stderr: sink, env: {}, cwd: ROOT }, () => Promise.resolve());
  let command: Command = program;
  const known = (name: string) =>
    [command, ...ancestors(command)].flatMap((c) => c.options).find((o) => o.short === name || o.long === name);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('-')) {
      const option = known(arg.split('=')[0]!);
      if (!option) return [`${arg} is not an option of "${command.name()}"`];
      if ((option.required || option.optional) && !arg.includes('=')) i++;
    } else {
      const sub = command.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
      if (sub) command = sub;
      else if (command.commands.length > 0) return [`"${arg}" is not a command of "${command.name()}"`];
    }
  }
  return command === program ? ['no command given'] : [];
}

function ancestors(command: Command): Command[] {
  return command.parent ? [command.parent, ...ancestors(command.parent)] : [];
}

function npmProblems(args: string[]): string[] {
  const [sub, ...rest] = args;
  if (sub === 'ci' || sub === 'install') return [];
  const script = sub === 'run' ? rest[0] : sub;
  if (!script || !(script in pkg.scripts)) return [`npm ${sub ?? ''}: no script "${script ?? ''}" in package.json`];
  const dashes = rest.indexOf('--');
  if (script === 'start' && dashes >= 0) {
    try {
      parseStartArgs(rest.slice(dashes + 1)); // throws on a wrong option
    } catch (err) {
      // A file an earlier step of the same page writes (a certificate) is not there while testing: the
      // options were read and named right; any other refusal is the command's problem.
      if (!(err as Error).message.startsWith('cannot read the certificate ')) throw err;
    }
  }
  return [];
}

function problems(line: string): string[] {
  const [program, ...args] = words(line);
  if (program === 'npm') return npmProblems(args);
  if (program === 'npx' && args[0] === 'suitehooks') return cliProblems(args.slice(1));
  if (program === 'suitehooks') return cliProblems(args);
  if (TOOLS.has(program!)) return [];
  return [`"${program}" is neither a script, the suitehooks CLI nor a listed prerequisite`];
}

const files = [
  path.join(ROOT, 'README.md'),
  ...fs
    .readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(ROOT, 'docs', f)),
];
const commands = files.flatMap(shellCommands);

describe('the commands the docs show', () => {
  let cwd: string;
  let tmp: string;
  beforeAll(async () => {
    // `npm start -- --trust-cert .suitehooks/listen-cert.pem` reads the file `listen` wrote before it.
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-readme-'));
    // `listen` and `mirror` write their certificates under .suitehooks/ for the sandbox to trust.
    fs.mkdirSync(path.join(tmp, '.suitehooks'));
    const { cert } = await selfSignedCertificate('127.0.0.1', ['127.0.0.1']);
    for (const file of ['listen-cert.pem', 'mirror-cert.pem'])
      fs.writeFileSync(path.join(tmp, '.suitehooks', file), cert);
    cwd = process.cwd();
    process.chdir(tmp);
  });
  afterAll(() => {
    process.chdir(cwd);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('there are some (the extraction works)', () => {
    // The README keeps its two commands; the pages it links to hold the rest.
    expect(commands.filter((c) => c.file === 'README.md').map((c) => c.line)).toEqual(
      expect.arrayContaining(['npm ci', 'npm start', 'npm test']),
    );
    expect(commands.length).toBeGreaterThan(20);
    expect(commands.some((c) => c.line.includes('suitehooks listen'))).toBe(true);
  });

  test.each(commands.map((c) => [c.file, c.line]))('%s: %s', (_file, line) => {
    expect(problems(line)).toEqual([]);
  });

  test('the suitehooks bin exists straight after npm ci: `prepare` builds it from a source that exists', () => {
    const bin = pkg.bin.suitehooks!;
    expect(pkg.scripts.prepare).toMatch(/\bbuild:node\b/);
    expect(pkg.scripts['build:node']).toContain('tsconfig.build.json');
    const source = bin.replace(/^dist\//, '').replace(/\.js$/, '.ts');
    expect(fs.existsSync(path.join(ROOT, source))).toBe(true);
    // Only the Node side: rebuilding the bundle at install would hide a stale committed src/FileCabinet from CI.
    expect(pkg.scripts.prepare).not.toMatch(/build:bundle|npm run build(?!:)/);
  });

  test('a drifted command is caught', () => {
    expect(problems('npx suitehooks employee fire 42')).toEqual(['"fire" is not a command of "employee"']);
    expect(problems('suitehooks listen --prot 8787')).toEqual(['--prot is not an option of "listen"']);
    expect(problems('npm run serve')).toEqual(['npm run: no script "serve" in package.json']);
    expect(() => problems('npm start -- --no-storey')).toThrow(/no-storey/);
  });
});
