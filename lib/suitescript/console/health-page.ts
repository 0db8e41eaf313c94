/**
 * The health page: counts, last success and failure, the retry deployments, configuration and alerts.
 * Each part the user's role may not read says so on its own (health.ts `Part`); the rest still shows.
 */
import type * as serverWidget from 'N/ui/serverWidget';
import { ALERT_PARAM, type AlertConfig } from '../../core/alert-config';
import { DEPLOYMENT } from '../../core/ids';
import { attemptText, esc, formatAge, formatInstant } from './format';
import type { DeliveryPoint, DeploymentState, Health, Outbox, Part } from './health';
import type { PingOutcome } from './ping';
import type { Session } from './session';
import { consoleUrl, group, html, link, newForm, notice, show, type Message } from './widgets';

/** A part's text, or why the role cannot see it. */
function shown<T>(p: Part<T>, describe: (value: T) => string): string {
  return 'value' in p ? describe(p.value) : p.denied;
}

function describePoint(p: DeliveryPoint | null, now: number, withError: boolean): string {
  if (!p) return 'none recorded';
  const error = withError ? p.error : '';
  const answer = p.httpStatus ? attemptText(p.httpStatus, error) : `no HTTP answer${error ? `: ${error}` : ''}`;
  return `${formatInstant(p.at)} (${formatAge(now - p.at.getTime())} ago), ${answer} (delivery ${p.id})`;
}

function countsHtml(o: Outbox): string {
  const listed = (status: string, n: number) => link(consoleUrl('deliveries', { custparam_status: status }), `${n}`);
  return (
    `<table class="suitehooks-counts"><tr><th>Pending</th><td id="count-pending">${listed('pending', o.counts.pending)}</td></tr>` +
    `<tr><th>Dead</th><td id="count-dead">${listed('dead', o.counts.dead)}</td></tr>` +
    `<tr><th>Delivered from the outbox in the last 24 h</th><td id="count-delivered-24h">${esc(o.counts.deliveredLastDay)}</td></tr></table>` +
    // Inline deliveries that succeed are never stored (install step 4, delivery mode): say so.
    `<p class="suitehooks-note" id="count-delivered-note">Only stored deliveries are counted: an event delivered at the first try when the employee was saved is not stored, so it is not in these numbers.</p>`
  );
}

function deliveriesGroup(form: serverWidget.Form, h: Health, now: number): void {
  const g = group(form, 'custpage_g_outbox', 'Deliveries');
  const o = h.outbox;
  html(form, 'custpage_counts', 'value' in o ? countsHtml(o.value) : `<p id="outbox-denied">${esc(o.denied)}</p>`, g);
  const oldest = (v: Outbox) =>
    v.oldestPending ? `${formatAge(now - v.oldestPending.at.getTime())} (delivery ${v.oldestPending.id})` : 'none';
  show(form, 'custpage_oldest', 'Oldest pending', shown(o, oldest), g);
  show(
    form,
    'custpage_last_ok',
    'Last success',
    shown(o, (v) => describePoint(v.lastSuccess, now, false)),
    g,
  );
  show(
    form,
    'custpage_last_fail',
    'Last failure',
    shown(o, (v) => describePoint(v.lastFailure, now, true)),
    g,
  );
}

function describeDeployment(list: DeploymentState[], id: string, expected: string): string {
  const d = list.find((x) => x.scriptId === id);
  if (!d) return `${id}: not found: deploy src/ again`;
  const ok = d.deployed && d.status.toUpperCase().replace(/\s/g, '') === expected;
  return `${id}: ${d.status}${d.deployed ? '' : ', not deployed'}${ok ? '' : ` (expected ${expected}, deployed)`}`;
}

function retryGroup(form: serverWidget.Form, h: Health): void {
  const g = group(form, 'custpage_g_retry', 'Retry script');
  const deps = h.deployments;
  const timer = (l: DeploymentState[]) => describeDeployment(l, DEPLOYMENT.retryTimer, 'SCHEDULED');
  const worker = (l: DeploymentState[]) => describeDeployment(l, DEPLOYMENT.retryWorker, 'NOTSCHEDULED');
  show(form, 'custpage_timer', 'Timer (every 15 min)', shown(deps, timer), g);
  show(form, 'custpage_worker', 'Worker (on demand)', shown(deps, worker), g);
  const runs = shown(h.runs, (list) =>
    list.length === 0
      ? 'no run recorded yet'
      : list
          .map((r) => `${r.deployment}: ${r.status}, started ${r.started || '-'}, ended ${r.ended || '-'}`)
          .join(' | '),
  );
  // The Scheduled Script Instance search answers dates as text in the user's time zone preference.
  show(form, 'custpage_runs', 'Last runs (your time zone)', runs, g);
}

function describeAlerts(a: AlertConfig | null): string {
  if (!a) return `unknown: deployment ${DEPLOYMENT.retryTimer} not found`;
  if (a.errors.length > 0) return `problems (no alert is sent until fixed): ${a.errors.join('; ')}`;
  if (a.recipients.length === 0)
    return `off (set ${ALERT_PARAM.recipients} on the retry timer deployment, ${DEPLOYMENT.retryTimer})`;
  return `${a.recipients.length} recipient(s); endpoint failing alert after ${a.failingAfterMs / 60_000} min`;
}

function configGroup(form: serverWidget.Form, h: Health): void {
  const g = group(form, 'custpage_g_config', 'Configuration');
  const c = h.config;
  show(
    form,
    'custpage_endpoint',
    'Endpoint',
    shown(c, (v) => v.endpoint || '(not set)'),
    g,
  );
  show(
    form,
    'custpage_signing',
    'Signing',
    shown(c, (v) => v.signing),
    g,
  );
  const problems = !('value' in c)
    ? `<p id="config-denied">${esc(c.denied)}</p>`
    : c.value.problems.length === 0
      ? '<p id="config-ok">No problems found in the user event deployment.</p>'
      : `<ul id="config-problems">${c.value.problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`;
  html(form, 'custpage_config', problems, g);
  show(form, 'custpage_alerts', 'Alerts', shown(h.alerts, describeAlerts), g);
}

export function pingLines(p: PingOutcome): Message {
  switch (p.kind) {
    case 'not sent':
      return { kind: 'error', lines: ['Test event not sent:', ...p.problems] };
    case 'failed':
      return { kind: 'error', lines: [`Test event ${p.eventId} failed after ${p.ms} ms: ${p.error}`] };
    case 'answered':
      return {
        kind: p.status >= 200 && p.status < 300 ? 'ok' : 'error',
        lines: [
          `Test event ${p.eventId}: the receiver answered HTTP ${p.status} in ${p.ms} ms.`,
          `Answer: ${p.body || '(empty)'}`,
        ],
      };
  }
}

export function healthPage(h: Health, now: number, message: Message | null, session: Session): serverWidget.Form {
  const form = newForm('Health', 'health', session);
  if (message) notice(form, message.kind, message.lines);
  deliveriesGroup(form, h, now);
  retryGroup(form, h);
  configGroup(form, h);
  form.addSubmitButton({ label: 'Send test event' });
  return form;
}
