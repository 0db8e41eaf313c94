/** HMAC-SHA256 signatures with API Secrets through N/crypto; the secret never leaves NetSuite. */
import * as crypto from 'N/crypto';
import * as encode from 'N/encode';
import { PARAM, type ConfigProblem, type EmitterConfig } from '../core/config';
import { errorCode, errorText } from './errors';

/** Base64 signatures of a signing input, one per secret, current secret first. */
export type Sign = (input: string) => string[];

/** An API Secret this script cannot use (unknown id, or restricted to other scripts); `name` is N/crypto's code. */
export class UnusableSecretError extends Error {
  constructor(
    readonly secretId: string,
    failure: unknown,
  ) {
    super(typeof failure === 'object' && failure !== null && 'message' in failure ? String(failure.message) : '');
    this.name = errorCode(failure);
  }
}

/**
 * `secretIds` are API Secret script ids. `encoding: BASE_64` asks N/crypto to use the base64-decoded
 * secret text as the key, as Standard Webhooks requires (unconfirmed by Oracle: see the README).
 * Signs once up front so a missing or script-restricted secret fails here (UnusableSecretError), before
 * anything is sent.
 */
export function createSigner(secretIds: readonly string[]): Sign {
  const keys = secretIds.map((secret) => {
    try {
      const key = crypto.createSecretKey({ secret, encoding: encode.Encoding.BASE_64 });
      hmac(key, 'suitehooks');
      return key;
    } catch (e) {
      throw new UnusableSecretError(secret, e);
    }
  });
  return (input) => keys.map((key) => hmac(key, input));
}

function hmac(key: crypto.SecretKey, input: string): string {
  const h = crypto.createHmac({ algorithm: crypto.HashAlg.SHA256, key });
  h.update({ input, inputEncoding: encode.Encoding.UTF_8 });
  return h.digest({ outputEncoding: encode.Encoding.BASE_64 });
}

/**
 * The signer of a configuration, or the problem naming the parameter whose API Secret cannot be used:
 * `reason` (code only) for the Execution Log, `message` (code and N/crypto's message) for the delivery.
 */
export function signerOrProblem(
  config: Pick<EmitterConfig, 'secretId' | 'prevSecretId'>,
): { sign: Sign; problem: null } | { sign: null; problem: ConfigProblem } {
  const ids = config.prevSecretId ? [config.secretId, config.prevSecretId] : [config.secretId];
  try {
    return { sign: createSigner(ids), problem: null };
  } catch (e) {
    const param =
      e instanceof UnusableSecretError && e.secretId !== config.secretId ? PARAM.prevSecretId : PARAM.secretId;
    const reason = `names an API Secret this script cannot use (${errorCode(e)}): check its id and that the secret allows this script`;
    return {
      sign: null,
      problem: { param, reason, message: `cannot sign with the API Secret: ${errorText(e)}`, blocking: true },
    };
  }
}
