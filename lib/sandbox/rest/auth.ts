/**
 * The sandbox's authentication: the OAuth 2.0 client credentials token endpoint (client-assertion JWT
 * verified against a registered certificate), bearer tokens, and TBA (OAuth 1.0a, HMAC-SHA256) request
 * verification. Failures answer 401 INVALID_LOGIN, as NetSuite does; the reason goes to the login audit
 * trail (as in NetSuite's UI), never to the caller.
 */
import { createHmac, createPublicKey, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import type { CredentialRegistry, M2MCredential } from './credentials';
import { invalidLogin, malformedAuthorization } from './errors';
import { assertionReplayKey } from './assertion-key';

/** NetSuite's accepted client-assertion algorithms; RS256 is refused. */
export const M2M_ALGORITHMS = ['PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'] as const;
const TBA_WINDOW_S = 300;
/**
 * How far an assertion's `iat` may lie ahead of the sandbox's clock (clients' clocks drift). Oracle
 * documents no rule for a future `iat` (section_162790605110); without one, an assertion dated years
 * ahead would mint tokens for years, so the sandbox is strict (FIDELITY.md).
 */
const IAT_SKEW_S = 60;
/**
 * The longest assertion: `exp` at most 3600 s after `iat`. Oracle's prose says *less than* 60 minutes
 * (section_162790605110) while its own sample request has exactly 3600 (section_162755359851); the
 * sandbox accepts the sample, the client sends 59 minutes (FIDELITY.md).
 */
const MAX_ASSERTION_S = 3600;

export interface Identity {
  userId: string;
  roleId: string;
  method: 'm2m' | 'tba';
}

export interface LoginAuditEntry {
  at: string;
  method: 'm2m-token' | 'bearer' | 'tba' | 'none';
  success: boolean;
  detail: string;
}

export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
}

/** RFC 3986 percent-encoding, as OAuth 1.0a requires. */
export function percentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Parses `OAuth realm="…", oauth_x="…"` into decoded parameters. */
export function parseOAuthHeader(header: string): Map<string, string> | null {
  if (!/^OAuth\s/i.test(header)) return null;
  const params = new Map<string, string>();
  for (const m of header.slice(6).matchAll(/([A-Za-z0-9_%.-]+)\s*=\s*"([^"]*)"/g)) {
    const [, name = '', value = ''] = m; // both groups always match
    params.set(decodeURIComponent(name), decodeURIComponent(value));
  }
  return params;
}

/** The OAuth 1.0a signature base string: method, base URL, and the sorted oauth + query parameters. */
export function signatureBaseString(method: string, url: URL, oauth: Map<string, string>): string {
  const pairs: [string, string][] = [];
  for (const [k, v] of oauth)
    if (k !== 'oauth_signature' && k !== 'realm') pairs.push([percentEncode(k), percentEncode(v)]);
  for (const [k, v] of url.searchParams) pairs.push([percentEncode(k), percentEncode(v)]);
  pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const base = `${url.protocol}//${url.host.toLowerCase()}${url.pathname}`;
  return [method.toUpperCase(), percentEncode(base), percentEncode(pairs.map(([k, v]) => `${k}=${v}`).join('&'))].join(
    '&',
  );
}

class AuthFailure extends Error {}
class MalformedHeader extends Error {}

const TOKEN_PATH = '/services/rest/auth/oauth2/v1/token';
const SCOPES = ['restlets', 'rest_webservices', 'suite_analytics'];

/**
 * The assertion claims section_162790605110 documents: `exp` *less than* 60 minutes after `iat`, and
 * `scope` as text — `restlets`, `rest_webservices`, `suite_analytics`, comma-separated (REST needs
 * `rest_webservices`). Strict where NetSuite's own samples vary (a JSON array is refused).
 */
function assertionProblem(
  iat: number | undefined,
  exp: number | undefined,
  scope: unknown,
  nowS: number,
): { error: string; detail: string } | null {
  // jose has checked both are numbers when present (requiredClaims asks for them).
  if (iat === undefined || exp === undefined) return { error: 'invalid_request', detail: 'iat and exp are required' };
  if (!(exp - iat <= MAX_ASSERTION_S))
    return { error: 'invalid_request', detail: 'exp must be at most 60 minutes (3600 seconds) after iat' };
  if (iat > nowS + IAT_SKEW_S)
    return { error: 'invalid_request', detail: `iat lies in the future (more than ${IAT_SKEW_S} seconds ahead)` };
  if (typeof scope !== 'string')
    return {
      error: 'invalid_request',
      detail: 'scope must be text: values separated by a comma (e.g. "rest_webservices")',
    };
  const values = scope.split(',').map((v) => v.trim());
  const unknown = values.find((v) => !SCOPES.includes(v));
  if (unknown !== undefined)
    return {
      error: 'invalid_scope',
      detail: `unknown scope "${unknown.slice(0, 40)}" (use ${SCOPES.join(', ')}, separated by a comma)`,
    };
  if (!values.includes('rest_webservices'))
    return { error: 'invalid_scope', detail: 'scope must include rest_webservices' };
  return null;
}

type M2MAlgorithmName = (typeof M2M_ALGORITHMS)[number];
const isM2MAlgorithm = (alg: string | undefined): alg is M2MAlgorithmName =>
  M2M_ALGORITHMS.includes(alg as M2MAlgorithmName);

/** A token request's client assertion with its header's algorithm and key id, or why it is refused. */
function readAssertion(
  form: URLSearchParams,
):
  | { assertion: string; alg: M2MAlgorithmName; kid: string | undefined }
  | { status: number; error: string; detail: string } {
  const refuse = (status: number, error: string, detail: string) => ({ status, error, detail });
  if (form.get('grant_type') !== 'client_credentials')
    return refuse(400, 'unsupported_grant_type', 'grant_type must be client_credentials');
  if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
    return refuse(
      400,
      'invalid_request',
      'client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    );
  }
  const assertion = form.get('client_assertion');
  if (!assertion) return refuse(400, 'invalid_request', 'client_assertion is missing');
  let header;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    return refuse(400, 'invalid_request', 'client_assertion is not a JWT');
  }
  const alg = header.alg;
  if (!isM2MAlgorithm(alg)) {
    return refuse(
      400,
      'invalid_request',
      `JWT algorithm ${String(alg)} is not allowed (use ${M2M_ALGORITHMS.join(', ')})`,
    );
  }
  return { assertion, alg, kid: header.kid };
}

export class SandboxAuth {
  private readonly tokens = new Map<string, Identity & { expiresAt: number }>();
  private readonly nonces = new Map<string, number>();
  private readonly keys = new Map<string, KeyObject>();
  /** Assertions already exchanged for a token, until their `exp` (seconds): one assertion, one token. */
  private readonly usedAssertions = new Map<string, number>();
  readonly audit: LoginAuditEntry[] = [];

  constructor(
    private readonly accountId: string,
    private readonly registry: CredentialRegistry,
    private readonly now: () => number,
    private readonly tokenLifetimeS: number,
  ) {}

  private record(method: LoginAuditEntry['method'], success: boolean, detail: string): void {
    this.audit.push({ at: new Date(this.now()).toISOString(), method, success, detail });
    if (this.audit.length > 1000) this.audit.shift();
  }

  /** `POST /services/rest/auth/oauth2/v1/token` with a form body. */
  async issueToken(form: URLSearchParams, tokenUrl: string): Promise<TokenResponse> {
    const fail = (status: number, error: string, detail: string): TokenResponse => {
      this.record('m2m-token', false, detail);
      return { status, body: { error, error_description: detail } };
    };
    const read = readAssertion(form);
    if ('error' in read) return fail(read.status, read.error, read.detail);
    const { assertion, alg, kid } = read;
    const cred = this.registry.m2m?.find((c) => c.certificateId === kid);
    if (!cred) return fail(401, 'invalid_client', 'no certificate with this kid is mapped to an integration');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(assertion, this.publicKey(cred), {
        algorithms: [alg],
        audience: [tokenUrl, this.documentedTokenUrl()],
        issuer: cred.clientId,
        currentDate: new Date(this.now()),
        requiredClaims: ['iat', 'exp', 'scope'],
      }));
    } catch (err) {
      return fail(401, 'invalid_client', `client assertion rejected: ${(err as Error).message}`);
    }
    const nowS = Math.floor(this.now() / 1000);
    const claims = assertionProblem(payload.iat, payload.exp, payload.scope, nowS);
    if (claims) return fail(400, claims.error, claims.detail);
    const exp = payload.exp ?? nowS; // assertionProblem refuses an assertion without exp
    if (!this.firstUse(assertionReplayKey(cred.clientId, assertion, payload.jti), exp, nowS))
      return fail(400, 'invalid_grant', 'this client assertion (or its jti) was already used');
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, {
      userId: cred.userId,
      roleId: cred.roleId,
      method: 'm2m',
      expiresAt: this.now() + this.tokenLifetimeS * 1000,
    });
    this.record('m2m-token', true, `token issued to client ${cred.clientId.slice(0, 8)}…`);
    return {
      status: 200,
      body: { access_token: token, expires_in: String(this.tokenLifetimeS), token_type: 'bearer' },
    };
  }

  /**
   * Records an assertion's first use; false when it was used before and has not yet expired. Oracle
   * documents no replay check for client assertions (section_162790605110); the sandbox refuses replays
   * (FIDELITY.md).
   */
  private firstUse(key: string, exp: number, nowS: number): boolean {
    const until = this.usedAssertions.get(key);
    if (until !== undefined && until >= nowS) return false;
    if (this.usedAssertions.size >= 10_000)
      for (const [k, e] of this.usedAssertions) if (e < nowS) this.usedAssertions.delete(k);
    this.usedAssertions.set(key, exp);
    return true;
  }

  /** `https://<account>.suitetalk.api.netsuite.com/…/token`, the account id lower case with a hyphen. */
  private documentedTokenUrl(): string {
    return `https://${this.accountId.toLowerCase().replace(/_/g, '-')}.suitetalk.api.netsuite.com${TOKEN_PATH}`;
  }

  private publicKey(cred: M2MCredential): KeyObject {
    let key = this.keys.get(cred.certificateId);
    if (!key) {
      key = createPublicKey(cred.publicKey);
      this.keys.set(cred.certificateId, key);
    }
    return key;
  }

  /** Authenticates a REST request; throws NetSuite's 401 INVALID_LOGIN. */
  authenticate(method: string, url: URL, authorization: string | undefined): Identity {
    const kind: LoginAuditEntry['method'] = !authorization
      ? 'none'
      : /^Bearer\s/i.test(authorization)
        ? 'bearer'
        : 'tba';
    try {
      if (!authorization) throw new AuthFailure('no Authorization header');
      const identity =
        kind === 'bearer'
          ? this.bearer(authorization.replace(/^Bearer\s+/i, ''))
          : this.tba(method, url, authorization);
      return identity;
    } catch (err) {
      if (err instanceof MalformedHeader) {
        this.record(kind, false, 'malformed Authorization header');
        throw malformedAuthorization();
      }
      if (!(err instanceof AuthFailure)) throw err;
      this.record(kind, false, err.message);
      throw invalidLogin();
    }
  }

  /** Ends every issued access token (tests: a token NetSuite revoked before its expiry). */
  revokeTokens(): void {
    this.tokens.clear();
  }

  private bearer(token: string): Identity {
    const found = this.tokens.get(token);
    if (!found) throw new AuthFailure('unknown access token');
    if (found.expiresAt <= this.now()) {
      this.tokens.delete(token);
      throw new AuthFailure('access token expired');
    }
    return { userId: found.userId, roleId: found.roleId, method: 'm2m' };
  }

  private tba(method: string, url: URL, header: string): Identity {
    let p: Map<string, string> | null;
    try {
      p = parseOAuthHeader(header);
    } catch {
      throw new MalformedHeader(); // a malformed percent-escape: 400 invalid_request, not 401
    }
    if (!p) throw new AuthFailure('Authorization is neither Bearer nor OAuth');
    if (p.get('oauth_signature_method') !== 'HMAC-SHA256')
      throw new AuthFailure(`signature method ${p.get('oauth_signature_method')} is not HMAC-SHA256`);
    if (p.has('oauth_version') && p.get('oauth_version') !== '1.0') throw new AuthFailure('oauth_version must be 1.0');
    if (p.get('realm') !== this.accountId)
      throw new AuthFailure(`realm must be the account id ${this.accountId} (upper case, underscore)`);
    const cred = this.registry.tba?.find(
      (c) => c.consumerKey === p.get('oauth_consumer_key') && c.tokenId === p.get('oauth_token'),
    );
    if (!cred) throw new AuthFailure('unknown consumer key or token');
    const timestamp = Number(p.get('oauth_timestamp'));
    const nowS = Math.floor(this.now() / 1000);
    if (!Number.isInteger(timestamp) || Math.abs(nowS - timestamp) > TBA_WINDOW_S)
      throw new AuthFailure('oauth_timestamp missing or outside the allowed window');
    const nonce = p.get('oauth_nonce');
    if (!nonce) throw new AuthFailure('oauth_nonce missing');
    const expected = createHmac('sha256', `${percentEncode(cred.consumerSecret)}&${percentEncode(cred.tokenSecret)}`)
      .update(signatureBaseString(method, url, p))
      .digest();
    const given = Buffer.from(p.get('oauth_signature') ?? '', 'base64');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new AuthFailure('signature mismatch');
    // Only a correctly signed nonce counts as used, so forged requests cannot burn a client's nonces.
    const nonceKey = `${cred.tokenId}:${nonce}`;
    this.pruneNonces(nowS);
    if (this.nonces.has(nonceKey)) throw new AuthFailure('oauth_nonce already used');
    this.nonces.set(nonceKey, timestamp);
    return { userId: cred.userId, roleId: cred.roleId, method: 'tba' };
  }

  private pruneNonces(nowS: number): void {
    if (this.nonces.size < 10_000) return;
    for (const [k, ts] of this.nonces) if (nowS - ts > TBA_WINDOW_S) this.nonces.delete(k);
  }
}
