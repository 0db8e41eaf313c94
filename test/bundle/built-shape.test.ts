/**
 * The built files have the shape NetSuite accepts (docs/netsuite.md#suitescript-21-module-shape: one define, JSDoc header, N/* only,
 * no import/export, no Node globals, no setTimeout, log/util not shadowed), checked on the text and
 * by evaluating each file with nothing but a recording `define`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

const DIR = join(__dirname, '../../src/FileCabinet/SuiteScripts/suitehooks');
const ENTRY: Record<string, string> = {
  UserEventScript: 'afterSubmit',
  ScheduledScript: 'execute',
  Suitelet: 'onRequest',
};
const files = readdirSync(DIR).filter((f) => f.endsWith('.js'));

test('every script is built', () => {
  expect(files.sort()).toEqual([
    'suitehooks_console_sl.js',
    'suitehooks_employee_ue.js',
    'suitehooks_endpoint_ue.js',
    'suitehooks_retry_ss.js',
  ]);
});

describe.each(files)('%s', (file) => {
  const code = readFileSync(join(DIR, file), 'utf8');

  test('opens with the JSDoc header', () => {
    const header = /^\/\*\*\n((?: \*.*\n)+) \*\/\n/.exec(code);
    expect(header).not.toBeNull();
    expect(header![1]).toContain(' * @NApiVersion 2.1\n');
    expect(header![1]).toMatch(/ \* @NScriptType (UserEventScript|ScheduledScript|Suitelet)\n/);
    expect(header![1]).toContain(' * @NModuleScope SameAccount\n');
  });

  test('has no module syntax and no Node or timer globals', () => {
    expect(code).not.toMatch(/^\s*(import|export)\b/m);
    expect(code).not.toMatch(/\brequire\s*\(/);
    expect(code).not.toMatch(/\b(process|Buffer|setTimeout|setInterval|setImmediate|__dirname|module\.exports)\b/);
    expect(code.match(/\bdefine\(/g)).toHaveLength(1);
  });

  test('evaluates to exactly one define of N/* modules returning its entry point', () => {
    const calls: { deps: string[]; factory: (...args: unknown[]) => unknown }[] = [];
    runInNewContext(code, {
      define: (deps: string[], factory: (...args: unknown[]) => unknown) => calls.push({ deps, factory }),
    });
    expect(calls).toHaveLength(1);
    const { deps, factory } = calls[0]!;
    expect(deps.length).toBeGreaterThan(0);
    for (const d of deps) expect(d).toMatch(/^N\/[a-z]+(\/[a-zA-Z]+)?$/);
    expect(new Set(deps).size).toBe(deps.length);
    const params = /define\(\[[^\]]*\], function \(([^)]*)\)/.exec(code)![1]!.split(', ');
    expect(params).toHaveLength(deps.length);
    expect(params).not.toContain('log');
    expect(params).not.toContain('util');
    expect(code).not.toMatch(/\b(var|let|const|function)\s+(log|util)\b/);
    const scriptType = /@NScriptType (\w+)/.exec(code)![1]!;
    const api = factory(...deps.map(() => ({}))) as Record<string, unknown>;
    expect(Object.keys(api)).toEqual([ENTRY[scriptType]]);
    expect(typeof api[ENTRY[scriptType]!]).toBe('function');
  });
});
