/**
 * `N/cache` (server scripts, section_4642661313 and siblings): named caches shared by executions and
 * users, kept in the account's database so every script worker sees the same entries. `cache.getCache`
 * costs nothing; `Cache.get` 1 unit when the value is cached and 2 when its loader runs
 * (section_4642661440; the loader's own N/* calls on top), `Cache.put` and `Cache.remove` 1. Values are
 * strings (anything else is stored as `JSON.stringify` gives it), at most 500 KB; keys at most 4,096 bytes;
 * cache names at most 1 KB (section_4642627983). `ttl` is in seconds, on the account clock, at least
 * 300 (Oracle's minimum); without it an entry lives until evicted ("cached data is not persistent":
 * `SandboxAccount.evictCache()` plays that). Scopes (cache.Scope, section_4655722738): PRIVATE, the
 * default, is the calling script's own; PROTECTED is shared by the scripts of one bundle, and by every
 * script in no bundle (all SDF project scripts here); PUBLIC by every server script of the account.
 */
import { UNIT_COST } from '../../../core/governance';
import type { ScriptEnv } from '../script-env';

const SCOPE = Object.freeze({ PRIVATE: 'PRIVATE', PROTECTED: 'PROTECTED', PUBLIC: 'PUBLIC' });

export const CACHE_LIMITS = Object.freeze({
  nameBytes: 1024,
  keyBytes: 4096,
  valueBytes: 500 * 1024,
  minTtlSeconds: 300,
});

type Options = Record<string, unknown>;

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The namespace a scope shares: the script for PRIVATE; no project script is in a bundle, so PROTECTED is one. */
function ownerOf(scope: string, scriptId: string): string {
  if (scope === SCOPE.PUBLIC) return 'PUBLIC';
  if (scope === SCOPE.PROTECTED) return 'PROTECTED:';
  return `PRIVATE:${scriptId}`;
}

const options = (o: unknown): Options => (o && typeof o === 'object' ? (o as Options) : {});

/** The checks of a cache method's arguments, raising NetSuite's errors in the calling script. */
function argumentChecks(env: ScriptEnv) {
  const invalid = (message: string) => env.raise('SSS_INVALID_ARG', message);
  const textOf = (value: unknown, what: string): string => {
    const text = typeof value === 'string' ? value : (JSON.stringify(value) as string | undefined);
    if (text === undefined) throw invalid(`The ${what} cannot be stored in a cache: it has no JSON form.`);
    if (bytes(text) > CACHE_LIMITS.valueBytes)
      throw invalid(`The ${what} is ${bytes(text)} bytes; a cached value may be at most 500 KB.`);
    return text;
  };
  const keyOf = (o: Options): string => {
    if (o.key === undefined || o.key === null || o.key === '')
      throw env.raise('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: key');
    const key = String(o.key);
    if (bytes(key) > CACHE_LIMITS.keyBytes) throw invalid('A cache key may be at most 4 KB (4096 bytes).');
    return key;
  };
  const expiresOf = (ttl: unknown): number | null => {
    if (ttl === undefined || ttl === null) return null;
    const seconds = Number(ttl);
    if (!Number.isFinite(seconds) || seconds < CACHE_LIMITS.minTtlSeconds)
      throw invalid(`ttl is in seconds and at least ${CACHE_LIMITS.minTtlSeconds} (five minutes).`);
    return env.services.clock.now() + seconds * 1000;
  };
  return { invalid, textOf, keyOf, expiresOf };
}

/** One named cache of an owner (ownerOf), as `cache.getCache` returns it. */
function namedCache(env: ScriptEnv, owner: string, cacheName: string, scope: string) {
  const { db, clock } = env.services;
  const { invalid, textOf, keyOf, expiresOf } = argumentChecks(env);
  const read = (key: string): string | null => {
    const row = db
      .prepare('SELECT value, expires FROM sandbox_cache WHERE owner = ? AND name = ? AND key = ?')
      .get(owner, cacheName, key) as { value: string; expires: number | null } | undefined;
    return row && (row.expires === null || row.expires > clock.now()) ? row.value : null;
  };
  const write = (key: string, value: string, expires: number | null): void => {
    db.prepare(
      'INSERT INTO sandbox_cache (owner, name, key, value, expires) VALUES (?, ?, ?, ?, ?) ON CONFLICT (owner, name, key) DO UPDATE SET value = excluded.value, expires = excluded.expires',
    ).run(owner, cacheName, key, value, expires);
  };
  return Object.freeze({
    name: cacheName,
    scope,
    get: (g: unknown) => {
      const opts = options(g);
      const key = keyOf(opts);
      const expires = expiresOf(opts.ttl);
      if (opts.loader !== undefined && typeof opts.loader !== 'function')
        throw invalid('The sandbox takes a loader as a function (a function name is not resolved).');
      env.governance.charge(UNIT_COST.cacheGet);
      const cached = read(key);
      if (cached !== null || typeof opts.loader !== 'function') return cached;
      env.governance.charge(UNIT_COST.cacheLoad - UNIT_COST.cacheGet);
      const value = textOf((opts.loader as (c: { key: string }) => unknown)({ key }), 'value the loader returned');
      write(key, value, expires);
      return value;
    },
    put: (p: unknown) => {
      const opts = options(p);
      const key = keyOf(opts);
      if (opts.value === undefined) throw env.raise('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: value');
      const value = textOf(opts.value, 'value');
      const expires = expiresOf(opts.ttl);
      env.governance.charge(UNIT_COST.cachePut);
      write(key, value, expires);
    },
    remove: (r: unknown) => {
      const key = keyOf(options(r));
      env.governance.charge(UNIT_COST.cacheRemove);
      db.prepare('DELETE FROM sandbox_cache WHERE owner = ? AND name = ? AND key = ?').run(owner, cacheName, key);
    },
  });
}

export function createCacheModule(env: ScriptEnv): Record<string, unknown> {
  const getCache = (o: unknown) => {
    const { name, scope = SCOPE.PRIVATE } = options(o);
    if (name === undefined || name === null || name === '')
      throw env.raise('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: name');
    const cacheName = String(name);
    if (bytes(cacheName) > CACHE_LIMITS.nameBytes)
      throw env.raise('SSS_INVALID_ARG', 'A cache name may be at most 1 KB.');
    if (!Object.values(SCOPE).includes(String(scope) as never))
      throw env.raise(
        'SSS_INVALID_ARG',
        `scope must be a cache.Scope value (PRIVATE, PROTECTED or PUBLIC), not ${String(scope)}.`,
      );
    return namedCache(env, ownerOf(String(scope), env.script.id), cacheName, String(scope));
  };
  return { Scope: SCOPE, getCache };
}

/** Cached data is not persistent: drops every entry (or one cache's, by name), as NetSuite may at any time. */
export function evictCache(db: ScriptEnv['services']['db'], name?: string): number {
  const result =
    name === undefined
      ? db.prepare('DELETE FROM sandbox_cache').run()
      : db.prepare('DELETE FROM sandbox_cache WHERE name = ?').run(name);
  return result.changes;
}
