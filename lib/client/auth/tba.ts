/**
 * Token-based authentication (OAuth 1.0a) with HMAC-SHA256, signed by the `oauth-1.0a` package: it puts
 * the URL's query parameters into the signature base string, as NetSuite requires. The realm is the
 * account id in realm form (`1234567_SB1`).
 */
import { createHmac, randomBytes } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import type { Secret } from '../secret';
import type { Authenticator } from './types';

export interface TbaCredentials {
  consumerKey: string;
  consumerSecret: Secret;
  tokenId: string;
  tokenSecret: Secret;
}

export class TbaAuth implements Authenticator {
  readonly method = 'tba' as const;
  private readonly oauth: OAuth;

  constructor(
    private readonly credentials: TbaCredentials,
    realm: string,
  ) {
    this.oauth = new OAuth({
      // A getter, so the secret is read when signing and never sits in clear on an object `inspect` shows.
      consumer: Object.defineProperty({ key: credentials.consumerKey } as { key: string; secret: string }, 'secret', {
        get: () => credentials.consumerSecret.reveal(),
      }),
      signature_method: 'HMAC-SHA256',
      hash_function: (base, key) => createHmac('sha256', key).update(base).digest('base64'),
      realm,
    });
    // The package's nonce comes from Math.random; NetSuite refuses a reused nonce, so use the CSPRNG.
    this.oauth.getNonce = () => randomBytes(16).toString('hex');
  }

  authorization(method: string, url: string): Promise<string> {
    const token = { key: this.credentials.tokenId, secret: this.credentials.tokenSecret.reveal() };
    return Promise.resolve(this.oauth.toHeader(this.oauth.authorize({ url, method }, token)).Authorization);
  }

  /** A TBA 401 is not cured by signing again. */
  invalidate(): boolean {
    return false;
  }
}
