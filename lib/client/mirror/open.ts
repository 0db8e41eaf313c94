/** `--database`: a `postgres://` (or `postgresql://`) URL, or a SQLite file path; migrated on open. */
import * as path from 'node:path';
import { migrate, MIGRATIONS, schemaVersion } from './migrations';
import { openPostgresStore } from './postgres-store';
import { openSqliteStore } from './sqlite-store';
import type { SqlStore } from './sql-store';

export function isPostgresUrl(database: string): boolean {
  return /^postgres(ql)?:\/\//i.test(database);
}

/** A database location safe to print: a Postgres URL without its password. */
export function describeDatabase(database: string): string {
  if (!isPostgresUrl(database)) return database;
  try {
    const url = new URL(database);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * Opens the database and brings its schema up to date. A database migrated by a newer suitehooks
 * (a version this one does not know) is refused rather than written with the wrong assumptions.
 */
export async function openMirrorStore(database: string, cwd = process.cwd()): Promise<SqlStore> {
  const store = isPostgresUrl(database) ? openPostgresStore(database) : openSqliteStore(path.resolve(cwd, database));
  try {
    await migrate(store);
    const version = await schemaVersion(store);
    const known = MIGRATIONS.at(-1)?.version ?? 0;
    if (version > known)
      throw new Error(
        `the mirror database is at schema version ${version}; this suitehooks knows up to ${known}: upgrade suitehooks`,
      );
    return store;
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
}
