/**
 * Send test event: a signed `suitehooks.ping` posted to the configured endpoint like any event, the
 * receiver's answer and the time taken shown at once. Nothing is stored for retry. 10 units (the post;
 * the user event's parameters are read by the session).
 */
import * as runtime from 'N/runtime';
import { blockingProblems, parseConfig, type ConfigResult, type ParamReader } from '../../core/config';
import { buildPingEvent, makePingId } from '../../core/ping';
import { errorText } from '../errors';
import { currentOrigin } from '../origin';
import { sendSigned } from '../post-signed';
import { createSigner, type Sign } from '../signer';

/** Longest part of the receiver's answer shown. */
const ANSWER_MAX = 2000;

export type PingOutcome =
  | { kind: 'answered'; eventId: string; status: number; ms: number; body: string }
  | { kind: 'failed'; eventId: string; ms: number; error: string }
  | { kind: 'not sent'; problems: string[] };

/** `source`: the user event deployment's parameters as the session read them (session.ts). */
export function sendTestEvent(source: { read: ParamReader } | { problem: string }): PingOutcome {
  if (!('read' in source)) return { kind: 'not sent', problems: [`the user event deployment is ${source.problem}`] };
  return sendTestEventTo(parseConfig(source.read));
}

/** The ping to one endpoint's configuration (the parameters, or an endpoint record's): 10 units. */
export function sendTestEventTo(result: ConfigResult): PingOutcome {
  // As the retry worker: only a problem that makes sending unsafe holds the event back.
  const blocking = blockingProblems(result);
  if (blocking.length > 0) return { kind: 'not sent', problems: blocking.map((p) => p.message) };
  const { config } = result;
  let sign: Sign;
  try {
    sign = createSigner(config.prevSecretId ? [config.secretId, config.prevSecretId] : [config.secretId]);
  } catch (e) {
    return { kind: 'not sent', problems: [`cannot sign with the API Secret: ${errorText(e)}`] };
  }
  const eventId = makePingId(Date.now(), Math.random().toString(36).slice(2, 10));
  const body = JSON.stringify(
    buildPingEvent({ id: eventId, account: runtime.accountId, origin: currentOrigin(), nowMs: Date.now() }),
  );
  const started = Date.now();
  try {
    const response = sendSigned(config.endpointUrl, eventId, body, sign, started);
    const ms = Date.now() - started;
    const text = String(response.body ?? '');
    return { kind: 'answered', eventId, status: response.code, ms, body: text.slice(0, ANSWER_MAX) };
  } catch (e) {
    return { kind: 'failed', eventId, ms: Date.now() - started, error: errorText(e) };
  }
}
