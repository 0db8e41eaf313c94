/**
 * Alerts, checked by the retry script's timer run (retry-timer.ts) with the timer deployment's own
 * parameters: an email (N/email) to the configured recipients when
 * deliveries went dead, or when the endpoint's latest recorded attempt has failed for longer than the
 * configured time. At most one email per hour per kind (state in a custom record). An email carries counts,
 * the last error and a link to the console: never a payload, an event id or an employee.
 */
import * as email from 'N/email';
import * as logger from 'N/log';
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import * as url from 'N/url';
import { parseAlertConfig, type AlertConfig } from '../core/alert-config';
import { decideDead, decideFailing, deadSince, type AlertKind, type Decision } from '../core/alert-rules';
import { DELIVERY_FIELD as F, DELIVERY_RECORD, DELIVERY_STATUS } from '../core/delivery-record';
import { DEPLOYMENT, SCRIPT } from '../core/ids';
import { loadStates, saveState, type StoredState } from './alert-state';
import { attemptText, plural } from './console/format';
import { deadSince as deadSinceQuery, lastAttempted, statusSummary } from './console/outbox-sql';
import { count, rows } from './console/suiteql';
import { errorCode } from './errors';

const TITLE = 'suitehooks alerts';

interface Outbox {
  pending: number;
  dead: number;
}

function outbox(): Outbox {
  const out = { pending: 0, dead: 0 };
  for (const row of rows(statusSummary())) {
    if (row.status === DELIVERY_STATUS.pending) out.pending = Number(row.n ?? 0);
    if (row.status === DELIVERY_STATUS.dead) out.dead = Number(row.n ?? 0);
  }
  return out;
}

/**
 * The latest recorded attempt: failed or not, and its error (2 units to read the error). A 410 is the
 * receiver's own answer, not a failing endpoint (the dead alert reports it).
 */
function latestAttempt(): { failing: boolean; error: string } {
  const [row] = rows(lastAttempted());
  if (!row || row.status === DELIVERY_STATUS.delivered) return { failing: false, error: '' };
  const rec = record.load({ type: DELIVERY_RECORD, id: String(row.id) });
  const status = rec.getValue({ fieldId: F.lastHttpStatus });
  const error = String(rec.getValue({ fieldId: F.lastError }) ?? '');
  return {
    failing: String(row.last_http_status) !== '410',
    error: attemptText(String(status ?? ''), error).slice(0, 300),
  };
}

function consoleLink(): string {
  const path = url.resolveScript({ scriptId: SCRIPT.console, deploymentId: DEPLOYMENT.console });
  return /^https?:\/\//.test(path)
    ? path
    : `https://${url.resolveDomain({ hostType: url.HostType.APPLICATION })}${path}`;
}

/** 20 units. */
function send(config: AlertConfig, subject: string, lines: string[]): void {
  // A missing author is one of the config's errors, and a config with errors sends no alert.
  if (config.author === null) return;
  const body = [
    ...lines,
    '',
    `Open the console: ${consoleLink()}`,
    '',
    'suitehooks sends at most one email of this kind per hour.',
  ].join('\n');
  email.send({
    author: config.author,
    recipients: config.recipients as string[],
    subject: `suitehooks (${runtime.accountId}): ${subject}`,
    body,
  });
}

/**
 * 20 units, when alerts are configured: the one email for an endpoint the timer just disabled. Names the
 * endpoint (name and internal id) and its last error; never a payload.
 */
export function alertEndpointDisabled(
  config: AlertConfig,
  endpoint: { id: string; name: string },
  detail: string,
): void {
  if (config.recipients.length === 0 || config.errors.length > 0) return;
  send(config, `endpoint "${endpoint.name}" was disabled`, [
    `The endpoint "${endpoint.name}" (suitehooks Endpoint ${endpoint.id}) ${detail}, so it was disabled.`,
    'Its deliveries are kept: none is dead-lettered while it is disabled. Fix the receiver, then enable the endpoint again (its record, or the console) and they are sent.',
  ]);
}

function apply(kind: AlertKind, state: StoredState, decision: Decision, deliver: () => void): void {
  if (decision.send) deliver();
  saveState(kind, state, decision.next);
}

function check(config: AlertConfig): void {
  const now = Date.now();
  const states = loadStates();
  const empty: StoredState = { id: null, lastSent: null, mark: null };
  const counts = outbox();
  const latest = latestAttempt();

  const dead = states.get('dead') ?? empty;
  const newlyDead = count(deadSinceQuery(now - deadSince(dead, now)));
  const went = plural(newlyDead, 'delivery went dead', 'deliveries went dead');
  apply('dead', dead, decideDead(dead, newlyDead, now), () =>
    send(config, went, [
      `${went}: their retries are used up (or the receiver answered 410). They are kept and can be replayed from the console.`,
      `Dead now: ${counts.dead}. Pending: ${counts.pending}.`,
      `Last error: ${latest.error || '(none recorded)'}`,
    ]),
  );

  const failing = states.get('failing') ?? empty;
  const decision = decideFailing(failing, latest.failing, config.failingAfterMs, now);
  const minutes = Math.round((now - (decision.next.mark ?? now)) / 60_000);
  apply('failing', failing, decision, () =>
    send(config, `the endpoint has failed for ${minutes} minutes`, [
      `The latest delivery attempts have failed for ${minutes} minutes (alert threshold ${config.failingAfterMs / 60_000} minutes).`,
      `Pending: ${counts.pending}. Dead: ${counts.dead}.`,
      `Last error: ${latest.error || '(none recorded)'}`,
    ]),
  );
}

/** The retry script's alert settings: the running deployment's own parameters (no units). */
export function alertConfig(): AlertConfig {
  const script = runtime.getCurrentScript();
  return parseAlertConfig((name) => script.getParameter({ name }));
}

/**
 * Called by the timer run; never throws. Alerts off (no recipients) costs nothing: the settings are the
 * running deployment's own parameters (Script.getParameter: no units, section_4296661592).
 */
export function checkAlerts(): void {
  try {
    const script = runtime.getCurrentScript();
    const config = parseAlertConfig((name) => script.getParameter({ name }));
    if (config.recipients.length === 0) return;
    if (config.errors.length > 0) {
      logger.error({
        title: TITLE,
        details: `not sent, fix the parameters of ${script.deploymentId}: ${config.errors.join('; ')}`,
      });
      return;
    }
    check(config);
  } catch (e) {
    logger.error({ title: TITLE, details: `check failed: ${errorCode(e)}` });
  }
}
