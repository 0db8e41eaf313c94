/**
 * Loads a SuiteScript 2.x file the way NetSuite does: an isolated context with only what NetSuite
 * provides (`define`, `log`, `util` and the ES built-ins; no `process`, `Buffer`, `setTimeout`,
 * `require`), the JSDoc header checked, exactly one `define` call (NETSUITE-FACTS "SuiteScript 2.1
 * module shape"), and only `N/*` dependencies. Each execution gets a fresh context, so module state
 * does not leak between executions, as in NetSuite.
 */
import * as vm from 'node:vm';
import { SuiteScriptError } from './errors';

export interface CompiledScript {
  file: string;
  scriptType: string;
  compiled: vm.Script;
}

const SCRIPT_TYPE_TAGS: Record<string, string> = {
  usereventscript: 'usereventscript',
  scheduledscript: 'scheduledscript',
  mapreducescript: 'mapreducescript',
  suitelet: 'suitelet',
  restlet: 'restlet',
  clientscript: 'clientscript',
};

/** Checks the header and syntax; throws SuiteScriptError with a message naming the file. */
export function compileScript(file: string, source: string, expectedType: string): CompiledScript {
  const header = /\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? '';
  const api = /@NApiVersion\s+(\S+)/i.exec(header)?.[1];
  if (!api) throw new SuiteScriptError('SSS_MISSING_API_VERSION', `${file}: the JSDoc header has no @NApiVersion`);
  if (!['2.0', '2.1', '2.x'].includes(api)) throw new SuiteScriptError('SSS_INVALID_API_VERSION', `${file}: @NApiVersion ${api} is not supported`);
  const type = /@NScriptType\s+(\S+)/i.exec(header)?.[1]?.toLowerCase();
  if (type !== SCRIPT_TYPE_TAGS[expectedType]) {
    throw new SuiteScriptError('SSS_INVALID_SCRIPT_TYPE', `${file}: @NScriptType ${type ?? '(none)'} does not match the ${expectedType} object`);
  }
  try {
    return { file, scriptType: expectedType, compiled: new vm.Script(source, { filename: file }) };
  } catch (e) {
    throw new SuiteScriptError('SSS_SYNTAX_ERROR', `${file}: ${(e as Error).message}`);
  }
}

/** What the host hands a fresh context. */
export interface Host {
  /** The `N/*` module of that name, or undefined when NetSuite has none by that name. */
  module(name: string): unknown;
  /** The global `log` object (N/log's functions). */
  log: unknown;
  /** The account clock: `Date.now()` and `new Date()` follow it. */
  now(): number;
}

/** In-context bootstrap: the clock-driven Date and NetSuite's `util` global. */
const BOOTSTRAP = `(function (now) {
  'use strict';
  var RealDate = Date;
  function SandboxDate() {
    if (!new.target) return new RealDate(now()).toString();
    return arguments.length === 0 ? new RealDate(now()) : new (Function.prototype.bind.apply(RealDate, [null].concat(Array.prototype.slice.call(arguments))))();
  }
  SandboxDate.prototype = RealDate.prototype;
  SandboxDate.now = function () { return now(); };
  SandboxDate.UTC = RealDate.UTC;
  SandboxDate.parse = RealDate.parse;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: SandboxDate, writable: true, configurable: true });
  globalThis.Date = SandboxDate;
  var is = function (tag) { return function (v) { return Object.prototype.toString.call(v) === '[object ' + tag + ']'; }; };
  globalThis.util = Object.freeze({
    isArray: Array.isArray, isBoolean: is('Boolean'), isDate: is('Date'), isFunction: function (v) { return typeof v === 'function'; },
    isNumber: is('Number'), isObject: function (v) { return v !== null && typeof v === 'object'; }, isRegExp: is('RegExp'), isString: is('String'),
    each: function (o, f) { if (Array.isArray(o)) o.forEach(function (v, i) { f(v, i); }); else Object.keys(o).forEach(function (k) { f(o[k], k); }); return o; },
    extend: function (t, s) { return Object.assign(t, s); },
    nanoTime: function () { return now() * 1e6; }
  });
})`;

export interface Instance {
  entry: Record<string, unknown>;
  /** Runs a function of the script inside its context, under a wall-clock limit. */
  call(fn: unknown, arg: unknown, timeoutMs: number): unknown;
  /** The context's Error, so host errors look native to the script. */
  realmError: ErrorConstructor;
  /** The context's (clock-driven) Date, so dates handed to the script pass `instanceof Date`. */
  realmDate: DateConstructor;
}

/** Instantiates a compiled script in a fresh context and returns its entry points. */
export function instantiate(script: CompiledScript, host: Host): Instance {
  const context = vm.createContext({}, { codeGeneration: { strings: true, wasm: false } });
  (vm.runInContext(BOOTSTRAP, context) as (now: () => number) => void)(() => host.now());
  const defines: unknown[][] = [];
  Object.defineProperty(context, 'define', { value: (...args: unknown[]) => void defines.push(args), enumerable: false });
  Object.defineProperty(context, 'log', { value: host.log, enumerable: false });
  const realmError = vm.runInContext('Error', context) as ErrorConstructor;
  script.compiled.runInContext(context, { timeout: 30_000 });
  if (defines.length === 0) throw new SuiteScriptError('SSS_MISSING_DEFINE', `${script.file}: the file does not call define()`);
  if (defines.length > 1) throw new SuiteScriptError('MULTIPLE_DEFINE_CALLS', `${script.file}: define() is called ${defines.length} times; a script file calls it once`);
  const args = defines[0]!;
  const factory = args[args.length - 1];
  const deps = args.length > 1 && Array.isArray(args[args.length - 2]) ? (args[args.length - 2] as unknown[]) : [];
  const exportsObject: Record<string, unknown> = {};
  const resolved = deps.map((dep) => {
    if (dep === 'exports') return exportsObject;
    const name = String(dep);
    const mod = name.startsWith('N/') ? host.module(name) : undefined;
    if (mod === undefined) throw new SuiteScriptError('MODULE_DOES_NOT_EXIST', `${script.file}: Module does not exist: ${name}`);
    return mod;
  });
  const returned = typeof factory === 'function' ? (factory as (...a: unknown[]) => unknown)(...resolved) : factory;
  const entry = (returned && typeof returned === 'object' ? returned : exportsObject) as Record<string, unknown>;
  return {
    entry,
    realmError,
    realmDate: vm.runInContext('Date', context) as DateConstructor,
    call(fn, arg, timeoutMs) {
      if (typeof fn !== 'function') return undefined;
      Object.defineProperty(context, '__sandbox_call', { value: () => (fn as (a: unknown) => unknown)(arg), configurable: true });
      return vm.runInContext('__sandbox_call()', context, { timeout: timeoutMs });
    },
  };
}
