/**
 * The retry timer disables an endpoint record that has failed continuously for the configured time
 * (default 5 days): Enabled cleared, Disabled reason set (Failing since moves into it, so enabling
 * it again starts a fresh period), the cached configuration dropped, and ONE alert email (alerts.ts). Its deliveries stay pending and untouched; the worker skips them until an
 * administrator enables the endpoint again.
 */
import * as logger from 'N/log';
import * as record from 'N/record';
import { shouldDisable, healthOf } from '../core/endpoint-health';
import { ENDPOINT_FIELD as F, ENDPOINT_RECORD, parseEndpoint } from '../core/endpoint-record';
import { alertConfig, alertEndpointDisabled } from './alerts';
import { forgetEndpoints, searchEndpointValues } from './endpoints';
import { errorCode } from './errors';

const TITLE = 'suitehooks endpoints';

/** 10 units to look; per endpoint disabled: 2 (write) + 1 (cache) + 20 (email, when alerts are on). */
export function disableFailingEndpoints(now: number): void {
  try {
    const config = alertConfig();
    const health = [F.failingSince, F.lastError];
    for (const { id, values } of searchEndpointValues(health).endpoints) {
      const endpoint = parseEndpoint(id, values);
      const h = healthOf(values);
      if (!endpoint.enabled || !endpoint.active || !shouldDisable(h, config.disableAfterMs, now)) continue;
      const days = Math.floor((now - Date.parse(h.failingSince)) / 86_400_000);
      const detail = `has failed continuously since ${h.failingSince} (${days} days; last error: ${h.lastError || 'none recorded'})`;
      // Failing since is cleared (Disabled reason keeps it), so the endpoint enabled again gets a fresh period.
      const reason = `disabled ${new Date(now).toISOString()}: ${detail}`.slice(0, 300);
      record.submitFields({
        type: ENDPOINT_RECORD,
        id,
        values: { [F.enabled]: false, [F.disabledReason]: reason, [F.failingSince]: '' },
        options: { enableSourcing: false, ignoreMandatoryFields: true },
      });
      forgetEndpoints();
      logger.audit({ title: TITLE, details: `endpoint ${id} disabled: ${detail}` });
      alertEndpointDisabled(config, endpoint, detail);
    }
  } catch (e) {
    logger.error({ title: TITLE, details: `failing endpoints not checked: ${errorCode(e)}` });
  }
}
