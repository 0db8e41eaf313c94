/**
 * `N/crypto`: HMAC and hashes with API Secrets (docs/netsuite.md#secrets-and-hmac). A SecretKey only
 * names the secret; its value never reaches the script. With `encoding: BASE_64` the key bytes are the
 * base64-decoded secret text (the bundle relies on that; docs/netsuite.md marks it unconfirmed).
 */
import * as nodeCrypto from 'node:crypto';
import { decodeString, encodeBytes } from './encode';
import type { ScriptEnv } from '../script-env';

const HASH_ALG = Object.freeze({ SHA1: 'SHA1', SHA256: 'SHA256', SHA512: 'SHA512', MD5: 'MD5' });
const NODE_ALG: Record<string, string> = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512', MD5: 'md5' };

/** Keys handed to scripts: opaque objects mapped to the secret they name. */
const KEY_SECRET = new WeakMap<object, { secretId: string; encoding: unknown }>();

export function createCryptoModule(env: ScriptEnv): Record<string, unknown> {
  const { db } = env.services;

  const secretBytes = (key: unknown): Buffer => {
    const ref = key && typeof key === 'object' ? KEY_SECRET.get(key) : undefined;
    if (!ref) throw env.raise('INVALID_SECRET_KEY', 'The key is not a SecretKey created by crypto.createSecretKey.');
    const row = db.prepare('SELECT value, restrict_to FROM sandbox_secret WHERE scriptid = ?').get(ref.secretId) as
      { value: string; restrict_to: string | null } | undefined;
    if (!row) throw env.raise('INVALID_SECRET_KEY', `The API Secret ${ref.secretId} does not exist.`);
    const allowed = row.restrict_to ? (JSON.parse(row.restrict_to) as string[]) : null;
    if (allowed && !allowed.includes(env.script.id))
      throw env.raise('INVALID_SECRET_KEY', `The API Secret ${ref.secretId} is not available to ${env.script.id}.`);
    return decodeString(env, row.value, ref.encoding);
  };

  const algorithm = (alg: unknown) => {
    const a = NODE_ALG[String(alg ?? 'SHA256').toUpperCase()];
    if (!a) throw env.raise('INVALID_HASH_ALGORITHM', `Unsupported algorithm: ${String(alg)}`);
    return a;
  };

  const digester = (h: ReturnType<typeof nodeCrypto.createHmac | typeof nodeCrypto.createHash>) => ({
    update(o: unknown) {
      const { input, inputEncoding } = (o ?? {}) as { input: unknown; inputEncoding?: unknown };
      h.update(decodeString(env, String(input ?? ''), inputEncoding ?? 'UTF_8'));
    },
    digest(o: unknown) {
      const { outputEncoding } = (o ?? {}) as { outputEncoding?: unknown };
      return encodeBytes(env, h.digest(), outputEncoding ?? 'HEX');
    },
  });

  return {
    HashAlg: HASH_ALG,
    createSecretKey(o: unknown) {
      const { secret, guid, encoding } = (o ?? {}) as { secret?: unknown; guid?: unknown; encoding?: unknown };
      const secretId = String(secret ?? guid ?? '').toLowerCase();
      if (!/^custsecret[a-z0-9_]*$/.test(secretId))
        throw env.raise('INVALID_SECRET_KEY', 'createSecretKey needs the script id of an API Secret (custsecret_…).');
      const key = Object.freeze({ guid: null, secret: secretId, encoding: encoding ?? 'UTF_8' });
      KEY_SECRET.set(key, { secretId, encoding: encoding ?? 'UTF_8' });
      secretBytes(key); // a missing or restricted secret fails here, as NetSuite does
      return key;
    },
    createHmac(o: unknown) {
      const { algorithm: alg, key } = (o ?? {}) as { algorithm?: unknown; key?: unknown };
      return digester(nodeCrypto.createHmac(algorithm(alg), secretBytes(key)));
    },
    createHash(o: unknown) {
      const { algorithm: alg } = (o ?? {}) as { algorithm?: unknown };
      return digester(nodeCrypto.createHash(algorithm(alg)));
    },
  };
}
