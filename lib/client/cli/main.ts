#!/usr/bin/env node
/** `suitehooks`: the command line client. */
import { Command, CommanderError } from 'commander';
import { VERSION } from '../../core';
import { registerAccess } from './access';
import { registerBulk } from './bulk';
import { reportError } from './context';
import { registerEmployee } from './employee';
import type { Io } from './io';
import { registerListen } from './listen';
import { registerMirror } from './mirror';
import { registerSql } from './sql';
import { registerSync } from './sync';

/** The commands and their options; `run` runs an action and records its exit code. */
export function createProgram(io: Io, run: (fn: () => Promise<void>) => Promise<void>): Command {
  const program = new Command('suitehooks')
    .description(
      'NetSuite employees, vendors, partners and customers over SuiteTalk REST, SuiteQL exports and suitehooks webhooks',
    )
    .version(VERSION)
    .option('-c, --credentials <file>', 'JSON credentials file (default: SUITEHOOKS_* environment variables)')
    .option('--base-url <url>', 'REST API origin override, e.g. http://127.0.0.1:4000 for the sandbox')
    .option('--concurrency <n>', 'concurrent requests (default 5, NetSuite base tier)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  registerEmployee(program, io, run);
  registerSql(program, io, run);
  registerSync(program, io, run);
  registerListen(program, io, run);
  registerBulk(program, io, run);
  registerAccess(program, io, run);
  registerMirror(program, io, run);
  return program;
}

/** Runs the CLI with these arguments (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = 0;
  const run = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      exitCode = reportError(err, io);
    }
  };
  const program = createProgram(io, run);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    throw err;
  }
  return exitCode;
}

if (require.main === module) {
  const controller = new AbortController();
  // First signal: the command winds down and saves its work; a second one quits at once.
  const stop = () => (controller.signal.aborted ? process.exit(130) : controller.abort());
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, stop);
  runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
  }).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`error: ${(err as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
