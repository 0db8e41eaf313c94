/**
 * Alert settings: parameters of the retry script, set on its timer deployment
 * (`customdeploy_suitehooks_retry_ss`). The timer run that sends the alerts reads its own values with
 * `Script.getParameter` (no units, section_4296661592); the console's health page shows them.
 */
import type { ParamReader } from './config';
import { DEFAULT_DISABLE_AFTER_DAYS } from './endpoint-health';

export const ALERT_PARAM = {
  recipients: 'custscript_suitehooks_alert_recipients',
  author: 'custscript_suitehooks_alert_author',
  failingMinutes: 'custscript_suitehooks_alert_after_min',
  /** Days an endpoint record may fail continuously before the timer disables it (default 5). */
  disableAfterDays: 'custscript_suitehooks_disable_after_days',
} as const;

/** N/email accepts at most 10 recipients (to + cc + bcc) per message (section_4358681681). */
export const MAX_RECIPIENTS = 10;
export const DEFAULT_FAILING_MINUTES = 60;
/** The timer runs every 15 minutes: a shorter threshold could not be observed. */
export const MIN_FAILING_MINUTES = 15;

export interface AlertConfig {
  /** Email addresses, or employee internal ids as numbers. Empty: alerts are off. */
  recipients: (string | number)[];
  /** Employee internal id shown as the sender (N/email `author`). */
  author: number | null;
  failingAfterMs: number;
  /** How long an endpoint record may fail continuously before it is disabled. */
  disableAfterMs: number;
  /** Problems, each naming its parameter; alerts are not sent while there is one. */
  errors: string[];
}

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;
const INTERNAL_ID = /^[1-9]\d{0,11}$/;

function text(raw: unknown): string {
  return raw === null || raw === undefined ? '' : String(raw).trim();
}

function parseRecipients(raw: string, errors: string[]): (string | number)[] {
  const out: (string | number)[] = [];
  for (const entry of raw.split(/[\s,;]+/).filter((s) => s !== '')) {
    if (INTERNAL_ID.test(entry)) out.push(Number(entry));
    else if (EMAIL.test(entry)) out.push(entry);
    else
      errors.push(
        `${ALERT_PARAM.recipients}: "${entry.slice(0, 60)}" is neither an email address nor an employee internal id`,
      );
  }
  if (out.length > MAX_RECIPIENTS)
    errors.push(`${ALERT_PARAM.recipients}: at most ${MAX_RECIPIENTS} recipients (N/email's limit), got ${out.length}`);
  return out;
}

export function parseAlertConfig(read: ParamReader): AlertConfig {
  const errors: string[] = [];
  const recipients = parseRecipients(text(read(ALERT_PARAM.recipients)), errors);
  const authorText = text(read(ALERT_PARAM.author));
  let author: number | null = null;
  if (INTERNAL_ID.test(authorText)) author = Number(authorText);
  else if (authorText !== '')
    errors.push(`${ALERT_PARAM.author} must be an employee internal id (the sender of alert emails)`);
  else if (recipients.length > 0)
    errors.push(`${ALERT_PARAM.author} is not set: alert emails need an employee as sender`);
  const minutesText = text(read(ALERT_PARAM.failingMinutes));
  let minutes = DEFAULT_FAILING_MINUTES;
  if (minutesText !== '') {
    const n = Number(minutesText);
    if (Number.isInteger(n) && n >= MIN_FAILING_MINUTES) minutes = n;
    else
      errors.push(
        `${ALERT_PARAM.failingMinutes} must be a whole number of minutes, at least ${MIN_FAILING_MINUTES} (got "${minutesText.slice(0, 20)}")`,
      );
  }
  return { recipients, author, failingAfterMs: minutes * 60_000, disableAfterMs: disableAfter(read, errors), errors };
}

/** Whole days, at least 1; a bad value keeps the default (and is reported). */
function disableAfter(read: ParamReader, errors: string[]): number {
  const raw = text(read(ALERT_PARAM.disableAfterDays));
  const n = raw === '' ? DEFAULT_DISABLE_AFTER_DAYS : Number(raw);
  if (Number.isInteger(n) && n >= 1) return n * 86_400_000;
  errors.push(`${ALERT_PARAM.disableAfterDays} must be a whole number of days, at least 1 (got "${raw.slice(0, 20)}")`);
  return DEFAULT_DISABLE_AFTER_DAYS * 86_400_000;
}

/** Durable alert state (one record per kind): when the last email went out, and the kind's mark. */
export const ALERT_RECORD = 'customrecord_suitehooks_alert';

export const ALERT_FIELD = {
  kind: 'custrecord_suitehooks_alert_kind',
  lastSent: 'custrecord_suitehooks_alert_sent',
  mark: 'custrecord_suitehooks_alert_mark',
} as const;
