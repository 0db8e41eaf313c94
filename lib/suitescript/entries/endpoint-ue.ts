/**
 * User event on the suitehooks Endpoint record (afterSubmit): drops the cached endpoint configuration
 * (1 unit, section_4642660820) so the next save reads the change, unless only health fields were
 * edited (the retry worker's `submitFields`). Never throws into the save.
 */
import * as logger from 'N/log';
import type { EntryPoints } from 'N/types';
import { changesConfiguration } from '../../core/endpoint-record';
import { errorCode } from '../errors';
import { forgetEndpoints } from '../endpoints';

export function afterSubmit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  try {
    const type = String(context.type);
    const edited = type === 'xedit' && context.newRecord ? context.newRecord.getFields() : null;
    if (changesConfiguration(type, edited)) forgetEndpoints();
  } catch (e) {
    logger.error({
      title: 'suitehooks: endpoint cache',
      details: `endpoint ${String(context.newRecord?.id ?? context.oldRecord?.id ?? '')}: not dropped (${errorCode(e)}); it expires within the hour`,
    });
  }
}
