/**
 * One console request's user and form token. The token is signed with the user event's API Secret
 * (`custscript_suitehooks_secret_id`, the secret that signs events; the console is among the scripts it
 * is restricted to) or, in an account configured by endpoint records alone, with the API Secret of the
 * endpoint record with the lowest id. Without a usable secret the console fails closed: pages show,
 * every state-changing POST is refused with the reason. The user event's parameters read here (15 units)
 * serve the health page and the test event too.
 */
import * as runtime from 'N/runtime';
import * as url from 'N/url';
import { PARAM, type ParamReader } from '../../core/config';
import { DEPLOYMENT } from '../../core/ids';
import { errorCode } from '../errors';
import { createSigner } from '../signer';
import { cachedEndpoints } from '../endpoints';
import { userEventParams } from '../user-event-params';
import { foreignOrigin, header, tokenInput, tokenValid, TOKEN_FIELD, windowOf } from './csrf';
import { deniedText } from './format';

export interface Session {
  userId: string;
  deploymentId: string;
  /** The token this request's forms carry; '' when actions are off. */
  token: string;
  /** Why actions are off; '' when they are on. */
  off: string;
  /** The user event deployment's parameters, or why they cannot be read. */
  params: { read: ParamReader } | { problem: string };
  sign: ((input: string) => string) | null;
}

function readParams(): Session['params'] {
  try {
    const read = userEventParams();
    return read ? { read } : { problem: `not found (${DEPLOYMENT.userEvent})` };
  } catch (e) {
    return { problem: deniedText(e) };
  }
}

/**
 * 1 unit (the cached endpoint configuration): the API Secret id of the endpoint record with the lowest
 * id that names one, or '' — the same record every request, so a token stays valid across requests.
 */
function endpointSecretId(): string {
  const ids = cachedEndpoints()
    .filter((e) => e.result.config.secretId !== '')
    .sort((a, b) => Number(a.id) - Number(b.id));
  return ids[0]?.result.config.secretId ?? '';
}

function signer(params: Session['params']): { sign: Session['sign']; off: string } {
  if (!('read' in params)) return { sign: null, off: `the user event deployment is ${params.problem}` };
  const secretId = String(params.read(PARAM.secretId) ?? '').trim() || endpointSecretId();
  if (secretId === '')
    return {
      sign: null,
      off: `no API Secret is set (${PARAM.secretId} on ${DEPLOYMENT.userEvent}, or on an endpoint record)`,
    };
  try {
    const sign = createSigner([secretId]);
    const first = (input: string) => {
      const [signature] = sign(input); // one per API Secret id given: here the one
      if (signature === undefined) throw new Error('the signer returned no signature');
      return signature;
    };
    return { sign: first, off: '' };
  } catch (e) {
    return { sign: null, off: `the API Secret ${secretId} cannot sign here (${errorCode(e)})` };
  }
}

/** 15 units (the user event deployment's search and load). */
export function openSession(): Session {
  const userId = String(runtime.getCurrentUser().id);
  const deploymentId = String(runtime.getCurrentScript().deploymentId || DEPLOYMENT.console);
  const params = readParams();
  const { sign, off } = signer(params);
  const token = sign ? sign(tokenInput(userId, deploymentId, windowOf(Date.now()))) : '';
  return { userId, deploymentId, token, off, params, sign };
}

/** This console's own host names: the request's `Host` and the account's application domain. */
function ownHosts(headers: Record<string, unknown>): string[] {
  const hosts = [header(headers, 'host') ?? ''];
  try {
    hosts.push(url.resolveDomain({ hostType: url.HostType.APPLICATION }));
  } catch {
    // The Host header alone decides.
  }
  return hosts;
}

/** Why a POST that changes something is refused, or null when it may go ahead. */
export function refusePost(
  headers: Record<string, unknown>,
  params: Record<string, string | undefined>,
  session: Session,
  changes: boolean,
): string | null {
  const foreign = foreignOrigin(headers, ownHosts(headers));
  if (foreign) return foreign;
  if (!changes) return null;
  if (!session.sign) return `actions are off: ${session.off}`;
  const token = String(params[TOKEN_FIELD] ?? '');
  return tokenValid(session.sign, token, session, Date.now())
    ? null
    : 'the form has expired (a form is good for 8 hours at least) or was not made for you: open the page again and submit it from there';
}
