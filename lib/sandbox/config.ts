/**
 * `npm start` options: a JSON config file plus command-line flags (flags win). Parameter values and API
 * Secrets can be set locally; secrets are only ever stored in the account, never printed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { ParamOverrides } from './sdf/deploy';

export interface StartConfig {
  accountId: string;
  /** Persistent database file; a temporary one when absent. */
  dbPath: string | null;
  projectDir: string | null;
  restPort: number;
  receiverPort: number;
  concurrencyLimit: number;
  /** Time a SuiteQL query may run before the sandbox cancels it (config file only). */
  suiteqlTimeoutMs: number;
  params: ParamOverrides;
  secrets: Record<string, string>;
  /** Exit after the story instead of serving until Ctrl-C. */
  once: boolean;
  /** Skip the scripted story (serve only). */
  noStory: boolean;
  /** Where the client credentials file is written (mode 0600). */
  credentialsFile: string;
  /** Extra PEM certificates N/https trusts (a receiver with its own certificate, e.g. `suitehooks listen`). */
  trustedCertificates: string[];
}

export const USAGE = `usage: npm start -- [options]
  --once                 run the story, then exit
  --no-story             skip the story, just serve
  --db <file>            persistent account database (default: a temporary one)
  --config <file>        JSON: { accountId, dbPath, restPort, receiverPort, concurrencyLimit, suiteqlTimeoutMs, params, secrets, trustedCertificates }
  --project <dir>        SDF project to deploy (default: src/)
  --rest-port <n>        REST API port (default: 0, any free port)
  --receiver-port <n>    local receiver port (default: 0)
  --param <deploy>.<param>=<value>   script parameter value (repeatable)
  --secret <custsecret_id>=<value>   API Secret value (repeatable; prefer the config file: flags show in ps)
  --credentials <file>   where to write the client credentials (default: .sandbox/credentials.json)
  --trust-cert <file>    a PEM certificate N/https trusts besides the public roots (repeatable), e.g.
                         the one \`suitehooks listen\` writes to .suitehooks/listen-cert.pem`;

function port(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`not a port: ${text}`);
  return n;
}

/** A PEM certificate file (config `trustedCertificates` and `--trust-cert` name files). */
function readCertificate(file: string): string {
  let pem: string;
  try {
    pem = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read the certificate ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error(`${file} is not a PEM certificate`);
  return pem;
}

function pair(text: string, what: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0) throw new Error(`${what} must look like name=value`);
  return [text.slice(0, at), text.slice(at + 1)];
}

/**
 * The `--config` file as an object. A file that is not JSON is named with the line and column of the
 * first error, never quoted: it may hold API Secret values.
 */
export function readConfigFile(file: string): Partial<StartConfig> {
  const text = fs.readFileSync(file, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const errors: ParseError[] = [];
    parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    if (!first) throw new Error(`--config ${file}: not valid JSON`);
    const before = text.slice(0, first.offset).split('\n');
    throw new Error(
      `--config ${file}: not valid JSON (line ${before.length}, column ${(before.at(-1) ?? '').length + 1}: ${printParseErrorCode(first.error)})`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`--config ${file}: must hold a JSON object`);
  return value;
}

export function parseStartArgs(argv: readonly string[]): StartConfig {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      once: { type: 'boolean' },
      'no-story': { type: 'boolean' },
      db: { type: 'string' },
      config: { type: 'string' },
      project: { type: 'string' },
      'rest-port': { type: 'string' },
      'receiver-port': { type: 'string' },
      param: { type: 'string', multiple: true },
      secret: { type: 'string', multiple: true },
      credentials: { type: 'string' },
      'trust-cert': { type: 'string', multiple: true },
    },
    strict: true,
  });
  const file = values.config ? readConfigFile(values.config) : {};
  const params: ParamOverrides = JSON.parse(JSON.stringify(file.params ?? {})) as ParamOverrides;
  for (const p of values.param ?? []) {
    const [key, value] = pair(p, '--param');
    const dot = key.indexOf('.');
    if (dot <= 0) throw new Error('--param must look like <deployment>.<parameter>=<value>');
    (params[key.slice(0, dot)] ??= {})[key.slice(dot + 1)] = value;
  }
  const secrets: Record<string, string> = { ...(file.secrets ?? {}) };
  for (const s of values.secret ?? []) {
    const [id, value] = pair(s, '--secret');
    secrets[id] = value;
  }
  return {
    accountId: file.accountId ?? '1234567_SB1',
    dbPath: values.db ?? file.dbPath ?? null,
    projectDir: values.project ?? file.projectDir ?? null,
    restPort: port(values['rest-port'], file.restPort ?? 0),
    receiverPort: port(values['receiver-port'], file.receiverPort ?? 0),
    concurrencyLimit: file.concurrencyLimit ?? 5,
    suiteqlTimeoutMs: file.suiteqlTimeoutMs ?? 30_000,
    params,
    secrets,
    once: values.once ?? false,
    noStory: values['no-story'] ?? false,
    credentialsFile: values.credentials ?? '.sandbox/credentials.json',
    // Certificate files named in the config file are relative to it (only a config file names them).
    trustedCertificates: [
      ...(file.trustedCertificates ?? []).map((f) => path.resolve(path.dirname(values.config ?? '.'), f)),
      ...(values['trust-cert'] ?? []),
    ].map(readCertificate),
  };
}
