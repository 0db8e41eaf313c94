/**
 * The mirror's schema, as numbered migrations applied in order and recorded in `schema_migrations`.
 * A migration is never edited once released: a change to the schema is a new version. Each runs in
 * its own transaction; on Postgres an advisory lock makes several processes starting at once apply
 * each version exactly once (SQLite's BEGIN IMMEDIATE does the same for one file).
 */
import type { Dialect, Query, SqlStore } from './sql-store';

interface Migration {
  version: number;
  name: string;
  /** Statements; `{json}`, `{time}`, `{serial}` are replaced by the dialect's types. */
  statements: string[];
}

const TYPES: Record<Dialect, Record<string, string>> = {
  sqlite: { json: 'TEXT', time: 'TEXT', serial: 'INTEGER PRIMARY KEY AUTOINCREMENT' },
  postgres: { json: 'JSONB', time: 'TIMESTAMPTZ', serial: 'BIGSERIAL PRIMARY KEY' },
};

/** Arbitrary, fixed: the key of the advisory lock migrations take on Postgres. */
const MIGRATION_LOCK = 0x5375_6974;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'records, roles, event log, access changes, cursors, receiver stores, views',
    statements: [
      `CREATE TABLE mirror_record (
        record_type TEXT NOT NULL,
        record_id TEXT NOT NULL,
        entity_id TEXT, external_id TEXT, first_name TEXT, last_name TEXT, email TEXT, title TEXT,
        phone TEXT, mobile_phone TEXT,
        is_inactive BOOLEAN NOT NULL DEFAULT FALSE,
        give_access BOOLEAN NOT NULL DEFAULT FALSE,
        subsidiary_id TEXT, subsidiary TEXT, department_id TEXT, department TEXT,
        location_id TEXT, location TEXT, supervisor_id TEXT, supervisor TEXT,
        employee_type_id TEXT, employee_type TEXT,
        hire_date TEXT,
        last_modified {time},
        fields {json} NOT NULL,
        sequence BIGINT NOT NULL,
        deleted BOOLEAN NOT NULL DEFAULT FALSE,
        source TEXT NOT NULL,
        updated_at {time} NOT NULL,
        reconcile_mark TEXT,
        PRIMARY KEY (record_type, record_id)
      )`,
      `CREATE TABLE mirror_role (
        record_type TEXT NOT NULL,
        record_id TEXT NOT NULL,
        role_id TEXT NOT NULL,
        role_name TEXT,
        PRIMARY KEY (record_type, record_id, role_id),
        FOREIGN KEY (record_type, record_id) REFERENCES mirror_record (record_type, record_id) ON DELETE CASCADE
      )`,
      'CREATE INDEX mirror_role_by_role ON mirror_role (role_id)',
      `CREATE TABLE mirror_event (
        webhook_id TEXT PRIMARY KEY,
        record_type TEXT, record_id TEXT, change_type TEXT, sequence BIGINT,
        occurred_at {time},
        received_at {time} NOT NULL,
        outcome TEXT NOT NULL
      )`,
      'CREATE INDEX mirror_event_received ON mirror_event (received_at)',
      `CREATE TABLE mirror_access_change (
        id {serial},
        record_type TEXT NOT NULL, record_id TEXT NOT NULL,
        at {time} NOT NULL,
        change TEXT NOT NULL,
        role_id TEXT, role_name TEXT,
        source TEXT NOT NULL,
        webhook_id TEXT
      )`,
      'CREATE INDEX mirror_access_change_at ON mirror_access_change (at)',
      'CREATE TABLE mirror_cursor (name TEXT PRIMARY KEY, value TEXT NOT NULL)',
      'CREATE TABLE webhook_seen (webhook_id TEXT PRIMARY KEY, seen_at {time} NOT NULL)',
      'CREATE TABLE webhook_sequence (record_key TEXT PRIMARY KEY, sequence BIGINT NOT NULL)',
      `CREATE VIEW mirror_can_log_in AS
        SELECT r.record_type, r.record_id, r.entity_id, r.first_name, r.last_name, r.email
        FROM mirror_record r
        WHERE NOT r.deleted AND r.give_access AND NOT r.is_inactive
          AND EXISTS (SELECT 1 FROM mirror_role x WHERE x.record_type = r.record_type AND x.record_id = r.record_id)`,
      `CREATE VIEW mirror_role_members AS
        SELECT x.role_id, x.role_name, r.record_type, r.record_id, r.entity_id, r.email, r.is_inactive, r.give_access
        FROM mirror_role x JOIN mirror_record r ON r.record_type = x.record_type AND r.record_id = x.record_id
        WHERE NOT r.deleted`,
      `CREATE VIEW mirror_inactive_with_access AS
        SELECT r.record_type, r.record_id, r.entity_id, r.email, r.last_modified
        FROM mirror_record r
        WHERE NOT r.deleted AND r.is_inactive AND r.give_access`,
      `CREATE VIEW mirror_access_changes AS
        SELECT c.at, c.change, c.record_type, c.record_id, r.entity_id, c.role_id, c.role_name, c.source, c.webhook_id
        FROM mirror_access_change c
        LEFT JOIN mirror_record r ON r.record_type = c.record_type AND r.record_id = c.record_id`,
    ],
  },
];

function dialectSql(sql: string, dialect: Dialect): string {
  return sql.replace(/\{(json|time|serial)\}/g, (_m, t: string) => {
    const type = TYPES[dialect][t];
    if (type === undefined) throw new Error(`migrations: no ${t} column type for ${dialect}`);
    return type;
  });
}

/** Applies the migrations this database has not had; returns the versions applied now. */
export async function migrate(store: SqlStore): Promise<number[]> {
  const lock = async (q: Query) => {
    if (store.dialect === 'postgres') await q('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
  };
  // Under the lock too: two CREATE TABLE IF NOT EXISTS at once can both try to create it on Postgres.
  await store.transaction(async (q) => {
    await lock(q);
    await q(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
  });
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    const done = await store.transaction(async (q) => {
      await lock(q);
      const { rowCount } = await q('SELECT 1 FROM schema_migrations WHERE version = ?', [m.version]);
      if (rowCount > 0) return false;
      for (const sql of m.statements) await q(dialectSql(sql, store.dialect));
      await q('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}

/** The highest version applied (0 for an empty database). */
export async function schemaVersion(store: SqlStore): Promise<number> {
  const { rows } = await store.query<{ v: unknown }>('SELECT MAX(version) AS v FROM schema_migrations');
  return Number(rows[0]?.v ?? 0);
}
