/** Wires one client: account, base URL, authentication, the shared limiter and retries. */
import { parseAccountId, restBaseUrl, type AccountId } from './account-id';
import { M2MAuth } from './auth/m2m';
import { TbaAuth } from './auth/tba';
import type { Authenticator } from './auth/types';
import { ConfigError, type ClientConfig } from './config';
import { Employees } from './employees';
import { recordTypeEntry, type UserRecordType } from '../core';
import { Transport, type RetryEvent } from './http';
import { Limiter } from './limiter';
import { Resolver } from './resolve';
import { resolveRetry, type RetryOptions } from './retry';
import { SuiteQL } from './suiteql';
import { syncRecords, type SyncItem, type SyncOptions } from './sync';

export const TOKEN_PATH = '/services/rest/auth/oauth2/v1/token';

export interface ClientOptions {
  retry?: RetryOptions;
  /** Per attempt; default 120 s. */
  timeoutMs?: number;
  onRetry?: (event: RetryEvent) => void;
  /** Stops retries when aborted (see Transport); the CLI passes its Ctrl-C/SIGTERM signal. */
  signal?: AbortSignal;
}

export interface NetSuiteClient {
  account: AccountId;
  baseUrl: string;
  auth: Authenticator;
  limiter: Limiter;
  transport: Transport;
  suiteql: SuiteQL;
  employees: Employees;
  /** The same lifecycle for the other records that can log in (the core's registry). */
  vendors: Employees;
  partners: Employees;
  customers: Employees;
  resolver: Resolver;
  /** Full or incremental export by `lastmodifieddate` of one registry type (employees by default). */
  sync(options?: SyncOptions, type?: UserRecordType): AsyncGenerator<SyncItem>;
  /** `GET /services/rest/system/v1/governanceLimits` (administrators only). */
  governanceLimits(): Promise<Record<string, unknown>>;
}

type Lifecycles = Pick<NetSuiteClient, 'employees' | 'vendors' | 'partners' | 'customers'>;

/** The client's lifecycle object of a registry type. */
export function recordsOf(client: Lifecycles, type: UserRecordType): Employees {
  return { employee: client.employees, vendor: client.vendors, partner: client.partners, customer: client.customers }[
    type.id
  ];
}

/** Credentials go only over https; plain http only to this machine (the sandbox). */
function checkedBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`baseUrl "${text.slice(0, 80)}" is not an absolute URL`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ConfigError(
      `baseUrl must be https:// (credentials would travel in clear); plain http is accepted only for 127.0.0.1, localhost or [::1], e.g. the sandbox`,
    );
  }
  if (url.username || url.password) throw new ConfigError('baseUrl must not carry credentials');
  return url.origin;
}

export function createClient(config: ClientConfig, options: ClientOptions = {}): NetSuiteClient {
  const account = parseAccountId(config.account);
  const baseUrl = checkedBaseUrl(config.baseUrl ?? restBaseUrl(account));
  const limiter = new Limiter(config.concurrency ?? 5);
  let transport: Transport;
  const auth: Authenticator =
    config.auth.type === 'm2m'
      ? new M2MAuth(config.auth, `${baseUrl}${TOKEN_PATH}`, (url, form) => transport.postToken(url, form))
      : new TbaAuth(config.auth, account.realm);
  transport = new Transport({
    baseUrl,
    auth,
    limiter,
    retry: resolveRetry(options.retry),
    timeoutMs: options.timeoutMs,
    onRetry: options.onRetry,
    signal: options.signal,
  });
  const timeZone = config.timeZone ?? 'UTC';
  const suiteql = new SuiteQL(transport, timeZone);
  const resolver = new Resolver(suiteql);
  return {
    account,
    baseUrl,
    auth,
    limiter,
    transport,
    suiteql,
    resolver,
    employees: new Employees(transport, suiteql, resolver, timeZone),
    vendors: new Employees(transport, suiteql, resolver, timeZone, recordTypeEntry('vendor')),
    partners: new Employees(transport, suiteql, resolver, timeZone, recordTypeEntry('partner')),
    customers: new Employees(transport, suiteql, resolver, timeZone, recordTypeEntry('customer')),
    sync: (syncOptions = {}, type = recordTypeEntry('employee')) =>
      syncRecords(suiteql, type, { timeZone, ...syncOptions }),
    governanceLimits: async () =>
      (await transport.request('GET', '/services/rest/system/v1/governanceLimits')).body as Record<string, unknown>,
  };
}
