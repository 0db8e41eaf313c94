/** The integrations the sandbox's REST API accepts, and a generator of local development credentials. */
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

/** An OAuth 2.0 client credentials (M2M) mapping: a client id, a certificate (public key) and an entity/role. */
export interface M2MCredential {
  clientId: string;
  /** The certificate id NetSuite shows on the mapping: the JWT's `kid`. */
  certificateId: string;
  /** PEM: an X.509 certificate or an SPKI public key. */
  publicKey: string;
  userId: string;
  roleId: string;
}

/** A token-based authentication (OAuth 1.0a) integration plus access token. */
export interface TbaCredential {
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
  userId: string;
  roleId: string;
}

export interface CredentialRegistry {
  m2m?: M2MCredential[];
  tba?: TbaCredential[];
}

/** What a client needs to call the sandbox (the same shape the client reads from a credentials file). */
export interface DevClientCredentials {
  m2m: { clientId: string; certificateId: string; privateKey: string; algorithm: 'ES256' };
  /** The same integration with a second, RSA certificate, for clients that sign PS256 only. */
  m2mPs256: { clientId: string; certificateId: string; privateKey: string; algorithm: 'PS256' };
  tba: { consumerKey: string; consumerSecret: string; tokenId: string; tokenSecret: string };
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

const spki = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();
const pkcs8 = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }).toString();

/**
 * Fresh random credentials for one administrator (user `-5`, role `3` by default): one M2M integration
 * mapped twice, once per certificate — an EC P-256 key (ES256) and an RSA 2048 key (PS256); a mapping
 * is entity, role, application and certificate (section_162686838198), and one integration may hold
 * several certificates (article_92130837826) — and a TBA token. The registry goes to `startRestServer`,
 * the client half to the client.
 */
export function createDevCredentials(
  userId = '-5',
  roleId = '3',
): { registry: Required<CredentialRegistry>; client: DevClientCredentials } {
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const clientId = hex(32);
  const es = { clientId, certificateId: hex(16) };
  const ps = { clientId, certificateId: hex(16) };
  const tba = { consumerKey: hex(32), consumerSecret: hex(32), tokenId: hex(32), tokenSecret: hex(32) };
  return {
    registry: {
      m2m: [
        { ...es, publicKey: spki(ec.publicKey), userId, roleId },
        { ...ps, publicKey: spki(rsa.publicKey), userId, roleId },
      ],
      tba: [{ ...tba, userId, roleId }],
    },
    client: {
      m2m: { ...es, privateKey: pkcs8(ec.privateKey), algorithm: 'ES256' },
      m2mPs256: { ...ps, privateKey: pkcs8(rsa.privateKey), algorithm: 'PS256' },
      tba,
    },
  };
}
