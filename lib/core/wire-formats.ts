/**
 * The REST Record API and SuiteQL shapes of an employee, mapped to and from the canonical record with
 * the one field map, so an event, a fetched REST record and a SuiteQL row look alike.
 */
import { EMPLOYEE_FIELDS, type FieldSpec } from './fields';
import { normalizeValue } from './normalize';
import { wallClockAsUtc } from './time-zone';
import type { CanonicalRecord, CanonicalValue, Ref } from './types';

/** Display-name column of a select in the SuiteQL select list. */
export function refNameColumn(column: string): string {
  return `${column}_refname`;
}

/**
 * The SuiteQL select list for the given fields. Dates and date-times are formatted by the database
 * (SuiteQL otherwise answers in the user's date format), selects come with `BUILTIN.DF` names.
 */
export function suiteqlSelectList(fields: readonly FieldSpec[] = EMPLOYEE_FIELDS, alias = 'e'): string {
  const cols = [`${alias}.id AS id`];
  for (const f of fields) {
    if (!f.column) continue;
    const col = `${alias}.${f.column}`;
    if (f.kind === 'date') cols.push(`TO_CHAR(${col}, 'YYYY-MM-DD') AS ${f.column}`);
    else if (f.kind === 'datetime') cols.push(`TO_CHAR(${col}, 'YYYY-MM-DD"T"HH24:MI:SS') AS ${f.column}`);
    else if (f.kind === 'select')
      cols.push(`${col} AS ${f.column}`, `BUILTIN.DF(${col}) AS ${refNameColumn(f.column)}`);
    else cols.push(`${col} AS ${f.column}`);
  }
  return cols.join(', ');
}

/**
 * Converts a wall-clock time (`YYYY-MM-DDTHH:MM:SS`, no offset) in an IANA time zone to UTC ms.
 * SuiteQL answers date-times in the session user's time zone.
 */
export function zonedToUtc(local: string, timeZone: string): number {
  const asUtc = Date.parse(`${local}Z`);
  if (Number.isNaN(asUtc)) throw new TypeError(`not a date-time: ${JSON.stringify(local.slice(0, 40))}`);
  if (timeZone === 'UTC') return asUtc;
  // The zone's offset at instant t (whole seconds: a wall clock carries no milliseconds).
  const offsetAt = (t: number) => {
    const whole = Math.floor(t / 1000) * 1000;
    return wallClockAsUtc(whole, timeZone) - whole;
  };
  // The offsets in force a day either side cover a DST change. A wall time that exists twice (fall
  // back) resolves to the earlier instant; one skipped by a spring-forward gap to the offset before it
  // (as Temporal's "compatible" disambiguation does), so every zone behaves the same way.
  const before = offsetAt(asUtc - 86_400_000);
  const after = offsetAt(asUtc + 86_400_000);
  const valid = [before, after].map((o) => asUtc - o).filter((t) => asUtc - offsetAt(t) === t);
  return valid.length > 0 ? Math.min(...valid) : asUtc - before;
}

export interface SuiteQLRowOptions {
  /** Time zone of SuiteQL date-times (the integration user's preference); default UTC. */
  timeZone?: string;
}

/** A SuiteQL row (lowercase columns, `'T'`/`'F'`) as a canonical record with REST names. */
export function fromSuiteQLRow(
  row: Record<string, unknown>,
  fields: readonly FieldSpec[] = EMPLOYEE_FIELDS,
  options: SuiteQLRowOptions = {},
): CanonicalRecord {
  const out: CanonicalRecord = {};
  if (row.id !== undefined && row.id !== null) out.id = String(row.id);
  for (const f of fields) {
    if (!f.column || !(f.column in row)) continue;
    const raw = row[f.column];
    if (f.kind === 'datetime' && typeof raw === 'string' && raw !== '' && !/(Z|[+-]\d{2}:?\d{2})$/.test(raw)) {
      out[f.rest] = new Date(zonedToUtc(raw, options.timeZone ?? 'UTC')).toISOString();
    } else {
      out[f.rest] = normalizeValue(f, raw, row[refNameColumn(f.column)]);
    }
  }
  return out;
}

/** A REST Record API employee (GET, with `expandSubResources=true` for roles) as a canonical record. */
export function fromRestRecord(
  json: Record<string, unknown>,
  fields: readonly FieldSpec[] = EMPLOYEE_FIELDS,
): CanonicalRecord {
  const out: CanonicalRecord = {};
  if (json.id !== undefined && json.id !== null) out.id = String(json.id);
  for (const f of fields) {
    if (!(f.rest in json)) continue;
    const raw = json[f.rest];
    const line = f.sublist;
    if (f.kind === 'sublist' && line) {
      const items = (raw as { items?: Record<string, unknown>[] } | null)?.items;
      if (!Array.isArray(items)) continue; // a link only: the sublist was not expanded
      out[f.rest] = normalizeValue(
        f,
        items.map((i) => i[line.rest]).filter((v) => v !== undefined),
      );
      continue;
    }
    if ((f.kind === 'multiselect' || f.kind === 'auto') && isCollection(raw)) {
      // REST shows a multi-select as a collection `{ items: [{ id, refName }] }`, or links only when not expanded.
      if (!Array.isArray(raw.items)) continue;
      out[f.rest] = normalizeValue(f, raw.items);
      continue;
    }
    out[f.rest] = normalizeValue(f, raw);
  }
  return out;
}

function isCollection(raw: unknown): raw is { items?: unknown } {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    !Array.isArray(raw) &&
    !('id' in raw) &&
    ('items' in raw || 'links' in raw)
  );
}

function refBody(value: CanonicalValue): { id: string } | null {
  if (value === null) return null;
  if (typeof value === 'object' && !Array.isArray(value)) return { id: value.id };
  return { id: String(value) };
}

/**
 * A REST Record API request body (POST/PATCH/PUT) from canonical values: selects as `{ id }`, the roles
 * sublist as `{ items: [{ selectedRole: { id } }] }`. Unknown and read-only names are rejected.
 */
export function toRestBody(
  values: CanonicalRecord,
  fields: readonly FieldSpec[] = EMPLOYEE_FIELDS,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const f = fields.find((s) => s.rest === key);
    if (!f) throw new Error(`unknown employee field "${key}"`);
    if (f.readOnly) throw new Error(`"${key}" is read-only`);
    if (f.kind === 'select') body[key] = refBody(value);
    else if (f.kind === 'sublist' && f.sublist) {
      const line = f.sublist;
      const refs = Array.isArray(value) ? value : [];
      body[key] = { items: refs.map((r) => ({ [line.rest]: { id: r.id } })) };
    } else if (f.kind === 'multiselect') {
      body[key] = Array.isArray(value) ? { items: value.map((r) => ({ id: r.id })) } : null;
    } else if (f.kind === 'auto' && Array.isArray(value)) {
      body[key] = { items: value.map((r) => ({ id: r.id })) }; // a multi-select of undeclared type
    } else if (f.kind === 'auto' && value !== null && typeof value === 'object') {
      body[key] = { id: (value as Ref).id }; // a select of undeclared type
    } else body[key] = value;
  }
  return body;
}
