/**
 * The endpoints a save fans out to: the endpoint records' configuration from N/cache (1 unit; on a
 * miss the loader runs one search, 2 + 10 units, until an endpoint record changes and its user event
 * drops the entry), plus the script parameters as the parameters endpoint. Never a search per save.
 */
import * as cache from 'N/cache';
import * as logger from 'N/log';
import * as runtime from 'N/runtime';
import * as search from 'N/search';
import {
  ENDPOINT_CONFIG_FIELDS,
  ENDPOINT_RECORD,
  ENDPOINTS_CACHE_NAME,
  ENDPOINTS_KEY,
  ENDPOINTS_TTL_SECONDS,
  parametersEndpoint,
  parametersInUse,
  readStoredEndpoints,
  subscribes,
  type Endpoint,
  type StoredEndpoints,
} from '../core/endpoint-record';
import { errorCode } from './errors';
import { currentScriptParams } from './params';
import type { FieldSpec } from '../core/fields';
import type { UserRecordType } from '../core/record-types';

function endpointCache(): cache.Cache {
  return cache.getCache({ name: ENDPOINTS_CACHE_NAME, scope: cache.Scope.PROTECTED });
}

/** 10 units: every endpoint record's configuration values, inactive ones too (one search page, up to 1,000 endpoints). */
export function searchEndpointValues(extraColumns: readonly string[] = []): StoredEndpoints {
  const columns = [...ENDPOINT_CONFIG_FIELDS, ...extraColumns];
  const results = search
    .create({ type: ENDPOINT_RECORD, filters: [], columns: ['internalid', ...columns] })
    .run()
    .getRange({ start: 0, end: 1000 });
  return {
    endpoints: results.map((r) => ({
      id: String(r.id),
      values: Object.fromEntries(columns.map((c) => [c, r.getValue({ name: c })])),
    })),
  };
}

/**
 * The search run directly (10 units), or null when this role cannot read endpoint records: typically a
 * script that runs as a role without the record saved the employee, so this user event runs with that
 * role (chapter_N2997500). One error names the cause and the fix; the parameters endpoint still works.
 */
function searchDirectly(): string | null {
  try {
    return JSON.stringify(searchEndpointValues());
  } catch (e) {
    const role = String(runtime.getCurrentUser().role);
    logger.error({
      title: 'suitehooks: endpoints',
      details:
        `the endpoint records could not be read (${errorCode(e)}) by role ${role}: this save's events go to the script parameters' endpoint only. ` +
        `Fix: give role ${role} the View permission on the record type ${ENDPOINT_RECORD}, or run the script that saves records as a role that has it.`,
    });
    return null;
  }
}

/**
 * 1 unit (a hit) or 2 + 10 (a miss: the loader's search). The endpoint records, parsed. When N/cache
 * itself fails, or its loader does, the search is run directly: an event is never lost for a cache.
 */
export function cachedEndpoints(known?: readonly FieldSpec[]): Endpoint[] {
  let text: string | null;
  try {
    text = endpointCache().get({
      key: ENDPOINTS_KEY,
      loader: () => JSON.stringify(searchEndpointValues()),
      ttl: ENDPOINTS_TTL_SECONDS,
    });
  } catch {
    text = searchDirectly();
  }
  return readStoredEndpoints(text, known);
}

/** 1 unit: drops the cached configuration (the endpoint record's user event, and the console). */
export function forgetEndpoints(): void {
  endpointCache().remove({ key: ENDPOINTS_KEY });
}

/**
 * Every endpoint of this deployment: the endpoint records (cached), then the parameters endpoint when
 * its URL is set, or when no record exists (so a missing configuration is reported, as before).
 */
export function allEndpoints(known?: readonly FieldSpec[]): Endpoint[] {
  const records = cachedEndpoints(known);
  const params = currentScriptParams();
  return parametersInUse(params, records.length) ? [...records, parametersEndpoint(params, known)] : records;
}

/**
 * The endpoints that want an event, parsed with the record type's field map (registry entry), the
 * user event type (`create`, `edit`, `xedit`, `delete`) and the execution context (upper case).
 * 1 unit (see `cachedEndpoints`). Endpoints with a configuration problem are included (their events
 * are kept, held until it is fixed).
 */
export function endpointsFor(type: UserRecordType, eventType: string, executionContext: string): Endpoint[] {
  return allEndpoints(type.fields).filter((e) => subscribes(e, type.id, eventType, executionContext));
}
