/**
 * The console under test: the real bundle in a sandbox account, a verifying receiver, the REST server with
 * the UI routes, and UI sessions (an administrator and a Sales Rep). Shared by the console tests, the
 * browser test and the bench.
 */
import { PARAM } from '../../lib/core/config';
import { DELIVERY_RECORD } from '../../lib/core/delivery-record';
import { DEPLOYMENT, SCRIPT } from '../../lib/core/ids';
import { SandboxAccount, type AccountOptions } from '../../lib/sandbox/account/account';
import { Receiver } from '../../lib/sandbox/receiver/receiver';
import { createDevCredentials } from '../../lib/sandbox/rest/credentials';
import { startRestServer, type RestServer } from '../../lib/sandbox/rest/server';
import { uiRoutes } from '../../lib/sandbox/suitelet/route';
import { UiSessions } from '../../lib/sandbox/suitelet/sessions';
import { requestSuitelet, type SuiteletPage } from '../../lib/sandbox/suitelet/session-request';
import { suiteletUrl } from '../../lib/sandbox/suitelet/urls';

export const SECRET_ID = 'custsecret_suitehooks_signing';
export const ADMIN = { userId: '1', roleId: '3' };
/** Sales Rep (seed role 15): not in the console's audience. */
export const SALES_REP = { userId: '2', roleId: '15' };

export interface ConsoleStack {
  account: SandboxAccount;
  receiver: Receiver;
  server: RestServer;
  sessions: UiSessions;
  adminToken: string;
  repToken: string;
  /** Absolute console URL with these parameters. */
  url(params?: Record<string, string>): string;
  deliveries(): Record<string, unknown>[];
  close(): Promise<void>;
}

export async function startConsoleStack(options: Partial<AccountOptions> = {}): Promise<ConsoleStack> {
  let account!: SandboxAccount;
  const receiver = await Receiver.start({ now: () => account.clock.now() });
  account = await SandboxAccount.create({
    secrets: { [SECRET_ID]: receiver.apiSecretValue },
    params: { [DEPLOYMENT.userEvent]: { [PARAM.endpointUrl]: receiver.url, [PARAM.secretId]: SECRET_ID } },
    http: { trustedCertificates: [receiver.certificatePem!], connectTimeoutMs: 2_000, responseTimeoutMs: 2_000 },
    ...options,
  });
  const sessions = new UiSessions();
  const server = await startRestServer(account, {
    credentials: createDevCredentials().registry,
    ui: uiRoutes(account, sessions),
    now: () => account.clock.now(),
  });
  account.setUiDomain(new URL(server.url).host);
  return {
    account,
    receiver,
    server,
    sessions,
    adminToken: sessions.create(ADMIN),
    repToken: sessions.create(SALES_REP),
    url: (params = {}) => `${server.url}${suiteletUrl(SCRIPT.console, DEPLOYMENT.console, params)}`,
    deliveries: () => account.customRecords(DELIVERY_RECORD),
    async close() {
      await server.close();
      await account.close();
      await receiver.close();
    },
  };
}

/** A console request with a session cookie; POST bodies are form fields (with the page's form token unless given). */
export function consoleFetch(
  stack: ConsoleStack,
  token: string,
  params: Record<string, string>,
  form?: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<SuiteletPage> {
  const target = { script: SCRIPT.console, deploy: DEPLOYMENT.console };
  return requestSuitelet(stack.server.url, token, target, params, form, headers);
}
