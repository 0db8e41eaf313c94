/**
 * Parameters of another deployment: the user event's, read by the retry script so both send with one
 * configuration (script parameters belong to one script; the retry script's own are only its alert
 * settings), and the retry timer's alert settings, read by the console's health page.
 */
import * as record from 'N/record';
import * as search from 'N/search';
import type { ParamReader } from '../core/config';
import { DEPLOYMENT } from '../core/ids';

/** 15 units (search 10 + load 5); null when the deployment is not found. */
export function deploymentParams(deploymentId: string): ParamReader | null {
  const [found] = search
    .create({ type: 'scriptdeployment', filters: [['scriptid', 'is', deploymentId]], columns: ['internalid'] })
    .run()
    .getRange({ start: 0, end: 1 });
  if (!found) return null;
  const deployment = record.load({ type: 'scriptdeployment', id: found.id });
  return (name) => deployment.getValue({ fieldId: name });
}

/** 15 units; null when the deployment is not found. */
export function userEventParams(): ParamReader | null {
  return deploymentParams(DEPLOYMENT.userEvent);
}
