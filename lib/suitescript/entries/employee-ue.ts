/**
 * User event on EMPLOYEE (afterSubmit): diff, sign and send the change to every endpoint that wants
 * it (one event, one delivery per endpoint); on any failure keep it as a pending delivery for the
 * scheduled script. While an endpoint's circuit breaker is open (an inline POST failed in the last
 * minutes) saves do not wait on it, and at most FAN_OUT.inlinePosts endpoints are posted inline per
 * save: the others' events are kept for the worker. Never throws into the user's save.
 */
import * as logger from 'N/log';
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { decideInline, openUntilValue, showsDown } from '../../core/breaker';
import { blockingProblems, postsInline, problemSummary } from '../../core/config';
import { queuedState, stateAfterAttempt, DELIVERY_STATUS, type DeliveryState } from '../../core/delivery-record';
import { endpointPrefix, type Endpoint } from '../../core/endpoint-record';
import { serializeEvent, type WebhookEvent } from '../../core/envelope';
import { FAN_OUT } from '../../core/governance';
import { closeBreaker, openBreaker, readBreakers } from '../breaker-cache';
import { USER_RECORD_TYPES, type UserRecordType } from '../../core/record-types';
import type { ChangeType } from '../../core/types';
import { CHANGE_TYPES, changeEvent, recordTypeOf } from '../change-event';
import { endpointsFor } from '../endpoints';
import { errorCode } from '../errors';
import { createDelivery } from '../new-delivery';
import { currentOrigin } from '../origin';
import { postSigned } from '../post-signed';
import { signerOrProblem, type Sign } from '../signer';
import { notStoredDetails } from '../store-failure';

const TITLE = 'suitehooks';

/** One save's event and how it goes out. */
type Emission = {
  event: WebhookEvent;
  body: string;
  /** The endpoint this delivery belongs to: only ever sent there, signed with its API Secret. */
  endpoint: Endpoint;
  inline: boolean;
} & Signing;

/** How the delivery is signed, or why nothing may be sent (a configuration problem): one or the other. */
type Signing = { sign: Sign; held: null } | { sign: null; held: string };

/** An emission that may be sent. */
type Sendable = Extract<Emission, { held: null }>;

/**
 * Persists the event as a delivery (6 units). When that fails (typically: the role the save runs with
 * cannot create delivery records) and nothing was posted yet, one inline attempt whatever the mode;
 * then one error naming cause and fix, with ids and codes only.
 */
function keep(em: Emission, state: DeliveryState, posted: boolean): void {
  const { event, body } = em;
  const { config } = em.endpoint.result;
  try {
    createDelivery(
      {
        endpoint: em.endpoint.id,
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
function post(em: Sendable): DeliveryState {
  const result = postSigned(em.endpoint.result.config.endpointUrl, em.event.data.id, em.body, em.sign, Date.now());
  return stateAfterAttempt(result, 1, Date.now(), Math.random);
}

/** Reads an endpoint's stored breaker value (all endpoints' breakers are read with one cache call). */
type Breakers = (endpoint: string) => string | null;

/**
 * Posts inline unless the endpoint's breaker is open: a failure opens it, a probe that gets an answer
 * closes it (2 units each). Success with the breaker closed: the POST's 10 units only.
 */
function sendInline(em: Sendable, breakers: Breakers): void {
  const endpoint = em.endpoint.id;
  const decision = decideInline(breakers(endpoint), Date.now());
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
  const url = em.endpoint.result.config.endpointUrl;
  const result = postSigned(url, em.event.data.id, em.body, em.sign, Date.now());
  if (showsDown(result)) openBreaker(endpoint, openUntilValue(Date.now()));
  else if (decision.kind === 'probe') closeBreaker(endpoint);
  const state = stateAfterAttempt(result, 1, Date.now(), Math.random);
  if (state.status !== DELIVERY_STATUS.delivered) keep(em, state, true);
}

/** What one save shares across its endpoints: one event id, one time. */
interface Save {
  context: EntryPoints.UserEvent.afterSubmitContext;
  /** The registry entry of the record saved. */
  type: UserRecordType;
  eventType: string;
  changeType: ChangeType;
  executionContext: string;
  now: number;
  nonce: string;
}

/**
 * The endpoint's API Secret, or why nothing may be sent to it (a configuration problem, held until
 * fixed). One Execution Log entry naming the endpoint and the fields (never their values).
 */
function signing(endpoint: Endpoint): Signing {
  const parsed = endpoint.result;
  const blocking = blockingProblems(parsed);
  // An API Secret this script cannot use is a configuration problem like the others (checking costs no unit).
  const signer = blocking.length > 0 ? null : signerOrProblem(parsed.config);
  const problems = signer?.problem ? [...parsed.problems, signer.problem] : parsed.problems;
  if (problems.length > 0)
    logger.error({
      title: `${TITLE}: configuration`,
      details: `${endpointPrefix(endpoint.id)}${problemSummary(problems)}`,
    });
  // A problem with where or how to send is the administrator's to fix: keep the event, send nothing,
  // count no attempt. Other problems fell back to defaults and do not hold the event back.
  if (!signer) return { sign: null, held: `configuration: ${blocking.map((p) => p.message).join('; ')}` };
  return signer.problem ? { sign: null, held: signer.problem.message } : { sign: signer.sign, held: null };
}

/** The save's event for one endpoint (its fields and payload mode), or null when it changed nothing it tracks. */
function emission(save: Save, endpoint: Endpoint): Emission | null {
  const { context, eventType, changeType } = save;
  const config = endpoint.result.config;
  const built = changeEvent({
    type: save.type,
    eventType,
    changeType,
    newRecord: changeType === 'delete' ? null : context.newRecord,
    oldRecord: context.oldRecord,
    config,
    origin: currentOrigin(),
    account: runtime.accountId,
    now: save.now,
    nonce: save.nonce,
  });
  if (!built) return null;
  const { event } = built;
  if (built.problems.length > 0)
    logger.audit({
      title: `${TITLE}: unreadable fields`,
      details: `event ${event.data.id}: ${built.problems.join('; ')}`,
    });
  const inline = postsInline(config.deliveryMode, save.executionContext);
  return { event, body: serializeEvent(event), endpoint, ...signing(endpoint), inline };
}

/**
 * Sends or keeps each endpoint's delivery: all breakers read with one cache call (1 unit), at most
 * FAN_OUT.inlinePosts inline POSTs; the rest are kept for the worker (6 units each).
 */
function dispatch(emissions: Emission[]): void {
  const inline = emissions.filter((em) => em.endpoint.enabled && em.held === null && em.inline);
  const breakers: Breakers = inline.length > 0 ? readBreakers() : () => null;
  let budget: number = FAN_OUT.inlinePosts;
  for (const em of emissions) {
    if (!em.endpoint.enabled) keep(em, queuedState('endpoint disabled: kept until it is enabled again'), false);
    else if (em.held !== null) keep(em, queuedState(em.held), false);
    else if (!em.inline) keep(em, queuedState(''), false);
    else if (budget === 0)
      keep(em, queuedState(`not sent inline: a save posts to at most ${FAN_OUT.inlinePosts} endpoints`), false);
    else {
      budget--;
      sendInline(em, breakers);
    }
  }
}

function emit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  const eventType = String(context.type);
  const changeType = CHANGE_TYPES[eventType];
  if (!changeType) return;
  const executionContext = String(runtime.executionContext).toUpperCase();
  const type = recordTypeOf(changeType === 'delete' ? null : context.newRecord, context.oldRecord);
  if (!type) {
    logger.error({ title: `${TITLE}: not a login record`, details: unwatchedDetails(context) });
    return;
  }
  const endpoints = endpointsFor(type, eventType, executionContext);
  if (endpoints.length === 0) return;
  const save: Save = {
    context,
    type,
    eventType,
    changeType,
    executionContext,
    now: Date.now(),
    nonce: Math.random().toString(36).slice(2, 10),
  };
  const emissions: Emission[] = [];
  for (const endpoint of endpoints) {
    const em = emission(save, endpoint);
    if (em) emissions.push(em);
  }
  dispatch(emissions);
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
    logger.error({
      title: `${TITLE}: emitter failed`,
      details: `employee ${String(context.newRecord?.id ?? context.oldRecord?.id ?? '')}: ${errorCode(e)}`,
    });
  }
}
