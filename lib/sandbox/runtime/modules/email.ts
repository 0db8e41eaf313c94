/**
 * `N/email.send` (section_4358681681): 20 units, an employee as author, at most 10 recipients (to, cc and
 * bcc together), email addresses or employee internal ids. Nothing leaves the machine: messages go to the
 * account's outbox, read with `account.sentEmails()`.
 */
import { UNIT_COST } from '../../../core/governance';
import type { ScriptEnv } from '../script-env';
import type { Db } from '../../account/store';

export interface SentEmail {
  at: string;
  script: string;
  author: number;
  recipients: string[];
  subject: string;
  body: string;
}

const MAX_RECIPIENTS = 10;
const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

function ensureOutbox(db: Db): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS sandbox_email (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, script TEXT NOT NULL, author INTEGER NOT NULL, recipients TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL)',
  );
}

export function sentEmails(db: Db): SentEmail[] {
  ensureOutbox(db);
  return (
    db.prepare('SELECT at, script, author, recipients, subject, body FROM sandbox_email ORDER BY id').all() as (Omit<
      SentEmail,
      'recipients'
    > & { recipients: string })[]
  ).map((r) => ({
    ...r,
    recipients: JSON.parse(r.recipients) as string[],
  }));
}

export function createEmailModule(env: ScriptEnv): Record<string, unknown> {
  const { db } = env.services;
  const employeeEmail = (id: number): string | null =>
    (db.prepare('SELECT email FROM employee WHERE id = ?').pluck().get(id) as string | null | undefined) ?? null;
  const addresses = (value: unknown): string[] => {
    const list = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
    return list.map((v) => {
      if (typeof v === 'number' || /^\d+$/.test(String(v))) {
        const found = employeeEmail(Number(v));
        if (!found)
          throw env.raise('SSS_INVALID_RECIPIENT', `Recipient ${String(v)} is not an employee with an email address.`);
        return found;
      }
      if (!EMAIL.test(String(v))) throw env.raise('SSS_INVALID_RECIPIENT', 'A recipient is not an email address.');
      return String(v);
    });
  };
  const send = (o: unknown) => {
    const { author, recipients, cc, bcc, subject, body } = (o ?? {}) as Record<string, unknown>;
    for (const [name, v] of Object.entries({ author, recipients, subject, body })) {
      if (v === undefined || v === null || v === '')
        throw env.raise('SSS_MISSING_REQD_ARGUMENT', `Missing a required argument: ${name}`);
    }
    env.governance.charge(UNIT_COST.emailSend);
    if (!/^\d+$/.test(String(author)) || !db.prepare('SELECT 1 FROM employee WHERE id = ?').get(Number(author))) {
      throw env.raise('SSS_INVALID_AUTHOR', 'The author must be the internal id of an employee.');
    }
    const to = [...addresses(recipients), ...addresses(cc), ...addresses(bcc)];
    if (to.length > MAX_RECIPIENTS)
      throw env.raise(
        'SSS_MAXIMUM_NUMBER_RECIPIENTS_EXCEEDED',
        `At most ${MAX_RECIPIENTS} recipients (got ${to.length}).`,
      );
    ensureOutbox(db);
    db.prepare(
      'INSERT INTO sandbox_email (at, script, author, recipients, subject, body) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(
      new Date(env.services.clock.now()).toISOString(),
      env.script.id,
      Number(author),
      JSON.stringify(to),
      String(subject),
      String(body),
    );
  };
  return { send };
}
