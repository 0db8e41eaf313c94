/**
 * Script parameters (CONTRACT.md §3) parsed and validated once, with one clear message per problem.
 * Ids are the contract's; the ones after `deliveryMode` are this project's additions (README).
 */
import type { PayloadMode } from './envelope';
import { EMPLOYEE_FIELDS, FORBIDDEN_FIELDS, resolveField, type FieldSpec } from './fields';

export const PARAM = {
  endpointUrl: 'custscript_suitehooks_endpoint_url',
  secretId: 'custscript_suitehooks_secret_id',
  prevSecretId: 'custscript_suitehooks_prev_secret_id',
  fields: 'custscript_suitehooks_fields',
  contexts: 'custscript_suitehooks_contexts',
  deliveryMode: 'custscript_suitehooks_delivery_mode',
  payloadMode: 'custscript_suitehooks_payload_mode',
  excludedFields: 'custscript_suitehooks_excluded_fields',
  eventTypes: 'custscript_suitehooks_event_types',
  allowedHosts: 'custscript_suitehooks_allowed_hosts',
} as const;

export type ParamName = keyof typeof PARAM;
export type DeliveryMode = 'inline' | 'outbox' | 'auto';

/** NetSuite's `runtime.ContextType` values (the ones an administrator may name). */
export const EXECUTION_CONTEXTS: ReadonlySet<string> = new Set([
  'ACTION', 'ADVANCEDREVREC', 'BANKCONNECTIVITY', 'BANKSTATEMENTPARSER', 'BUNDLEINSTALLATION', 'CLIENT',
  'CONSOLRATEADJUSTOR', 'CSVIMPORT', 'CUSTOMGLLINES', 'CUSTOMMASSUPDATE', 'DATASETBUILDER', 'DEBUGGER',
  'EMAILCAPTURE', 'FICONNECTIVITY', 'FIPARSER', 'MAPREDUCE', 'OCRPLUGIN', 'OTHER', 'PAYMENTGATEWAY',
  'PAYMENTPOSTBACK', 'PLATFORMEXTENSION', 'PORTLET', 'PROMOTIONS', 'RECORDACTION', 'RESTLET',
  'RESTWEBSERVICES', 'SCHEDULED', 'SDFINSTALLATION', 'SHIPPINGPARTNERS', 'SUITELET', 'TAXCALCULATION',
  'USEREVENT', 'USERINTERFACE', 'WEBSERVICES', 'WEBSTORE', 'WORKBOOKBUILDER', 'WORKFLOW',
]);

/** Contexts where a person or a single API call waits: `auto` posts inline there, queues elsewhere. */
export const INTERACTIVE_CONTEXTS: ReadonlySet<string> = new Set([
  'USERINTERFACE', 'RESTWEBSERVICES', 'WEBSERVICES', 'RESTLET', 'SUITELET', 'CLIENT', 'WORKFLOW', 'USEREVENT',
]);

export const EVENT_TYPES: ReadonlySet<string> = new Set(['create', 'edit', 'xedit', 'delete']);

export interface EmitterConfig {
  endpointUrl: string;
  secretId: string;
  prevSecretId: string | null;
  fields: FieldSpec[];
  /** Upper-case context names that emit; null means all. */
  contexts: Set<string> | null;
  deliveryMode: DeliveryMode;
  payloadMode: PayloadMode;
  excluded: Set<string>;
  eventTypes: Set<string>;
  /** Hosts the endpoint may point at; null means any https host. */
  allowedHosts: Set<string> | null;
}

/**
 * Always a usable configuration (bad parts fall back to defaults, so events are still built and kept)
 * plus the problems found. Any problem means: do not send, persist the delivery with the problem as
 * its error; the scheduled script sends it once the deployment is fixed.
 */
export interface ConfigResult {
  config: EmitterConfig;
  errors: string[];
}

/** Reads a parameter's raw value; null/undefined/'' are "not set". */
export type ParamReader = (id: string) => unknown;

const SECRET_ID = /^custsecret[a-z0-9_]{1,30}$/;
/** A DNS name or an IP address (IPv6 without brackets). */
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|[0-9a-f:.]*:[0-9a-f:.]*)$/;

function text(raw: unknown): string {
  return raw === null || raw === undefined ? '' : String(raw).trim();
}

function list(raw: unknown): string[] {
  return text(raw)
    .replace(/\s*:\s*/g, ':') // `custentity_x : boolean` is one entry
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Validates an endpoint: absolute `https://` URL without credentials, optionally on an allow-list. */
export function checkEndpoint(url: string, allowedHosts: ReadonlySet<string> | null): string | null {
  if (url === '') return `${PARAM.endpointUrl} is not set: the receiver URL is required`;
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(url);
  if (!match) return `${PARAM.endpointUrl} is not an absolute URL`;
  if (match[1]!.toLowerCase() !== 'https') return `${PARAM.endpointUrl} must use https:// (NetSuite refuses other schemes)`;
  const authority = match[2]!;
  if (authority.includes('@')) return `${PARAM.endpointUrl} must not carry credentials`;
  const host = authority.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
  if (host === '') return `${PARAM.endpointUrl} has no host`;
  if (allowedHosts && !allowedHosts.has(host)) {
    return `${PARAM.endpointUrl} host ${host} is not in ${PARAM.allowedHosts}`;
  }
  return null;
}

export function parseConfig(read: ParamReader): ConfigResult {
  const errors: string[] = [];

  const hosts = list(read(PARAM.allowedHosts)).map((h) => h.toLowerCase().replace(/^\[|\]$/g, ''));
  // A URL or host:port here would never match: say so instead of blaming the endpoint.
  const badHosts = hosts.filter((h) => !HOST.test(h));
  for (const h of badHosts) errors.push(`${PARAM.allowedHosts}: "${h}" is not a host name (no scheme, port or path)`);
  const allowedHosts = hosts.length > 0 ? new Set(hosts) : null;

  const endpointUrl = text(read(PARAM.endpointUrl));
  // With a malformed allow-list nothing is sent anyway; one message about the list, not a second about the endpoint.
  const endpointError = checkEndpoint(endpointUrl, badHosts.length > 0 ? null : allowedHosts);
  if (endpointError) errors.push(endpointError);

  const secretId = text(read(PARAM.secretId)).toLowerCase();
  if (secretId === '') errors.push(`${PARAM.secretId} is not set: name the API Secret (custsecret_…) that signs`);
  else if (!SECRET_ID.test(secretId)) errors.push(`${PARAM.secretId} must be an API Secret script id (custsecret_…)`);

  const prev = text(read(PARAM.prevSecretId)).toLowerCase();
  if (prev !== '' && !SECRET_ID.test(prev)) errors.push(`${PARAM.prevSecretId} must be an API Secret script id (custsecret_…)`);

  const fieldNames = list(read(PARAM.fields));
  const fields: FieldSpec[] = [];
  let unknownFields = 0;
  for (const name of fieldNames) {
    const spec = resolveField(name);
    if (!spec) {
      unknownFields++;
      errors.push(`${PARAM.fields}: unknown or forbidden field "${name}"`);
    } else if (!fields.some((f) => f.rest === spec.rest)) fields.push(spec);
  }
  // A misspelt field (e.g. "titel") must not lose that field's changes: track the defaults as well until
  // it is fixed (events are kept, not sent, while there is a configuration error).
  if (fieldNames.length === 0 || unknownFields > 0) {
    for (const f of EMPLOYEE_FIELDS) if (!fields.some((g) => g.rest === f.rest)) fields.push(f);
  }
  // Lifecycle detection and `sequence` need these, whatever the administrator tracks.
  for (const rest of ['isInactive', 'giveAccess', 'lastModifiedDate']) {
    if (!fields.some((f) => f.rest === rest)) fields.push(EMPLOYEE_FIELDS.find((f) => f.rest === rest)!);
  }

  const contextNames = list(read(PARAM.contexts)).map((c) => c.toUpperCase());
  for (const c of contextNames) if (!EXECUTION_CONTEXTS.has(c)) errors.push(`${PARAM.contexts}: unknown execution context "${c}"`);
  // Any unknown name (a typo of the context meant) means the default (all), so a typo loses no event.
  const validContexts = contextNames.filter((c) => EXECUTION_CONTEXTS.has(c));
  const contexts = validContexts.length > 0 && validContexts.length === contextNames.length ? new Set(validContexts) : null;

  const mode = text(read(PARAM.deliveryMode)).toLowerCase() || 'auto';
  if (mode !== 'inline' && mode !== 'outbox' && mode !== 'auto') {
    errors.push(`${PARAM.deliveryMode} must be inline, outbox or auto (got "${mode}")`);
  }

  const payload = text(read(PARAM.payloadMode)).toLowerCase() || 'full';
  if (payload !== 'full' && payload !== 'changes') errors.push(`${PARAM.payloadMode} must be full or changes (got "${payload}")`);

  const excluded = new Set<string>();
  for (const name of list(read(PARAM.excludedFields))) {
    if (FORBIDDEN_FIELDS.has(name) || FORBIDDEN_FIELDS.has(name.toLowerCase())) continue; // always excluded anyway
    const spec = resolveField(name);
    if (!spec) errors.push(`${PARAM.excludedFields}: unknown field "${name}"`);
    else excluded.add(spec.rest);
  }

  const typeNames = list(read(PARAM.eventTypes)).map((t) => t.toLowerCase());
  for (const t of typeNames) if (!EVENT_TYPES.has(t)) errors.push(`${PARAM.eventTypes}: unknown event type "${t}"`);
  const validTypes = typeNames.filter((t) => EVENT_TYPES.has(t));
  const eventTypes = new Set(validTypes.length > 0 && validTypes.length === typeNames.length ? validTypes : EVENT_TYPES);

  return {
    errors,
    config: {
      endpointUrl,
      secretId,
      prevSecretId: prev === '' ? null : prev,
      fields,
      contexts,
      deliveryMode: mode === 'inline' || mode === 'outbox' ? mode : 'auto',
      payloadMode: payload === 'changes' ? 'changes' : 'full',
      excluded,
      eventTypes,
      allowedHosts,
    },
  };
}

/** Whether an execution posts inline (true) or queues for the scheduled script (false). */
export function postsInline(mode: DeliveryMode, executionContext: string): boolean {
  if (mode === 'auto') return INTERACTIVE_CONTEXTS.has(executionContext.toUpperCase());
  return mode === 'inline';
}
