/**
 * Tracks what a suite opens of the sandbox — accounts (database, script workers, SuiteQL processes),
 * receivers, REST servers — so the test environment (environment.js) can close what is left when the
 * file ends. It also waits for ones still being opened: a `beforeAll` that timed out on a loaded machine
 * leaves an account that finishes opening later, which nothing else would ever close.
 */
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { Receiver } from '../../lib/sandbox/receiver/receiver';
import * as restServer from '../../lib/sandbox/rest/server';

interface Closable {
  close(): Promise<void>;
}

interface Tracked {
  what: string;
  opening: Promise<Closable>;
  closed: boolean;
}

/** Longest wait for something still opening when the file ends. */
const OPENING_BOUND_MS = 120_000;

const tracked: Tracked[] = [];

function track<T extends Closable>(what: string, opening: Promise<T>): Promise<T> {
  const entry: Tracked = { what, opening, closed: false };
  tracked.push(entry);
  // Registered before the caller's own `await`, so close is wrapped before anyone can call it.
  opening.then(
    (value) => {
      const close = value.close.bind(value);
      value.close = () => {
        entry.closed = true;
        return close();
      };
    },
    () => (entry.closed = true),
  );
  return opening;
}

const createAccount = SandboxAccount.create.bind(SandboxAccount);
SandboxAccount.create = (options) => track('a sandbox account', createAccount(options));
const startReceiver = Receiver.start.bind(Receiver);
Receiver.start = (options) => track('a receiver', startReceiver(options));
const startServer = restServer.startRestServer;
// The module namespace is read-only to TypeScript; jest's CommonJS exports object is not.
const writableServer: { startRestServer: typeof startServer } = restServer;
writableServer.startRestServer = (account, options) => track('a REST server', startServer(account, options));

async function settled(opening: Promise<Closable>): Promise<Closable | null> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), OPENING_BOUND_MS)));
  try {
    return await Promise.race([opening.catch(() => null), bound]);
  } finally {
    clearTimeout(timer);
  }
}

(globalThis as { __sandboxLeaks?: unknown }).__sandboxLeaks = {
  async closeLeftovers(): Promise<string[]> {
    const left: string[] = [];
    for (const entry of tracked.splice(0)) {
      const value = await settled(entry.opening);
      if (!value || entry.closed) continue;
      left.push(entry.what);
      await value.close().catch(() => undefined);
    }
    return left;
  },
};
