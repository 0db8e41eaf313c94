/**
 * The Endpoints page: every endpoint record (and the parameters endpoint) with its health (failing
 * since, last success, last error, disabled reason) and its pending and dead deliveries; actions per
 * endpoint: enable, disable, send a test event. GET: 20 units (the records' search, one SuiteQL count).
 */
import * as logger from 'N/log';
import * as record from 'N/record';
import * as serverWidget from 'N/ui/serverWidget';
import { DELIVERY_STATUS } from '../../core/delivery-record';
import { healthOf } from '../../core/endpoint-health';
import {
  ENDPOINT_FIELD as EP,
  ENDPOINT_RECORD,
  parseEndpoint,
  PARAMETERS_ENDPOINT,
  type Endpoint,
} from '../../core/endpoint-record';
import { forgetEndpoints, searchEndpointValues } from '../endpoints';
import { deniedText, redactEndpoint, esc } from './format';
import { pingLines } from './health-page';
import { countsByEndpoint } from './outbox-sql';
import { sendTestEventTo } from './ping';
import type { Session } from './session';
import { rows } from './suiteql';
import { consoleUrl, group, html, link, newForm, notice, type Message } from './widgets';

export const ENDPOINT_ID_FIELD = 'custpage_endpoint_id';
export const ENDPOINT_ACTION_FIELD = 'custpage_endpoint_action';
const ACTIONS = ['test', 'enable', 'disable'] as const;
export type EndpointAction = (typeof ACTIONS)[number];

interface Listed {
  endpoint: Endpoint;
  values: Record<string, unknown>;
}

/** 10 units: the endpoint records with their health. */
function listEndpoints(): Listed[] {
  const health = [EP.failingSince, EP.lastSuccess, EP.lastError, EP.disabledReason];
  return searchEndpointValues(health).endpoints.map(({ id, values }) => ({
    endpoint: parseEndpoint(id, values),
    values: { ...values },
  }));
}

/** 10 units: pending and dead deliveries per endpoint id ('' counts as the parameters endpoint). */
function counts(): Map<string, { pending: number; dead: number }> {
  const out = new Map<string, { pending: number; dead: number }>();
  for (const row of rows(countsByEndpoint())) {
    const id = String(row.endpoint ?? '') || PARAMETERS_ENDPOINT;
    const c = out.get(id) ?? { pending: 0, dead: 0 };
    if (row.status === DELIVERY_STATUS.pending) c.pending += Number(row.n ?? 0);
    if (row.status === DELIVERY_STATUS.dead) c.dead += Number(row.n ?? 0);
    out.set(id, c);
  }
  return out;
}

function rowHtml(l: Listed, c: { pending: number; dead: number } | undefined): string {
  const { endpoint } = l;
  const h = healthOf(l.values);
  const state = !endpoint.active ? 'inactive' : endpoint.enabled ? 'enabled' : 'disabled';
  const deliveries = consoleUrl('deliveries', { custparam_endpoint: endpoint.id });
  const cells = [
    `${esc(endpoint.name)} (${esc(endpoint.id)})`,
    esc(redactEndpoint(endpoint.result.config.endpointUrl)),
    esc(state),
    esc(h.failingSince || '—'),
    esc(h.lastSuccess || '—'),
    esc(h.lastError || '—'),
    esc(String(l.values[EP.disabledReason] ?? '') || '—'),
    link(deliveries, `${c?.pending ?? 0} pending, ${c?.dead ?? 0} dead`),
  ];
  return `<tr>${cells.map((x) => `<td>${x}</td>`).join('')}</tr>`;
}

const HEAD = [
  'Endpoint',
  'URL',
  'State',
  'Failing since',
  'Last success',
  'Last error',
  'Disabled reason',
  'Deliveries',
];

function table(listed: Listed[], c: Map<string, { pending: number; dead: number }>): string {
  const head = `<tr>${HEAD.map((x) => `<th>${esc(x)}</th>`).join('')}</tr>`;
  const body = listed.map((l) => rowHtml(l, c.get(l.endpoint.id))).join('');
  const params = c.get(PARAMETERS_ENDPOINT);
  const paramsLine = `<p>The script parameters (endpoint id <code>${PARAMETERS_ENDPOINT}</code>): ${link(consoleUrl('deliveries', { custparam_endpoint: PARAMETERS_ENDPOINT }), `${params?.pending ?? 0} pending, ${params?.dead ?? 0} dead`)}.</p>`;
  return `<table class="suitehooks-endpoints">${head}${body}</table>${paramsLine}`;
}

function actionFields(form: serverWidget.Form, listed: Listed[]): void {
  const g = group(form, 'custpage_g_endpoint_action', 'Action');
  const id = form.addField({
    id: ENDPOINT_ID_FIELD,
    type: serverWidget.FieldType.SELECT,
    label: 'Endpoint',
    container: g,
  });
  for (const l of listed) id.addSelectOption({ value: l.endpoint.id, text: `${l.endpoint.name} (${l.endpoint.id})` });
  const action = form.addField({
    id: ENDPOINT_ACTION_FIELD,
    type: serverWidget.FieldType.SELECT,
    label: 'Action',
    container: g,
  });
  action.addSelectOption({ value: 'test', text: 'Send test event', isSelected: true });
  action.addSelectOption({ value: 'enable', text: 'Enable (its kept deliveries are sent)' });
  action.addSelectOption({ value: 'disable', text: 'Disable (its deliveries are kept)' });
  form.addSubmitButton({ label: 'Go' });
}

/** 20 units. */
export function endpointsPage(message: Message | null, session: Session): serverWidget.Form {
  const form = newForm('Endpoints', 'endpoints', session);
  if (message) notice(form, message.kind, message.lines);
  let listed: Listed[];
  let c: Map<string, { pending: number; dead: number }>;
  try {
    listed = listEndpoints();
    c = counts();
  } catch (e) {
    notice(form, 'error', `Endpoints: ${deniedText(e)}.`);
    return form;
  }
  html(form, 'custpage_endpoints', table(listed, c), group(form, 'custpage_g_endpoints', 'Endpoints'));
  if (listed.length > 0) actionFields(form, listed);
  return form;
}

/** 2 units (the write) + 1 (the cached configuration dropped). */
function setEnabled(id: string, enabled: boolean): void {
  const values = enabled ? { [EP.enabled]: true, [EP.disabledReason]: '' } : { [EP.enabled]: false };
  record.submitFields({ type: ENDPOINT_RECORD, id, values, options: { ignoreMandatoryFields: true } });
  forgetEndpoints();
}

/** Runs one action on one endpoint record (10 units to find it, then the action's). */
export function endpointAction(id: string, action: string, userId: string): Message {
  if (!ACTIONS.includes(action as EndpointAction)) return { kind: 'error', lines: ['Choose an action.'] };
  const found = listEndpoints().find((l) => l.endpoint.id === id);
  if (!found) return { kind: 'error', lines: [`No endpoint record ${id}.`] };
  const name = `${found.endpoint.name} (${id})`;
  if (action === 'test') return pingLines(sendTestEventTo(found.endpoint.result));
  setEnabled(id, action === 'enable');
  logger.audit({ title: 'suitehooks console', details: `user ${userId}: endpoint ${id} ${action}d` });
  return {
    kind: 'ok',
    lines: [
      action === 'enable'
        ? `Endpoint ${name} enabled: its kept deliveries are sent by the retry worker's next run.`
        : `Endpoint ${name} disabled: its events are kept as pending deliveries until it is enabled again.`,
    ],
  };
}
