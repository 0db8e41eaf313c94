/**
 * The retry worker: the only code that sends stored deliveries. It runs as the Not Scheduled
 * deployment, which NetSuite never runs twice at once, so no delivery needs a claim: a delivery is read
 * from a search, posted, and its outcome written (12 units; 14 when its body must be loaded).
 */
import * as logger from 'N/log';
import * as runtime from 'N/runtime';
import {
  blockingProblems,
  parseConfig,
  PARAM,
  problemSummary,
  type ConfigResult,
  type EmitterConfig,
} from '../core/config';
import { isWholeBody, stateAfterAttempt } from '../core/delivery-record';
import { RETRY_UNITS } from '../core/governance';
import { dueDeliveries, loadBody, noteProblem, saveAttempt, type Delivery } from './due-deliveries';
import { errorCode, errorText } from './errors';
import { postSigned } from './post-signed';
import { createSigner, type Sign } from './signer';
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
}

/** The user event's current parameters; null when they cannot be read (each delivery's own target is used). */
function currentConfig(): ConfigResult | null {
  try {
    const params = userEventParams();
    return params ? parseConfig(params) : null;
  } catch (e) {
    logger.audit({
      title: TITLE,
      details: `user event parameters unreadable (${errorCode(e)}): using each delivery's stored target`,
    });
    return null;
  }
}

function storedConfig(delivery: Delivery): ConfigResult {
  const stored: Record<string, string | null> = {
    [PARAM.endpointUrl]: delivery.endpointUrl,
    [PARAM.secretId]: delivery.secretId,
    [PARAM.prevSecretId]: delivery.prevSecretId,
  };
  return parseConfig((name) => stored[name] ?? null);
}

/** Sends one delivery; false when it could not be sent (the problem is noted on it, no attempt counted). */
function attempt(run: Run, delivery: Delivery, whole: boolean): boolean {
  const result = run.shared ?? storedConfig(delivery);
  const blocking = blockingProblems(result);
  if (blocking.length > 0) {
    noteProblem(delivery.id, `configuration: ${blocking.map((p) => p.message).join('; ')}`);
    return false;
  }
  let sign: Sign;
  try {
    sign = run.signerFor(result.config);
  } catch (e) {
    noteProblem(delivery.id, `cannot sign with the API Secret: ${errorText(e)}`);
    return false;
  }
  const body = whole ? delivery.body : loadBody(delivery.id);
  const posted = postSigned(result.config.endpointUrl, delivery.eventId, body, sign, Date.now());
  saveAttempt(delivery.id, result.config, stateAfterAttempt(posted, delivery.attempts + 1, Date.now(), Math.random));
  return true;
}

/** Sends what is due while governance lasts; starts itself again when more is due. */
function drain(run: Run): void {
  const script = runtime.getCurrentScript();
  const { due, more } = dueDeliveries(PAGE_SIZE, Date.now());
  let sent = 0;
  let stoppedShort = false;
  for (const delivery of due) {
    const whole = isWholeBody(delivery.body, delivery.bodyLength, delivery.eventId);
    if (script.getRemainingUsage() < RETRY_UNITS.delivery + (whole ? 0 : RETRY_UNITS.bodyLoad) + RETRY_UNITS.resubmit) {
      stoppedShort = true;
      break;
    }
    try {
      if (attempt(run, delivery, whole)) sent++;
    } catch (e) {
      // One unreadable delivery must not hold up the rest.
      logger.error({ title: TITLE, details: `delivery ${delivery.id}: ${errorCode(e)}` });
    }
  }
  logger.audit({ title: TITLE, details: `${sent} of ${due.length} due deliveries attempted` });
  // Only after progress, so a backlog that cannot be sent does not restart the worker for ever.
  if ((stoppedShort || more) && sent > 0) startWorker(TITLE, 'more deliveries are due');
}

/** The run's shared state, or null when the user event's configuration makes sending unsafe. */
function startRun(): Run | null {
  const shared = currentConfig();
  const blocking = shared ? blockingProblems(shared) : [];
  if (blocking.length > 0) {
    logger.error({ title: TITLE, details: `configuration problems, nothing sent: ${problemSummary(blocking)}` });
    return null;
  }
  const signers = new Map<string, Sign>();
  const signerFor = (config: EmitterConfig): Sign => {
    const ids = config.prevSecretId ? [config.secretId, config.prevSecretId] : [config.secretId];
    const sign = signers.get(ids.join(' ')) ?? createSigner(ids);
    signers.set(ids.join(' '), sign);
    return sign;
  };
  if (shared) {
    try {
      signerFor(shared.config);
    } catch (e) {
      logger.error({ title: TITLE, details: `cannot sign with the API Secret (${errorCode(e)}), nothing sent` });
      return null;
    }
  }
  return { shared, signerFor };
}

export function runWorker(): void {
  const run = startRun();
  if (run) drain(run);
}
