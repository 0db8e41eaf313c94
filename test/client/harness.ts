/** The real sandbox account behind the REST server, over real HTTP on loopback, and clients for it. */
import { generateKeyPairSync } from 'node:crypto';
import { SandboxAccount, type AccountOptions } from '../../lib/sandbox/account/account';
import { createDevCredentials } from '../../lib/sandbox/rest/credentials';
import { startRestServer, type RestServer, type RestServerOptions } from '../../lib/sandbox/rest/server';
import { createClient, Secret, type ClientConfig, type ClientOptions, type NetSuiteClient } from '../../lib/client';

export const ACCOUNT_ID = '1234567_SB1';

// Real HTTP, worker threads and SQLite on a shared two-core box: allow for a loaded machine.
jest.setTimeout(30_000);

export interface Sandbox {
  account: SandboxAccount;
  server: RestServer;
  /** Client configuration for each auth method (`m2m` ES256, `m2m-ps256` RSA-PSS, `tba`). */
  config(kind?: 'm2m' | 'm2m-ps256' | 'tba', over?: Partial<ClientConfig>): ClientConfig;
  client(
    kind?: 'm2m' | 'm2m-ps256' | 'tba',
    options?: ClientOptions & { config?: Partial<ClientConfig> },
  ): NetSuiteClient;
  close(): Promise<void>;
}

/** Fast retries for tests: the same schedule shape, milliseconds instead of seconds. */
export const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 50, maxAttempts: 50, maxTotalMs: 20_000 };

export async function startSandbox(
  options: { account?: AccountOptions; server?: Partial<RestServerOptions> } = {},
): Promise<Sandbox> {
  const account = await SandboxAccount.create({ accountId: ACCOUNT_ID, projectDir: null, ...options.account });
  const dev = createDevCredentials();
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const psCert = { clientId: dev.client.m2m.clientId, certificateId: 'rsa-pss-certificate', userId: '-5', roleId: '3' };
  const server = await startRestServer(account, {
    credentials: {
      ...dev.registry,
      m2m: [
        ...dev.registry.m2m,
        { ...psCert, publicKey: rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
      ],
    },
    now: () => account.clock.now(),
    ...options.server,
  });
  const config: Sandbox['config'] = (kind = 'm2m', over = {}) => {
    const auth: ClientConfig['auth'] =
      kind === 'tba'
        ? {
            type: 'tba',
            consumerKey: dev.client.tba.consumerKey,
            consumerSecret: new Secret(dev.client.tba.consumerSecret),
            tokenId: dev.client.tba.tokenId,
            tokenSecret: new Secret(dev.client.tba.tokenSecret),
          }
        : kind === 'm2m'
          ? {
              type: 'm2m',
              clientId: dev.client.m2m.clientId,
              certificateId: dev.client.m2m.certificateId,
              privateKey: new Secret(dev.client.m2m.privateKey),
            }
          : {
              type: 'm2m',
              clientId: psCert.clientId,
              certificateId: psCert.certificateId,
              privateKey: new Secret(rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
              algorithm: 'PS256',
            };
    return { account: ACCOUNT_ID, baseUrl: server.url, auth, ...over };
  };
  return {
    account,
    server,
    config,
    client: (kind = 'm2m', { config: over, ...clientOptions } = {}) =>
      createClient(config(kind, over), { retry: FAST_RETRY, ...clientOptions }),
    close: async () => {
      await server.close();
      await account.close();
    },
  };
}

/** The raw credentials file content the CLI reads (`--credentials`). */
export function credentialsFile(config: ClientConfig): Record<string, unknown> {
  const auth = config.auth;
  const common = { account: config.account, baseUrl: config.baseUrl };
  if (auth.type === 'tba') {
    return {
      ...common,
      tba: {
        consumerKey: auth.consumerKey,
        consumerSecret: auth.consumerSecret.reveal(),
        tokenId: auth.tokenId,
        tokenSecret: auth.tokenSecret.reveal(),
      },
    };
  }
  return {
    ...common,
    m2m: {
      clientId: auth.clientId,
      certificateId: auth.certificateId,
      privateKey: auth.privateKey.reveal(),
      algorithm: auth.algorithm,
    },
  };
}
