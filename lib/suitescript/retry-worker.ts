/**
 * The retry worker: the only code that sends stored deliveries. It runs as the Not Scheduled
 * deployment, which NetSuite never runs twice at once, so no delivery needs a claim: a delivery is read
 * from a search, posted, and its outcome written (12 units; 14 when its body must be loaded). It
 * budgets units and time (no POST starts once the last one could not end inside the scheduled script
 * time limit with margin) and stops sending to an endpoint that does not answer several POSTs in a row.
 * Each delivery goes to ITS endpoint (the record it references, or the script parameters) with that
 * endpoint's API Secret, whatever the other endpoints' configuration; a disabled endpoint's deliveries
 * are kept as they are until it is enabled again.
 */
import * as logger from 'N/log';
import * as runtime from 'N/runtime';
import { openUntilValue } from '../core/breaker';
import {
  blockingProblems,
  parseConfig,
  PARAM,
  problemSummary,
  type ConfigResult,
  type EmitterConfig,
} from '../core/config';
import { DELIVERY_STATUS, isWholeBody, stateAfterAttempt, storedAllowedHosts } from '../core/delivery-record';
import { healthAfter, healthOf, healthValues, type HealthObservation } from '../core/endpoint-health';
import {
  ENDPOINT_FIELD,
  ENDPOINT_RECORD,
  parseEndpoint,
  endpointPrefix,
  PARAMETERS_ENDPOINT,
  type Endpoint,
} from '../core/endpoint-record';
import { RETRY_UNITS } from '../core/governance';
import * as record from 'N/record';
import { searchEndpointValues } from './endpoints';
import { EndpointTally, timeForAnotherPost } from '../core/worker-budget';
import { closeBreaker, openBreaker } from './breaker-cache';
import { dueDeliveries, loadBody, noteProblem, saveAttempt, type Delivery } from './due-deliveries';
import { errorCode, errorText } from './errors';
import { postSigned } from './post-signed';
import { createSigner, signerOrProblem, type Sign } from './signer';
import { userEventParams } from './user-event-params';
import { startWorker } from './worker-task';

const TITLE = 'suitehooks retry worker';
/** Deliveries read per search page. */
export const PAGE_SIZE = 1000;

/** What one run shares across its deliveries. */
interface Run {
  /** The parameters endpoint's configuration, or null to use each delivery's stored target. */
  shared: ConfigResult | null;
  /** The endpoint records by internal id, with their stored health. */
  records: Map<string, { endpoint: Endpoint; values: Record<string, unknown> }>;
  /** What this run saw of each endpoint record, for its health. */
  seen: Map<string, HealthObservation[]>;
  /** Endpoints whose configuration problem was logged in this run (once each). */
  reported: Set<string>;
  signerFor(config: EmitterConfig): Sign;
  /** Account clock (ms) when the run began. */
  startedAt: number;
  endpoints: EndpointTally;
  /** Endpoints whose breaker this run already closed (once per run per endpoint). */
  closed: Set<string>;
}

/** How one delivery went. */
type Attempt = 'sent' | 'not sent' | 'skipped';

/** The user event's current parameters; null when they cannot be read (each delivery's own target is used). */
function currentConfig(): ConfigResult | null {
  try {
    const params = userEventParams();
    if (params) return parseConfig(params);
    logger.audit({ title: TITLE, details: "user event deployment not found: using each delivery's stored target" });
  } catch (e) {
    logger.audit({
      title: TITLE,
      details: `user event parameters unreadable (${errorCode(e)}): using each delivery's stored target`,
    });
  }
  return null;
}

/**
 * A delivery's stored target, with the allow-list stored beside it so the same check applies; null for
 * a delivery stored before allow-lists were (it waits until the user event deployment can be read).
 */
function storedConfig(delivery: Delivery): ConfigResult | null {
  const allowedHosts = storedAllowedHosts(delivery.allowedHosts);
  if (allowedHosts === null) return null;
  const stored: Record<string, string | null> = {
    [PARAM.endpointUrl]: delivery.endpointUrl,
    [PARAM.secretId]: delivery.secretId,
    [PARAM.prevSecretId]: delivery.prevSecretId,
    [PARAM.allowedHosts]: allowedHosts,
  };
  return parseConfig((name) => stored[name] ?? null);
}

/** A delivery's configuration: its endpoint's current one, or its own stored target. */
interface Target {
  result: ConfigResult;
  /** True for the delivery's stored target (each delivery's own), false for its endpoint's configuration. */
  stored: boolean;
}

/**
 * The configuration a delivery is sent with: its own endpoint's, never another's. A record endpoint
 * that is disabled keeps it ('kept'); one that no longer exists, and the parameters when the user event
 * deployment cannot be read, fall back to the delivery's stored target (checked against its stored
 * allow-list); null when that cannot be checked.
 */
function targetOf(run: Run, delivery: Delivery): Target | 'kept' | null {
  const stored = (): Target | null => {
    const result = storedConfig(delivery);
    return result && { result, stored: true };
  };
  // The parameters without a URL (retired after a move to endpoint records): each delivery's stored target.
  if (delivery.endpoint === PARAMETERS_ENDPOINT)
    return run.shared && run.shared.config.endpointUrl !== '' ? { result: run.shared, stored: false } : stored();
  const found = run.records.get(delivery.endpoint);
  if (!found) return stored();
  const { endpoint } = found;
  return endpoint.enabled && endpoint.active ? { result: endpoint.result, stored: false } : 'kept';
}

/**
 * A configuration problem holds deliveries as they are (no attempt). An endpoint's is logged once a
 * run; a stored target's is noted on its delivery (each delivery has its own).
 */
function held(run: Run, delivery: Delivery, target: Target): boolean {
  const blocking = blockingProblems(target.result);
  if (target.stored) {
    if (blocking.length > 0) noteProblem(delivery.id, `configuration: ${blocking.map((p) => p.message).join('; ')}`);
    return blocking.length > 0;
  }
  const problem = blocking.length > 0 ? null : signerOrProblem(target.result.config).problem;
  if (blocking.length === 0 && !problem) return false;
  if (!run.reported.has(delivery.endpoint)) {
    run.reported.add(delivery.endpoint);
    const details = problem
      ? `nothing sent: ${problemSummary([problem])}`
      : `configuration problems, nothing sent: ${problemSummary(blocking)}`;
    logger.error({ title: TITLE, details: `${endpointPrefix(delivery.endpoint)}${details}` });
  }
  return true;
}

/** Sends one delivery unless its endpoint was given up in this run or its target cannot be checked. */
function attempt(run: Run, delivery: Delivery, whole: boolean): Attempt {
  const target = targetOf(run, delivery);
  const endpoint = delivery.endpoint;
  if (target === null || target === 'kept' || !run.endpoints.sending(endpoint)) return 'skipped';
  if (held(run, delivery, target)) return target.stored ? 'not sent' : 'skipped';
  const { result } = target;
  let sign: Sign;
  try {
    sign = run.signerFor(result.config);
  } catch (e) {
    noteProblem(delivery.id, `cannot sign with the API Secret: ${errorText(e)}`);
    return 'not sent';
  }
  const body = whole ? delivery.body : loadBody(delivery.id);
  const posted = postSigned(result.config.endpointUrl, delivery.eventId, body, sign, Date.now());
  const state = stateAfterAttempt(posted, delivery.attempts + 1, Date.now(), Math.random);
  saveAttempt(delivery.id, { ...result.config, endpoint }, state);
  if (run.records.has(endpoint)) {
    const ok = state.status === DELIVERY_STATUS.delivered;
    const seen = run.seen.get(endpoint) ?? [];
    run.seen.set(endpoint, [...seen, { at: Date.now(), ok, error: ok ? '' : state.lastError }]);
  }
  const verdict = run.endpoints.record(endpoint, posted);
  if (verdict === 'down') {
    openBreaker(endpoint, openUntilValue(Date.now()));
    logger.audit({
      title: TITLE,
      details: `endpoint ${endpoint} did not answer several POSTs in a row: its other deliveries wait for the next run`,
    });
  } else if (verdict === 'healthy' && !run.closed.has(endpoint)) {
    run.closed.add(endpoint);
    closeBreaker(endpoint);
  }
  return 'sent';
}

/** 2 units per endpoint record whose health changed in this run. */
function writeHealth(run: Run): void {
  for (const [id, seen] of run.seen) {
    const found = run.records.get(id);
    if (!found) continue; // only endpoint records keep a health (seen is filled for them alone)
    const before = healthOf(found.values);
    const values = healthValues(before, healthAfter(before, seen));
    if (Object.keys(values).length === 0) continue;
    try {
      record.submitFields({
        type: ENDPOINT_RECORD,
        id,
        values,
        options: { enableSourcing: false, ignoreMandatoryFields: true },
      });
    } catch (e) {
      logger.error({ title: TITLE, details: `endpoint ${id}: health not written (${errorCode(e)})` });
    }
  }
}

/** Whether units and time allow one more delivery (and still the restart and a breaker call). */
function roomFor(run: Run, whole: boolean): boolean {
  // Each endpoint record sent to in this run has its health written once at the end.
  const health = RETRY_UNITS.health * Math.min(run.records.size, run.seen.size + 1);
  const units =
    RETRY_UNITS.delivery + (whole ? 0 : RETRY_UNITS.bodyLoad) + RETRY_UNITS.breaker + RETRY_UNITS.resubmit + health;
  return runtime.getCurrentScript().getRemainingUsage() >= units && timeForAnotherPost(Date.now() - run.startedAt);
}

/** Sends what is due while units and time last; starts itself again when more is due. */
function drain(run: Run): void {
  const { due, more } = dueDeliveries(PAGE_SIZE, Date.now());
  let sent = 0;
  let skipped = 0;
  let stoppedShort = false;
  for (const delivery of due) {
    const whole = isWholeBody(delivery.body, delivery.bodyLength, delivery.eventId);
    if (!roomFor(run, whole)) {
      stoppedShort = true;
      break;
    }
    try {
      const outcome = attempt(run, delivery, whole);
      if (outcome === 'sent') sent++;
      if (outcome === 'skipped') skipped++;
    } catch (e) {
      // One unreadable delivery must not hold up the rest.
      logger.error({ title: TITLE, details: `delivery ${delivery.id}: ${errorCode(e)}` });
    }
  }
  writeHealth(run);
  const down = run.endpoints.down().length;
  logger.audit({
    title: TITLE,
    details: `${sent} of ${due.length} due deliveries attempted${skipped > 0 ? `, ${skipped} left for the next run` : ''}`,
  });
  // Only after progress, so a backlog that cannot be sent does not restart the worker for ever; a run
  // that gave up on its endpoint leaves the rest to the timer.
  if ((stoppedShort || more) && sent > 0 && down === 0) startWorker(TITLE, 'more deliveries are due');
}

/** 10 units: the endpoint records, with their health, by internal id. */
function endpointRecords(): Run['records'] {
  const health = [ENDPOINT_FIELD.failingSince, ENDPOINT_FIELD.lastSuccess, ENDPOINT_FIELD.lastError];
  const out: Run['records'] = new Map();
  for (const { id, values } of searchEndpointValues(health).endpoints)
    out.set(id, { endpoint: parseEndpoint(id, values), values: { ...values } });
  return out;
}

/** The run's shared state: the parameters endpoint and the endpoint records, read once. */
function startRun(startedAt: number): Run {
  const signers = new Map<string, Sign>();
  const signerFor = (config: EmitterConfig): Sign => {
    const ids = config.prevSecretId ? [config.secretId, config.prevSecretId] : [config.secretId];
    const sign = signers.get(ids.join(' ')) ?? createSigner(ids);
    signers.set(ids.join(' '), sign);
    return sign;
  };
  return {
    shared: currentConfig(),
    records: endpointRecords(),
    seen: new Map(),
    reported: new Set(),
    signerFor,
    startedAt,
    endpoints: new EndpointTally(),
    closed: new Set(),
  };
}

export function runWorker(): void {
  drain(startRun(Date.now()));
}
