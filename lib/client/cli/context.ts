/** The client a command runs with (credentials from `--credentials <file>` or the environment), and error reporting. */
import * as path from 'node:path';
import { createClient, type NetSuiteClient } from '../client';
import { ConfigError, configFromEnv, configFromFile, type ClientConfig } from '../config';
import {
  AuthError,
  DeactivationError,
  DeleteRefusedError,
  InterruptedError,
  NetSuiteApiError,
  RetriesExhaustedError,
  WriteOutcomeUnknownError,
} from '../errors';
import { NameNotFoundError } from '../resolve';
import { InputError, Interrupted, println, type Io } from './io';

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

/** Prints an error (with NetSuite's details and a hint, never a credential) and returns the exit code. */
export function reportError(err: unknown, io: Io): number {
  const out = (line: string) => println(io.stderr, line);
  if (err instanceof Interrupted || err instanceof InterruptedError) {
    out(err instanceof Interrupted ? err.message : `interrupted: ${err.message}`);
    return 130;
  }
  if (
    err instanceof InputError ||
    err instanceof ConfigError ||
    err instanceof NameNotFoundError ||
    err instanceof TypeError ||
    err instanceof RangeError
  ) {
    out(`error: ${err.message}`);
    return 2;
  }
  if (err instanceof NetSuiteApiError) {
    out(`error: ${err.message}`);
    for (const d of err.details.slice(1))
      out(`  ${d['o:errorCode']}: ${d.detail}${d['o:errorPath'] ? ` (at ${d['o:errorPath']})` : ''}`);
  } else if (err instanceof Error) out(`error: ${err.message}`);
  else out(`error: ${String(err)}`);
  const hint =
    err instanceof NetSuiteApiError ||
    err instanceof AuthError ||
    err instanceof DeleteRefusedError ||
    err instanceof WriteOutcomeUnknownError
      ? err.hint
      : err instanceof RetriesExhaustedError && err.cause instanceof NetSuiteApiError
        ? err.cause.hint
        : err instanceof DeactivationError
          ? 'Check for scripts or workflows on the employee record that set the flags back, then run deactivate again.'
          : undefined;
  if (hint) out(`hint: ${hint}`);
  if (io.env.SUITEHOOKS_DEBUG && err instanceof Error && err.stack) out(err.stack);
  return 1;
}
