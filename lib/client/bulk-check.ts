/**
 * Checks a bulk file before anything runs: every column must mean something, and every value given on
 * a row must be one its action uses. A value that would be ignored — a `role` cell on a `set-roles` row,
 * a `title` on a `deactivate` row — means the file does not say what its author thinks: refused whole.
 */
import { resolveField } from '../core';
import type { BulkAction, BulkRow } from './bulk-row';

/** Columns that steer a row rather than set a field. */
export const CONTROL_COLUMNS = ['action', 'id', 'externalId', 'role'] as const;

const KEY = new Set(['id', 'externalId']);
const isField = (column: string) => column !== 'id' && resolveField(column) !== null;

/** The columns each action reads, besides `action`. */
const USES: Record<BulkAction, (column: string) => boolean> = {
  upsert: (c) => c === 'externalId' || isField(c),
  create: (c) => c === 'externalId' || isField(c),
  update: (c) => KEY.has(c) || isField(c),
  deactivate: (c) => KEY.has(c),
  reactivate: (c) => KEY.has(c) || c === 'giveAccess',
  'add-role': (c) => KEY.has(c) || c === 'role',
  'remove-role': (c) => KEY.has(c) || c === 'role',
  'set-roles': (c) => KEY.has(c) || c === 'roles',
  delete: (c) => c === 'id',
};

/** A cell holds a value (an empty CSV cell, or a missing JSON member, does not). */
export function given(value: unknown): boolean {
  return value !== undefined && !(typeof value === 'string' && value.trim() === '');
}

function hint(action: string, column: string): string {
  if (action === 'set-roles' && column === 'role')
    return ' (set-roles takes the exact list in "roles"; add-role/remove-role take "role")';
  if ((action === 'add-role' || action === 'remove-role') && column === 'roles')
    return ` (${action} takes one role in "role"; set-roles takes "roles")`;
  if ((action === 'upsert' || action === 'create') && column === 'id')
    return ` (${action} finds the employee by "externalId")`;
  if (action === 'delete' && column === 'externalId')
    return ' (delete takes the internal id, so that a re-run finds it gone)';
  return '';
}

/** Every problem of the file, one line each (at most `limit`, then a count of the rest). */
export function bulkInputProblems(rows: readonly BulkRow[], limit = 20): string[] {
  const problems: string[] = [];
  const unknown = new Set<string>();
  for (const row of rows) {
    const action = String(row.values.action ?? '')
      .trim()
      .toLowerCase();
    const uses = USES[action as BulkAction] as ((c: string) => boolean) | undefined;
    for (const [column, value] of Object.entries(row.values)) {
      if (column === 'action') continue;
      if (!(CONTROL_COLUMNS as readonly string[]).includes(column) && !isField(column)) {
        unknown.add(column);
        continue;
      }
      if (uses && given(value) && !uses(column))
        problems.push(
          `line ${row.line}: ${action} does not use "${column}", so its value would be ignored${hint(action, column)}`,
        );
    }
  }
  for (const column of unknown)
    problems.unshift(
      `unknown column "${column.slice(0, 60)}": not an employee field nor one of ${CONTROL_COLUMNS.join(', ')}`,
    );
  return problems.length > limit ? [...problems.slice(0, limit), `… and ${problems.length - limit} more`] : problems;
}
