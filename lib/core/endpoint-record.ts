/**
 * Endpoints as records (docs/configuration.md#endpoints): each receiver is one
 * `customrecord_suitehooks_endpoint` with its own URL, API Secret, filters and health. The script
 * parameters of the user event deployment keep working as one more endpoint, the "parameters
 * endpoint", so an account upgrading from them loses no event and needs no manual step. An endpoint
 * record's values go through the same `parseConfig` as the parameters (one validator).
 */
import { parseConfig, PARAM, type ConfigResult, type ParamReader } from './config';
import type { FieldSpec } from './fields';

export const ENDPOINT_RECORD = 'customrecord_suitehooks_endpoint';

export const ENDPOINT_FIELD = {
  url: 'custrecord_suitehooks_ep_url',
  secretId: 'custrecord_suitehooks_ep_secret_id',
  prevSecretId: 'custrecord_suitehooks_ep_prev_secret_id',
  /** Record types it wants (employee, vendor, …), comma separated; empty means all. */
  recordTypes: 'custrecord_suitehooks_ep_record_types',
  eventTypes: 'custrecord_suitehooks_ep_event_types',
  fields: 'custrecord_suitehooks_ep_fields',
  excludedFields: 'custrecord_suitehooks_ep_excluded_fields',
  contexts: 'custrecord_suitehooks_ep_contexts',
  payloadMode: 'custrecord_suitehooks_ep_payload_mode',
  deliveryMode: 'custrecord_suitehooks_ep_delivery_mode',
  allowedHosts: 'custrecord_suitehooks_ep_allowed_hosts',
  enabled: 'custrecord_suitehooks_ep_enabled',
  /** Health, written by the retry worker: when its attempts began failing (ISO-8601 UTC; empty = healthy). */
  failingSince: 'custrecord_suitehooks_ep_failing_since',
  lastSuccess: 'custrecord_suitehooks_ep_last_success',
  lastError: 'custrecord_suitehooks_ep_last_error',
  /** Why and when the worker disabled it (empty when an administrator did, or it is enabled). */
  disabledReason: 'custrecord_suitehooks_ep_disabled_reason',
} as const;

/** The endpoint id deliveries of the script parameters carry (and deliveries stored before endpoints existed). */
export const PARAMETERS_ENDPOINT = 'parameters';

/** The configuration settings an endpoint record holds, by the script parameter each stands for. */
const SETTING_FIELDS: Readonly<Record<string, string>> = {
  [PARAM.endpointUrl]: ENDPOINT_FIELD.url,
  [PARAM.secretId]: ENDPOINT_FIELD.secretId,
  [PARAM.prevSecretId]: ENDPOINT_FIELD.prevSecretId,
  [PARAM.recordTypes]: ENDPOINT_FIELD.recordTypes,
  [PARAM.eventTypes]: ENDPOINT_FIELD.eventTypes,
  [PARAM.fields]: ENDPOINT_FIELD.fields,
  [PARAM.excludedFields]: ENDPOINT_FIELD.excludedFields,
  [PARAM.contexts]: ENDPOINT_FIELD.contexts,
  [PARAM.payloadMode]: ENDPOINT_FIELD.payloadMode,
  [PARAM.deliveryMode]: ENDPOINT_FIELD.deliveryMode,
  [PARAM.allowedHosts]: ENDPOINT_FIELD.allowedHosts,
};

/** The fields the user event's cache holds for each endpoint (configuration, name and enabled). */
export const ENDPOINT_CONFIG_FIELDS: readonly string[] = Object.freeze([
  'name',
  'isinactive',
  ...Object.values(SETTING_FIELDS),
  ENDPOINT_FIELD.enabled,
]);

/** An endpoint record's stored values, as N/search returns them (field id → value). */
export type EndpointValues = Readonly<Record<string, unknown>>;

export interface Endpoint {
  /** The record's internal id, or PARAMETERS_ENDPOINT. */
  id: string;
  name: string;
  enabled: boolean;
  /**
   * False for an inactive record (NetSuite's "Inactive" box): it gets no new events, and its pending
   * deliveries are kept, as a disabled endpoint's are.
   */
  active: boolean;
  result: ConfigResult;
}

function enabledValue(value: unknown): boolean {
  return value === true || value === 'T' || value === 'true';
}

/**
 * Parses an endpoint record with the parameters' validator; problems name the record's field ids
 * (what an administrator sees on the form), never a script parameter it does not have.
 */
export function parseEndpoint(id: string, values: EndpointValues, known?: readonly FieldSpec[]): Endpoint {
  const read: ParamReader = (param) => {
    const field = SETTING_FIELDS[param];
    return field === undefined ? null : values[field];
  };
  // One record's settings serve every record type it wants: another type's field names are not typos.
  const result = parseConfig(read, known, true);
  const problems = result.problems.map((p) => {
    const field = SETTING_FIELDS[p.param] ?? p.param;
    return { ...p, param: field, message: p.message.split(p.param).join(field) };
  });
  return {
    id,
    name: String(values.name ?? '') || `endpoint ${id}`,
    enabled: enabledValue(values[ENDPOINT_FIELD.enabled]),
    active: !enabledValue(values.isinactive),
    result: { config: result.config, problems, errors: problems.map((p) => p.message) },
  };
}

/** The parameters endpoint: the user event deployment's script parameters, as today. */
export function parametersEndpoint(read: ParamReader, known?: readonly FieldSpec[]): Endpoint {
  const result = parseConfig(read, known);
  return { id: PARAMETERS_ENDPOINT, name: 'script parameters', enabled: true, active: true, result };
}

/** Whether the parameters are in use: an endpoint URL is set, or no endpoint record exists (a problem to report). */
export function parametersInUse(read: ParamReader, records: number): boolean {
  const url = read(PARAM.endpointUrl);
  return records === 0 || (url !== null && url !== undefined && String(url).trim() !== '');
}

/**
 * Whether an endpoint wants an event of this record type (registry id), user event type and execution
 * context (upper case). A disabled endpoint still does: its events are kept as deliveries (never sent
 * while it is disabled), so nothing is lost and enabling it again sends them. An inactive record wants
 * nothing (NetSuite's "Inactive": out of use).
 */
export function subscribes(
  endpoint: Endpoint,
  recordType: string,
  eventType: string,
  executionContext: string,
): boolean {
  const { config } = endpoint.result;
  if (!endpoint.active) return false;
  if (config.recordTypes && !config.recordTypes.has(recordType.toLowerCase())) return false;
  if (!config.eventTypes.has(eventType)) return false;
  return !config.contexts || config.contexts.has(executionContext.toUpperCase());
}

/** What the user event's cache entry holds: every endpoint record's configuration values. */
export interface StoredEndpoints {
  endpoints: { id: string; values: EndpointValues }[];
}

/** Parses the cache entry's text; anything unreadable is "no endpoint records" (the parameters still work). */
export function readStoredEndpoints(text: string | null, known?: readonly FieldSpec[]): Endpoint[] {
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as StoredEndpoints;
    return (parsed.endpoints ?? []).map((e) => parseEndpoint(String(e.id), e.values ?? {}, known));
  } catch {
    return [];
  }
}

/** How a log entry names an endpoint: nothing for the parameters (their ids say it), `endpoint 12: ` for a record. */
export function endpointPrefix(id: string): string {
  return id === PARAMETERS_ENDPOINT ? '' : `endpoint ${id}: `;
}

/** The delivery's endpoint id as stored; empty (a delivery older than endpoints) is the parameters endpoint. */
export function deliveryEndpointId(stored: string): string {
  return stored.trim() === '' ? PARAMETERS_ENDPOINT : stored.trim();
}

/** The N/cache cache and key holding the endpoint records' configuration (PROTECTED scope). */
export const ENDPOINTS_CACHE_NAME = 'suitehooks_endpoints';
export const ENDPOINTS_KEY = 'endpoints';
/**
 * Time to live of the cached configuration (section_4642661313: at least 300 s; NetSuite may drop it
 * sooner). An endpoint record's user event removes it on every change, so this only bounds how long a
 * change made past that user event (e.g. a CSV import without server scripts) takes to apply.
 */
export const ENDPOINTS_TTL_SECONDS = 3_600;

/**
 * Whether an endpoint record's save changes what the user event caches. An inline edit or
 * `record.submitFields` (user event type `xedit`, whose new record holds only the edited fields,
 * docs/netsuite.md#user-events) of health fields alone does not: the worker's health writes leave the
 * cache as it is. Any other save does.
 */
export function changesConfiguration(eventType: string, editedFields: readonly string[] | null): boolean {
  if (eventType !== 'xedit' || editedFields === null) return true;
  return editedFields.some((f) => ENDPOINT_CONFIG_FIELDS.includes(f));
}
