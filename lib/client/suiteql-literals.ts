/**
 * `?` placeholders bound into SuiteQL text as literals. SuiteQL over REST documents only the `q` member
 * (section_157909186990, section_158394344595): bind parameters exist for N/query, not for REST, so the
 * client writes each value into the query itself — strings quoted with `'` doubled, numbers, booleans
 * and dates validated — and a value can never end its literal or open a comment.
 */
import { wallClockIn, wallClockText } from '../core';

/** A value a `?` may stand for. */
export type SuiteQLValue = string | number | bigint | boolean | Date | null;

/** Where a quoted region starting at `i` ends (the index after it), or -1 when it is not closed. */
function endOfQuoted(q: string, i: number, quote: string): number {
  for (let j = i + 1; j < q.length; j++) {
    if (q[j] !== quote) continue;
    if (q[j + 1] === quote)
      j++; // a doubled quote stands for one
    else return j + 1;
  }
  return -1;
}

const CLOSERS: Record<string, string> = { '[': ']', '{': '}', '(': ')', '<': '>' };

/** Oracle's alternative quoting `q'[…]'` (also `nq'…'`): the start of one at `i` (the `'`), if any. */
function isAlternativeQuote(q: string, i: number): boolean {
  if (!/[qQ]/.test(q[i - 1] ?? '')) return false;
  const before = q.slice(0, i - 1);
  return !/[\w$#]$/.test(before) || (/[nN]$/.test(before) && !/[\w$#][nN]$/.test(before));
}

function endOfAlternative(q: string, i: number): number {
  const open = q[i + 1];
  if (open === undefined || /\s/.test(open)) return -1;
  const close = CLOSERS[open] ?? open;
  const at = q.indexOf(`${close}'`, i + 2);
  return at < 0 ? -1 : at + 2;
}

/** Offsets of the `?` placeholders: outside string literals, quoted identifiers and comments. */
export function placeholderOffsets(q: string): number[] {
  const found: number[] = [];
  for (let i = 0; i < q.length;) {
    const c = q.charAt(i);
    let end = i + 1;
    if (c === '?') found.push(i);
    else if (c === "'") end = isAlternativeQuote(q, i) ? endOfAlternative(q, i) : endOfQuoted(q, i, "'");
    else if (c === '"') end = endOfQuoted(q, i, '"');
    else if (c === '-' && q[i + 1] === '-') end = q.includes('\n', i) ? q.indexOf('\n', i) + 1 : q.length;
    else if (c === '/' && q[i + 1] === '*') end = q.includes('*/', i + 2) ? q.indexOf('*/', i + 2) + 2 : -1;
    if (end < 0)
      throw new TypeError(
        `the query has an unclosed ${c === '/' ? 'comment' : c === '"' ? 'quoted identifier' : 'string literal'} (at character ${i + 1})`,
      );
    i = end;
  }
  return found;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Strings NetSuite can store: no NUL, no lone surrogate halves (they would not come back as sent). */
function checkText(s: string): void {
  if (s.includes('\u0000')) throw new TypeError('a SuiteQL string value cannot contain a NUL character');
  if (LONE_SURROGATE.test(s))
    throw new TypeError('a SuiteQL string value must be well-formed Unicode (it has a lone surrogate)');
}

/** A Date as `TO_TIMESTAMP(…)` of its wall clock in the time zone SuiteQL shows date-times in. */
function timestampLiteral(d: Date, timeZone: string): string {
  if (Number.isNaN(d.getTime())) throw new TypeError('a SuiteQL date value is an invalid Date');
  const year = wallClockIn(d.getTime(), timeZone).year;
  if (year < 1 || year > 9999) throw new TypeError('a SuiteQL date value must fall in the years 0001–9999');
  return `TO_TIMESTAMP('${wallClockText(d.getTime(), timeZone).replace('T', ' ')}', 'YYYY-MM-DD HH24:MI:SS')`;
}

/** Negative numbers in parentheses, so `a-?` cannot become the comment `a--1`. */
const signed = (text: string) => (text.startsWith('-') ? `(${text})` : text);

/** One value as a SuiteQL literal. */
export function suiteqlLiteral(value: unknown, timeZone = 'UTC'): string {
  if (value === null) return 'NULL';
  switch (typeof value) {
    case 'string':
      checkText(value);
      return `'${value.replaceAll("'", "''")}'`;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`a SuiteQL number must be finite, not ${String(value)}`);
      return signed(Object.is(value, -0) ? '0' : String(value));
    case 'bigint':
      return signed(String(value));
    case 'boolean':
      return value ? "'T'" : "'F'"; // SuiteQL booleans are 'T'/'F'
    default:
      if (value instanceof Date) return timestampLiteral(value, timeZone);
      throw new TypeError(
        `a SuiteQL value must be a string, number, bigint, boolean, Date or null, not ${value === undefined ? 'undefined' : Array.isArray(value) ? 'an array' : typeof value}`,
      );
  }
}

/** The query with each `?` replaced by its value's literal; the counts must match. */
export function bindSuiteQL(q: string, params: readonly unknown[], timeZone = 'UTC'): string {
  const at = placeholderOffsets(q);
  if (at.length !== params.length) {
    throw new RangeError(
      `the query has ${at.length} ? placeholder${at.length === 1 ? '' : 's'} but ${params.length} value${params.length === 1 ? ' was' : 's were'} given`,
    );
  }
  let out = '';
  let from = 0;
  at.forEach((offset, i) => {
    out += q.slice(from, offset) + suiteqlLiteral(params[i], timeZone);
    from = offset + 1;
  });
  return out + q.slice(from);
}
