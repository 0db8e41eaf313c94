/**
 * Date and date-time values as REST writes them (section_157305090645): a date is an RFC 3339
 * full-date (`2017-07-21`), a date-time an RFC 3339 date-time in ISO 8601 (`2017-07-21T17:32:28Z`).
 * Both must exist: JavaScript's `Date` would quietly turn `2020-02-30` into March 1st.
 */
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/i;

export function isCalendarDate(text: string): boolean {
  const m = FULL_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function isDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (!m?.[1] || !isCalendarDate(m[1])) return false;
  const [h, mi, s] = [Number(m[2]), Number(m[3]), Number(m[4])];
  const offsetOk = m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8]) <= 59);
  return h <= 23 && mi <= 59 && s <= 59 && offsetOk;
}
