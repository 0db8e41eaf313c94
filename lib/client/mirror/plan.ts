/**
 * Pure decisions: what an event does to the mirrored record (apply or drop as stale), and which
 * access changes a transition from one state to the next makes. The database side is record-io.ts.
 */
import type { CanonicalRecord, FieldChange, Ref, WebhookEvent } from '../../core';
import { splitRoles, uniqueRoles, type MirrorState } from './record-state';

export type AccessChangeKind =
  | 'created'
  | 'deleted'
  | 'deactivated'
  | 'reactivated'
  | 'access_granted'
  | 'access_revoked'
  | 'role_added'
  | 'role_removed';

export interface AccessChange {
  change: AccessChangeKind;
  role: Ref | null;
}

export type Plan = { kind: 'stale'; last: number } | { kind: 'apply'; next: MirrorState; changes: AccessChange[] };

interface AccessView {
  present: boolean;
  inactive: boolean;
  access: boolean;
  roles: Ref[];
}

function view(state: MirrorState | null): AccessView {
  if (!state || state.deleted) return { present: false, inactive: false, access: false, roles: [] };
  return {
    present: true,
    inactive: state.fields.isInactive === true,
    access: state.fields.giveAccess === true,
    roles: state.roles,
  };
}

/** The access transitions from `before` to `after` (either may be absent or deleted). */
export function accessChanges(before: MirrorState | null, after: MirrorState | null): AccessChange[] {
  const a = view(before);
  const b = view(after);
  const out: AccessChange[] = [];
  const flip = (was: boolean, is: boolean, on: AccessChangeKind, off: AccessChangeKind) => {
    if (was !== is) out.push({ change: is ? on : off, role: null });
  };
  flip(a.present, b.present, 'created', 'deleted');
  if (a.present && b.present) flip(a.inactive, b.inactive, 'deactivated', 'reactivated');
  flip(a.access, b.access, 'access_granted', 'access_revoked');
  const had = new Set(a.roles.map((r) => r.id));
  const has = new Set(b.roles.map((r) => r.id));
  for (const r of b.roles) if (!had.has(r.id)) out.push({ change: 'role_added', role: r });
  for (const r of a.roles) if (!has.has(r.id)) out.push({ change: 'role_removed', role: r });
  return out;
}

function isMembership(change: FieldChange): change is { added: Ref[]; removed: Ref[] } {
  return 'added' in change;
}

/** The record after the event: its `record` when sent, else the previous values overlaid with `changes`. */
function nextFields(existing: MirrorState | null, event: WebhookEvent): { fields: CanonicalRecord; roles: Ref[] } {
  const before = existing && !existing.deleted ? existing : null;
  const fields: CanonicalRecord = { ...(before?.fields ?? {}) };
  let roles: Ref[] = before?.roles ?? [];
  const sent = event.data.record ? splitRoles(event.data.record) : null;
  if (sent) Object.assign(fields, sent.fields);
  if (sent?.roles) roles = sent.roles;
  for (const [name, change] of Object.entries(event.data.changes)) {
    if (isMembership(change)) {
      if (sent?.roles) continue;
      const removed = new Set(change.removed.map((r) => r.id));
      roles = uniqueRoles([...roles.filter((r) => !removed.has(r.id)), ...change.added]);
    } else if (!sent || !(name in sent.fields)) fields[name] = change.new;
  }
  fields.id = event.data.recordId;
  // An inline edit's `record` is the old values overlaid with the edited fields, so its
  // lastModifiedDate is the previous one: the change itself happened at the event's time.
  const modified = typeof fields.lastModifiedDate === 'string' ? Date.parse(fields.lastModifiedDate) : NaN;
  if (event.data.changeType !== 'delete' && !(modified >= Date.parse(event.timestamp)))
    fields.lastModifiedDate = event.timestamp;
  return { fields, roles };
}

/** What `event` does to the record the mirror holds (`existing`, null when it has none). */
export function planEvent(existing: MirrorState | null, event: WebhookEvent): Plan {
  const d = event.data;
  if (existing && d.sequence <= existing.sequence) return { kind: 'stale', last: existing.sequence };
  const deleted = d.changeType === 'delete';
  const { fields, roles } = nextFields(existing, event);
  const next: MirrorState = {
    recordType: d.recordType,
    recordId: d.recordId,
    fields,
    roles: deleted ? [] : roles,
    sequence: d.sequence,
    deleted,
  };
  return { kind: 'apply', next, changes: accessChanges(existing, next) };
}
