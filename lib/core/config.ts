/**
 * Script parameters (docs/configuration.md#script-parameters) parsed and validated once, with one clear message per problem.
 * Ids are the contract's; the ones after `deliveryMode` are this project's additions (README).
 */
import type { PayloadMode } from './envelope';
import { EMPLOYEE_FIELDS, FORBIDDEN_FIELDS, resolveFieldIn, type FieldSpec } from './fields';
import { USER_RECORD_TYPES } from './record-types';

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
  recordTypes: 'custscript_suitehooks_record_types',
} as const;

export type ParamName = keyof typeof PARAM;
export type DeliveryMode = 'inline' | 'outbox' | 'auto';

/**
 * `runtime.ContextType` as @hitc/netsuite-types declares it (keys and values): the type check in
 * test/unit/config.test.ts refuses a missing, extra or misspelt entry, so the list follows the typings,
 * not a hand-kept guess (lib/core itself imports nothing from N/). Oracle's page lists two more
 * (CONTEXT_TYPE_BEYOND_TYPINGS).
 * SDF's `execution_context` list (with OTHER) is a different list: it filters deployments, it is never
 * a runtime value (section_4296646855).
 */
export const CONTEXT_TYPE = Object.freeze({
  ACTION: 'ACTION',
  ADVANCEDREVREC: 'ADVANCEDREVREC',
  BANKCONNECTIVITY: 'BANKCONNECTIVITY',
  BANKSTATEMENTPARSER: 'BANKSTATEMENTPARSER',
  BUNDLE_INSTALLATION: 'BUNDLEINSTALLATION',
  CLIENT: 'CLIENT',
  CONSOLRATEADJUSTOR: 'CONSOLRATEADJUSTOR',
  CSV_IMPORT: 'CSVIMPORT',
  CUSTOMGLLINES: 'CUSTOMGLLINES',
  CUSTOM_MASSUPDATE: 'CUSTOMMASSUPDATE',
  DATASETBUILDER: 'DATASETBUILDER',
  DEBUGGER: 'DEBUGGER',
  EMAIL_CAPTURE: 'EMAILCAPTURE',
  FICONNECTIVITY: 'FICONNECTIVITY',
  FIPARSER: 'FIPARSER',
  MAP_REDUCE: 'MAPREDUCE',
  NONE: 'NONE',
  PAYMENTGATEWAY: 'PAYMENTGATEWAY',
  PAYMENTPOSTBACK: 'PAYMENTPOSTBACK',
  PLATFORMEXTENSION: 'PLATFORMEXTENSION',
  PORTLET: 'PORTLET',
  PROMOTIONS: 'PROMOTIONS',
  RESTLET: 'RESTLET',
  REST_WEBSERVICES: 'RESTWEBSERVICES',
  SCHEDULED: 'SCHEDULED',
  SDF_INSTALLATION: 'SDFINSTALLATION',
  SHIPPING_PARTNERS: 'SHIPPINGPARTNERS',
  SUITELET: 'SUITELET',
  TAX_CALCULATION: 'TAXCALCULATION',
  USEREVENT: 'USEREVENT',
  USER_INTERFACE: 'USERINTERFACE',
  WEBAPPLICATION: 'WEBAPPLICATION',
  WEBSERVICES: 'WEBSERVICES',
  WEBSTORE: 'WEBSTORE',
  WORKBOOKBUILDER: 'WORKBOOKBUILDER',
  WORKFLOW: 'WORKFLOW',
} as const);

/**
 * Values Oracle's `runtime.ContextType` page lists (section_4296646855) that the typings lack; naming one
 * must not make the contexts parameter fall back to "all".
 */
export const CONTEXT_TYPE_BEYOND_TYPINGS = Object.freeze({
  OCRPLUGIN: 'OCRPLUGIN',
  RECORDACTION: 'RECORDACTION',
} as const);

/** The values of `runtime.ContextType`: what `runtime.executionContext` can be, so what an administrator may name. */
export const EXECUTION_CONTEXTS: ReadonlySet<string> = new Set([
  ...Object.values(CONTEXT_TYPE),
  ...Object.values(CONTEXT_TYPE_BEYOND_TYPINGS),
]);

/** Contexts where a person or a single API call waits: `auto` posts inline there, queues elsewhere. */
export const INTERACTIVE_CONTEXTS: ReadonlySet<string> = new Set([
  'USERINTERFACE',
  'RESTWEBSERVICES',
  'WEBSERVICES',
  'RESTLET',
  'SUITELET',
  'CLIENT',
  'WORKFLOW',
  'USEREVENT',
]);

export const EVENT_TYPES: ReadonlySet<string> = new Set(['create', 'edit', 'xedit', 'delete']);

/** Record type ids an endpoint may want: the registry's (lib/core/record-types.ts). */
export const RECORD_TYPE_IDS: ReadonlySet<string> = new Set(USER_RECORD_TYPES.map((t) => t.id));

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
  /** Record type ids (registry) that emit; null means all. */
  recordTypes: Set<string> | null;
  /** Hosts the endpoint may point at; null means any https host. */
  allowedHosts: Set<string> | null;
}

/** One configuration problem: which parameter, what is wrong, and whether it makes sending unsafe. */
export interface ConfigProblem {
  param: string;
  /** What is wrong, without the value (values may be personal data or secrets): safe for the Execution Log. */
  reason: string;
  /** The full message, which may quote the value: for the delivery record an administrator reads. */
  message: string;
  /**
   * True for the endpoint, the API Secret ids and the host allow-list: sending would go to the wrong
   * place or unsigned, so deliveries are held back until it is fixed. Any other problem falls back to
   * safe defaults (events are built and sent) and is only reported.
   */
  blocking: boolean;
}

/** Always a usable configuration (bad parts fall back to defaults) plus the problems found. */
export interface ConfigResult {
  config: EmitterConfig;
  problems: ConfigProblem[];
  /** The problems' messages, in order. */
  errors: string[];
}

/** Reads a parameter's raw value; null/undefined/'' are "not set". */
export type ParamReader = (id: string) => unknown;

/** The parameters whose problems hold deliveries back (where and how events are sent). */
export const SENDING_PARAMS: ReadonlySet<string> = new Set([
  PARAM.endpointUrl,
  PARAM.secretId,
  PARAM.prevSecretId,
  PARAM.allowedHosts,
]);

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

function problem(param: string, reason: string, detail = ''): ConfigProblem {
  return {
    param,
    reason,
    message: `${param}${detail.startsWith(':') ? '' : ' '}${detail || reason}`,
    blocking: SENDING_PARAMS.has(param),
  };
}

/** The endpoint's problem, if any: absolute `https://` URL without credentials, optionally on an allow-list. */
function endpointProblem(url: string, allowedHosts: ReadonlySet<string> | null): ConfigProblem | null {
  const p = (reason: string, detail?: string) => problem(PARAM.endpointUrl, reason, detail);
  if (url === '') return p('is not set', 'is not set: the receiver URL is required');
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(url);
  if (!match) return p('is not an absolute URL');
  const [, scheme = '', authority = ''] = match; // both groups always take part in a match
  if (scheme.toLowerCase() !== 'https')
    return p('must use https://', 'must use https:// (NetSuite refuses other schemes)');
  if (authority.includes('@')) return p('must not carry credentials');
  const host = authority
    .replace(/:\d+$/, '')
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  if (host === '') return p('has no host');
  if (allowedHosts && !allowedHosts.has(host))
    return p(`host is not in ${PARAM.allowedHosts}`, `host ${host} is not in ${PARAM.allowedHosts}`);
  return null;
}

/** Validates an endpoint; the message names the problem, or null when the endpoint may be used. */
export function checkEndpoint(url: string, allowedHosts: ReadonlySet<string> | null): string | null {
  return endpointProblem(url, allowedHosts)?.message ?? null;
}

type Target = Pick<EmitterConfig, 'endpointUrl' | 'secretId' | 'prevSecretId' | 'allowedHosts'>;

/** Where and how events are sent: endpoint, allow-list, API Secret ids. */
function parseTarget(read: ParamReader, problems: ConfigProblem[]): Target {
  const hosts = list(read(PARAM.allowedHosts)).map((h) => h.toLowerCase().replace(/^\[|\]$/g, ''));
  // A URL or host:port here would never match: say so instead of blaming the endpoint.
  const badHosts = hosts.filter((h) => !HOST.test(h));
  for (const h of badHosts)
    problems.push(
      problem(
        PARAM.allowedHosts,
        'an entry is not a host name',
        `: "${h}" is not a host name (no scheme, port or path)`,
      ),
    );
  const allowedHosts = hosts.length > 0 ? new Set(hosts) : null;

  const endpointUrl = text(read(PARAM.endpointUrl));
  // With a malformed allow-list nothing is sent anyway; one message about the list, not a second about the endpoint.
  const endpoint = endpointProblem(endpointUrl, badHosts.length > 0 ? null : allowedHosts);
  if (endpoint) problems.push(endpoint);

  const secretId = text(read(PARAM.secretId)).toLowerCase();
  if (secretId === '')
    problems.push(problem(PARAM.secretId, 'is not set', 'is not set: name the API Secret (custsecret_…) that signs'));
  else if (!SECRET_ID.test(secretId))
    problems.push(problem(PARAM.secretId, 'must be an API Secret script id (custsecret_…)'));

  const prev = text(read(PARAM.prevSecretId)).toLowerCase();
  if (prev !== '' && !SECRET_ID.test(prev))
    problems.push(problem(PARAM.prevSecretId, 'must be an API Secret script id (custsecret_…)'));
  return { endpointUrl, secretId, prevSecretId: prev === '' ? null : prev, allowedHosts };
}

/** Field names resolve against the record type's map `known`; `shared` also lets pass, unused, those of another login type. */
interface FieldNames {
  known: readonly FieldSpec[];
  shared: boolean;
}

/** A name this record type lacks but another login type has (an endpoint's list covers every type it wants). */
function otherTypesField(names: FieldNames, name: string): boolean {
  return names.shared && USER_RECORD_TYPES.some((t) => t.fields !== names.known && resolveFieldIn(t.fields, name));
}

/**
 * Tracked fields, named in the record type's field map; a misspelt one (e.g. "titel") adds the
 * defaults, so that field's changes are not lost.
 */
function parseFields(read: ParamReader, fieldNames: FieldNames, problems: ConfigProblem[]): FieldSpec[] {
  const { known } = fieldNames;
  const names = list(read(PARAM.fields));
  const fields: FieldSpec[] = [];
  let unknown = 0;
  for (const name of names) {
    const spec = resolveFieldIn(known, name);
    if (!spec && otherTypesField(fieldNames, name)) continue;
    if (!spec) {
      unknown++;
      problems.push(problem(PARAM.fields, 'unknown or forbidden field', `: unknown or forbidden field "${name}"`));
    } else if (!fields.some((f) => f.rest === spec.rest)) fields.push(spec);
  }
  if (names.length === 0 || unknown > 0) {
    for (const f of known) if (!fields.some((g) => g.rest === f.rest)) fields.push(f);
  }
  // Lifecycle detection and `sequence` need these, whatever the administrator tracks.
  for (const rest of ['isInactive', 'giveAccess', 'lastModifiedDate']) {
    const spec = known.find((f) => f.rest === rest); // every login type has them; a type without one skips it
    if (spec && !fields.some((f) => f.rest === rest)) fields.push(spec);
  }
  return fields;
}

/** A set of allowed names; any unknown name (a typo of the one meant) means all, so a typo loses no event. */
function parseChoice(
  read: ParamReader,
  param: string,
  known: ReadonlySet<string>,
  what: string,
  upper: boolean,
  problems: ConfigProblem[],
): Set<string> | null {
  const names = list(read(param)).map((n) => (upper ? n.toUpperCase() : n.toLowerCase()));
  for (const n of names)
    if (!known.has(n)) problems.push(problem(param, `unknown ${what}`, `: unknown ${what} "${n}"`));
  const valid = names.filter((n) => known.has(n));
  return valid.length > 0 && valid.length === names.length ? new Set(valid) : null;
}

function parseModes(read: ParamReader, problems: ConfigProblem[]): Pick<EmitterConfig, 'deliveryMode' | 'payloadMode'> {
  const mode = text(read(PARAM.deliveryMode)).toLowerCase() || 'auto';
  if (mode !== 'inline' && mode !== 'outbox' && mode !== 'auto') {
    problems.push(
      problem(PARAM.deliveryMode, 'must be inline, outbox or auto', `must be inline, outbox or auto (got "${mode}")`),
    );
  }
  const payload = text(read(PARAM.payloadMode)).toLowerCase() || 'full';
  if (payload !== 'full' && payload !== 'changes')
    problems.push(problem(PARAM.payloadMode, 'must be full or changes', `must be full or changes (got "${payload}")`));
  return {
    deliveryMode: mode === 'inline' || mode === 'outbox' ? mode : 'auto',
    payloadMode: payload === 'changes' ? 'changes' : 'full',
  };
}

function parseExcluded(read: ParamReader, names: FieldNames, problems: ConfigProblem[]): Set<string> {
  const excluded = new Set<string>();
  for (const name of list(read(PARAM.excludedFields))) {
    if (FORBIDDEN_FIELDS.has(name) || FORBIDDEN_FIELDS.has(name.toLowerCase())) continue; // always excluded anyway
    const spec = resolveFieldIn(names.known, name);
    if (!spec && otherTypesField(names, name)) continue;
    if (!spec) problems.push(problem(PARAM.excludedFields, 'unknown field', `: unknown field "${name}"`));
    else excluded.add(spec.rest);
  }
  return excluded;
}

/**
 * The parameters of one deployment. `known` is the field map of the record type it is deployed on
 * (lib/core/record-types.ts): field names resolve against it; the employee's by default. `shared`: the
 * settings serve several record types (an endpoint record), so a field name another login type has is
 * not a problem here, only unused (a vendor save ignores `title`); a name no type has still is.
 */
export function parseConfig(
  read: ParamReader,
  known: readonly FieldSpec[] = EMPLOYEE_FIELDS,
  shared = false,
): ConfigResult {
  const problems: ConfigProblem[] = [];
  const target = parseTarget(read, problems);
  const names: FieldNames = { known, shared };
  const fields = parseFields(read, names, problems);
  const contexts = parseChoice(read, PARAM.contexts, EXECUTION_CONTEXTS, 'execution context', true, problems);
  const modes = parseModes(read, problems);
  const excluded = parseExcluded(read, names, problems);
  const eventTypes =
    parseChoice(read, PARAM.eventTypes, EVENT_TYPES, 'event type', false, problems) ?? new Set(EVENT_TYPES);
  const recordTypes = parseChoice(read, PARAM.recordTypes, RECORD_TYPE_IDS, 'record type', false, problems);
  return {
    problems,
    errors: problems.map((p) => p.message),
    config: { ...target, fields, contexts, ...modes, excluded, eventTypes, recordTypes },
  };
}

/** The problems that hold deliveries back (endpoint, API Secret ids, allow-list). */
export function blockingProblems(result: ConfigResult): ConfigProblem[] {
  return result.problems.filter((p) => p.blocking);
}

/** Parameter ids and what is wrong with each, without any value: one Execution Log entry. */
export function problemSummary(problems: readonly ConfigProblem[]): string {
  return problems.map((p) => `${p.param} ${p.reason}`).join('; ');
}

/** Whether an execution posts inline (true) or queues for the scheduled script (false). */
export function postsInline(mode: DeliveryMode, executionContext: string): boolean {
  if (mode === 'auto') return INTERACTIVE_CONTEXTS.has(executionContext.toUpperCase());
  return mode === 'inline';
}
