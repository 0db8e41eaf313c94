/** The integrations the sandbox's REST API accepts, and a generator of local development credentials. */
import { generateKeyPairSync, randomBytes } from 'node:crypto';

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
  tba: { consumerKey: string; consumerSecret: string; tokenId: string; tokenSecret: string };
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/**
 * Fresh random credentials for one administrator (user `-5`, role `3` by default): an ES256 key pair
 * for M2M and a TBA token. The registry goes to `startRestServer`, the client half to the client.
 */
export function createDevCredentials(
  userId = '-5',
  roleId = '3',
): { registry: Required<CredentialRegistry>; client: DevClientCredentials } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const m2m = { clientId: hex(32), certificateId: hex(16) };
  const tba = { consumerKey: hex(32), consumerSecret: hex(32), tokenId: hex(32), tokenSecret: hex(32) };
  return {
    registry: {
      m2m: [{ ...m2m, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), userId, roleId }],
      tba: [{ ...tba, userId, roleId }],
    },
    client: {
      m2m: { ...m2m, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), algorithm: 'ES256' },
      tba,
    },
  };
}
