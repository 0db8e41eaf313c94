/**
 * Value normalisation into the canonical shapes of the contract: booleans, `YYYY-MM-DD` dates,
 * ISO-8601 UTC date-times, `{ id, refName }` selects, `null` for empty. The same rules apply to values
 * read in SuiteScript (`getValue`/`getText`), REST JSON and SuiteQL rows (`'T'`/`'F'`).
 */
import type { FieldSpec } from './fields';
import type { CanonicalValue, Ref } from './types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// eslint-disable-next-line no-control-regex -- NetSuite joins multi-select values with U+0005 as well as commas.
const MULTI_SEPARATOR = /[,\u0005]/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isEmpty(raw: unknown): boolean {
  return raw === null || raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0);
}

/**
 * A calendar date. SuiteScript hands date fields over as `Date` objects at local midnight of the
 * script's time zone, so the local calendar components are the date.
 */
export function toDate(raw: unknown): string | null {
  if (isEmpty(raw)) return null;
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return null;
    return `${pad(raw.getFullYear(), 4)}-${pad(raw.getMonth() + 1)}-${pad(raw.getDate())}`;
  }
  const text = String(raw).trim();
  if (ISO_DATE.test(text)) return text;
  const isoPrefix = /^(\d{4}-\d{2}-\d{2})T/.exec(text);
  if (isoPrefix) return isoPrefix[1] ?? null;
  throw new TypeError(`not a date: ${JSON.stringify(text.slice(0, 40))}`);
}

/** An instant, as ISO-8601 UTC with milliseconds. */
export function toDateTime(raw: unknown): string | null {
  if (isEmpty(raw)) return null;
  const date = raw instanceof Date ? raw : typeof raw === 'number' ? new Date(raw) : new Date(String(raw).trim());
  if (Number.isNaN(date.getTime())) throw new TypeError(`not a date-time: ${JSON.stringify(String(raw).slice(0, 40))}`);
  return date.toISOString();
}

/** Checkboxes: SuiteScript gives booleans, SuiteQL `'T'`/`'F'`, REST booleans. Unset is false. */
export function toBoolean(raw: unknown): boolean {
  if (raw === true || raw === 'T' || raw === 't' || raw === 'true') return true;
  if (raw === false || raw === 'F' || raw === 'f' || raw === 'false' || isEmpty(raw)) return false;
  throw new TypeError(`not a boolean: ${JSON.stringify(String(raw).slice(0, 40))}`);
}

function isRefLike(raw: unknown): raw is { id: unknown; refName?: unknown } {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && !(raw instanceof Date) && 'id' in raw;
}

/** A single select: an id (with an optional display text) or a `{ id, refName }` object. */
export function toRef(raw: unknown, text?: unknown): Ref | null {
  if (isEmpty(raw)) return null;
  if (isRefLike(raw)) {
    if (isEmpty(raw.id)) return null;
    const refName = raw.refName ?? text;
    return { id: String(raw.id), refName: isEmpty(refName) ? null : String(refName) };
  }
  if (Array.isArray(raw)) return toRef(raw[0], Array.isArray(text) ? text[0] : text);
  return { id: String(raw), refName: isEmpty(text) || Array.isArray(text) ? null : String(text) };
}

/** A multi-select: ids with parallel texts, a comma/`\u0005` separated id string, or refs. Empty is null. */
export function toRefs(raw: unknown, texts?: unknown): Ref[] | null {
  if (isEmpty(raw)) return null;
  const ids: unknown[] = Array.isArray(raw)
    ? raw
    : typeof raw === 'string'
      ? raw
          .split(MULTI_SEPARATOR)
          .map((s) => s.trim())
          .filter((s) => s !== '')
      : [raw];
  const names: unknown[] = Array.isArray(texts) ? texts : typeof texts === 'string' ? texts.split(MULTI_SEPARATOR) : [];
  const refs = ids.map((id, i) => toRef(id, names[i])).filter((r): r is Ref => r !== null);
  return refs.length === 0 ? null : refs;
}

/** Integers and floats; SuiteQL and some getValue calls hand numbers over as strings. */
function toNumber(raw: unknown, integer: boolean): number | null {
  if (isEmpty(raw)) return null;
  const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw new TypeError(`not a${integer ? 'n integer' : ' number'}: ${JSON.stringify(String(raw).slice(0, 40))}`);
  }
  return n;
}

/** Text: empty string and null are the same value. */
function toText(raw: unknown): string | null {
  if (isEmpty(raw)) return null;
  return String(raw);
}

/** Infers the kind of a custom field of undeclared type from the value read. */
function inferred(raw: unknown, text?: unknown): CanonicalValue {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return toNumber(raw, false); // NaN/Infinity: not a value JSON can carry
  if (raw instanceof Date) {
    const midnight =
      raw.getHours() === 0 && raw.getMinutes() === 0 && raw.getSeconds() === 0 && raw.getMilliseconds() === 0;
    return midnight ? toDate(raw) : toDateTime(raw);
  }
  if (Array.isArray(raw)) return toRefs(raw, text);
  if (isRefLike(raw)) return toRef(raw, text);
  return toText(raw);
}

/**
 * Normalises one raw value of a field. `text` is the display text where the source has one
 * (SuiteScript `getText`, SuiteQL `BUILTIN.DF`). Throws a TypeError naming the bad value.
 */
export function normalizeValue(spec: FieldSpec, raw: unknown, text?: unknown): CanonicalValue {
  switch (spec.kind) {
    case 'text':
      return toText(raw);
    case 'boolean':
      return toBoolean(raw);
    case 'date':
      return toDate(raw);
    case 'datetime':
      return toDateTime(raw);
    case 'integer':
      return toNumber(raw, true);
    case 'float':
      return toNumber(raw, false);
    case 'select':
      return toRef(raw, text);
    case 'multiselect':
    case 'sublist':
      return toRefs(raw, text);
    case 'auto':
      return inferred(raw, text);
  }
}

/** `''`, `[]`, undefined and null are the one empty value of the contract: null. */
export function emptyToNull(value: CanonicalValue | undefined): CanonicalValue {
  return isEmpty(value) ? null : (value as CanonicalValue);
}

/** Canonical equality: refs compare by id (a missing refName is not a change); ref lists as id sets. */
export function sameValue(a: CanonicalValue, b: CanonicalValue): boolean {
  // Empty is null whatever the source handed over ('' or [] in a hand-built record): never a change.
  if (isEmpty(a)) a = null;
  if (isEmpty(b)) b = null;
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return false;
    const ids = new Set(a.map((r) => r.id));
    const other = new Set(b.map((r) => r.id));
    return ids.size === other.size && [...ids].every((id) => other.has(id));
  }
  if (typeof a === 'object' && typeof b === 'object') return a.id === b.id;
  return false;
}
