/**
 * Loads a SuiteScript 2.x file the way NetSuite does: an isolated context with only what NetSuite
 * provides (`define`, `log`, `util` and the ES built-ins; no `process`, `Buffer`, `setTimeout`,
 * `require`), the JSDoc header checked, exactly one `define` call
 * (docs/netsuite.md#suitescript-21-module-shape), and only `N/*` dependencies. Each execution gets a fresh context, so module state
 * does not leak between executions, as in NetSuite.
 */
import * as vm from 'node:vm';
import { SuiteScriptError } from './errors';
import { SCRIPT_TIME_ZONE } from './ns-format';

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
  if (!['2.0', '2.1', '2.x'].includes(api))
    throw new SuiteScriptError('SSS_INVALID_API_VERSION', `${file}: @NApiVersion ${api} is not supported`);
  const type = /@NScriptType\s+(\S+)/i.exec(header)?.[1]?.toLowerCase();
  if (type !== SCRIPT_TYPE_TAGS[expectedType]) {
    throw new SuiteScriptError(
      'SSS_INVALID_SCRIPT_TYPE',
      `${file}: @NScriptType ${type ?? '(none)'} does not match the ${expectedType} object`,
    );
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

/**
 * In-context bootstrap: a Date on the account clock whose local time is the scripts' time zone (Pacific,
 * section_4388843892) whatever the machine's, and NetSuite's `util` global. Local getters, setters,
 * constructors with components, parsing of zone-less text and the string forms all use that zone; the
 * instant (getTime, UTC methods, toISOString, JSON) is untouched.
 */
const BOOTSTRAP = `(function (now, zone) {
  'use strict';
  var RealDate = Date, P = RealDate.prototype, orig = {};
  ['getTime', 'getFullYear', 'getMonth', 'getDate', 'getHours', 'getMinutes', 'getSeconds', 'getMilliseconds',
   'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'].forEach(function (k) { orig[k] = P[k]; });
  var fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  var names = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'long' });
  function wall(t) {
    var p = {}; fmt.formatToParts(new RealDate(t)).forEach(function (x) { p[x.type] = Number(x.value); });
    return { y: p.year, mo: p.month - 1, d: p.day, h: p.hour, mi: p.minute, s: p.second, ms: ((t % 1000) + 1000) % 1000 };
  }
  function wallMs(w) { return RealDate.UTC(w.y, w.mo, w.d, w.h, w.mi, w.s, w.ms); }
  function offset(t) { return wallMs(wall(t)) - t; }
  function fromWall(w) { var u = wallMs(w); return u - offset(u - offset(u)); }
  function getter(k) { return function () { var t = orig.getTime.call(this); return t !== t ? NaN : wall(t)[k]; }; }
  P.getFullYear = getter('y'); P.getMonth = getter('mo'); P.getDate = getter('d'); P.getHours = getter('h');
  P.getMinutes = getter('mi'); P.getSeconds = getter('s');
  P.getDay = function () { var t = orig.getTime.call(this); if (t !== t) return NaN; var w = wall(t); return new RealDate(RealDate.UTC(w.y, w.mo, w.d)).getUTCDay(); };
  P.getTimezoneOffset = function () { var t = orig.getTime.call(this); return t !== t ? NaN : -offset(t) / 60000; };
  function setter(keys) {
    return function () {
      var t = orig.getTime.call(this), w = wall(t !== t ? 0 : t);
      for (var i = 0; i < keys.length && i < arguments.length; i++) w[keys[i]] = Number(arguments[i]);
      return this.setTime(fromWall(w));
    };
  }
  P.setFullYear = setter(['y', 'mo', 'd']); P.setMonth = setter(['mo', 'd']); P.setDate = setter(['d']);
  P.setHours = setter(['h', 'mi', 's', 'ms']); P.setMinutes = setter(['mi', 's', 'ms']); P.setSeconds = setter(['s', 'ms']);
  var DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'], MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function two(n) { return (n < 10 ? '0' : '') + n; }
  P.toDateString = function () { var t = orig.getTime.call(this); if (t !== t) return 'Invalid Date'; var w = wall(t); return DAYS[this.getDay()] + ' ' + MONTHS[w.mo] + ' ' + two(w.d) + ' ' + w.y; };
  P.toTimeString = function () {
    var t = orig.getTime.call(this); if (t !== t) return 'Invalid Date';
    var w = wall(t), off = offset(t) / 60000, a = Math.abs(off), name = names.formatToParts(new RealDate(t)).filter(function (x) { return x.type === 'timeZoneName'; })[0];
    return two(w.h) + ':' + two(w.mi) + ':' + two(w.s) + ' GMT' + (off < 0 ? '-' : '+') + two(Math.floor(a / 60)) + two(a % 60) + (name ? ' (' + name.value + ')' : '');
  };
  P.toString = function () { var d = this.toDateString(); return d === 'Invalid Date' ? d : d + ' ' + this.toTimeString(); };
  ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'].forEach(function (k) {
    P[k] = function (locales, options) { return orig[k].call(this, locales, Object.assign({ timeZone: zone }, options)); };
  });
  var ZONED = /(Z|[+-]\\d\\d:?\\d\\d|GMT|UTC|UT)\\s*(\\(.*\\))?$/i;
  function parse(text) {
    var t = RealDate.parse(text);
    if (t !== t || ZONED.test(String(text).trim()) || /^\\d{4}-\\d\\d-\\d\\d$/.test(String(text).trim())) return t;
    var h = new RealDate(t); // read back as the machine's local time, then placed in the scripts' zone
    return fromWall({ y: orig.getFullYear.call(h), mo: orig.getMonth.call(h), d: orig.getDate.call(h), h: orig.getHours.call(h), mi: orig.getMinutes.call(h), s: orig.getSeconds.call(h), ms: orig.getMilliseconds.call(h) });
  }
  function SandboxDate(a) {
    if (!new.target) return new RealDate(now()).toString();
    var n = arguments.length, t;
    if (n === 0) t = now();
    else if (n === 1) t = typeof a === 'string' ? parse(a) : (a !== null && typeof a === 'object' && typeof a.getTime === 'function') ? a.getTime() : Number(a);
    else t = fromWall({ y: Number(a), mo: Number(arguments[1]), d: n > 2 ? Number(arguments[2]) : 1, h: n > 3 ? Number(arguments[3]) : 0, mi: n > 4 ? Number(arguments[4]) : 0, s: n > 5 ? Number(arguments[5]) : 0, ms: n > 6 ? Number(arguments[6]) : 0 });
    return new RealDate(t);
  }
  SandboxDate.prototype = P;
  SandboxDate.now = function () { return now(); };
  SandboxDate.UTC = RealDate.UTC;
  SandboxDate.parse = parse;
  Object.defineProperty(P, 'constructor', { value: SandboxDate, writable: true, configurable: true });
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
  (vm.runInContext(BOOTSTRAP, context) as (now: () => number, zone: string) => void)(
    () => host.now(),
    SCRIPT_TIME_ZONE,
  );
  const defines: unknown[][] = [];
  Object.defineProperty(context, 'define', {
    value: (...args: unknown[]) => void defines.push(args),
    enumerable: false,
  });
  Object.defineProperty(context, 'log', { value: host.log, enumerable: false });
  const realmError = vm.runInContext('Error', context) as ErrorConstructor;
  script.compiled.runInContext(context, { timeout: 30_000 });
  const [args] = defines;
  if (!args) throw new SuiteScriptError('SSS_MISSING_DEFINE', `${script.file}: the file does not call define()`);
  if (defines.length > 1)
    throw new SuiteScriptError(
      'MULTIPLE_DEFINE_CALLS',
      `${script.file}: define() is called ${defines.length} times; a script file calls it once`,
    );
  const factory = args[args.length - 1];
  const deps = args.length > 1 && Array.isArray(args[args.length - 2]) ? (args[args.length - 2] as unknown[]) : [];
  const exportsObject: Record<string, unknown> = {};
  const resolved = deps.map((dep) => {
    if (dep === 'exports') return exportsObject;
    const name = String(dep);
    const mod = name.startsWith('N/') ? host.module(name) : undefined;
    if (mod === undefined)
      throw new SuiteScriptError('MODULE_DOES_NOT_EXIST', `${script.file}: Module does not exist: ${name}`);
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
      Object.defineProperty(context, '__sandbox_call', {
        value: () => (fn as (a: unknown) => unknown)(arg),
        configurable: true,
      });
      const result: unknown = vm.runInContext('__sandbox_call()', context, { timeout: timeoutMs });
      return result;
    },
  };
}
