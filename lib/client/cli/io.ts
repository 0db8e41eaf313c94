/** What a CLI command may touch, passed in so tests run commands in-process. */
import type { Writable } from 'node:stream';
import { SuitehooksError } from '../../webhooks/errors';

export interface Io {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /**
   * The first SIGINT/SIGTERM (main wires it): `listen` stops; `bulk`, `sync` and `sql` take no more
   * work, save what they have and exit 130.
   */
  signal?: AbortSignal;
}

/** Bad input from the user (arguments, files): exit code 2. */
export class InputError extends SuitehooksError {
  constructor(message: string) {
    super('INVALID_INPUT', message);
  }
}

/** Prints `message` on stderr when the first signal arrives, so the user knows it was heard. */
export function onInterrupt(io: Io, message: string): void {
  io.signal?.addEventListener('abort', () => println(io.stderr, `\n${message} (press Ctrl-C again to quit at once)`), {
    once: true,
  });
}

export function println(stream: Writable, text: string): void {
  stream.write(`${text}\n`);
}
