/**
 * User event on EMPLOYEE (afterSubmit): diff, sign and send the change; on any failure keep it as a
 * pending delivery for the scheduled script. Never throws into the user's save.
 */
import * as logger from 'N/log';
import * as runtime from 'N/runtime';
import type { EntryPoints } from 'N/types';
import { blockingProblems, parseConfig, postsInline, problemSummary, type EmitterConfig } from '../../core/config';
import { queuedState, stateAfterAttempt, DELIVERY_STATUS, type DeliveryState } from '../../core/delivery-record';
import { serializeEvent, type WebhookEvent } from '../../core/envelope';
import { createDelivery } from '../new-delivery';
import { CHANGE_TYPES, employeeEvent } from '../employee-event';
import { errorCode, errorText } from '../errors';
import { currentOrigin } from '../origin';
import { currentScriptParams } from '../params';
import { postSigned } from '../post-signed';
import { createSigner, type Sign } from '../signer';

const TITLE = 'suitehooks';

/** Persists the event as a delivery (6 units); if even that fails, logs ids and the error code only. */
function keep(event: WebhookEvent, body: string, config: EmitterConfig, state: DeliveryState): void {
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
      },
      state,
    );
  } catch (e) {
    logger.error({
      title: `${TITLE}: event lost`,
      details: `event ${event.data.id} (employee ${event.data.recordId}) could not be stored: ${errorCode(e)}`,
    });
  }
}

function emit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  const eventType = String(context.type);
  const changeType = CHANGE_TYPES[eventType];
  if (!changeType) return;
  const parsed = parseConfig(currentScriptParams());
  const { config } = parsed;
  // One Execution Log entry naming the parameters (never their values), where administrators look first.
  if (parsed.problems.length > 0)
    logger.error({ title: `${TITLE}: configuration`, details: problemSummary(parsed.problems) });
  if (!config.eventTypes.has(eventType)) return;
  const executionContext = String(runtime.executionContext).toUpperCase();
  if (config.contexts && !config.contexts.has(executionContext)) return;

  const built = employeeEvent({
    eventType,
    changeType,
    newRecord: changeType === 'delete' ? null : context.newRecord,
    oldRecord: context.oldRecord,
    config,
    origin: currentOrigin(),
    account: runtime.accountId,
    now: Date.now(),
    nonce: Math.random().toString(36).slice(2, 10),
  });
  if (!built) return;
  const { event } = built;
  if (built.problems.length > 0)
    logger.audit({
      title: `${TITLE}: unreadable fields`,
      details: `event ${event.data.id}: ${built.problems.join('; ')}`,
    });
  const body = serializeEvent(event);

  // A problem with where or how to send is the administrator's to fix: keep the event, send nothing,
  // count no attempt. Other problems fell back to defaults and do not hold the event back.
  const blocking = blockingProblems(parsed);
  if (blocking.length > 0)
    return keep(event, body, config, queuedState(`configuration: ${blocking.map((p) => p.message).join('; ')}`));
  if (!postsInline(config.deliveryMode, executionContext)) return keep(event, body, config, queuedState(''));

  let sign: Sign;
  try {
    sign = createSigner([config.secretId, ...(config.prevSecretId ? [config.prevSecretId] : [])]);
  } catch (e) {
    return keep(event, body, config, queuedState(`cannot sign with the API Secret: ${errorText(e)}`));
  }
  const result = postSigned(config.endpointUrl, event.data.id, body, sign, Date.now());
  const state = stateAfterAttempt(result, 1, Date.now(), Math.random);
  if (state.status !== DELIVERY_STATUS.delivered) keep(event, body, config, state);
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
