/** Shared value types of the canonical (REST Record API shaped) representation of a record that can log in. */

/** A single-select value as the REST Record API shows it. */
export interface Ref {
  id: string;
  refName: string | null;
}

/** One canonical field value: booleans, `YYYY-MM-DD` dates, ISO-8601 UTC date-times, refs; empty is `null`. */
export type CanonicalValue = string | number | boolean | Ref | Ref[] | null;

/** A record keyed by REST field names (`firstName`, `isInactive`, `custentity_…`, `roles`). */
export type CanonicalRecord = Record<string, CanonicalValue>;

export type ChangeType = 'create' | 'update' | 'delete';

/**
 * The records that can log in, by NetSuite record type id (section_N285060). Declared here so the event
 * types below derive from it; each has one entry in the registry (lib/core/record-types.ts).
 */
export type UserRecordTypeId = 'employee' | 'vendor' | 'partner' | 'customer';

/** `<record type>.created`, `.updated` or `.deleted`: `employee.created`, `vendor.updated`, … */
export type EventTypeName = `${UserRecordTypeId}.${'created' | 'updated' | 'deleted'}`;

/** A body field change. */
export interface ValueChange {
  old: CanonicalValue;
  new: CanonicalValue;
}

/** A sublist change (the `roles` sublist), reported as membership. */
export interface MembershipChange {
  added: Ref[];
  removed: Ref[];
}

export type FieldChange = ValueChange | MembershipChange;

export type Changes = Record<string, FieldChange>;

export type Lifecycle = 'deactivated' | 'reactivated' | 'access_granted' | 'access_revoked';

export type Warning = 'PARTIAL_DEPROVISION';

/** Who and what made the change: a receiver recognises its own writes by user or role. */
export interface Origin {
  /** A `runtime.ContextType` value: USERINTERFACE, RESTWEBSERVICES, CSVIMPORT, … */
  executionContext: string;
  user: { id: string } | null;
  role: { id: string } | null;
}
