/**
 * What the health page shows, read within governance whatever the outbox's size: three SuiteQL queries,
 * at most three record loads (2 units each), one deployment search, one scheduled script instance search,
 * the user event's parameters and the retry timer's alert settings (15 each). About 90 units of the
 * Suitelet's 1,000.
 */
import * as record from 'N/record';
import * as search from 'N/search';
import { parseAlertConfig, type AlertConfig } from '../../core/alert-config';
import { parseConfig, PARAM } from '../../core/config';
import { DELIVERY_FIELD as F, DELIVERY_RECORD, DELIVERY_STATUS } from '../../core/delivery-record';
import { DEPLOYMENT, SCRIPT } from '../../core/ids';
import { errorCode, errorText } from '../errors';
import { createSigner } from '../signer';
import { deploymentParams, userEventParams } from '../user-event-params';
import { redactEndpoint } from './format';
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

export interface Health {
  counts: { pending: number; delivered: number; dead: number; deliveredLastDay: number };
  oldestPending: DeliveryPoint | null;
  lastSuccess: DeliveryPoint | null;
  lastFailure: DeliveryPoint | null;
  deployments: DeploymentState[];
  /** The latest run of each retry deployment, newest first; null when the search is not allowed. */
  runs: RunState[] | null;
  runsError: string;
  /** Problems of the user event deployment; those that hold deliveries back say so. */
  config: { problems: string[]; endpoint: string; signing: string };
  /** The retry timer deployment's alert settings; null when that deployment is not found. */
  alerts: AlertConfig | null;
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

function counts(): { counts: Health['counts']; oldestPendingId: unknown } {
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
function configuration(): Health['config'] {
  const params = userEventParams();
  if (!params)
    return { problems: [`deployment ${DEPLOYMENT.userEvent} not found`], endpoint: '', signing: 'not checked' };
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

export function readHealth(): Health {
  const { counts: c, oldestPendingId } = counts();
  const [success] = rows(lastSuccess());
  const [failure] = rows(lastFailure());
  let runList: RunState[] | null = null;
  let runsError = '';
  try {
    runList = runs();
  } catch (e) {
    runsError = errorCode(e);
  }
  const alertParams = deploymentParams(DEPLOYMENT.retryTimer);
  return {
    counts: c,
    oldestPending: point(oldestPendingId, 'created'),
    lastSuccess: point(success?.id, 'lastmodified'),
    lastFailure: point(failure?.id, 'lastmodified'),
    deployments: deployments(),
    runs: runList,
    runsError,
    config: configuration(),
    alerts: alertParams ? parseAlertConfig(alertParams) : null,
  };
}
