/** The diff engine: canonical old and new records in, the contract's `changes` out. */
import type { FieldSpec } from './fields';
import { emptyToNull, sameValue } from './normalize';
import type { CanonicalRecord, CanonicalValue, Changes, Ref } from './types';

export interface DiffOptions {
  /**
   * REST names of the fields the new record really carries. On xedit the new record holds only the
   * edited fields; fields outside this set are not compared (never reported as cleared).
   */
  present?: ReadonlySet<string>;
}

export interface DiffResult {
  changes: Changes;
  /** Sorted; exactly the keys of `changes`. */
  changedFields: string[];
}

function membership(oldRefs: CanonicalValue, newRefs: CanonicalValue): { added: Ref[]; removed: Ref[] } {
  const before = Array.isArray(oldRefs) ? oldRefs : [];
  const after = Array.isArray(newRefs) ? newRefs : [];
  const beforeIds = new Set(before.map((r) => r.id));
  const afterIds = new Set(after.map((r) => r.id));
  const byId = (a: Ref, b: Ref) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    added: after.filter((r) => !beforeIds.has(r.id)).sort(byId),
    removed: before.filter((r) => !afterIds.has(r.id)).sort(byId),
  };
}

/**
 * Compares two canonical records over the tracked fields. `old` is null on create, `next` null on
 * delete. Read-only system fields (lastModifiedDate) are never a change on their own.
 */
export function diffRecords(
  old: CanonicalRecord | null,
  next: CanonicalRecord | null,
  fields: readonly FieldSpec[],
  options: DiffOptions = {},
): DiffResult {
  const changes: Changes = {};
  for (const spec of fields) {
    if (spec.readOnly) continue;
    if (next && options.present && !options.present.has(spec.rest)) continue;
    // Reported values use the contract's empty (null), also when a caller's record holds '' or [].
    const before = old ? emptyToNull(old[spec.rest]) : null;
    const after = next ? emptyToNull(next[spec.rest]) : null;
    if (spec.kind === 'sublist') {
      const m = membership(before, after);
      if (m.added.length > 0 || m.removed.length > 0) changes[spec.rest] = m;
      continue;
    }
    if (!sameValue(before, after)) changes[spec.rest] = { old: before, new: after };
  }
  const changedFields = Object.keys(changes).sort();
  const sorted: Changes = {};
  for (const key of changedFields) {
    const change = changes[key];
    if (change !== undefined) sorted[key] = change;
  }
  return { changes: sorted, changedFields };
}

/** The record after the change: the old values overlaid with what the new record carries. */
export function overlay(
  old: CanonicalRecord | null,
  next: CanonicalRecord,
  present: ReadonlySet<string>,
): CanonicalRecord {
  const merged: CanonicalRecord = { ...(old ?? {}) };
  for (const key of present) merged[key] = emptyToNull(next[key]);
  return merged;
}
