/**
 * Client configuration from environment variables or a JSON file. Secrets are wrapped in `Secret` at
 * once, so no log line, error or JSON dump of a config can show them.
 *
 * Environment: SUITEHOOKS_ACCOUNT, SUITEHOOKS_BASE_URL (optional), SUITEHOOKS_CONCURRENCY (optional),
 * SUITEHOOKS_TIME_ZONE (optional); M2M: SUITEHOOKS_CLIENT_ID, SUITEHOOKS_CERTIFICATE_ID,
 * SUITEHOOKS_PRIVATE_KEY (PEM) or SUITEHOOKS_PRIVATE_KEY_FILE, SUITEHOOKS_JWT_ALG (optional);
 * TBA: SUITEHOOKS_CONSUMER_KEY, SUITEHOOKS_CONSUMER_SECRET, SUITEHOOKS_TOKEN_ID, SUITEHOOKS_TOKEN_SECRET.
 * File: `{ "account", "baseUrl"?, "concurrency"?, "timeZone"?, "m2m"?: { clientId, certificateId,
 * privateKey | privateKeyFile, algorithm? }, "tba"?: { consumerKey, consumerSecret, tokenId, tokenSecret } }`.
 * When both methods are present, M2M is used (Oracle ends new TBA integrations in 2027.1).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SuitehooksError } from '../webhooks/errors';
import type { M2MAlgorithm, M2MCredentials } from './auth/m2m';
import type { TbaCredentials } from './auth/tba';
import { Secret } from './secret';

export type AuthConfig = ({ type: 'm2m' } & M2MCredentials) | ({ type: 'tba' } & TbaCredentials);

export interface ClientConfig {
  /** Account id in either spelling: `1234567_SB1` or `1234567-sb1`. */
  account: string;
  /** Overrides `https://<account>.suitetalk.api.netsuite.com` (the sandbox: `http://127.0.0.1:<port>`). */
  baseUrl?: string | undefined;
  auth: AuthConfig;
  concurrency?: number | undefined;
  /** The integration user's time zone preference (SuiteQL date-times are shown in it); default UTC. */
  timeZone?: string | undefined;
}

/** The credentials (file or environment) are missing something or malformed: exit code 2. */
export class ConfigError extends SuitehooksError {
  constructor(message: string) {
    super('CONFIG_INVALID', message);
  }
}

type Source = Record<string, unknown>;
/** How a setting is named where it comes from (`m2m.clientId`, `SUITEHOOKS_CLIENT_ID`). */
type Label = (key: string) => string;

const envName: Label = (key) => `SUITEHOOKS_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

function need(src: Source, key: string, label: Label): string {
  const v = src[key];
  if (typeof v !== 'string' || v.trim() === '') throw new ConfigError(`missing ${label(key)}`);
  return v.trim();
}

function m2mFrom(src: Source, label: Label, baseDir: string): AuthConfig {
  let pem = typeof src.privateKey === 'string' && src.privateKey.trim() !== '' ? src.privateKey : undefined;
  if (!pem && typeof src.privateKeyFile === 'string') {
    try {
      pem = fs.readFileSync(path.resolve(baseDir, src.privateKeyFile), 'utf8');
    } catch {
      throw new ConfigError(`cannot read the private key file ${src.privateKeyFile}`);
    }
  }
  if (!pem) throw new ConfigError(`missing ${label('privateKey')} (or ${label('privateKeyFile')})`);
  return {
    type: 'm2m',
    clientId: need(src, 'clientId', label),
    certificateId: need(src, 'certificateId', label),
    privateKey: new Secret(pem.replace(/\\n/g, '\n')),
    algorithm: typeof src.algorithm === 'string' ? (src.algorithm as M2MAlgorithm) : undefined,
  };
}

function tbaFrom(src: Source, label: Label): AuthConfig {
  return {
    type: 'tba',
    consumerKey: need(src, 'consumerKey', label),
    consumerSecret: new Secret(need(src, 'consumerSecret', label)),
    tokenId: need(src, 'tokenId', label),
    tokenSecret: new Secret(need(src, 'tokenSecret', label)),
  };
}

function optionalNumber(value: unknown, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${name} must be a positive integer`);
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ClientConfig {
  const e = (k: string) => env[`SUITEHOOKS_${k}`];
  const src: Source = {
    clientId: e('CLIENT_ID'),
    certificateId: e('CERTIFICATE_ID'),
    privateKey: e('PRIVATE_KEY'),
    privateKeyFile: e('PRIVATE_KEY_FILE'),
    algorithm: e('JWT_ALG'),
    consumerKey: e('CONSUMER_KEY'),
    consumerSecret: e('CONSUMER_SECRET'),
    tokenId: e('TOKEN_ID'),
    tokenSecret: e('TOKEN_SECRET'),
  };
  const hasM2M = src.clientId !== undefined;
  if (!hasM2M && src.consumerKey === undefined) {
    throw new ConfigError(
      'no credentials: set SUITEHOOKS_CLIENT_ID/CERTIFICATE_ID/PRIVATE_KEY(_FILE) for OAuth 2.0, or SUITEHOOKS_CONSUMER_KEY/CONSUMER_SECRET/TOKEN_ID/TOKEN_SECRET for TBA',
    );
  }
  return {
    account: need({ account: e('ACCOUNT') }, 'account', envName),
    baseUrl: e('BASE_URL') || undefined,
    concurrency: optionalNumber(e('CONCURRENCY'), 'SUITEHOOKS_CONCURRENCY'),
    timeZone: e('TIME_ZONE') || undefined,
    auth: hasM2M ? m2mFrom(src, envName, process.cwd()) : tbaFrom(src, envName),
  };
}

export function configFromFile(file: string): ClientConfig {
  let json: Source;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8')) as Source;
  } catch (err) {
    throw new ConfigError(
      `cannot read credentials file ${file}: ${(err as NodeJS.ErrnoException).code ?? 'invalid JSON'}`,
    );
  }
  const dir = path.dirname(path.resolve(file));
  const m2m = json.m2m as Source | undefined;
  const tba = json.tba as Source | undefined;
  const authFrom = m2m
    ? () => m2mFrom(m2m, (k) => `m2m.${k}`, dir)
    : tba
      ? () => tbaFrom(tba, (k) => `tba.${k}`)
      : null;
  if (!authFrom) throw new ConfigError(`${file} has neither "m2m" nor "tba" credentials`);
  return {
    account: need(json, 'account', (k) => k),
    baseUrl: typeof json.baseUrl === 'string' ? json.baseUrl : undefined,
    concurrency: optionalNumber(json.concurrency, 'concurrency'),
    timeZone: typeof json.timeZone === 'string' ? json.timeZone : undefined,
    auth: authFrom(),
  };
}
