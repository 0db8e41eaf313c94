/**
 * N/cache as scripts see it (section_4642661313, section_4642661440, section_4642660820,
 * section_4642627983, section_4655722738): unit costs, values as strings, size limits, the 300 s ttl
 * minimum, expiry on the account clock, sharing by scope across scripts, executions and users, and
 * eviction ("cached data is not persistent").
 */
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { UNIT_COST } from '../../lib/core/governance';
import { removeProject, suiteScript, writeProject } from './helpers';

const PRELUDE = `function attempt(f) { try { return f(); } catch (e) { return { error: e.name }; } }
  function used(s, f) { var before = s.getRemainingUsage(); var r = attempt(f); return { r: r, units: before - s.getRemainingUsage() }; }`;

const CACHE_A = suiteScript(
  'ScheduledScript',
  `define(['N/cache', 'N/runtime', 'N/log'], function (cache, runtime, log) {
  ${PRELUDE}
  return { execute: function () {
    var s = runtime.getCurrentScript();
    var priv = cache.getCache({ name: 'c' });
    var prot = cache.getCache({ name: 'c', scope: cache.Scope.PROTECTED });
    var pub = cache.getCache({ name: 'c', scope: cache.Scope.PUBLIC });
    var out = { scope: priv.scope, scopes: cache.Scope };
    out.get = used(s, function () { return priv.get({ key: 'k' }); });
    out.load = used(s, function () { return priv.get({ key: 'l', ttl: 300, loader: function (ctx) { return { key: ctx.key, at: Date.now() }; } }); });
    out.put = used(s, function () { return priv.put({ key: 'k', value: 'v1', ttl: 600 }); });
    out.pubPut = used(s, function () { return pub.put({ key: 'from-a', value: 42 }); });
    out.protPut = used(s, function () { return prot.put({ key: 'p', value: 'protected' }); });
    out.remove = used(s, function () { return priv.remove({ key: 'nothing' }); });
    out.shortTtl = used(s, function () { return priv.put({ key: 'x', value: 'y', ttl: 299 }); });
    out.bigValue = used(s, function () { return priv.put({ key: 'x', value: new Array(500 * 1024 + 2).join('a') }); });
    out.bigKey = used(s, function () { return priv.get({ key: new Array(4098).join('k') }); });
    out.noKey = used(s, function () { return priv.get({}); });
    out.badScope = attempt(function () { return cache.getCache({ name: 'c', scope: 'SCRIPT' }); });
    log.audit('out', JSON.stringify(out));
  } };
});`,
);

const CACHE_B = suiteScript(
  'ScheduledScript',
  `define(['N/cache', 'N/log'], function (cache, log) {
  return { execute: function () {
    log.audit('out', JSON.stringify({
      priv: cache.getCache({ name: 'c' }).get({ key: 'k' }),
      prot: cache.getCache({ name: 'c', scope: cache.Scope.PROTECTED }).get({ key: 'p' }),
      pub: cache.getCache({ name: 'c', scope: cache.Scope.PUBLIC }).get({ key: 'from-a' }),
      pubAsProt: cache.getCache({ name: 'c', scope: cache.Scope.PROTECTED }).get({ key: 'from-a' }),
    }));
  } };
});`,
);

const CACHE_UE = suiteScript(
  'UserEventScript',
  `define(['N/cache', 'N/runtime', 'N/log'], function (cache, runtime, log) {
  return { afterSubmit: function () {
    log.audit('out', JSON.stringify({ user: runtime.getCurrentUser().id, pub: cache.getCache({ name: 'c', scope: cache.Scope.PUBLIC }).get({ key: 'from-a' }) }));
  } };
});`,
);

let account: SandboxAccount;
let dir: string;

beforeAll(async () => {
  dir = writeProject([
    { id: 'cache_a', type: 'scheduledscript', source: CACHE_A },
    { id: 'cache_b', type: 'scheduledscript', source: CACHE_B },
    { id: 'cache_ue', type: 'usereventscript', source: CACHE_UE },
  ]);
  account = await SandboxAccount.create({ projectDir: dir, workers: 1 });
});

afterAll(async () => {
  await account?.close();
  removeProject(dir);
});

interface Used {
  r: unknown;
  units: number;
}

type Out = Record<string, unknown> & { get: Used; load: Used };

async function run(script: string): Promise<Out> {
  const [task] = await account.runScheduled(`customscript_${script}`);
  expect(task).toMatchObject({ status: 'COMPLETE' });
  return JSON.parse(account.logs({ script: `customscript_${script}`, level: 'AUDIT' }).at(-1)!.details) as never;
}

test('costs, strings, limits, scopes, expiry on the account clock, eviction', async () => {
  const first = await run('cache_a');
  expect(first.scope).toBe('PRIVATE');
  expect(first.scopes).toEqual({ PRIVATE: 'PRIVATE', PROTECTED: 'PROTECTED', PUBLIC: 'PUBLIC' });
  // A miss without a loader: 1 unit, null. A miss with a loader: 2 units, the loader's object as JSON text.
  expect(first.get).toEqual({ r: null, units: UNIT_COST.cacheGet });
  expect(first.load.units).toBe(UNIT_COST.cacheLoad);
  const loaded = JSON.parse(first.load.r as string) as { key: string; at: number };
  expect(loaded.key).toBe('l');
  expect(first.put).toEqual({ units: UNIT_COST.cachePut });
  expect(first.remove).toEqual({ units: UNIT_COST.cacheRemove });
  // Refused before any unit is charged: ttl under 300 s, a value over 500 KB, a key over 4 KB, no key.
  expect(first.shortTtl).toEqual({ r: { error: 'SSS_INVALID_ARG' }, units: 0 });
  expect(first.bigValue).toEqual({ r: { error: 'SSS_INVALID_ARG' }, units: 0 });
  expect(first.bigKey).toEqual({ r: { error: 'SSS_INVALID_ARG' }, units: 0 });
  expect(first.noKey).toEqual({ r: { error: 'SSS_MISSING_REQD_ARGUMENT' }, units: 0 });
  expect(first.badScope).toEqual({ error: 'SSS_INVALID_ARG' });

  // Another script: PRIVATE is not shared, PROTECTED (no bundle) and PUBLIC are; a number put is stored as text.
  expect(await run('cache_b')).toEqual({ priv: null, prot: 'protected', pub: '42', pubAsProt: null });
  // Another user's save, in a user event: PUBLIC entries are the account's, not the user's.
  await account.edit('5', { title: 'Cache reader' }, '9');
  expect(JSON.parse(account.logs({ script: 'customscript_cache_ue', level: 'AUDIT' }).at(-1)!.details)).toEqual({
    user: 9,
    pub: '42',
  });

  // 200 s later (account clock): both entries live; a hit costs 1 and the loader does not run again.
  account.clock.advance(200_000);
  const second = await run('cache_a');
  expect(second.get).toEqual({ r: 'v1', units: UNIT_COST.cacheGet });
  expect(second.load).toEqual({ r: first.load.r, units: UNIT_COST.cacheGet });

  // 301 s after the load: its 300 s ttl is over (the loader runs again); 'k' (600 s, put again at 200 s) lives.
  account.clock.advance(101_000);
  const third = await run('cache_a');
  expect(third.load.units).toBe(UNIT_COST.cacheLoad);
  expect(third.load.r).not.toEqual(first.load.r);
  expect(third.get).toEqual({ r: 'v1', units: UNIT_COST.cacheGet });

  // Cached data is not persistent: after an eviction every get misses.
  expect(account.evictCache()).toBeGreaterThan(0);
  expect((await run('cache_a')).get).toEqual({ r: null, units: UNIT_COST.cacheGet });
  expect(account.evictCache('no such cache')).toBe(0);
});
