/**
 * The account's data on embedded SQLite (better-sqlite3). Tables are named and shaped as SuiteQL shows
 * them (lowercase columns, checkboxes stored as 'T'/'F', dates as `YYYY-MM-DD`, date-times as ISO-8601
 * UTC) so SuiteQL runs on them almost unchanged. Every thread opens its own connection to the same file
 * (WAL mode): an in-memory database cannot be shared across worker threads.
 */
import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CustomRecordType, CustomList } from '../sdf/objects-xml';
import { USER_RECORD_TYPES, type UserRecordType } from '../../core';

export type Db = Database.Database;

/** Tables of the sandbox itself; SuiteQL refuses to read them (secrets live there). */
export const INTERNAL_PREFIX = 'sandbox_';

/** The record tables SuiteQL may read: the standard ones below, custom records and custom lists. */
const STANDARD_RECORD_TABLES = new Set([
  'subsidiary',
  'department',
  'location',
  'role',
  'employeetype',
  'employee',
  'employeerolesforsearch',
  'vendor',
  'partner',
  'customer',
  'transaction',
  'scriptdeployment',
]);

export function isRecordTable(name: string): boolean {
  const lower = name.toLowerCase();
  return STANDARD_RECORD_TABLES.has(lower) || /^custom(record|list)[a-z0-9_]*$/.test(lower);
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS subsidiary (id INTEGER PRIMARY KEY, name TEXT NOT NULL, isinactive TEXT NOT NULL DEFAULT 'F');
CREATE TABLE IF NOT EXISTS department (id INTEGER PRIMARY KEY, name TEXT NOT NULL, subsidiary INTEGER, isinactive TEXT NOT NULL DEFAULT 'F');
CREATE TABLE IF NOT EXISTS location (id INTEGER PRIMARY KEY, name TEXT NOT NULL, subsidiary INTEGER, isinactive TEXT NOT NULL DEFAULT 'F');
CREATE TABLE IF NOT EXISTS role (id INTEGER PRIMARY KEY, name TEXT NOT NULL, isinactive TEXT NOT NULL DEFAULT 'F');
CREATE TABLE IF NOT EXISTS employeetype (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS employee (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entityid TEXT NOT NULL, externalid TEXT UNIQUE, firstname TEXT, lastname TEXT, email TEXT, title TEXT,
  phone TEXT, mobilephone TEXT, isinactive TEXT NOT NULL DEFAULT 'F', giveaccess TEXT NOT NULL DEFAULT 'F',
  subsidiary INTEGER, department INTEGER, location INTEGER, supervisor INTEGER, employeetype INTEGER,
  hiredate TEXT, datecreated TEXT, lastmodifieddate TEXT
);
CREATE TABLE IF NOT EXISTS employeerolesforsearch (entity INTEGER NOT NULL, role INTEGER NOT NULL, line INTEGER NOT NULL, PRIMARY KEY (entity, role));
CREATE TABLE IF NOT EXISTS "transaction" (id INTEGER PRIMARY KEY AUTOINCREMENT, type TEXT NOT NULL, tranid TEXT, entity INTEGER, employee INTEGER, trandate TEXT);
CREATE TABLE IF NOT EXISTS scriptdeployment (
  id INTEGER PRIMARY KEY AUTOINCREMENT, scriptid TEXT NOT NULL UNIQUE, script TEXT NOT NULL, status TEXT, isdeployed TEXT,
  params TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS sandbox_secret (scriptid TEXT PRIMARY KEY, value TEXT NOT NULL, restrict_to TEXT);
CREATE TABLE IF NOT EXISTS sandbox_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, script TEXT, deployment TEXT, level TEXT NOT NULL, title TEXT, details TEXT
);
CREATE TABLE IF NOT EXISTS sandbox_task (
  id INTEGER PRIMARY KEY AUTOINCREMENT, script TEXT NOT NULL, deployment TEXT NOT NULL, status TEXT NOT NULL,
  invocation TEXT NOT NULL DEFAULT 'ONDEMAND', params TEXT, submitted TEXT NOT NULL, started TEXT, finished TEXT, error TEXT
);
CREATE TABLE IF NOT EXISTS sandbox_execution (
  id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, script TEXT NOT NULL, deployment TEXT NOT NULL, kind TEXT NOT NULL,
  execution_context TEXT, usage INTEGER NOT NULL, usage_limit INTEGER NOT NULL, ok TEXT NOT NULL, error TEXT
);
-- N/cache entries: one namespace per scope owner (the script for PRIVATE) and cache name; expires on the account clock (ms).
CREATE TABLE IF NOT EXISTS sandbox_cache (
  owner TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, expires INTEGER,
  PRIMARY KEY (owner, name, key)
);
CREATE INDEX IF NOT EXISTS employee_lastmodified ON employee (lastmodifieddate);
-- The key an incremental export pages by: ORDER BY TO_CHAR(e.lastmodifieddate, 'YYYY-MM-DD"T"HH24:MI:SS'), e.id
CREATE INDEX IF NOT EXISTS employee_modified_key ON employee (strftime('%Y-%m-%dT%H:%M:%S', lastmodifieddate), id);
`;

/** A temporary database file under the OS temp dir, removed by `removeDatabaseFile`. */
export function tempDatabasePath(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-sandbox-'));
  return path.join(dir, 'account.db');
}

export function removeDatabaseFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const dir = path.dirname(file);
  if (path.basename(dir).startsWith('suitehooks-sandbox-')) fs.rmSync(dir, { recursive: true, force: true });
}

export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  return db;
}

/**
 * The table of a login record type other than the employee (whose table above predates the registry),
 * one column per field of its canonical map, shaped as SuiteQL shows it.
 */
function entityTableSql(type: UserRecordType): string {
  const columns = type.fields
    .filter((f) => f.column !== null && f.column !== 'externalid')
    .map((f) =>
      f.kind === 'boolean'
        ? `${f.column} TEXT NOT NULL DEFAULT 'F'`
        : `${f.column} ${f.kind === 'select' || f.kind === 'integer' ? 'INTEGER' : 'TEXT'}`,
    );
  return `CREATE TABLE IF NOT EXISTS ${type.id} (
  id INTEGER PRIMARY KEY AUTOINCREMENT, externalid TEXT UNIQUE, ${columns.join(', ')}, datecreated TEXT
);`;
}

const ENTITY_SCHEMA = [
  ...USER_RECORD_TYPES.filter((t) => t.id !== 'employee').map(entityTableSql),
  // Vendors' role lines: no SuiteQL table is documented for them, so SuiteQL cannot read this one.
  `CREATE TABLE IF NOT EXISTS ${INTERNAL_PREFIX}vendorroles (entity INTEGER NOT NULL, role INTEGER NOT NULL, line INTEGER NOT NULL, PRIMARY KEY (entity, role));`,
].join('\n');

export function createSchema(db: Db): void {
  db.exec(SCHEMA);
  db.exec(ENTITY_SCHEMA);
  // Databases from before the task queue knew its invocation type.
  const taskColumns = (db.prepare('PRAGMA table_info(sandbox_task)').all() as { name: string }[]).map((c) => c.name);
  if (!taskColumns.includes('invocation'))
    db.exec(`ALTER TABLE sandbox_task ADD COLUMN invocation TEXT NOT NULL DEFAULT 'ONDEMAND'`);
}

function sqlType(fieldType: string): string {
  if (fieldType === 'INTEGER' || fieldType === 'SELECT') return 'INTEGER';
  if (fieldType === 'FLOAT' || fieldType === 'CURRENCY' || fieldType === 'PERCENT') return 'REAL';
  return 'TEXT';
}

const SAFE_ID = /^[a-z][a-z0-9_]{0,99}$/;

export function assertSafeId(id: string): string {
  if (!SAFE_ID.test(id)) throw new Error(`not a valid script id: ${JSON.stringify(id.slice(0, 60))}`);
  return id;
}

/** One table per custom record type, one column per custom field (added when a deployment brings new ones). */
export function ensureCustomRecordTable(db: Db, type: CustomRecordType): void {
  const table = assertSafeId(type.id);
  db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, isinactive TEXT NOT NULL DEFAULT 'F', created TEXT, lastmodified TEXT, owner INTEGER
  )`);
  const existing = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
  for (const f of type.fields) {
    if (!existing.has(f.id)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${assertSafeId(f.id)} ${sqlType(f.fieldType)}`);
  }
}

/** A custom list is a table of id, name, scriptid (as SuiteQL shows it). */
export function ensureCustomList(db: Db, list: CustomList): void {
  const table = assertSafeId(list.id);
  db.exec(
    `CREATE TABLE IF NOT EXISTS ${table} (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, scriptid TEXT, isinactive TEXT NOT NULL DEFAULT 'F')`,
  );
  const has = db.prepare(`SELECT 1 FROM ${table} WHERE name = ?`);
  const insert = db.prepare(`INSERT INTO ${table} (name, scriptid, isinactive) VALUES (?, ?, ?)`);
  for (const v of list.values) if (!has.get(v.value)) insert.run(v.value, v.scriptId, v.isInactive ? 'T' : 'F');
}
