/** Text for the console's pages (pure): escaping, ages, pretty JSON, endpoints without their query. */
import { errorCode } from '../errors';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every value the console shows goes through this: receivers' answers and payloads are untrusted text. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * A part of a page the user's role may not read: NetSuite's permission error says so in words (the code
 * alone for anything else, which may carry values in its message).
 */
export function deniedText(e: unknown): string {
  const code = errorCode(e);
  return code === 'INSUFFICIENT_PERMISSION' ? 'not visible to your role' : `not readable (${code})`;
}

/** `1 dead delivery`, `2 dead deliveries`: a count with its noun. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A delivery's last HTTP status and error in one line, without saying the status twice: a 410's error
 * is already `HTTP 410 Gone: …` (lib/core/retry-schedule.ts), other errors name no status.
 */
export function attemptText(httpStatus: string, error: string): string {
  const status = httpStatus === '' ? '' : `HTTP ${httpStatus}`;
  if (status === '' || error === '') return status || error;
  return error.startsWith(status) ? error : `${status}: ${error}`;
}

/** `3 d 4 h`, `2 h 5 min`, `40 s`: the two largest units. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const parts: [number, string][] = [
    [Math.floor(s / 86400), 'd'],
    [Math.floor(s / 3600) % 24, 'h'],
    [Math.floor(s / 60) % 60, 'min'],
    [s % 60, 's'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first < 0) return '0 s';
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, u]) => `${n} ${u}`)
    .join(' ');
}

/** An instant as `2026-03-06 12:34:56 UTC`. */
export function formatInstant(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/**
 * Next Attempt as stored (ISO-8601 UTC text, lib/core/delivery-record.ts) in words: a pending delivery
 * with none is due now; text that is not a time (an administrator's typo) is shown as it is.
 */
export function formatNextAttempt(text: string, status: string): string {
  if (text.trim() === '') return status === 'pending' ? 'due now' : '';
  const at = Date.parse(text);
  return Number.isNaN(at) ? text : formatInstant(new Date(at));
}

/** Indented JSON when the text is JSON, the text itself otherwise. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/**
 * The endpoint as shown: scheme, host and path only. A query string or fragment may carry a token, so it
 * is never shown; neither is anything before `@`.
 */
export function redactEndpoint(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)(?:[^/?#@]*@)?([^/?#]*)([^?#]*)([?#].*)?$/i.exec(url.trim());
  if (!match) return url === '' ? '' : '(not a URL)';
  return `${match[1]}${match[2]}${match[3]}${match[4] ? '?…' : ''}`;
}
