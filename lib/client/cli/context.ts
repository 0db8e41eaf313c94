/** The client a command runs with (credentials from `--credentials <file>` or the environment), and error reporting. */
import * as path from 'node:path';
import { createClient, type NetSuiteClient } from '../client';
import { ConfigError, configFromEnv, configFromFile, type ClientConfig } from '../config';
import { BulkInputError } from '../bulk';
import { InterruptedError, NetSuiteApiError, SuitehooksError } from '../errors';
import { NameNotFoundError } from '../resolve';
import { InputError, println, type Io } from './io';

export interface GlobalOptions {
  credentials?: string;
  baseUrl?: string;
  concurrency?: string;
}

export function loadConfig(opts: GlobalOptions, io: Io): ClientConfig {
  const config = opts.credentials ? configFromFile(path.resolve(io.cwd, opts.credentials)) : configFromEnv(io.env);
  if (opts.baseUrl) config.baseUrl = opts.baseUrl;
  if (opts.concurrency !== undefined) {
    const n = Number(opts.concurrency);
    if (!Number.isInteger(n) || n < 1) throw new InputError('--concurrency must be a positive integer');
    config.concurrency = n;
  }
  return config;
}

/** The client for a command; the interrupt signal stops its retries. */
export function makeClient(opts: GlobalOptions, io: Io): NetSuiteClient {
  return createClient(loadConfig(opts, io), io.signal ? { signal: io.signal } : {});
}

/** Failures of what the user gave (arguments, files, credentials): exit code 2. */
function isUsageError(err: unknown): boolean {
  return (
    err instanceof InputError ||
    err instanceof ConfigError ||
    err instanceof NameNotFoundError ||
    err instanceof BulkInputError ||
    err instanceof TypeError ||
    err instanceof RangeError
  );
}

/** Prints an error (with NetSuite's details and a hint, never a credential) and returns the exit code. */
export function reportError(err: unknown, io: Io): number {
  const out = (line: string) => println(io.stderr, line);
  if (err instanceof InterruptedError) {
    out(err.message);
    return 130;
  }
  out(`error: ${err instanceof Error ? err.message : String(err)}`);
  if (err instanceof NetSuiteApiError)
    for (const d of err.details.slice(1))
      out(`  ${d['o:errorCode']}: ${d.detail}${d['o:errorPath'] ? ` (at ${d['o:errorPath']})` : ''}`);
  if (err instanceof SuitehooksError && err.hint) out(`hint: ${err.hint}`);
  if (io.env.SUITEHOOKS_DEBUG && err instanceof Error && err.stack) out(err.stack);
  return isUsageError(err) ? 2 : 1;
}
