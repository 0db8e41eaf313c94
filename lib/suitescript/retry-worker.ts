/**
 * The retry worker: the only code that sends stored deliveries. It runs as the Not Scheduled
 * deployment, which NetSuite never runs twice at once, so no delivery needs a claim: a delivery is read
 * from a search, posted, and its outcome written (12 units; 14 when its body must be loaded). It
 * budgets units and time (no POST starts once the last one could not end inside the scheduled script
 * time limit with margin) and stops sending to an endpoint that does not answer several POSTs in a row.
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
import { isWholeBody, stateAfterAttempt, storedAllowedHosts } from '../core/delivery-record';
import { RETRY_UNITS } from '../core/governance';
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
  /** The user event's configuration, or null to use each delivery's stored target. */
  shared: ConfigResult | null;
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

/** Sends one delivery unless its endpoint was given up in this run or its target cannot be checked. */
function attempt(run: Run, delivery: Delivery, whole: boolean): Attempt {
  const result = run.shared ?? storedConfig(delivery);
  if (result === null) return 'skipped';
  const endpoint = result.config.endpointUrl;
  if (!run.endpoints.sending(endpoint)) return 'skipped';
  const blocking = blockingProblems(result);
  if (blocking.length > 0) {
    noteProblem(delivery.id, `configuration: ${blocking.map((p) => p.message).join('; ')}`);
    return 'not sent';
  }
  let sign: Sign;
  try {
    sign = run.signerFor(result.config);
  } catch (e) {
    noteProblem(delivery.id, `cannot sign with the API Secret: ${errorText(e)}`);
    return 'not sent';
  }
  const body = whole ? delivery.body : loadBody(delivery.id);
  const posted = postSigned(endpoint, delivery.eventId, body, sign, Date.now());
  saveAttempt(delivery.id, result.config, stateAfterAttempt(posted, delivery.attempts + 1, Date.now(), Math.random));
  const verdict = run.endpoints.record(endpoint, posted);
  if (verdict === 'down') {
    openBreaker(endpoint, openUntilValue(Date.now()));
    logger.audit({
      title: TITLE,
      details: 'endpoint did not answer several POSTs in a row: its other deliveries wait for the next run',
    });
  } else if (verdict === 'healthy' && !run.closed.has(endpoint)) {
    run.closed.add(endpoint);
    closeBreaker(endpoint);
  }
  return 'sent';
}

/** Whether units and time allow one more delivery (and still the restart and a breaker call). */
function roomFor(run: Run, whole: boolean): boolean {
  const units = RETRY_UNITS.delivery + (whole ? 0 : RETRY_UNITS.bodyLoad) + RETRY_UNITS.breaker + RETRY_UNITS.resubmit;
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
  const down = run.endpoints.down().length;
  logger.audit({
    title: TITLE,
    details: `${sent} of ${due.length} due deliveries attempted${skipped > 0 ? `, ${skipped} left for the next run` : ''}`,
  });
  // Only after progress, so a backlog that cannot be sent does not restart the worker for ever; a run
  // that gave up on its endpoint leaves the rest to the timer.
  if ((stoppedShort || more) && sent > 0 && down === 0) startWorker(TITLE, 'more deliveries are due');
}

/** The run's shared state, or null when the user event's configuration makes sending unsafe. */
function startRun(startedAt: number): Run | null {
  const shared = currentConfig();
  const blocking = shared ? blockingProblems(shared) : [];
  if (blocking.length > 0) {
    logger.error({ title: TITLE, details: `configuration problems, nothing sent: ${problemSummary(blocking)}` });
    return null;
  }
  if (shared) {
    const { problem } = signerOrProblem(shared.config);
    if (problem) {
      logger.error({ title: TITLE, details: `nothing sent: ${problemSummary([problem])}` });
      return null;
    }
  }
  const signers = new Map<string, Sign>();
  const signerFor = (config: EmitterConfig): Sign => {
    const ids = config.prevSecretId ? [config.secretId, config.prevSecretId] : [config.secretId];
    const sign = signers.get(ids.join(' ')) ?? createSigner(ids);
    signers.set(ids.join(' '), sign);
    return sign;
  };
  return { shared, signerFor, startedAt, endpoints: new EndpointTally(), closed: new Set() };
}

export function runWorker(): void {
  const run = startRun(Date.now());
  if (run) drain(run);
}
