/**
 * Suitelet: the administrator's console (health, deliveries, replay, test event). Who may open it is the
 * deployment's audience; what it reads and writes is the user's own role's permissions.
 */
import * as logger from 'N/log';
import type { EntryPoints } from 'N/types';
import { errorCode } from '../errors';
import { handle } from '../console/router';

export function onRequest(context: EntryPoints.Suitelet.onRequestContext): void {
  try {
    handle(context.request, context.response);
  } catch (e) {
    // Logged by code only (messages may carry values); the user sees NetSuite's error page.
    logger.error({ title: 'suitehooks console', details: `request failed: ${errorCode(e)}` });
    throw e;
  }
}
