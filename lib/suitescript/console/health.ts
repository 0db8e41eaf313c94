/**
 * What the health page shows, read within governance whatever the outbox's size: three SuiteQL queries,
 * at most three record loads (2 units each), one deployment search, one scheduled script instance search,
 * the user event's parameters and the retry timer's alert settings (15 each). About 90 units of the
 * Suitelet's 1,000.
 */
import * as record from 'N/record';
import * as search from 'N/search';
import { parseAlertConfig, type AlertConfig } from '../../core/alert-config';
import { parseConfig, PARAM, type ParamReader } from '../../core/config';
import { DELIVERY_FIELD as F, DELIVERY_RECORD, DELIVERY_STATUS } from '../../core/delivery-record';
import { DEPLOYMENT, SCRIPT } from '../../core/ids';
import { errorText } from '../errors';
import { createSigner } from '../signer';
import { deploymentParams } from '../user-event-params';
import { deniedText, redactEndpoint } from './format';
import { lastFailure, lastSuccess, statusSummary } from './outbox-sql';
import { rows } from './suiteql';

export interface DeliveryPoint {
  id: string;
  at: Date;
  httpStatus: string;
  error: string;
}

export interface DeploymentState {
  scriptId: string;
  status: string;
  deployed: boolean;
}

export interface RunState {
  deployment: string;
  status: string;
  started: string;
  ended: string;
}

/** A part of the page, or why the user's role cannot see it: each part degrades on its own. */
export type Part<T> = { value: T } | { denied: string };

export function part<T>(read: () => T): Part<T> {
  try {
    return { value: read() };
  } catch (e) {
    return { denied: deniedText(e) };
  }
}

export interface Outbox {
  counts: { pending: number; delivered: number; dead: number; deliveredLastDay: number };
  oldestPending: DeliveryPoint | null;
  lastSuccess: DeliveryPoint | null;
  lastFailure: DeliveryPoint | null;
}

export interface Health {
  /** The delivery record (View on its permission list). */
  outbox: Part<Outbox>;
  /** Script deployments (the SuiteScript permission). */
  deployments: Part<DeploymentState[]>;
  /** The latest run of each retry deployment, newest first (Scheduled Script Instance search). */
  runs: Part<RunState[]>;
  /** Problems of the user event deployment; those that hold deliveries back say so. */
  config: Part<{ problems: string[]; endpoint: string; signing: string }>;
  /** The retry timer deployment's alert settings; null when that deployment is not found. */
  alerts: Part<AlertConfig | null>;
}

function dateOf(value: unknown): Date | null {
  return value instanceof Date ? value : null;
}

/** 2 units: when a delivery was created or last changed, its last status and error. */
function point(id: unknown, when: 'created' | 'lastmodified'): DeliveryPoint | null {
  if (id === null || id === undefined || id === '') return null;
  const rec = record.load({ type: DELIVERY_RECORD, id: String(id) });
  const at = dateOf(rec.getValue({ fieldId: when }));
  if (!at) return null;
  return {
    id: String(id),
    at,
    httpStatus: String(rec.getValue({ fieldId: F.lastHttpStatus }) ?? ''),
    error: String(rec.getValue({ fieldId: F.lastError }) ?? ''),
  };
}

function counts(): { counts: Outbox['counts']; oldestPendingId: unknown } {
  const out = { pending: 0, delivered: 0, dead: 0, deliveredLastDay: 0 };
  let oldestPendingId: unknown = null;
  for (const row of rows(statusSummary())) {
    const n = Number(row.n ?? 0);
    if (row.status === DELIVERY_STATUS.pending) {
      out.pending = n;
      oldestPendingId = row.first_id;
    } else if (row.status === DELIVERY_STATUS.dead) out.dead = n;
    else if (row.status === DELIVERY_STATUS.delivered) {
      out.delivered = n;
      out.deliveredLastDay = Number(row.last_day ?? 0);
    }
  }
  return { counts: out, oldestPendingId };
}

/** 10 units: the retry script's timer and worker, the user event and the console. */
function deployments(): DeploymentState[] {
  const ids = [DEPLOYMENT.retryTimer, DEPLOYMENT.retryWorker, DEPLOYMENT.userEvent, DEPLOYMENT.console];
  const filters: unknown[] = [];
  for (const id of ids) filters.push(...(filters.length ? ['OR'] : []), ['scriptid', 'is', id]);
  return search
    .create({ type: 'scriptdeployment', filters, columns: ['scriptid', 'status', 'isdeployed'] })
    .run()
    .getRange({ start: 0, end: ids.length })
    .map((r) => ({
      scriptId: String(r.getValue({ name: 'scriptid' })).toLowerCase(),
      status: String(r.getText({ name: 'status' }) || r.getValue({ name: 'status' })),
      deployed: r.getValue({ name: 'isdeployed' }) === true || r.getValue({ name: 'isdeployed' }) === 'T',
    }));
}

/** 10 units: recent runs of the retry script (Scheduled Script Instance search, section_3777401104). */
function runs(): RunState[] {
  const deployment = search.createColumn({ name: 'scriptid', join: 'scriptdeployment' });
  const seen = new Set<string>();
  const out: RunState[] = [];
  const results = search
    .create({
      type: 'scheduledscriptinstance',
      filters: [['script.scriptid', 'is', SCRIPT.retry]],
      columns: [
        search.createColumn({ name: 'datecreated', sort: search.Sort.DESC }),
        'status',
        'startdate',
        'enddate',
        deployment,
      ],
    })
    .run()
    .getRange({ start: 0, end: 50 });
  for (const r of results) {
    const dep = String(r.getValue(deployment)).toLowerCase();
    if (seen.has(dep)) continue;
    seen.add(dep);
    out.push({
      deployment: dep,
      status: String(r.getText({ name: 'status' }) || r.getValue({ name: 'status' })),
      started: String(r.getValue({ name: 'startdate' })),
      ended: String(r.getValue({ name: 'enddate' })),
    });
  }
  return out;
}

/** The user event's configuration (the retry script sends with the same); secret values are never read. */
function configuration(params: ParamReader): { problems: string[]; endpoint: string; signing: string } {
  const { config, problems: found } = parseConfig(params);
  const errors = found.map((p) =>
    p.blocking ? `${p.message} (deliveries are held back until it is fixed)` : p.message,
  );
  let signing = 'not checked: fix the secret id first';
  if (!found.some((p) => p.param === PARAM.secretId || p.param === PARAM.prevSecretId)) {
    try {
      createSigner(config.prevSecretId ? [config.secretId, config.prevSecretId] : [config.secretId]);
      signing = config.prevSecretId
        ? `${config.secretId} and ${config.prevSecretId} sign (checked from this console)`
        : `${config.secretId} signs (checked from this console)`;
    } catch (e) {
      errors.push(`cannot sign with the API Secret: ${errorText(e)}`);
      signing = 'fails';
    }
  }
  return { problems: errors, endpoint: redactEndpoint(config.endpointUrl), signing };
}

/** Counts, the oldest pending delivery, the last success and failure: the delivery record only. */
function outbox(): Outbox {
  const { counts: c, oldestPendingId } = counts();
  const [success] = rows(lastSuccess());
  const [failure] = rows(lastFailure());
  return {
    counts: c,
    oldestPending: point(oldestPendingId, 'created'),
    lastSuccess: point(success?.id, 'lastmodified'),
    lastFailure: point(failure?.id, 'lastmodified'),
  };
}

/** `params`: the user event deployment's parameters as the session read them (session.ts). */
export function readHealth(params: { read: ParamReader } | { problem: string }): Health {
  return {
    outbox: part(outbox),
    deployments: part(deployments),
    runs: part(runs),
    config: 'read' in params ? part(() => configuration(params.read)) : { denied: params.problem },
    alerts: part(() => {
      const alertParams = deploymentParams(DEPLOYMENT.retryTimer);
      return alertParams ? parseAlertConfig(alertParams) : null;
    }),
  };
}
