/** What a CLI command may touch, passed in so tests run commands in-process. */
import type { Writable } from 'node:stream';

export interface Io {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Ends long-running commands (`listen`); main wires it to SIGINT/SIGTERM. */
  signal?: AbortSignal;
}

/** Bad input from the user (arguments, files): exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export function println(stream: Writable, text: string): void {
  stream.write(`${text}\n`);
}
