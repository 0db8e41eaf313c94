/**
 * Scheduled script: sends due deliveries, the earliest due first, each attempt signed afresh with the
 * same event id; yields and resubmits itself before governance runs out.
 */
import * as logger from 'N/log';
import * as runtime from 'N/runtime';
import * as task from 'N/task';
import { parseConfig, PARAM, type ConfigResult, type EmitterConfig } from '../../core/config';
import { checkAlerts } from '../alerts';
import { DELIVERY_STATUS, stateAfterAttempt } from '../../core/delivery-record';
import { claimDelivery, claimHeld, claimToken, loadDelivery, noteProblem, pendingDeliveryIds, saveAttempt, type Delivery } from '../due-deliveries';
import { errorCode, errorText } from '../errors';
import { postSigned } from '../post-signed';
import { createSigner, type Sign } from '../signer';
import { userEventParams } from '../user-event-params';

const TITLE = 'suitehooks retry';
/** One delivery: load 2 + claim 2 + read-back 1 + https.post 10 + result 2. */
export const DELIVERY_UNITS = 17;
/** Kept back for resubmitting the script (task submit 20) plus a margin. */
export const RESERVE_UNITS = 30;
/** Deliveries looked at per run (one search page). */
export const PAGE_SIZE = 1000;
/** How long a claim holds if the run dies mid-send (a send takes at most ~50 s). */
const LEASE_MS = 10 * 60_000;

/** The user event's current parameters; null when they cannot be read (each delivery's own target is used). */
function currentConfig(): ConfigResult | null {
  try {
    const params = userEventParams();
    return params ? parseConfig(params) : null;
  } catch (e) {
    logger.audit({ title: TITLE, details: `user event parameters unreadable (${errorCode(e)}): using each delivery's stored target` });
    return null;
  }
}

function storedConfig(delivery: Delivery): ConfigResult {
  const stored: { [name: string]: string | null } = {
    [PARAM.endpointUrl]: delivery.endpointUrl,
    [PARAM.secretId]: delivery.secretId,
    [PARAM.prevSecretId]: delivery.prevSecretId,
  };
  return parseConfig((name) => stored[name] ?? null);
}

function secretIds(config: EmitterConfig): string[] {
  return config.prevSecretId ? [config.secretId, config.prevSecretId] : [config.secretId];
}

function resubmit(): void {
  const script = runtime.getCurrentScript();
  try {
    task.create({ taskType: task.TaskType.SCHEDULED_SCRIPT, scriptId: script.id, deploymentId: script.deploymentId }).submit();
    logger.audit({ title: TITLE, details: 'more deliveries are due: resubmitted' });
  } catch (e) {
    // Typically already queued; either way the deployment's own schedule picks the rest up.
    logger.audit({ title: TITLE, details: `not resubmitted (${errorCode(e)})` });
  }
}

type Step = 'sent' | 'skipped' | 'later';

/** What one run shares across its deliveries. */
interface Run {
  /** The user event's configuration, or null to use each delivery's stored target. */
  shared: ConfigResult | null;
  signerFor(config: EmitterConfig): Sign;
  /** Identifies this run's claims. */
  id: string;
}

/** One delivery: 'sent', 'skipped' (not pending, someone else's, or not sendable now) or 'later' (not yet due). */
function attemptDelivery(run: Run, id: string): Step {
  const delivery = loadDelivery(id);
  const now = Date.now();
  if (delivery.status !== DELIVERY_STATUS.pending || claimHeld(delivery.claim, now)) return 'skipped';
  if (delivery.nextAttempt && delivery.nextAttempt.getTime() > now) return 'later';
  const { config, errors } = run.shared ?? storedConfig(delivery);
  if (errors.length > 0) {
    noteProblem(id, `configuration: ${errors.join('; ')}`);
    return 'skipped';
  }
  let sign: Sign;
  try {
    sign = run.signerFor(config);
  } catch (e) {
    noteProblem(id, `cannot sign with the API Secret: ${errorText(e)}`);
    return 'skipped';
  }
  if (!claimDelivery(id, claimToken(run.id, now + LEASE_MS))) return 'skipped';
  const result = postSigned(config.endpointUrl, delivery.eventId, delivery.body, sign, Date.now());
  saveAttempt(id, config, stateAfterAttempt(result, delivery.attempts + 1, Date.now(), Math.random));
  return 'sent';
}

/** Sends what is due while governance lasts; resubmits the script when more is due. */
function drain(run: Run): void {
  const script = runtime.getCurrentScript();
  const ids = pendingDeliveryIds(PAGE_SIZE);
  let sent = 0;
  let moreDue = ids.length === PAGE_SIZE;
  for (const id of ids) {
    if (script.getRemainingUsage() < DELIVERY_UNITS + RESERVE_UNITS) {
      moreDue = true;
      break;
    }
    let step: Step;
    try {
      step = attemptDelivery(run, id);
    } catch (e) {
      // One unreadable delivery must not hold up the rest; a claim it may hold expires with its lease.
      logger.error({ title: TITLE, details: `delivery ${id}: ${errorCode(e)}` });
      continue;
    }
    if (step === 'later') {
      moreDue = false; // sorted by next attempt: nothing after this one is due either
      break;
    }
    if (step === 'sent') sent++;
  }
  logger.audit({ title: TITLE, details: `${sent} of ${ids.length} pending deliveries attempted` });
  // Only when this run made progress, so a backlog that cannot be sent does not resubmit forever.
  if (moreDue && sent > 0) resubmit();
}

/** The run's shared state, or null when a configuration or secret problem means nothing can be sent. */
function startRun(): Run | null {
  const shared = currentConfig();
  if (shared && shared.errors.length > 0) {
    logger.error({ title: TITLE, details: `configuration problems, nothing sent: ${shared.errors.join('; ')}` });
    return null;
  }
  const signers = new Map<string, Sign>();
  const signerFor = (config: EmitterConfig): Sign => {
    const ids = secretIds(config);
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
  return { shared, signerFor, id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}` };
}

export function execute(): void {
  checkAlerts(); // issue 12: the timer run emails alerts (lib/suitescript/alerts.ts); never throws
  try {
    const run = startRun();
    if (run) drain(run);
  } catch (e) {
    logger.error({ title: TITLE, details: `run failed: ${errorCode(e)}` });
  }
}
