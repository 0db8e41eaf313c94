/**
 * User event (afterSubmit) on every record that can log in: one script, one deployment per record type
 * of the registry (EMPLOYEE, VENDOR, PARTNER, CUSTOMER; lib/core/record-types.ts), each configured by its
 * own parameter values. Diff, sign and send the change; on any failure keep it as a
 * pending delivery for the scheduled script. While the endpoint's circuit breaker is open (an inline
 * POST failed in the last minutes) saves do not wait on it: the event is kept for the worker. Never
 * throws into the user's save.
 */
import * as logger from 'N/log';
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { decideInline, openUntilValue, showsDown } from '../../core/breaker';
import { blockingProblems, parseConfig, postsInline, problemSummary, type EmitterConfig } from '../../core/config';
import { queuedState, stateAfterAttempt, DELIVERY_STATUS, type DeliveryState } from '../../core/delivery-record';
import { serializeEvent, type WebhookEvent } from '../../core/envelope';
import { USER_RECORD_TYPES } from '../../core/record-types';
import { closeBreaker, openBreaker, readBreaker } from '../breaker-cache';
import { CHANGE_TYPES, changeEvent, recordTypeOf } from '../change-event';
import { errorCode } from '../errors';
import { createDelivery } from '../new-delivery';
import { currentOrigin } from '../origin';
import { currentScriptParams } from '../params';
import { postSigned } from '../post-signed';
import { signerOrProblem, type Sign } from '../signer';
import { notStoredDetails } from '../store-failure';

const TITLE = 'suitehooks';

/** One save's event and how it goes out. */
interface Emission {
  event: WebhookEvent;
  body: string;
  config: EmitterConfig;
  /** Null when the configuration or the API Secret does not allow sending. */
  sign: Sign | null;
  /** Why nothing may be sent (a configuration problem), or null. */
  held: string | null;
  inline: boolean;
}

/**
 * Persists the event as a delivery (6 units). When that fails (typically: the role the save runs with
 * cannot create delivery records) and nothing was posted yet, one inline attempt whatever the mode;
 * then one error naming cause and fix, with ids and codes only.
 */
function keep(em: Emission, state: DeliveryState, posted: boolean): void {
  const { event, body, config } = em;
  try {
    createDelivery(
      {
        eventId: event.data.id,
        eventType: event.type,
        body,
        recordType: event.data.recordType,
        recordId: event.data.recordId,
        endpointUrl: config.endpointUrl,
        secretId: config.secretId,
        prevSecretId: config.prevSecretId,
        allowedHosts: config.allowedHosts,
      },
      state,
    );
  } catch (e) {
    const rescue = !posted && em.sign ? post(em) : null;
    const delivered = rescue?.status === DELIVERY_STATUS.delivered;
    logger.error({
      title: `${TITLE}: ${delivered ? 'event not stored' : 'event lost'}`,
      details: notStoredDetails({
        eventId: event.data.id,
        recordId: event.data.recordId,
        code: errorCode(e),
        role: String(runtime.getCurrentUser().role),
        inline: rescue === null ? (posted ? 'failed' : 'impossible') : delivered ? 'delivered' : 'failed',
      }),
    });
  }
}

/** 10 units: the POST, and the delivery state it leaves. */
function post(em: Emission): DeliveryState {
  const result = postSigned(em.config.endpointUrl, em.event.data.id, em.body, em.sign!, Date.now());
  return stateAfterAttempt(result, 1, Date.now(), Math.random);
}

/**
 * Posts inline unless the endpoint's breaker is open (1 unit to read it): a failure opens it, a probe
 * that gets an answer closes it (1 unit each). Success with the breaker closed: 11 units.
 */
function sendInline(em: Emission): void {
  const endpoint = em.config.endpointUrl;
  const decision = decideInline(readBreaker(endpoint), Date.now());
  if (decision.kind === 'skip') {
    const until = new Date(decision.until).toISOString();
    return keep(
      em,
      queuedState(`not sent inline: the endpoint failed recently (inline posts paused until ${until})`),
      false,
    );
  }
  // The probe is claimed first, so the saves that follow keep skipping while it runs.
  if (decision.kind === 'probe') openBreaker(endpoint, decision.claim);
  const result = postSigned(endpoint, em.event.data.id, em.body, em.sign!, Date.now());
  if (showsDown(result)) openBreaker(endpoint, openUntilValue(Date.now()));
  else if (decision.kind === 'probe') closeBreaker(endpoint);
  const state = stateAfterAttempt(result, 1, Date.now(), Math.random);
  if (state.status !== DELIVERY_STATUS.delivered) keep(em, state, true);
}

/** The save's event, or null when none is emitted (event type, context, or no tracked change). */
function emission(context: EntryPoints.UserEvent.afterSubmitContext): Emission | null {
  const eventType = String(context.type);
  const changeType = CHANGE_TYPES[eventType];
  if (!changeType) return null;
  const newRecord = changeType === 'delete' ? null : context.newRecord;
  const type = recordTypeOf(newRecord, context.oldRecord);
  if (!type) {
    logger.error({ title: `${TITLE}: not a login record`, details: unwatchedDetails(context) });
    return null;
  }
  const parsed = parseConfig(currentScriptParams(), type.fields);
  const { config } = parsed;
  const blocking = blockingProblems(parsed);
  // An API Secret this script cannot use is a configuration problem like the others (checking costs no unit).
  const signer = blocking.length > 0 ? null : signerOrProblem(config);
  const problems = signer?.problem ? [...parsed.problems, signer.problem] : parsed.problems;
  // One Execution Log entry naming the parameters (never their values), where administrators look first.
  if (problems.length > 0) logger.error({ title: `${TITLE}: configuration`, details: problemSummary(problems) });
  if (!config.eventTypes.has(eventType)) return null;
  const executionContext = String(runtime.executionContext).toUpperCase();
  if (config.contexts && !config.contexts.has(executionContext)) return null;

  const built = changeEvent({
    type,
    eventType,
    changeType,
    newRecord,
    oldRecord: context.oldRecord,
    config,
    origin: currentOrigin(),
    account: runtime.accountId,
    now: Date.now(),
    nonce: Math.random().toString(36).slice(2, 10),
  });
  if (!built) return null;
  const { event } = built;
  if (built.problems.length > 0)
    logger.audit({
      title: `${TITLE}: unreadable fields`,
      details: `event ${event.data.id}: ${built.problems.join('; ')}`,
    });
  // A problem with where or how to send is the administrator's to fix: keep the event, send nothing,
  // count no attempt. Other problems fell back to defaults and do not hold the event back.
  const held =
    blocking.length > 0
      ? `configuration: ${blocking.map((p) => p.message).join('; ')}`
      : (signer?.problem?.message ?? null);
  const inline = postsInline(config.deliveryMode, executionContext);
  return { event, body: serializeEvent(event), config, sign: signer?.sign ?? null, held, inline };
}

function emit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  const em = emission(context);
  if (!em) return;
  if (em.held !== null) keep(em, queuedState(em.held), false);
  else if (!em.inline) keep(em, queuedState(''), false);
  else sendInline(em);
}

/** `vendor 123`: the record a save was about, for the Execution Log (type and id only). */
function recordLabel(context: EntryPoints.UserEvent.afterSubmitContext): string {
  const rec = context.newRecord ?? context.oldRecord;
  return `${String(rec?.type ?? 'record')} ${String(rec?.id ?? '')}`;
}

function unwatchedDetails(context: EntryPoints.UserEvent.afterSubmitContext): string {
  const watched = USER_RECORD_TYPES.map((t) => t.sdfRecordType).join(', ');
  return `${recordLabel(context)}: this script sends events for ${watched} only; remove its deployment on this record type`;
}

export function afterSubmit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  try {
    emit(context);
  } catch (e) {
    logger.error({ title: `${TITLE}: emitter failed`, details: `${recordLabel(context)}: ${errorCode(e)}` });
  }
}
