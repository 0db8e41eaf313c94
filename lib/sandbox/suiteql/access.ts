/**
 * What a SuiteQL query may read: the account's record tables and their indexes, nothing else — not
 * the sandbox's own tables, not SQLite's schema (`sqlite_master`), not table-valued pragmas
 * (`pragma_table_list`, `pragma_database_list`, which would show internal tables and the file path).
 * Checked on the compiled program (`EXPLAIN`), so no spelling, quoting or nesting of a name gets past it.
 *
 * A REST query also reads only what the caller's role may see: NetSuite applies role permissions to
 * every record type (the Records Catalog lists the permission each needs and shows a role only the
 * types it can access, subsect_160397886310). The sandbox models role permissions for custom record
 * types only (accesstype and permission list, account/permissions.ts); script deployments need the
 * SuiteScript permission (section_3753014009) and roles the Manage Roles permission
 * (section_4412278953), which of the sandbox's roles only the Administrator holds. For the other
 * standard tables the sandbox does not model which standard role holds which permission, so it is
 * strict: they too are for the Administrator only (FIDELITY.md).
 */
import { NetSuiteError } from '../account/account-types';
import { accessLevel, allows } from '../account/permissions';
import { isRecordTable, type Db } from '../account/store';
import type { CustomRecordType } from '../sdf/objects-xml';

const ADMINISTRATOR = '3';

interface Op {
  opcode: string;
  p2: number;
  p3: number;
}

/**
 * The tables a role may read in a REST query: null for all (the Administrator), else the custom
 * record tables its role may view.
 */
export function tablesReadableBy(
  db: Db,
  recordTypes: readonly CustomRecordType[],
  roleId: string | null,
): string[] | null {
  if (roleId === ADMINISTRATOR) return null;
  return recordTypes.filter((t) => allows(accessLevel(db, t, roleId), 'VIEW')).map((t) => t.id.toLowerCase());
}

/** Record tables and their indexes by root page (what `OpenRead` may open). */
function recordPages(db: Db): Map<number, string> {
  const rows = db
    .prepare("SELECT rootpage, tbl_name FROM sqlite_master WHERE type IN ('table', 'index') AND rootpage > 0")
    .all() as { rootpage: number; tbl_name: string }[];
  return new Map(rows.filter((r) => isRecordTable(r.tbl_name)).map((r) => [r.rootpage, r.tbl_name.toLowerCase()]));
}

const refused = (why: string) =>
  new NetSuiteError(
    400,
    'INVALID_PARAMETER',
    `Invalid search query. Detailed unprocessed description follows. Search error occurred: ${why}`,
  );

/** `readable`: the tables the caller's role may read (null: every record table). */
export function assertRecordTablesOnly(
  db: Db,
  sql: string,
  params: readonly unknown[],
  readable: readonly string[] | null = null,
): void {
  const ops = db.prepare(`EXPLAIN ${sql}`).all(...params) as Op[];
  const pages = recordPages(db);
  for (const op of ops) {
    const opensTable = op.opcode === 'OpenRead' || op.opcode === 'OpenWrite' || op.opcode === 'ReopenIdx';
    const table = opensTable && op.p3 === 0 ? pages.get(op.p2) : undefined;
    if ((opensTable && table === undefined) || op.opcode === 'VOpen')
      throw refused('Record type or table is not available to SuiteQL.');
    if (table !== undefined && readable !== null && !readable.includes(table))
      throw refused(`Your role has no permission to read the record type "${table}".`);
  }
}
