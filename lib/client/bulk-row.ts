/** A bulk file's rows and the actions they may name: shared by the runner (bulk.ts) and its checks (bulk-check.ts). */
export const BULK_ACTIONS = [
  'upsert',
  'create',
  'update',
  'deactivate',
  'reactivate',
  'add-role',
  'remove-role',
  'set-roles',
  'delete',
] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export interface BulkRow {
  /** 1-based line (CSV: data line; JSON lines: line) for messages. */
  line: number;
  values: Record<string, unknown>;
}
