/** The health page: counts, last success and failure, the retry deployments, configuration and alerts. */
import type * as serverWidget from 'N/ui/serverWidget';
import { ALERT_PARAM } from '../../core/alert-config';
import { DEPLOYMENT } from '../../core/ids';
import { attemptText, esc, formatAge, formatInstant } from './format';
import type { DeliveryPoint, Health } from './health';
import type { PingOutcome } from './ping';
import { consoleUrl, group, html, link, newForm, notice, show } from './widgets';

function describePoint(p: DeliveryPoint | null, now: number, withError: boolean): string {
  if (!p) return 'none recorded';
  const error = withError ? p.error : '';
  const answer = p.httpStatus ? attemptText(p.httpStatus, error) : `no HTTP answer${error ? `: ${error}` : ''}`;
  return `${formatInstant(p.at)} (${formatAge(now - p.at.getTime())} ago), ${answer} (delivery ${p.id})`;
}

function deliveriesGroup(form: serverWidget.Form, h: Health, now: number): void {
  const g = group(form, 'custpage_g_outbox', 'Deliveries');
  const listed = (status: string, n: number) => link(consoleUrl('deliveries', { custparam_status: status }), `${n}`);
  html(
    form,
    'custpage_counts',
    `<table class="suitehooks-counts"><tr><th>Pending</th><td id="count-pending">${listed('pending', h.counts.pending)}</td></tr>` +
      `<tr><th>Dead</th><td id="count-dead">${listed('dead', h.counts.dead)}</td></tr>` +
      `<tr><th>Delivered from the outbox in the last 24 h</th><td id="count-delivered-24h">${esc(h.counts.deliveredLastDay)}</td></tr></table>` +
      // Inline deliveries that succeed are never stored (install step 4, delivery mode): say so.
      `<p class="suitehooks-note" id="count-delivered-note">Only stored deliveries are counted: an event delivered at the first try when the employee was saved is not stored, so it is not in these numbers.</p>`,
    g,
  );
  show(
    form,
    'custpage_oldest',
    'Oldest pending',
    h.oldestPending ? `${formatAge(now - h.oldestPending.at.getTime())} (delivery ${h.oldestPending.id})` : 'none',
    g,
  );
  show(form, 'custpage_last_ok', 'Last success', describePoint(h.lastSuccess, now, false), g);
  show(form, 'custpage_last_fail', 'Last failure', describePoint(h.lastFailure, now, true), g);
}

function retryGroup(form: serverWidget.Form, h: Health): void {
  const g = group(form, 'custpage_g_retry', 'Retry script');
  const dep = (id: string) => h.deployments.find((d) => d.scriptId === id);
  const describe = (id: string, expected: string) => {
    const d = dep(id);
    if (!d) return 'not found: deploy src/ again';
    const ok = d.deployed && d.status.toUpperCase().replace(/\s/g, '') === expected;
    return `${d.status}${d.deployed ? '' : ', not deployed'}${ok ? '' : ` (expected ${expected}, deployed)`}`;
  };
  show(
    form,
    'custpage_timer',
    'Timer (every 15 min)',
    `${DEPLOYMENT.retryTimer}: ${describe(DEPLOYMENT.retryTimer, 'SCHEDULED')}`,
    g,
  );
  show(
    form,
    'custpage_worker',
    'Worker (on demand)',
    `${DEPLOYMENT.retryWorker}: ${describe(DEPLOYMENT.retryWorker, 'NOTSCHEDULED')}`,
    g,
  );
  let runs: string;
  if (h.runs === null) runs = `unknown: the scheduled script instance search failed (${h.runsError})`;
  else if (h.runs.length === 0) runs = 'no run recorded yet';
  else
    runs = h.runs
      .map((r) => `${r.deployment}: ${r.status}, started ${r.started || '-'}, ended ${r.ended || '-'}`)
      .join(' | ');
  // The Scheduled Script Instance search answers dates as text in the user's time zone preference.
  show(form, 'custpage_runs', 'Last runs (your time zone)', runs, g);
}

function configGroup(form: serverWidget.Form, h: Health): void {
  const g = group(form, 'custpage_g_config', 'Configuration');
  show(form, 'custpage_endpoint', 'Endpoint', h.config.endpoint || '(not set)', g);
  show(form, 'custpage_signing', 'Signing', h.config.signing, g);
  const problems =
    h.config.problems.length === 0
      ? '<p id="config-ok">No problems found in the user event deployment.</p>'
      : `<ul id="config-problems">${h.config.problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`;
  html(form, 'custpage_config', problems, g);
  const a = h.alerts;
  const alerts = !a
    ? `unknown: deployment ${DEPLOYMENT.retryTimer} not found`
    : a.errors.length > 0
      ? `problems (no alert is sent until fixed): ${a.errors.join('; ')}`
      : a.recipients.length === 0
        ? `off (set ${ALERT_PARAM.recipients} on the retry timer deployment, ${DEPLOYMENT.retryTimer})`
        : `${a.recipients.length} recipient(s); endpoint failing alert after ${a.failingAfterMs / 60_000} min`;
  show(form, 'custpage_alerts', 'Alerts', alerts, g);
}

export function pingLines(p: PingOutcome): { kind: 'ok' | 'error'; lines: string[] } {
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

export function healthPage(h: Health, now: number, ping: PingOutcome | null): serverWidget.Form {
  const form = newForm('Health', 'health');
  if (ping) {
    const { kind, lines } = pingLines(ping);
    notice(form, kind, lines);
  }
  deliveriesGroup(form, h, now);
  retryGroup(form, h);
  configGroup(form, h);
  form.addSubmitButton({ label: 'Send test event' });
  return form;
}
