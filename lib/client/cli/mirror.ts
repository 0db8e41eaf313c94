/**
 * `suitehooks mirror`: an https receiver (the same verification as `listen`) that applies every event
 * to a SQLite file or a Postgres database, optionally reconciling with NetSuite on a schedule; and
 * `suitehooks mirror reconcile`, one reconciliation. Output names records by type and id only.
 */
import type { Command } from 'commander';
import type { WebhookEvent } from '../../core';
import { describeDatabase, openMirrorStore } from '../mirror/open';
import { reconcile, type ReconcileReport } from '../mirror/reconcile';
import { createMirrorHandler } from '../mirror/receiver';
import type { SqlStore } from '../mirror/sql-store';
import { loadConfig, makeClient, type GlobalOptions } from './context';
import { InterruptedError } from '../errors';
import { InputError, onInterrupt, println, type Io } from './io';
import { serveHttps, webhookSecrets, type ServeOptions } from './serve';

interface MirrorOptions extends ServeOptions {
  database: string;
  secret?: string;
  reconcile?: string;
}

/** `24h`, `30m`, `90s`, optionally after `every`; `off` for none. */
export function parseInterval(text: string): number | null {
  const t = text.trim().replace(/^every\s+/i, '');
  if (t === 'off') return null;
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)$/i.exec(t);
  const unit: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  const ms = m ? Number(m[1]) * (unit[String(m[2]).toLowerCase()] ?? NaN) : NaN;
  if (!(ms >= 1000) || ms > 2 ** 31 - 1)
    throw new InputError(
      `--reconcile: "${text}" is not an interval such as 24h, 30m or "every 24h" (1 s to 24 d), or off`,
    );
  return ms;
}

export function reportLine(r: ReconcileReport): string {
  const c = r.counts;
  const ids = (['created', 'updated', 'deleted'] as const)
    .filter((k) => r.ids[k].length)
    .map((k) => `${k} ids ${r.ids[k].join(',')}${c[k] > r.ids[k].length ? ',…' : ''}`);
  return [
    `reconcile ${r.complete ? 'complete' : 'stopped (run again to resume)'}${r.resumed ? ', resumed' : ''}:`,
    `read ${r.read}, scanned ${r.scanned};`,
    `created ${c.created}, updated ${c.updated}, deleted ${c.deleted}, unchanged ${c.unchanged},`,
    `newer in mirror ${c.newer_in_mirror}, not yet settled ${c.unsettled}`,
    ...(ids.length ? [`(${ids.join('; ')})`] : []),
  ].join(' ');
}

async function reconcileOnce(store: SqlStore, globals: GlobalOptions, io: Io): Promise<ReconcileReport> {
  const config = loadConfig(globals, io);
  const client = makeClient(globals, io);
  return reconcile(store, client, { timeZone: config.timeZone ?? 'UTC', ...(io.signal ? { signal: io.signal } : {}) });
}

/** Reconciles now and then every `intervalMs` until the signal; a failed run is reported and retried next time. */
function scheduleReconcile(store: SqlStore, globals: GlobalOptions, io: Io, intervalMs: number): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const runOnce = () => {
    running = reconcileOnce(store, globals, io).then(
      (r) => println(io.stderr, reportLine(r)),
      (err: unknown) =>
        println(io.stderr, `reconcile failed: ${(err as Error).message}; next run in ${intervalMs / 1000} s`),
    );
    void running.then(() => {
      if (!io.signal?.aborted) timer = setTimeout(runOnce, intervalMs);
    });
  };
  runOnce();
  return async () => {
    clearTimeout(timer);
    await running;
  };
}

function mirrorHandler(store: SqlStore, o: MirrorOptions, io: Io): ReturnType<typeof createMirrorHandler> {
  const { secrets, source } = webhookSecrets(o.secret, io);
  try {
    return createMirrorHandler(store, {
      secret: secrets,
      onOutcome: (outcome, event) => {
        const d = event.data as Partial<WebhookEvent['data']>;
        println(io.stderr, `${outcome}: ${d.recordType ? `${d.recordType} ${d.recordId}` : event.type} (${d.id})`);
      },
    });
  } catch (err) {
    throw new InputError(`${source}: ${(err as Error).message}`);
  }
}

async function withStore(database: string, io: Io, fn: (store: SqlStore) => Promise<void>): Promise<void> {
  let store: SqlStore;
  try {
    store = await openMirrorStore(database, io.cwd);
  } catch (err) {
    throw new Error(`cannot open the mirror database ${describeDatabase(database)}: ${(err as Error).message}`);
  }
  try {
    await fn(store);
  } finally {
    await store.close();
  }
}

export function registerMirror(program: Command, io: Io, run: (fn: () => Promise<void>) => Promise<void>): void {
  const mirror = program
    .command('mirror')
    .description('receive suitehooks webhooks over https and apply every event to SQLite or Postgres')
    .option('--database <file|url>', 'a SQLite file (created if missing) or a postgres:// URL (required)')
    .option('--port <port>', 'port to listen on', '8788')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--secret <whsec>', 'the signing secret (or SUITEHOOKS_WEBHOOK_SECRET); comma separated during a rotation')
    .option('--cert <file>', 'PEM certificate to serve (default: a fresh self-signed one)')
    .option('--key <file>', 'PEM private key of --cert')
    .option('--cert-out <file>', 'where a self-signed certificate is written', '.suitehooks/mirror-cert.pem')
    .option(
      '--reconcile <interval>',
      'reconcile with NetSuite at start and then every interval, e.g. "every 24h" (needs credentials)',
      'off',
    )
    .action(function (this: Command) {
      return run(async () => {
        const o = this.opts<MirrorOptions>();
        if (!o.database) throw new InputError('give the mirror database with --database <file|postgres://…>');
        const intervalMs = parseInterval(o.reconcile ?? 'off');
        await withStore(o.database, io, async (store) => {
          const handler = mirrorHandler(store, o, io);
          println(io.stderr, `mirror database: ${describeDatabase(o.database)}`);
          const stopReconcile =
            intervalMs === null
              ? null
              : scheduleReconcile(store, this.optsWithGlobals<GlobalOptions>(), io, intervalMs);
          try {
            await serveHttps(o, io, handler);
          } finally {
            await stopReconcile?.();
          }
        });
      });
    });
  mirror
    .command('reconcile')
    .description(
      'compare the mirror with NetSuite (changes since the last run, and a scan for deletions) and repair it',
    )
    .option('--database <file|url>', 'the mirror database (required)')
    .action(function (this: Command) {
      return run(async () => {
        // `mirror` declares --database too, so commander may hand it to the parent: read both.
        const database = this.optsWithGlobals<{ database?: string }>().database;
        if (!database) throw new InputError('give the mirror database with --database <file|postgres://…>');
        await withStore(database, io, async (store) => {
          onInterrupt(io, 'stopping after the current batch; the next run resumes');
          const report = await reconcileOnce(store, this.optsWithGlobals<GlobalOptions>(), io);
          println(io.stderr, reportLine(report));
          if (!report.complete) throw new InterruptedError('interrupted: run the same command again to resume');
        });
      });
    });
}
