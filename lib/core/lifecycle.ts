/** Lifecycle transitions and warnings derived from the canonical before/after records. */
import type { CanonicalRecord, ChangeType, Lifecycle, Warning } from './types';

function flag(record: CanonicalRecord | null, name: string): boolean | null {
  if (!record || !(name in record)) return null;
  return record[name] === true;
}

/**
 * `old` is null on create (a new record of any login type starts active and without access); on delete no
 * transition is reported: the event type says it all.
 */
export function detectLifecycle(
  changeType: ChangeType,
  old: CanonicalRecord | null,
  next: CanonicalRecord | null,
): Lifecycle[] {
  if (changeType === 'delete' || !next) return [];
  const out: Lifecycle[] = [];
  const wasInactive = changeType === 'create' ? false : flag(old, 'isInactive');
  const isInactive = flag(next, 'isInactive');
  const hadAccess = changeType === 'create' ? false : flag(old, 'giveAccess');
  const hasAccess = flag(next, 'giveAccess');
  if (wasInactive === false && isInactive === true) out.push('deactivated');
  if (wasInactive === true && isInactive === false) out.push('reactivated');
  if (hadAccess === false && hasAccess === true) out.push('access_granted');
  if (hadAccess === true && hasAccess === false) out.push('access_revoked');
  return out;
}

/** PARTIAL_DEPROVISION: the record ends inactive while login access is still given. */
export function detectWarnings(next: CanonicalRecord | null): Warning[] {
  return flag(next, 'isInactive') === true && flag(next, 'giveAccess') === true ? ['PARTIAL_DEPROVISION'] : [];
}
