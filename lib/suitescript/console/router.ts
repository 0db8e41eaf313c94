/** The console's requests: GET shows a page, POST runs the page's action and shows its outcome. */
import type * as http from 'N/http';
import * as logger from 'N/log';
import * as redirect from 'N/redirect';
import * as runtime from 'N/runtime';
import { DEPLOYMENT, SCRIPT } from '../../core/ids';
import {
  deliveriesPage,
  FILTER_FIELDS,
  filterParams,
  ACTION_FIELD,
  ID_FIELD,
  LIST_ID,
  SELECT_FIELD,
} from './deliveries-page';
import { DELIVERY_ID_FIELD, deliveryPage } from './delivery-page';
import { ENDPOINT_ACTION_FIELD, ENDPOINT_ID_FIELD, endpointAction, endpointsPage } from './endpoints-page';
import { readHealth } from './health';
import { healthPage, pingLines } from './health-page';
import { NO_FILTERS, PAGE_SIZE, type Filters } from './outbox-sql';
import { deniedText, plural } from './format';
import { sendTestEvent } from './ping';
import { CONFIRM_FIELD, replayDeadPage } from './replay-page';
import { describeStart, replayDeadBatch, replaySelected, startReplayWorker, type ReplayResult } from './replay';
import { openSession, refusePost, type Session } from './session';
import { VIEW_FIELD, VIEW_PARAM, type Message, type View } from './widgets';

type Params = Record<string, string | undefined>;

const TITLE = 'suitehooks console';

function filtersFrom(p: Params, post: boolean): Filters {
  const f: Filters = { ...NO_FILTERS };
  for (const { key, field, param } of FILTER_FIELDS) f[key] = String(p[post ? field : param] ?? '').trim();
  return f;
}

function cursorFrom(p: Params): { before?: number; after?: number } {
  const n = (v: string | undefined) => (v !== undefined && /^\d{1,15}$/.test(v) ? Number(v) : undefined);
  const before = n(p.custparam_before);
  const after = n(p.custparam_after);
  return before !== undefined ? { before } : after !== undefined ? { after } : {};
}

/** The outcome of a replay in words, then the worker started if anything was replayed. */
function replayMessage(result: ReplayResult, extra: string[] = []): Message {
  const lines = [`${plural(result.replayed.length, 'delivery', 'deliveries')} replayed.`, ...extra];
  for (const s of result.skipped) lines.push(`Delivery ${s.id}: ${s.reason}.`);
  if (result.replayed.length > 0) {
    lines.push(describeStart(startReplayWorker()));
    logger.audit({
      title: TITLE,
      details: `user ${runtime.getCurrentUser().id} replayed ${plural(result.replayed.length, 'delivery', 'deliveries')}`,
    });
  }
  return { kind: result.replayed.length > 0 ? 'ok' : 'error', lines };
}

/** A replay the role cannot even read deliveries for says so instead of failing the page. */
function replaying(run: () => Message): Message {
  try {
    return run();
  } catch (e) {
    return { kind: 'error', lines: [`Nothing replayed: deliveries are ${deniedText(e)}.`] };
  }
}

function selectedIds(request: http.ServerRequest): number[] {
  const ids: number[] = [];
  const lines = Math.min(request.getLineCount({ group: LIST_ID }), PAGE_SIZE);
  for (let line = 0; line < lines; line++) {
    if (request.getSublistValue({ group: LIST_ID, name: SELECT_FIELD, line }) !== 'T') continue;
    const id = request.getSublistValue({ group: LIST_ID, name: ID_FIELD, line });
    if (/^\d{1,15}$/.test(id)) ids.push(Number(id));
  }
  return ids;
}

function postDeliveries(request: http.ServerRequest, response: http.ServerResponse, p: Params, s: Session): void {
  const f = filtersFrom(p, true);
  if (p[ACTION_FIELD] !== 'replay') {
    // Post/redirect/get: the filtered list gets a URL that paging links and the browser's back button keep.
    redirect.toSuitelet({
      scriptId: SCRIPT.console,
      deploymentId: DEPLOYMENT.console,
      parameters: { ...filterParams(f), [VIEW_PARAM]: 'deliveries' },
    });
    return;
  }
  const ids = selectedIds(request);
  const message =
    ids.length === 0
      ? { kind: 'error' as const, lines: ['Select the deliveries to replay first.'] }
      : replaying(() => replayMessage(replaySelected(ids)));
  response.writePage(deliveriesPage(f, {}, message, s));
}

function postReplayDead(response: http.ServerResponse, p: Params, s: Session): void {
  if (p[CONFIRM_FIELD] !== 'T') {
    const lines = ['Nothing replayed: tick the confirmation box first.'];
    response.writePage(replayDeadPage({ kind: 'error', lines }, s));
    return;
  }
  const message = replaying(() => {
    const result = replayDeadBatch();
    const remain = plural(result.remaining, 'dead delivery remains', 'dead deliveries remain');
    return replayMessage(result, result.remaining > 0 ? [`${remain}: submit again to replay the next batch.`] : []);
  });
  response.writePage(replayDeadPage(message, s));
}

/** The page a view shows on GET, with a message on top (a refused POST shows it unchanged). */
function showPage(response: http.ServerResponse, view: View, p: Params, post: boolean, s: Session, m: Message | null) {
  switch (view) {
    case 'deliveries':
      return response.writePage(deliveriesPage(filtersFrom(p, post), post ? {} : cursorFrom(p), m, s));
    case 'delivery': {
      const id = String((post ? p[DELIVERY_ID_FIELD] : p.custparam_id) ?? '');
      if (!/^\d{1,15}$/.test(id))
        return response.writePage(deliveriesPage(NO_FILTERS, {}, { kind: 'error', lines: ['No such delivery.'] }, s));
      return response.writePage(deliveryPage(id, m, s));
    }
    case 'replay_dead':
      return response.writePage(replayDeadPage(m, s));
    case 'endpoints':
      return response.writePage(endpointsPage(m, s));
    default:
      return response.writePage(healthPage(readHealth(s.params), Date.now(), m, s));
  }
}

/** A POST's action; GETs change nothing. */
function act(request: http.ServerRequest, response: http.ServerResponse, view: View, p: Params, s: Session) {
  switch (view) {
    case 'deliveries':
      return postDeliveries(request, response, p, s);
    case 'delivery': {
      const id = String(p[DELIVERY_ID_FIELD] ?? '');
      if (!/^\d{1,15}$/.test(id)) return showPage(response, view, p, true, s, null);
      const message = replaying(() => replayMessage(replaySelected([Number(id)])));
      return response.writePage(deliveryPage(id, message, s));
    }
    case 'replay_dead':
      return postReplayDead(response, p, s);
    case 'endpoints': {
      const id = String(p[ENDPOINT_ID_FIELD] ?? '');
      const message = /^\d{1,15}$/.test(id)
        ? endpointAction(id, String(p[ENDPOINT_ACTION_FIELD] ?? ''), s.userId)
        : { kind: 'error' as const, lines: ['Choose an endpoint.'] };
      return response.writePage(endpointsPage(message, s));
    }
    default:
      return showPage(response, 'health', p, true, s, pingLines(sendTestEvent(s.params)));
  }
}

export function handle(request: http.ServerRequest, response: http.ServerResponse): void {
  const p = (request.parameters ?? {}) as Params;
  const post = String(request.method).toUpperCase() === 'POST';
  const view = ((post ? p[VIEW_FIELD] : p[VIEW_PARAM]) || 'health') as View;
  const session = openSession();
  if (!post) return showPage(response, view, p, false, session, null);
  // Only the filter form changes nothing: it is checked for its origin, every other POST for its token too.
  const changes = !(view === 'deliveries' && p[ACTION_FIELD] !== 'replay');
  const refused = refusePost(request.headers, p, session, changes);
  if (refused === null) return act(request, response, view, p, session);
  logger.audit({
    title: TITLE,
    details: `user ${session.userId}: a POST was refused: ${refused}`,
  });
  showPage(response, view, p, true, session, { kind: 'error', lines: [`Nothing done: ${refused}.`] });
}
