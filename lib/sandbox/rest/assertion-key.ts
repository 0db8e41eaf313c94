/**
 * What makes two client assertions "the same" for the token endpoint's replay check: the client and its
 * `jti` when the assertion has one, else the signed content and its signature in canonical form. Oracle's
 * assertion claims (section_162790605110) list no `jti`, so most clients send none; the signature alone
 * is not a key — an ECDSA signature (r, s) is also valid as (r, n − s), and base64url text has spare
 * bits — so the key uses the decoded signature with `s` in its low form.
 */
import { createHash } from 'node:crypto';

/** The order n of the curve each ES algorithm signs on (SEC 2, sections 2.4.2, 2.5.1, 2.6.1). */
const CURVE_ORDER: Readonly<Record<string, bigint>> = {
  ES256: BigInt('0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551'),
  ES384: BigInt('0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973'),
  ES512: BigInt(
    '0x01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFA51868783BF2F966B7FCC0148F709A5D03BB5C9B8899C47AEBB6FB71E91386409',
  ),
};

/** An ECDSA `r || s` signature with `s` replaced by min(s, n − s); other signatures unchanged. */
function canonicalSignature(alg: string, signature: Buffer): Buffer {
  const n = CURVE_ORDER[alg];
  if (n === undefined || signature.length % 2 !== 0) return signature;
  const half = signature.length / 2;
  const s = BigInt(`0x${signature.subarray(half).toString('hex') || '0'}`);
  const low = s > n / 2n ? n - s : s;
  return Buffer.concat([signature.subarray(0, half), Buffer.from(low.toString(16).padStart(half * 2, '0'), 'hex')]);
}

/** The replay key of a verified compact JWS assertion. */
export function assertionReplayKey(clientId: string, assertion: string, jti: unknown): string {
  if (typeof jti === 'string' && jti !== '') return `jti:${clientId}:${jti}`;
  const [header = '', payload = '', signature = ''] = assertion.split('.');
  const alg = (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown }).alg;
  const digest = createHash('sha256')
    .update(`${header}.${payload}.`)
    .update(canonicalSignature(String(alg), Buffer.from(signature, 'base64url')))
    .digest('base64url');
  return `sig:${clientId}:${digest}`;
}
