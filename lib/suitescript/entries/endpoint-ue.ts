/**
 * User event on the suitehooks Endpoint record (afterSubmit): drops the cached endpoint configuration
 * (1 unit, section_4642660820) so the next save reads the change. Never throws into the save.
 */
import * as logger from 'N/log';
import type { EntryPoints } from 'N/types';
import { errorCode } from '../errors';
import { forgetEndpoints } from '../endpoints';

export function afterSubmit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  try {
    forgetEndpoints();
  } catch (e) {
    logger.error({
      title: 'suitehooks: endpoint cache',
      details: `endpoint ${String(context.newRecord?.id ?? context.oldRecord?.id ?? '')}: not dropped (${errorCode(e)}); it expires within the hour`,
    });
  }
}
