/** HMAC-SHA256 signatures with API Secrets through N/crypto; the secret never leaves NetSuite. */
import * as crypto from 'N/crypto';
import * as encode from 'N/encode';

/** Base64 signatures of a signing input, one per secret, current secret first. */
export type Sign = (input: string) => string[];

/**
 * `secretIds` are API Secret script ids. `encoding: BASE_64` asks N/crypto to use the base64-decoded
 * secret text as the key, as Standard Webhooks requires (unconfirmed by Oracle: see the README).
 * Signs once up front so a missing or script-restricted secret fails here, before anything is sent.
 */
export function createSigner(secretIds: readonly string[]): Sign {
  const keys = secretIds.map((secret) => crypto.createSecretKey({ secret, encoding: encode.Encoding.BASE_64 }));
  const sign: Sign = (input) =>
    keys.map((key) => {
      const hmac = crypto.createHmac({ algorithm: crypto.HashAlg.SHA256, key });
      hmac.update({ input, inputEncoding: encode.Encoding.UTF_8 });
      return hmac.digest({ outputEncoding: encode.Encoding.BASE_64 });
    });
  sign('suitehooks');
  return sign;
}
