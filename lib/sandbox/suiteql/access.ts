/**
 * What a SuiteQL query may read: the account's record tables and their indexes, nothing else — not
 * the sandbox's own tables, not SQLite's schema (`sqlite_master`), not table-valued pragmas
 * (`pragma_table_list`, `pragma_database_list`, which would show internal tables and the file path).
 * Checked on the compiled program (`EXPLAIN`), so no spelling, quoting or nesting of a name gets past it.
 */
import { NetSuiteError } from '../account/account-types';
import { isRecordTable, type Db } from '../account/store';

interface Op {
  opcode: string;
  p2: number;
  p3: number;
}

/** Root pages of the record tables and their indexes (what `OpenRead` may open). */
function readablePages(db: Db): Set<number> {
  const rows = db
    .prepare("SELECT rootpage, tbl_name FROM sqlite_master WHERE type IN ('table', 'index') AND rootpage > 0")
    .all() as { rootpage: number; tbl_name: string }[];
  return new Set(rows.filter((r) => isRecordTable(r.tbl_name)).map((r) => r.rootpage));
}

export function assertRecordTablesOnly(db: Db, sql: string, params: readonly unknown[]): void {
  const ops = db.prepare(`EXPLAIN ${sql}`).all(...params) as Op[];
  const pages = readablePages(db);
  for (const op of ops) {
    const opensTable = op.opcode === 'OpenRead' || op.opcode === 'OpenWrite' || op.opcode === 'ReopenIdx';
    if ((opensTable && (op.p3 !== 0 || !pages.has(op.p2))) || op.opcode === 'VOpen') {
      throw new NetSuiteError(
        400,
        'INVALID_PARAMETER',
        'Invalid search query. Detailed unprocessed description follows. Search error occurred: Record type or table is not available to SuiteQL.',
      );
    }
  }
}
