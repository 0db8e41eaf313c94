/**
 * OAuth 2.0 client credentials (machine to machine): a JWT client assertion signed with the
 * certificate's private key (PS256/ES256/…, `kid` = certificate id) is exchanged for a 60-minute access
 * token, which is cached, renewed before it ends, and renewed once when a request comes back 401.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { AuthError } from '../errors';
import type { Secret } from '../secret';
import type { Authenticator } from './types';

export type M2MAlgorithm = 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512';
const ALGORITHMS: readonly string[] = ['PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];

export interface M2MCredentials {
  clientId: string;
  /** The certificate id of the integration's M2M mapping (the JWT `kid`). */
  certificateId: string;
  /** PEM (PKCS#8 or traditional) private key of the certificate. */
  privateKey: Secret;
  /** Default: ES256 for EC keys, PS256 for RSA keys. RS256 is not accepted by NetSuite. */
  algorithm?: M2MAlgorithm | undefined;
  /** Default `['rest_webservices']`; sent as comma-separated text, as section_162790605110 documents. */
  scope?: string[];
}

/** Posts the token request form; the transport supplies it so it shares the limiter and redirect rules. */
export type TokenPoster = (tokenUrl: string, form: URLSearchParams) => Promise<{ status: number; body: unknown }>;

/** Renew this long before the token ends (or at half its life when that is shorter). */
const RENEW_BEFORE_MS = 5 * 60_000;
/** The assertion's `exp` must be *less than* 60 minutes after `iat` (section_162790605110): 59 minutes. */
export const ASSERTION_LIFETIME_S = 59 * 60;

export class M2MAuth implements Authenticator {
  readonly method = 'm2m' as const;
  private readonly key: KeyObject;
  private readonly algorithm: M2MAlgorithm;
  // ES private fields: the access token never shows in `inspect`, JSON or a dump of the client.
  #token: { value: string; renewAt: number } | null = null;
  #pending: Promise<string> | null = null;
  /** Tokens fetched so far (tests and diagnostics). */
  tokensIssued = 0;

  constructor(
    private readonly credentials: M2MCredentials,
    private readonly tokenUrl: string,
    private readonly post: TokenPoster,
    private readonly now: () => number = Date.now,
  ) {
    try {
      this.key = createPrivateKey(credentials.privateKey.reveal());
    } catch (err) {
      // OpenSSL's message ("DECODER routines::unsupported") names nothing; never quote the key itself.
      throw new TypeError(
        `the M2M private key is not a PEM private key (PKCS#8 or traditional, EC or RSA): ${(err as { code?: string }).code ?? 'unreadable'}`,
      );
    }
    const type = this.key.asymmetricKeyType;
    if (type !== 'ec' && type !== 'rsa' && type !== 'rsa-pss')
      throw new TypeError(`the M2M private key is ${type ?? 'of an unknown type'}; NetSuite needs an EC or RSA key`);
    const algorithm = credentials.algorithm ?? (type === 'ec' ? 'ES256' : 'PS256');
    if (!ALGORITHMS.includes(algorithm))
      throw new TypeError(
        `JWT algorithm ${algorithm} is not accepted by NetSuite (use one of ${ALGORITHMS.join(', ')})`,
      );
    if ((type === 'ec') !== algorithm.startsWith('ES')) {
      throw new TypeError(
        `JWT algorithm ${algorithm} does not fit the M2M private key, which is ${type === 'ec' ? 'an EC key (use ES256/ES384/ES512)' : 'an RSA key (use PS256/PS384/PS512)'}`,
      );
    }
    this.algorithm = algorithm;
  }

  async authorization(): Promise<string> {
    if (this.#token && this.now() < this.#token.renewAt) return `Bearer ${this.#token.value}`;
    // One token request at a time however many requests wait for it.
    this.#pending ??= this.fetchToken().finally(() => (this.#pending = null));
    return `Bearer ${await this.#pending}`;
  }

  invalidate(): boolean {
    this.#token = null;
    return true;
  }

  private async fetchToken(): Promise<string> {
    const iat = Math.floor(this.now() / 1000);
    const assertion = await new SignJWT({ scope: (this.credentials.scope ?? ['rest_webservices']).join(',') })
      .setProtectedHeader({ alg: this.algorithm, kid: this.credentials.certificateId, typ: 'JWT' })
      .setIssuer(this.credentials.clientId)
      .setAudience(this.tokenUrl)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ASSERTION_LIFETIME_S)
      .sign(this.key);
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    });
    const { status, body } = await this.post(this.tokenUrl, form);
    const json = (body ?? {}) as {
      access_token?: unknown;
      expires_in?: unknown;
      error?: unknown;
      error_description?: unknown;
    };
    if (status !== 200 || typeof json.access_token !== 'string') {
      throw new AuthError(
        status,
        typeof json.error === 'string' ? json.error : 'no access token',
        typeof json.error_description === 'string' ? json.error_description : undefined,
      );
    }
    const lifetimeMs = (Number(json.expires_in) || 3600) * 1000;
    this.#token = {
      value: json.access_token,
      renewAt: this.now() + lifetimeMs - Math.min(RENEW_BEFORE_MS, lifetimeMs / 2),
    };
    this.tokensIssued++;
    return json.access_token;
  }
}
