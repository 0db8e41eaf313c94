/**
 * The user event deployment's parameters, read by the retry script so both send with one
 * configuration (script parameters belong to one script; the retry script has none of its own).
 */
import * as record from 'N/record';
import * as search from 'N/search';
import type { ParamReader } from '../core/config';
import { DEPLOYMENT } from '../core/ids';

/** 15 units (search 10 + load 5); null when the deployment is not found. */
export function userEventParams(): ParamReader | null {
  const [found] = search
    .create({ type: 'scriptdeployment', filters: [['scriptid', 'is', DEPLOYMENT.userEvent]], columns: ['internalid'] })
    .run()
    .getRange({ start: 0, end: 1 });
  if (!found) return null;
  const deployment = record.load({ type: 'scriptdeployment', id: found.id });
  return (name) => deployment.getValue({ fieldId: name });
}
