/**
 * A login record (employee, vendor, partner, customer: the core's registry) as the REST Record API shows
 * it, and request bodies parsed into canonical writes.
 */
import {
  resolveFieldOf,
  recordTypeEntry,
  type CanonicalRecord,
  type CanonicalValue,
  type Ref,
  type UserRecordType,
} from '../../core';
import type { EmployeeWrite } from '../account/account-types';
import { isCalendarDate, isDateTime } from '../records/date-input';
import { invalidContent } from './errors';

const link = (href: string) => [{ rel: 'self', href }];

function refJson(ref: Ref, href: string | null): Record<string, unknown> {
  const out: Record<string, unknown> = href ? { links: link(href) } : {};
  out.id = ref.id;
  if (ref.refName !== null) out.refName = ref.refName;
  return out;
}

const EMPLOYEE = recordTypeEntry('employee');

/** GET shape: empty fields omitted, selects as `{links, id, refName}`, roles a link or expanded lines. */
export function employeeJson(
  record: CanonicalRecord,
  recordUrl: string,
  expand: boolean,
  type: UserRecordType = EMPLOYEE,
): Record<string, unknown> {
  const base = recordUrl.replace(/\/[a-z]+\/[^/]+$/, '');
  const out: Record<string, unknown> = { links: link(recordUrl) };
  const sublist = type.roles.kind === 'sublist';
  for (const [key, value] of Object.entries(record)) {
    if (value === null || (sublist && key === 'roles')) continue;
    const spec = type.fields.find((f) => f.rest === key);
    if (spec?.kind === 'select' && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = refJson(value, spec.refType ? `${base}/${spec.refType}/${value.id}` : null);
    } else if (Array.isArray(value)) {
      out[key] = { links: [], items: value.map((r) => refJson(r, null)), totalResults: value.length };
    } else out[key] = value;
  }
  if (!sublist) return out;
  const rolesUrl = `${recordUrl}/roles`;
  const roles = Array.isArray(record.roles) ? record.roles : [];
  out.roles = expand
    ? {
        links: link(rolesUrl),
        items: roles.map((r) => ({ links: [], selectedRole: refJson(r, `${base}/role/${r.id}`) })),
        totalResults: roles.length,
      }
    : { links: link(rolesUrl) };
  return out;
}

const invalidValue = (path: string) =>
  invalidContent(`Invalid value for the resource or sub-resource field '${path}'. Provide a valid value.`, path);

function refFromBody(value: unknown, path: string): Ref | null {
  return value === null ? null : lineRefFromBody(value, path);
}

/** A reference that cannot be null: a sublist or multiselect line. */
function lineRefFromBody(value: unknown, path: string): Ref {
  if (typeof value === 'object' && !Array.isArray(value) && value !== null && 'id' in value) {
    const id = value.id;
    if ((typeof id === 'string' && /^-?\d+$/.test(id)) || Number.isInteger(id))
      return { id: String(id), refName: null };
  }
  throw invalidValue(path);
}

/** A POST/PATCH/PUT body as a canonical write; unknown, read-only and mistyped fields are INVALID_CONTENT. */
export function parseEmployeeBody(body: unknown, type: UserRecordType = EMPLOYEE): EmployeeWrite['values'] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidContent('The request body must be a JSON object.');
  }
  const values: CanonicalRecord = {};
  for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
    if (key === 'id' || key === 'links') continue;
    const spec = resolveFieldOf(type, key);
    if (spec?.rest !== key) throw invalidContent(`Invalid field name: ${key}. Provide a valid field name.`, key);
    if (spec.readOnly) throw invalidContent(`The field ${key} is read-only.`, key);
    const bad = () => invalidValue(key);
    let value: CanonicalValue;
    switch (spec.kind) {
      case 'boolean':
        if (typeof raw !== 'boolean') throw bad();
        value = raw;
        break;
      case 'date':
        if (raw !== null && (typeof raw !== 'string' || (!isCalendarDate(raw) && !isDateTime(raw)))) throw bad();
        value = raw;
        break;
      case 'datetime':
        if (raw !== null && (typeof raw !== 'string' || !isDateTime(raw))) throw bad();
        value = raw;
        break;
      case 'select':
        value = refFromBody(raw, key);
        break;
      case 'sublist':
      case 'multiselect': {
        const items = (raw as { items?: unknown } | null)?.items;
        if (!Array.isArray(items)) throw bad();
        const line = spec.sublist?.rest;
        value = items.map((item, i) =>
          lineRefFromBody(line ? (item as Record<string, unknown>)?.[line] : item, `${key}.items[${i}]`),
        );
        break;
      }
      case 'auto':
        value = typeof raw === 'object' && raw !== null ? refFromBody(raw, key) : (raw as CanonicalValue);
        break;
      default:
        if (raw !== null && typeof raw !== 'string' && typeof raw !== 'number') throw bad();
        value = raw === null || raw === '' ? null : String(raw);
    }
    values[key] = value;
  }
  return values;
}
