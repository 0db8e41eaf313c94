#!/usr/bin/env node
/**
 * Bundles the SuiteScript entry points (lib/suitescript/entries) into deployable SuiteScript 2.1 files.
 * esbuild has no AMD output (evanw/esbuild#819), so it emits ESM with N/* kept external and this
 * script rewrites that into the canonical shape NetSuite and Oracle's jest transform accept: the JSDoc
 * header, then exactly one `define([...N deps], function (...) { ...; return { entryPoint }; })`.
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = 'src/FileCabinet/SuiteScripts/suitehooks';

/** Each deployable script: its source entry, built file, script type and entry point. */
export const SCRIPTS = [
  {
    entry: 'lib/suitescript/entries/employee-ue.ts',
    file: 'suitehooks_employee_ue.js',
    scriptType: 'UserEventScript',
    entryPoint: 'afterSubmit',
  },
  {
    entry: 'lib/suitescript/entries/retry-ss.ts',
    file: 'suitehooks_retry_ss.js',
    scriptType: 'ScheduledScript',
    entryPoint: 'execute',
  },
  {
    entry: 'lib/suitescript/entries/endpoint-ue.ts',
    file: 'suitehooks_endpoint_ue.js',
    scriptType: 'UserEventScript',
    entryPoint: 'afterSubmit',
  },
  {
    entry: 'lib/suitescript/entries/console-sl.ts',
    file: 'suitehooks_console_sl.js',
    scriptType: 'Suitelet',
    entryPoint: 'onRequest',
  },
];

const IMPORT = /^import \* as (\w+) from "(N\/[\w/]+)";\n/gm;
const EXPORT = /^export \{([^}]*)\};\n?/m;

/** ESM from esbuild → the canonical AMD file. Throws on anything that shape cannot express. */
export function toSuiteScript(esm, { scriptType, entryPoint, entry }) {
  const deps = [];
  const aliases = [];
  let body = esm.replace(IMPORT, (_, name, module) => {
    // esbuild keeps one namespace import per source module: the first becomes the define parameter.
    const first = deps.find((d) => d.module === module);
    if (first) aliases.push(`var ${name} = ${first.name};`);
    else deps.push({ name, module });
    return '';
  });
  body = aliases.join('\n') + '\n' + body;
  const exported = EXPORT.exec(body);
  if (!exported) throw new Error(`${entry}: no export of ${entryPoint}`);
  body = body.replace(EXPORT, '');
  const entries = exported[1]
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [local, name = local] = s.split(/\s+as\s+/);
      return { local, name };
    });
  if (!entries.some((e) => e.name === entryPoint)) throw new Error(`${entry}: ${entryPoint} is not exported`);
  if (/^\s*(import|export)\b/m.test(body))
    throw new Error(`${entry}: an import or export esbuild left is not an N/* namespace import`);
  for (const { name } of deps) {
    if (name === 'log' || name === 'util')
      throw new Error(`${entry}: import of ${name} would shadow the SuiteScript global`);
  }
  const modules = deps.map((d) => `'${d.module}'`).join(', ');
  const params = deps.map((d) => d.name).join(', ');
  const returned = entries
    .filter((e) => e.name === entryPoint)
    .map((e) => `${e.name}: ${e.local}`)
    .join(', ');
  const indented = body
    .trim()
    .split('\n')
    .map((line) => (line === '' ? '' : `  ${line}`))
    .join('\n');
  return [
    '/**',
    ' * @NApiVersion 2.1',
    ` * @NScriptType ${scriptType}`,
    ' * @NModuleScope SameAccount',
    ` * Built by scripts/build-bundle.mjs from ${entry}; edit the TypeScript, not this file.`,
    ' */',
    `define([${modules}], function (${params}) {`,
    indented,
    `  return { ${returned} };`,
    '});',
    '',
  ].join('\n');
}

/** Builds every script into `<outRoot>/OUT_DIR` (the repository by default; the output check builds elsewhere). */
export async function buildAll(outRoot = root) {
  mkdirSync(join(outRoot, OUT_DIR), { recursive: true });
  for (const script of SCRIPTS) {
    const result = await build({
      entryPoints: [join(root, script.entry)],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      external: ['N/*'],
      treeShaking: true,
      minify: false,
      legalComments: 'none',
      charset: 'utf8',
      logLevel: 'warning',
    });
    const esm = result.outputFiles[0].text;
    writeFileSync(join(outRoot, OUT_DIR, script.file), toSuiteScript(esm, script));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildAll().catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
