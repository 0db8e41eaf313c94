/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 * Built by scripts/build-bundle.mjs from lib/suitescript/entries/employee-ue.ts; edit the TypeScript, not this file.
 */
define(['N/log', 'N/runtime', 'N/cache', 'N/search', 'N/record', 'N/https', 'N/crypto', 'N/encode'], function (logger2, runtime4, cache, search, record, https, crypto, encode) {
  var cache2 = cache;
  var logger = logger2;
  var runtime2 = runtime4;
  var runtime = runtime4;
  var runtime3 = runtime4;
  // lib/suitescript/entries/employee-ue.ts

  // lib/core/breaker.ts
  var BREAKER_CACHE_NAME = "suitehooks_breaker";
  var BREAKER_COOL_DOWN_MS = 3e5;
  var BREAKER_TTL_SECONDS = 3600;
  var KEY_MAX = 1e3;
  function breakerKey(endpoint) {
    const key = `endpoint:${endpoint}`;
    return key.length <= KEY_MAX ? key : `${key.slice(0, KEY_MAX - 12)}#${hash(key)}`;
  }
  var BREAKERS_KEY = "breakers";
  function readBreakerStates(text2) {
    if (!text2) return {};
    try {
      const parsed = JSON.parse(text2);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
      const out = {};
      for (const [k, v] of Object.entries(parsed)) if (typeof v === "string") out[k] = v;
      return out;
    } catch {
      return {};
    }
  }
  function withBreakerState(text2, endpoint, value, now) {
    const key = breakerKey(endpoint);
    const kept = Object.entries(readBreakerStates(text2)).filter(
      ([k, v]) => k !== key && Number(v) + BREAKER_TTL_SECONDS * 1e3 >= now
    );
    return JSON.stringify(Object.fromEntries(value === null ? kept : [...kept, [key, value]]));
  }
  function hash(text2) {
    let h = 2166136261;
    for (let i = 0; i < text2.length; i++) h = Math.imul(h ^ text2.charCodeAt(i), 16777619) >>> 0;
    return h.toString(16).padStart(8, "0");
  }
  function openUntilValue(now) {
    return String(now + BREAKER_COOL_DOWN_MS);
  }
  function decideInline(stored, now) {
    const until = stored === null || stored.trim() === "" ? NaN : Number(stored);
    if (!Number.isFinite(until)) return { kind: "post" };
    if (until > now) return { kind: "skip", until };
    return { kind: "probe", claim: openUntilValue(now) };
  }
  function showsDown(result) {
    return result.status === null || result.status >= 500 || result.status === 429;
  }

  // lib/core/fields.ts
  var EMPLOYEE_FIELDS = Object.freeze([
    { rest: "entityId", nsId: "entityid", column: "entityid", kind: "text" },
    { rest: "externalId", nsId: "externalid", column: "externalid", kind: "text" },
    { rest: "firstName", nsId: "firstname", column: "firstname", kind: "text" },
    { rest: "lastName", nsId: "lastname", column: "lastname", kind: "text" },
    { rest: "email", nsId: "email", column: "email", kind: "text" },
    { rest: "title", nsId: "title", column: "title", kind: "text" },
    { rest: "phone", nsId: "phone", column: "phone", kind: "text" },
    { rest: "mobilePhone", nsId: "mobilephone", column: "mobilephone", kind: "text" },
    { rest: "isInactive", nsId: "isinactive", column: "isinactive", kind: "boolean" },
    { rest: "giveAccess", nsId: "giveaccess", column: "giveaccess", kind: "boolean" },
    { rest: "subsidiary", nsId: "subsidiary", column: "subsidiary", kind: "select", refType: "subsidiary" },
    { rest: "department", nsId: "department", column: "department", kind: "select", refType: "department" },
    { rest: "location", nsId: "location", column: "location", kind: "select", refType: "location" },
    { rest: "supervisor", nsId: "supervisor", column: "supervisor", kind: "select", refType: "employee" },
    { rest: "employeeType", nsId: "employeetype", column: "employeetype", kind: "select", refType: "employeetype" },
    { rest: "hireDate", nsId: "hiredate", column: "hiredate", kind: "date" },
    { rest: "lastModifiedDate", nsId: "lastmodifieddate", column: "lastmodifieddate", kind: "datetime", readOnly: true },
    {
      rest: "roles",
      nsId: "roles",
      column: null,
      kind: "sublist",
      refType: "role",
      sublist: { id: "roles", field: "selectedrole", rest: "selectedRole" }
    }
  ]);
  var FORBIDDEN_FIELDS = /* @__PURE__ */ new Set([
    "password",
    "password2",
    "socialsecuritynumber",
    "socialSecurityNumber",
    "ssn"
  ]);
  var CUSTOM_FIELD = /^custentity[a-z0-9_]*$/;
  var DECLARABLE_KINDS = /* @__PURE__ */ new Set([
    "text",
    "boolean",
    "date",
    "datetime",
    "integer",
    "float",
    "select",
    "multiselect"
  ]);
  var INDEX = /* @__PURE__ */ new WeakMap();
  function indexOf(fields) {
    let index = INDEX.get(fields);
    if (!index) {
      index = /* @__PURE__ */ new Map();
      for (const f of fields) index.set(f.nsId, f);
      for (const f of fields) index.set(f.rest.toLowerCase(), f);
      INDEX.set(fields, index);
    }
    return index;
  }
  function resolveFieldIn(fields, name) {
    const [rawName, rawKind] = name.split(":").map((s) => s.trim());
    if (!rawName || FORBIDDEN_FIELDS.has(rawName) || FORBIDDEN_FIELDS.has(rawName.toLowerCase())) return null;
    const lower = rawName.toLowerCase();
    const known = indexOf(fields).get(lower);
    if (known) return rawKind === void 0 ? known : null;
    if (!CUSTOM_FIELD.test(lower)) return null;
    if (rawKind !== void 0 && !DECLARABLE_KINDS.has(rawKind)) return null;
    return { rest: lower, nsId: lower, column: lower, kind: rawKind ?? "auto" };
  }

  // lib/core/record-types.ts
  function byRest(rest) {
    const spec = EMPLOYEE_FIELDS.find((f) => f.rest === rest);
    if (!spec) throw new Error(`no employee field "${rest}" in EMPLOYEE_FIELDS (lib/core/fields.ts)`);
    return spec;
  }
  var ENTITY = ["entityId", "externalId", "firstName", "lastName", "email", "phone", "isInactive", "giveAccess"];
  var SUBSIDIARY = byRest("subsidiary");
  var MODIFIED = byRest("lastModifiedDate");
  var ROLES_SUBLIST = byRest("roles");
  var IS_PERSON = { rest: "isPerson", nsId: "isperson", column: "isperson", kind: "boolean" };
  var COMPANY = { rest: "companyName", nsId: "companyname", column: "companyname", kind: "text" };
  var ACCESS_ROLE = {
    rest: "accessRole",
    nsId: "accessrole",
    column: "accessrole",
    kind: "select",
    refType: "role"
  };
  function entityFields(...extra) {
    return Object.freeze([
      ...ENTITY.map(byRest).slice(0, 2),
      IS_PERSON,
      COMPANY,
      ...ENTITY.map(byRest).slice(2),
      SUBSIDIARY,
      ...extra,
      MODIFIED
    ]);
  }
  var VENDOR_FIELDS = entityFields(
    { rest: "legalName", nsId: "legalname", column: "legalname", kind: "text" },
    ROLES_SUBLIST
  );
  var PARTNER_FIELDS = entityFields(
    byRest("department"),
    byRest("location"),
    { rest: "partnerCode", nsId: "partnercode", column: "partnercode", kind: "text" },
    ACCESS_ROLE
  );
  var CUSTOMER_FIELDS = entityFields(
    { rest: "salesRep", nsId: "salesrep", column: "salesrep", kind: "select", refType: "employee" },
    ACCESS_ROLE
  );
  function entry(id, plural, fields, roles, sources) {
    return Object.freeze({
      id,
      sdfRecordType: id.toUpperCase(),
      deploymentId: `customdeploy_suitehooks_${id}_ue`,
      eventPrefix: id,
      label: id,
      plural,
      fields,
      roles,
      sources: Object.freeze(sources)
    });
  }
  var SELECT_ROLE = { kind: "select", rest: "accessRole", column: "accessrole" };
  var USER_RECORD_TYPES = Object.freeze([
    entry(
      "employee",
      "employees",
      EMPLOYEE_FIELDS,
      { kind: "sublist", rest: "roles", suiteqlTable: "employeerolesforsearch" },
      ["section_N285060"]
    ),
    entry("vendor", "vendors", VENDOR_FIELDS, { kind: "sublist", rest: "roles", suiteqlTable: null }, [
      "section_N3187808",
      "article_164337045826",
      "section_0413121324"
    ]),
    entry("partner", "partners", PARTNER_FIELDS, SELECT_ROLE, ["section_N3187098", "section_0815024527"]),
    entry("customer", "customers", CUSTOMER_FIELDS, SELECT_ROLE, ["section_N3184698", "section_1014091843"])
  ]);
  var BY_ID = new Map(USER_RECORD_TYPES.map((t) => [t.id, t]));
  function userRecordType(id) {
    return BY_ID.get(id.toLowerCase()) ?? null;
  }
  var SUFFIX = { create: "created", update: "updated", delete: "deleted" };
  function eventTypeOf(type, changeType) {
    return `${type.eventPrefix}.${SUFFIX[changeType]}`;
  }
  var EVENT_TYPE_NAMES = Object.freeze(
    USER_RECORD_TYPES.flatMap((t) => ["create", "update", "delete"].map((c) => eventTypeOf(t, c)))
  );

  // lib/core/config.ts
  var PARAM = {
    endpointUrl: "custscript_suitehooks_endpoint_url",
    secretId: "custscript_suitehooks_secret_id",
    prevSecretId: "custscript_suitehooks_prev_secret_id",
    fields: "custscript_suitehooks_fields",
    contexts: "custscript_suitehooks_contexts",
    deliveryMode: "custscript_suitehooks_delivery_mode",
    payloadMode: "custscript_suitehooks_payload_mode",
    excludedFields: "custscript_suitehooks_excluded_fields",
    eventTypes: "custscript_suitehooks_event_types",
    allowedHosts: "custscript_suitehooks_allowed_hosts",
    recordTypes: "custscript_suitehooks_record_types"
  };
  var CONTEXT_TYPE = Object.freeze({
    ACTION: "ACTION",
    ADVANCEDREVREC: "ADVANCEDREVREC",
    BANKCONNECTIVITY: "BANKCONNECTIVITY",
    BANKSTATEMENTPARSER: "BANKSTATEMENTPARSER",
    BUNDLE_INSTALLATION: "BUNDLEINSTALLATION",
    CLIENT: "CLIENT",
    CONSOLRATEADJUSTOR: "CONSOLRATEADJUSTOR",
    CSV_IMPORT: "CSVIMPORT",
    CUSTOMGLLINES: "CUSTOMGLLINES",
    CUSTOM_MASSUPDATE: "CUSTOMMASSUPDATE",
    DATASETBUILDER: "DATASETBUILDER",
    DEBUGGER: "DEBUGGER",
    EMAIL_CAPTURE: "EMAILCAPTURE",
    FICONNECTIVITY: "FICONNECTIVITY",
    FIPARSER: "FIPARSER",
    MAP_REDUCE: "MAPREDUCE",
    NONE: "NONE",
    PAYMENTGATEWAY: "PAYMENTGATEWAY",
    PAYMENTPOSTBACK: "PAYMENTPOSTBACK",
    PLATFORMEXTENSION: "PLATFORMEXTENSION",
    PORTLET: "PORTLET",
    PROMOTIONS: "PROMOTIONS",
    RESTLET: "RESTLET",
    REST_WEBSERVICES: "RESTWEBSERVICES",
    SCHEDULED: "SCHEDULED",
    SDF_INSTALLATION: "SDFINSTALLATION",
    SHIPPING_PARTNERS: "SHIPPINGPARTNERS",
    SUITELET: "SUITELET",
    TAX_CALCULATION: "TAXCALCULATION",
    USEREVENT: "USEREVENT",
    USER_INTERFACE: "USERINTERFACE",
    WEBAPPLICATION: "WEBAPPLICATION",
    WEBSERVICES: "WEBSERVICES",
    WEBSTORE: "WEBSTORE",
    WORKBOOKBUILDER: "WORKBOOKBUILDER",
    WORKFLOW: "WORKFLOW"
  });
  var CONTEXT_TYPE_BEYOND_TYPINGS = Object.freeze({
    OCRPLUGIN: "OCRPLUGIN",
    RECORDACTION: "RECORDACTION"
  });
  var EXECUTION_CONTEXTS = /* @__PURE__ */ new Set([
    ...Object.values(CONTEXT_TYPE),
    ...Object.values(CONTEXT_TYPE_BEYOND_TYPINGS)
  ]);
  var INTERACTIVE_CONTEXTS = /* @__PURE__ */ new Set([
    "USERINTERFACE",
    "RESTWEBSERVICES",
    "WEBSERVICES",
    "RESTLET",
    "SUITELET",
    "CLIENT",
    "WORKFLOW",
    "USEREVENT"
  ]);
  var EVENT_TYPES = /* @__PURE__ */ new Set(["create", "edit", "xedit", "delete"]);
  var RECORD_TYPE_IDS = new Set(USER_RECORD_TYPES.map((t) => t.id));
  var SENDING_PARAMS = /* @__PURE__ */ new Set([
    PARAM.endpointUrl,
    PARAM.secretId,
    PARAM.prevSecretId,
    PARAM.allowedHosts
  ]);
  var SECRET_ID = /^custsecret[a-z0-9_]{1,30}$/;
  var HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|[0-9a-f:.]*:[0-9a-f:.]*)$/;
  function text(raw) {
    return raw === null || raw === void 0 ? "" : String(raw).trim();
  }
  function list(raw) {
    return text(raw).replace(/\s*:\s*/g, ":").split(/[\s,;]+/).map((s) => s.trim()).filter((s) => s !== "");
  }
  function problem(param, reason2, detail = "") {
    return {
      param,
      reason: reason2,
      message: `${param}${detail.startsWith(":") ? "" : " "}${detail || reason2}`,
      blocking: SENDING_PARAMS.has(param)
    };
  }
  function endpointProblem(url, allowedHosts) {
    const p = (reason2, detail) => problem(PARAM.endpointUrl, reason2, detail);
    if (url === "") return p("is not set", "is not set: the receiver URL is required");
    const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(url);
    if (!match) return p("is not an absolute URL");
    const [, scheme = "", authority = ""] = match;
    if (scheme.toLowerCase() !== "https")
      return p("must use https://", "must use https:// (NetSuite refuses other schemes)");
    if (authority.includes("@")) return p("must not carry credentials");
    const host = authority.replace(/:\d+$/, "").replace(/^\[|\]$/g, "").toLowerCase();
    if (host === "") return p("has no host");
    if (allowedHosts && !allowedHosts.has(host))
      return p(`host is not in ${PARAM.allowedHosts}`, `host ${host} is not in ${PARAM.allowedHosts}`);
    return null;
  }
  function parseTarget(read, problems) {
    const hosts = list(read(PARAM.allowedHosts)).map((h) => h.toLowerCase().replace(/^\[|\]$/g, ""));
    const badHosts = hosts.filter((h) => !HOST.test(h));
    for (const h of badHosts)
      problems.push(
        problem(
          PARAM.allowedHosts,
          "an entry is not a host name",
          `: "${h}" is not a host name (no scheme, port or path)`
        )
      );
    const allowedHosts = hosts.length > 0 ? new Set(hosts) : null;
    const endpointUrl = text(read(PARAM.endpointUrl));
    const endpoint = endpointProblem(endpointUrl, badHosts.length > 0 ? null : allowedHosts);
    if (endpoint) problems.push(endpoint);
    const secretId = text(read(PARAM.secretId)).toLowerCase();
    if (secretId === "")
      problems.push(problem(PARAM.secretId, "is not set", "is not set: name the API Secret (custsecret_…) that signs"));
    else if (!SECRET_ID.test(secretId))
      problems.push(problem(PARAM.secretId, "must be an API Secret script id (custsecret_…)"));
    const prev = text(read(PARAM.prevSecretId)).toLowerCase();
    if (prev !== "" && !SECRET_ID.test(prev))
      problems.push(problem(PARAM.prevSecretId, "must be an API Secret script id (custsecret_…)"));
    return { endpointUrl, secretId, prevSecretId: prev === "" ? null : prev, allowedHosts };
  }
  function otherTypesField(names, name) {
    return names.shared && USER_RECORD_TYPES.some((t) => t.fields !== names.known && resolveFieldIn(t.fields, name));
  }
  function parseFields(read, fieldNames, problems) {
    const { known } = fieldNames;
    const names = list(read(PARAM.fields));
    const fields = [];
    let unknown = 0;
    for (const name of names) {
      const spec = resolveFieldIn(known, name);
      if (!spec && otherTypesField(fieldNames, name)) continue;
      if (!spec) {
        unknown++;
        problems.push(problem(PARAM.fields, "unknown or forbidden field", `: unknown or forbidden field "${name}"`));
      } else if (!fields.some((f) => f.rest === spec.rest)) fields.push(spec);
    }
    if (names.length === 0 || unknown > 0) {
      for (const f of known) if (!fields.some((g) => g.rest === f.rest)) fields.push(f);
    }
    for (const rest of ["isInactive", "giveAccess", "lastModifiedDate"]) {
      const spec = known.find((f) => f.rest === rest);
      if (spec && !fields.some((f) => f.rest === rest)) fields.push(spec);
    }
    return fields;
  }
  function parseChoice(read, param, known, what, upper, problems) {
    const names = list(read(param)).map((n) => upper ? n.toUpperCase() : n.toLowerCase());
    for (const n of names)
      if (!known.has(n)) problems.push(problem(param, `unknown ${what}`, `: unknown ${what} "${n}"`));
    const valid = names.filter((n) => known.has(n));
    return valid.length > 0 && valid.length === names.length ? new Set(valid) : null;
  }
  function parseModes(read, problems) {
    const mode = text(read(PARAM.deliveryMode)).toLowerCase() || "auto";
    if (mode !== "inline" && mode !== "outbox" && mode !== "auto") {
      problems.push(
        problem(PARAM.deliveryMode, "must be inline, outbox or auto", `must be inline, outbox or auto (got "${mode}")`)
      );
    }
    const payload = text(read(PARAM.payloadMode)).toLowerCase() || "full";
    if (payload !== "full" && payload !== "changes")
      problems.push(problem(PARAM.payloadMode, "must be full or changes", `must be full or changes (got "${payload}")`));
    return {
      deliveryMode: mode === "inline" || mode === "outbox" ? mode : "auto",
      payloadMode: payload === "changes" ? "changes" : "full"
    };
  }
  function parseExcluded(read, names, problems) {
    const excluded = /* @__PURE__ */ new Set();
    for (const name of list(read(PARAM.excludedFields))) {
      if (FORBIDDEN_FIELDS.has(name) || FORBIDDEN_FIELDS.has(name.toLowerCase())) continue;
      const spec = resolveFieldIn(names.known, name);
      if (!spec && otherTypesField(names, name)) continue;
      if (!spec) problems.push(problem(PARAM.excludedFields, "unknown field", `: unknown field "${name}"`));
      else excluded.add(spec.rest);
    }
    return excluded;
  }
  function parseConfig(read, known = EMPLOYEE_FIELDS, shared = false) {
    const problems = [];
    const target = parseTarget(read, problems);
    const names = { known, shared };
    const fields = parseFields(read, names, problems);
    const contexts = parseChoice(read, PARAM.contexts, EXECUTION_CONTEXTS, "execution context", true, problems);
    const modes = parseModes(read, problems);
    const excluded = parseExcluded(read, names, problems);
    const eventTypes = parseChoice(read, PARAM.eventTypes, EVENT_TYPES, "event type", false, problems) ?? new Set(EVENT_TYPES);
    const recordTypes = parseChoice(read, PARAM.recordTypes, RECORD_TYPE_IDS, "record type", false, problems);
    return {
      problems,
      errors: problems.map((p) => p.message),
      config: { ...target, fields, contexts, ...modes, excluded, eventTypes, recordTypes }
    };
  }
  function blockingProblems(result) {
    return result.problems.filter((p) => p.blocking);
  }
  function problemSummary(problems) {
    return problems.map((p) => `${p.param} ${p.reason}`).join("; ");
  }
  function postsInline(mode, executionContext3) {
    if (mode === "auto") return INTERACTIVE_CONTEXTS.has(executionContext3.toUpperCase());
    return mode === "inline";
  }

  // lib/core/retry-schedule.ts
  var MINUTE = 6e4;
  var HOUR = 60 * MINUTE;
  var RETRY_DELAYS_MS = Object.freeze([
    5 * MINUTE,
    30 * MINUTE,
    2 * HOUR,
    5 * HOUR,
    10 * HOUR,
    14 * HOUR,
    20 * HOUR,
    24 * HOUR
  ]);
  var MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
  var JITTER = 0.1;
  function parseRetryAfter(header2, now) {
    if (header2 === null || header2 === void 0) return null;
    const text2 = header2.trim();
    if (/^\d+$/.test(text2)) return Number(text2) * 1e3;
    const at = Date.parse(text2);
    return Number.isNaN(at) ? null : Math.max(0, at - now);
  }
  var MAX_RETRY_AFTER_MS = 24 * HOUR;
  function nextAttemptAt(attempts, now, random, retryAfterMs = null) {
    if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError("attempts counts failed attempts, from 1");
    const base = RETRY_DELAYS_MS[attempts - 1];
    if (base === void 0) return null;
    const jittered = Math.round(base * (1 - JITTER + 2 * JITTER * random()));
    const asked = retryAfterMs === null || Number.isNaN(retryAfterMs) ? 0 : Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
    return now + Math.max(jittered, asked);
  }
  function classifyAttempt(result, attempts, now, random) {
    const { status } = result;
    if (status !== null && status >= 200 && status < 300) return { kind: "delivered" };
    const reason2 = status === null ? result.error ?? "no response" : `HTTP ${status}`;
    if (status === 410) return { kind: "dead", reason: "HTTP 410 Gone: the receiver asked for no more retries" };
    const at = nextAttemptAt(attempts, now, random, parseRetryAfter(result.retryAfter, now));
    if (at === null) return { kind: "dead", reason: `${reason2}; gave up after ${attempts} attempts` };
    return { kind: "retry", at, reason: reason2 };
  }

  // lib/core/delivery-record.ts
  var DELIVERY_RECORD = "customrecord_suitehooks_delivery";
  var DELIVERY_FIELD = {
    /** The event id (`webhook-id`), identical on every attempt. */
    eventId: "custrecord_suitehooks_event_id",
    /** `employee.created` | `employee.updated` | `employee.deleted`. */
    eventType: "custrecord_suitehooks_event_type",
    /**
     * The endpoint it belongs to: the endpoint record's internal id, or `parameters` (empty on deliveries
     * stored before endpoints existed: the parameters endpoint). The worker sends it to that endpoint only.
     */
    endpoint: "custrecord_suitehooks_endpoint",
    endpointUrl: "custrecord_suitehooks_endpoint_url",
    /**
     * The host allow-list the endpoint was checked against: host names separated by spaces, `*` for any
     * host, empty on deliveries stored before it existed (`allowedHostsText`, `storedAllowedHosts`).
     */
    allowedHosts: "custrecord_suitehooks_allowed_hosts",
    /** API Secret script ids (never values). */
    secretId: "custrecord_suitehooks_secret_id",
    prevSecretId: "custrecord_suitehooks_prev_secret_id",
    /** The exact body that is signed and sent (CLOBTEXT). */
    body: "custrecord_suitehooks_body",
    /** The body's length in characters, so a search result cut at 4,000 bytes is recognised (INTEGER). */
    bodyLength: "custrecord_suitehooks_body_length",
    status: "custrecord_suitehooks_status",
    /** Attempts made so far (0 when the event was queued without a try). */
    attempts: "custrecord_suitehooks_attempts",
    /**
     * When to try next, as ISO-8601 UTC text (`2026-03-06T12:39:56.789Z`); empty means due now. Text, not
     * a DATETIMETZ: search results show date-times only as text in the user's format and time zone, while
     * this reads back exactly and sorts as time, so the retry worker needs no record.load and no N/format.
     */
    nextAttempt: "custrecord_suitehooks_next_attempt_utc",
    lastHttpStatus: "custrecord_suitehooks_last_http_status",
    lastError: "custrecord_suitehooks_last_error",
    recordType: "custrecord_suitehooks_record_type",
    recordId: "custrecord_suitehooks_record_id"
  };
  var DELIVERY_STATUS = {
    pending: "pending",
    delivered: "delivered",
    dead: "dead"
  };
  var LAST_ERROR_MAX = 300;
  function stateAfterAttempt(result, attempts, now, random) {
    const outcome = classifyAttempt(result, attempts, now, random);
    const lastHttpStatus = result.status;
    switch (outcome.kind) {
      case "delivered":
        return { status: DELIVERY_STATUS.delivered, attempts, nextAttempt: null, lastHttpStatus, lastError: "" };
      case "dead":
        return {
          status: DELIVERY_STATUS.dead,
          attempts,
          nextAttempt: null,
          lastHttpStatus,
          lastError: clipError(outcome.reason)
        };
      case "retry":
        return {
          status: DELIVERY_STATUS.pending,
          attempts,
          nextAttempt: outcome.at,
          lastHttpStatus,
          lastError: clipError(outcome.reason)
        };
    }
  }
  function queuedState(reason2) {
    return {
      status: DELIVERY_STATUS.pending,
      attempts: 0,
      nextAttempt: null,
      lastHttpStatus: null,
      lastError: clipError(reason2)
    };
  }
  function nextAttemptText(at) {
    return at === null ? "" : new Date(at).toISOString();
  }
  function allowedHostsText(hosts) {
    return hosts === null ? "*" : [...hosts].join(" ");
  }
  function clipError(text2) {
    return text2.length <= LAST_ERROR_MAX ? text2 : `${text2.slice(0, LAST_ERROR_MAX - 1)}…`;
  }

  // lib/core/endpoint-record.ts
  var ENDPOINT_RECORD = "customrecord_suitehooks_endpoint";
  var ENDPOINT_FIELD = {
    url: "custrecord_suitehooks_ep_url",
    secretId: "custrecord_suitehooks_ep_secret_id",
    prevSecretId: "custrecord_suitehooks_ep_prev_secret_id",
    /** Record types it wants (employee, vendor, …), comma separated; empty means all. */
    recordTypes: "custrecord_suitehooks_ep_record_types",
    eventTypes: "custrecord_suitehooks_ep_event_types",
    fields: "custrecord_suitehooks_ep_fields",
    excludedFields: "custrecord_suitehooks_ep_excluded_fields",
    contexts: "custrecord_suitehooks_ep_contexts",
    payloadMode: "custrecord_suitehooks_ep_payload_mode",
    deliveryMode: "custrecord_suitehooks_ep_delivery_mode",
    allowedHosts: "custrecord_suitehooks_ep_allowed_hosts",
    enabled: "custrecord_suitehooks_ep_enabled",
    /** Health, written by the retry worker: when its attempts began failing (ISO-8601 UTC; empty = healthy). */
    failingSince: "custrecord_suitehooks_ep_failing_since",
    lastSuccess: "custrecord_suitehooks_ep_last_success",
    lastError: "custrecord_suitehooks_ep_last_error",
    /** Why and when the worker disabled it (empty when an administrator did, or it is enabled). */
    disabledReason: "custrecord_suitehooks_ep_disabled_reason"
  };
  var PARAMETERS_ENDPOINT = "parameters";
  var SETTING_FIELDS = {
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
    [PARAM.allowedHosts]: ENDPOINT_FIELD.allowedHosts
  };
  var ENDPOINT_CONFIG_FIELDS = Object.freeze([
    "name",
    "isinactive",
    ...Object.values(SETTING_FIELDS),
    ENDPOINT_FIELD.enabled
  ]);
  function enabledValue(value) {
    return value === true || value === "T" || value === "true";
  }
  function parseEndpoint(id, values, known) {
    const read = (param) => {
      const field = SETTING_FIELDS[param];
      return field === void 0 ? null : values[field];
    };
    const result = parseConfig(read, known, true);
    const problems = result.problems.map((p) => {
      const field = SETTING_FIELDS[p.param] ?? p.param;
      return { ...p, param: field, message: p.message.split(p.param).join(field) };
    });
    return {
      id,
      name: String(values.name ?? "") || `endpoint ${id}`,
      enabled: enabledValue(values[ENDPOINT_FIELD.enabled]),
      active: !enabledValue(values.isinactive),
      result: { config: result.config, problems, errors: problems.map((p) => p.message) }
    };
  }
  function parametersEndpoint(read, known) {
    const result = parseConfig(read, known);
    return { id: PARAMETERS_ENDPOINT, name: "script parameters", enabled: true, active: true, result };
  }
  function parametersInUse(read, records) {
    const url = read(PARAM.endpointUrl);
    return records === 0 || url !== null && url !== void 0 && String(url).trim() !== "";
  }
  function subscribes(endpoint, recordType, eventType, executionContext3) {
    const { config } = endpoint.result;
    if (!endpoint.active) return false;
    if (config.recordTypes && !config.recordTypes.has(recordType.toLowerCase())) return false;
    if (!config.eventTypes.has(eventType)) return false;
    return !config.contexts || config.contexts.has(executionContext3.toUpperCase());
  }
  function readStoredEndpoints(text2, known) {
    if (!text2) return [];
    try {
      const parsed = JSON.parse(text2);
      return (parsed.endpoints ?? []).map((e) => parseEndpoint(String(e.id), e.values ?? {}, known));
    } catch {
      return [];
    }
  }
  function endpointPrefix(id) {
    return id === PARAMETERS_ENDPOINT ? "" : `endpoint ${id}: `;
  }
  var ENDPOINTS_CACHE_NAME = "suitehooks_endpoints";
  var ENDPOINTS_KEY = "endpoints";
  var ENDPOINTS_TTL_SECONDS = 3600;

  // lib/core/envelope.ts
  var EVENT_ID = /^[A-Za-z0-9_-]+$/;
  function allowed(key, excluded) {
    return !FORBIDDEN_FIELDS.has(key) && !FORBIDDEN_FIELDS.has(key.toLowerCase()) && !(excluded?.has(key) ?? false);
  }
  function buildEvent(input) {
    if (!EVENT_ID.test(input.id)) throw new Error("event id must match [A-Za-z0-9_-]+");
    const type = userRecordType(input.recordType);
    if (!type) throw new Error(`not a record type that can log in: ${String(input.recordType)}`);
    const changes = {};
    for (const key of [...input.diff.changedFields].sort()) {
      const change = input.diff.changes[key];
      if (change !== void 0 && allowed(key, input.excluded)) changes[key] = change;
    }
    const data = {
      id: input.id,
      account: input.account,
      recordType: input.recordType,
      recordId: input.recordId,
      changeType: input.changeType,
      eventType: input.eventType,
      changedFields: Object.keys(changes),
      changes,
      lifecycle: input.lifecycle,
      warnings: input.warnings,
      origin: input.origin,
      sequence: input.sequence
    };
    if (input.payloadMode === "full" && input.record) {
      const record2 = {};
      for (const [key, value] of Object.entries(input.record)) if (allowed(key, input.excluded)) record2[key] = value;
      data.record = { id: input.recordId, ...record2 };
    }
    return { type: eventTypeOf(type, input.changeType), timestamp: input.committedAt.toISOString(), data };
  }
  function serializeEvent(event) {
    return JSON.stringify(event);
  }
  function makeEventId(recordId, sequence, nonce) {
    const safe = (s) => s.replace(/[^A-Za-z0-9]/g, "");
    return `evt_${safe(recordId)}_${safe(sequence.toString(36))}_${safe(nonce)}`;
  }

  // lib/core/governance.ts
  var RECORD_UNITS = {
    load: { transaction: 10, custom: 2, other: 5 },
    create: { transaction: 10, custom: 2, other: 5 },
    submitFields: { transaction: 10, custom: 2, other: 5 },
    save: { transaction: 20, custom: 4, other: 10 },
    delete: { transaction: 20, custom: 4, other: 10 }
  };
  var UNIT_COST = {
    lookupFields: 1,
    https: 10,
    suiteql: 10,
    resultSetPage: 10,
    taskSubmit: 20,
    emailSend: 20,
    log: 0,
    cacheGet: 1,
    cacheLoad: 2,
    cachePut: 1,
    cacheRemove: 1
  };
  var RETRY_UNITS = {
    setup: 4 * UNIT_COST.resultSetPage + RECORD_UNITS.load.other,
    delivery: UNIT_COST.https + RECORD_UNITS.submitFields.custom,
    bodyLoad: RECORD_UNITS.load.custom,
    resubmit: UNIT_COST.taskSubmit,
    breaker: UNIT_COST.cacheGet + UNIT_COST.cachePut,
    health: RECORD_UNITS.submitFields.custom
  };
  var FAN_OUT = {
    overhead: 2 * UNIT_COST.cacheGet,
    inlinePosts: 3,
    outboxDelivery: RECORD_UNITS.create.custom + RECORD_UNITS.save.custom
  };

  // lib/suitescript/breaker-cache.ts
  function breakers() {
    return cache.getCache({ name: BREAKER_CACHE_NAME, scope: cache.Scope.PROTECTED });
  }
  function readBreakers() {
    let states = {};
    try {
      states = readBreakerStates(breakers().get({ key: BREAKERS_KEY }));
    } catch {
    }
    return (endpoint) => states[breakerKey(endpoint)] ?? null;
  }
  function writeBreaker(endpoint, value) {
    try {
      const c = breakers();
      const next = withBreakerState(c.get({ key: BREAKERS_KEY }), endpoint, value, Date.now());
      c.put({ key: BREAKERS_KEY, value: next, ttl: BREAKER_TTL_SECONDS });
    } catch {
    }
  }
  function openBreaker(endpoint, value) {
    writeBreaker(endpoint, value);
  }
  function closeBreaker(endpoint) {
    writeBreaker(endpoint, null);
  }

  // lib/core/normalize.ts
  var ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  var MULTI_SEPARATOR = /[,\u0005]/;
  function pad(n, width = 2) {
    return String(n).padStart(width, "0");
  }
  function isEmpty(raw) {
    return raw === null || raw === void 0 || raw === "" || Array.isArray(raw) && raw.length === 0;
  }
  function toDate(raw) {
    if (isEmpty(raw)) return null;
    if (raw instanceof Date) {
      if (Number.isNaN(raw.getTime())) return null;
      return `${pad(raw.getFullYear(), 4)}-${pad(raw.getMonth() + 1)}-${pad(raw.getDate())}`;
    }
    const text2 = String(raw).trim();
    if (ISO_DATE.test(text2)) return text2;
    const isoPrefix = /^(\d{4}-\d{2}-\d{2})T/.exec(text2);
    if (isoPrefix) return isoPrefix[1] ?? null;
    throw new TypeError(`not a date: ${JSON.stringify(text2.slice(0, 40))}`);
  }
  function toDateTime(raw) {
    if (isEmpty(raw)) return null;
    const date = raw instanceof Date ? raw : typeof raw === "number" ? new Date(raw) : new Date(String(raw).trim());
    if (Number.isNaN(date.getTime())) throw new TypeError(`not a date-time: ${JSON.stringify(String(raw).slice(0, 40))}`);
    return date.toISOString();
  }
  function toBoolean(raw) {
    if (raw === true || raw === "T" || raw === "t" || raw === "true") return true;
    if (raw === false || raw === "F" || raw === "f" || raw === "false" || isEmpty(raw)) return false;
    throw new TypeError(`not a boolean: ${JSON.stringify(String(raw).slice(0, 40))}`);
  }
  function isRefLike(raw) {
    return typeof raw === "object" && raw !== null && !Array.isArray(raw) && !(raw instanceof Date) && "id" in raw;
  }
  function toRef(raw, text2) {
    if (isEmpty(raw)) return null;
    if (isRefLike(raw)) {
      if (isEmpty(raw.id)) return null;
      const refName = raw.refName ?? text2;
      return { id: String(raw.id), refName: isEmpty(refName) ? null : String(refName) };
    }
    if (Array.isArray(raw)) return toRef(raw[0], Array.isArray(text2) ? text2[0] : text2);
    return { id: String(raw), refName: isEmpty(text2) || Array.isArray(text2) ? null : String(text2) };
  }
  function toRefs(raw, texts) {
    if (isEmpty(raw)) return null;
    const ids = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(MULTI_SEPARATOR).map((s) => s.trim()).filter((s) => s !== "") : [raw];
    const names = Array.isArray(texts) ? texts : typeof texts === "string" ? texts.split(MULTI_SEPARATOR) : [];
    const refs = ids.map((id, i) => toRef(id, names[i])).filter((r) => r !== null);
    return refs.length === 0 ? null : refs;
  }
  function toNumber(raw, integer) {
    if (isEmpty(raw)) return null;
    const n = typeof raw === "number" ? raw : Number(String(raw).trim());
    if (!Number.isFinite(n) || integer && !Number.isInteger(n)) {
      throw new TypeError(`not a${integer ? "n integer" : " number"}: ${JSON.stringify(String(raw).slice(0, 40))}`);
    }
    return n;
  }
  function toText(raw) {
    if (isEmpty(raw)) return null;
    return String(raw);
  }
  function inferred(raw, text2) {
    if (typeof raw === "boolean") return raw;
    if (typeof raw === "number") return toNumber(raw, false);
    if (raw instanceof Date) {
      const midnight = raw.getHours() === 0 && raw.getMinutes() === 0 && raw.getSeconds() === 0 && raw.getMilliseconds() === 0;
      return midnight ? toDate(raw) : toDateTime(raw);
    }
    if (Array.isArray(raw)) return toRefs(raw, text2);
    if (isRefLike(raw)) return toRef(raw, text2);
    return toText(raw);
  }
  function normalizeValue(spec, raw, text2) {
    switch (spec.kind) {
      case "text":
        return toText(raw);
      case "boolean":
        return toBoolean(raw);
      case "date":
        return toDate(raw);
      case "datetime":
        return toDateTime(raw);
      case "integer":
        return toNumber(raw, true);
      case "float":
        return toNumber(raw, false);
      case "select":
        return toRef(raw, text2);
      case "multiselect":
      case "sublist":
        return toRefs(raw, text2);
      case "auto":
        return inferred(raw, text2);
    }
  }
  function emptyToNull(value) {
    return isEmpty(value) ? null : value;
  }
  function sameValue(a, b) {
    if (isEmpty(a)) a = null;
    if (isEmpty(b)) b = null;
    if (a === b) return true;
    if (a === null || b === null) return false;
    if (Array.isArray(a) || Array.isArray(b)) {
      if (!Array.isArray(a) || !Array.isArray(b)) return false;
      const ids = new Set(a.map((r) => r.id));
      const other = new Set(b.map((r) => r.id));
      return ids.size === other.size && [...ids].every((id) => other.has(id));
    }
    if (typeof a === "object" && typeof b === "object") return a.id === b.id;
    return false;
  }

  // lib/core/diff.ts
  function membership(oldRefs, newRefs) {
    const before = Array.isArray(oldRefs) ? oldRefs : [];
    const after = Array.isArray(newRefs) ? newRefs : [];
    const beforeIds = new Set(before.map((r) => r.id));
    const afterIds = new Set(after.map((r) => r.id));
    const byId = (a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return {
      added: after.filter((r) => !beforeIds.has(r.id)).sort(byId),
      removed: before.filter((r) => !afterIds.has(r.id)).sort(byId)
    };
  }
  function diffRecords(old, next, fields, options = {}) {
    const changes = {};
    for (const spec of fields) {
      if (spec.readOnly) continue;
      if (next && options.present && !options.present.has(spec.rest)) continue;
      const before = old ? emptyToNull(old[spec.rest]) : null;
      const after = next ? emptyToNull(next[spec.rest]) : null;
      if (spec.kind === "sublist") {
        const m = membership(before, after);
        if (m.added.length > 0 || m.removed.length > 0) changes[spec.rest] = m;
        continue;
      }
      if (!sameValue(before, after)) changes[spec.rest] = { old: before, new: after };
    }
    const changedFields = Object.keys(changes).sort();
    const sorted = {};
    for (const key of changedFields) {
      const change = changes[key];
      if (change !== void 0) sorted[key] = change;
    }
    return { changes: sorted, changedFields };
  }
  function overlay(old, next, present) {
    const merged = { ...old ?? {} };
    for (const key of present) merged[key] = emptyToNull(next[key]);
    return merged;
  }

  // lib/core/lifecycle.ts
  function flag(record2, name) {
    if (!record2 || !(name in record2)) return null;
    return record2[name] === true;
  }
  function detectLifecycle(changeType, old, next) {
    if (changeType === "delete" || !next) return [];
    const out = [];
    const wasInactive = changeType === "create" ? false : flag(old, "isInactive");
    const isInactive = flag(next, "isInactive");
    const hadAccess = changeType === "create" ? false : flag(old, "giveAccess");
    const hasAccess = flag(next, "giveAccess");
    if (wasInactive === false && isInactive === true) out.push("deactivated");
    if (wasInactive === true && isInactive === false) out.push("reactivated");
    if (hadAccess === false && hasAccess === true) out.push("access_granted");
    if (hadAccess === true && hasAccess === false) out.push("access_revoked");
    return out;
  }
  function detectWarnings(next) {
    return flag(next, "isInactive") === true && flag(next, "giveAccess") === true ? ["PARTIAL_DEPROVISION"] : [];
  }

  // lib/core/read-record.ts
  function safeText(source, nsId) {
    try {
      return source.text(nsId);
    } catch {
      return null;
    }
  }
  function reason(e) {
    if (e instanceof TypeError) return e.message.replace(/:[\s\S]*$/, "");
    const name = e && typeof e === "object" && "name" in e ? String(e.name) : "";
    return /^[A-Z][A-Z0-9_]{2,}$/.test(name) ? `unreadable (${name})` : "unreadable";
  }
  function readRecord(source, fields) {
    const record2 = {};
    const present = /* @__PURE__ */ new Set();
    const problems = [];
    for (const spec of fields) {
      try {
        if (spec.kind === "sublist" && spec.sublist) {
          const lines = source.lines(spec.sublist.id, spec.sublist.field);
          if (lines === null) continue;
          present.add(spec.rest);
          record2[spec.rest] = normalizeValue(
            spec,
            lines.map((l) => l.value),
            lines.map((l) => l.text)
          );
          continue;
        }
        if (!source.has(spec.nsId)) continue;
        present.add(spec.rest);
        const raw = source.value(spec.nsId);
        const needsText = spec.kind === "select" || spec.kind === "multiselect" || spec.kind === "auto";
        record2[spec.rest] = normalizeValue(spec, raw, needsText ? safeText(source, spec.nsId) : void 0);
      } catch (e) {
        record2[spec.rest] = null;
        problems.push(`${spec.rest}: ${reason(e)}`);
      }
    }
    return { record: record2, present, problems };
  }

  // lib/suitescript/record-source.ts
  function recordSource(rec, partial) {
    const fields = partial ? new Set(rec.getFields()) : null;
    const sublists = partial ? new Set(rec.getSublists()) : null;
    return {
      has: (nsId) => fields === null || fields.has(nsId),
      value: (nsId) => rec.getValue({ fieldId: nsId }),
      text: (nsId) => rec.getText({ fieldId: nsId }),
      lines(sublistId, fieldId) {
        if (sublists !== null && !sublists.has(sublistId)) return null;
        const lines = [];
        const count = rec.getLineCount({ sublistId });
        for (let line = 0; line < count; line++) {
          lines.push({
            value: rec.getSublistValue({ sublistId, fieldId, line }),
            text: rec.getSublistText({ sublistId, fieldId, line })
          });
        }
        return lines;
      }
    };
  }

  // lib/suitescript/change-event.ts
  var CHANGE_TYPES = {
    create: "create",
    edit: "update",
    xedit: "update",
    delete: "delete"
  };
  function modifiedAt(record2, present) {
    if (!record2 || !present.has("lastModifiedDate")) return null;
    const ms = Date.parse(String(record2.lastModifiedDate));
    return Number.isFinite(ms) ? ms : null;
  }
  function recordTypeOf(newRecord, oldRecord) {
    const type = (newRecord ?? oldRecord)?.type;
    return type ? userRecordType(String(type)) : null;
  }
  function changeEvent(ctx) {
    const { config, changeType } = ctx;
    const problems = [];
    const read = (rec, partial) => {
      const result = readRecord(recordSource(rec, partial), config.fields);
      problems.push(...result.problems);
      return result;
    };
    const old = changeType !== "create" && ctx.oldRecord ? read(ctx.oldRecord, false).record : null;
    let next = null;
    let present = /* @__PURE__ */ new Set();
    if (changeType !== "delete" && ctx.newRecord) {
      const partial = ctx.eventType === "xedit";
      const fresh = read(ctx.newRecord, partial);
      present = fresh.present;
      next = partial ? overlay(old, fresh.record, fresh.present) : fresh.record;
    }
    const diff = diffRecords(old, next, config.fields, { present });
    const sequence = modifiedAt(next, present) ?? ctx.now;
    const source = ctx.newRecord ?? ctx.oldRecord;
    const recordId = String(source?.id ?? "");
    const event = buildEvent({
      id: makeEventId(recordId, sequence, ctx.nonce),
      account: ctx.account,
      recordType: ctx.type.id,
      recordId,
      changeType,
      eventType: ctx.eventType,
      committedAt: new Date(sequence),
      diff,
      record: next ?? old,
      payloadMode: config.payloadMode,
      lifecycle: detectLifecycle(changeType, old, next),
      warnings: detectWarnings(next),
      origin: ctx.origin,
      sequence,
      excluded: config.excluded
    });
    if (changeType === "update" && event.data.changedFields.length === 0) return null;
    return { event, problems };
  }

  // lib/suitescript/endpoints.ts

  // lib/suitescript/errors.ts
  function errorCode(e) {
    if (typeof e === "object" && e !== null && "name" in e && typeof e.name === "string" && e.name !== "") return e.name;
    return "UNEXPECTED_ERROR";
  }
  function errorText(e) {
    const message = typeof e === "object" && e !== null && "message" in e ? String(e.message) : String(e);
    return clipError(`${errorCode(e)}: ${message}`);
  }

  // lib/suitescript/params.ts
  function currentScriptParams() {
    const script = runtime.getCurrentScript();
    return (name) => script.getParameter({ name });
  }

  // lib/suitescript/endpoints.ts
  function endpointCache() {
    return cache2.getCache({ name: ENDPOINTS_CACHE_NAME, scope: cache2.Scope.PROTECTED });
  }
  function searchEndpointValues(extraColumns = []) {
    const columns = [...ENDPOINT_CONFIG_FIELDS, ...extraColumns];
    const results = search.create({ type: ENDPOINT_RECORD, filters: [], columns: ["internalid", ...columns] }).run().getRange({ start: 0, end: 1e3 });
    return {
      endpoints: results.map((r) => ({
        id: String(r.id),
        values: Object.fromEntries(columns.map((c) => [c, r.getValue({ name: c })]))
      }))
    };
  }
  function searchDirectly() {
    try {
      return JSON.stringify(searchEndpointValues());
    } catch (e) {
      const role = String(runtime2.getCurrentUser().role);
      logger.error({
        title: "suitehooks: endpoints",
        details: `the endpoint records could not be read (${errorCode(e)}) by role ${role}: this save's events go to the script parameters' endpoint only. Fix: give role ${role} the View permission on the record type ${ENDPOINT_RECORD}, or run the script that saves records as a role that has it.`
      });
      return null;
    }
  }
  function cachedEndpoints(known) {
    let text2;
    try {
      text2 = endpointCache().get({
        key: ENDPOINTS_KEY,
        loader: () => JSON.stringify(searchEndpointValues()),
        ttl: ENDPOINTS_TTL_SECONDS
      });
    } catch {
      text2 = searchDirectly();
    }
    return readStoredEndpoints(text2, known);
  }
  function allEndpoints(known) {
    const records = cachedEndpoints(known);
    const params = currentScriptParams();
    return parametersInUse(params, records.length) ? [...records, parametersEndpoint(params, known)] : records;
  }
  function endpointsFor(type, eventType, executionContext3) {
    return allEndpoints(type.fields).filter((e) => subscribes(e, type.id, eventType, executionContext3));
  }

  // lib/suitescript/new-delivery.ts

  // lib/suitescript/delivery-values.ts
  function stateValues(state) {
    return {
      [DELIVERY_FIELD.status]: state.status,
      [DELIVERY_FIELD.attempts]: state.attempts,
      [DELIVERY_FIELD.nextAttempt]: nextAttemptText(state.nextAttempt),
      [DELIVERY_FIELD.lastHttpStatus]: state.lastHttpStatus ?? "",
      [DELIVERY_FIELD.lastError]: state.lastError
    };
  }
  function targetValues(target) {
    return {
      [DELIVERY_FIELD.endpoint]: target.endpoint,
      [DELIVERY_FIELD.endpointUrl]: target.endpointUrl,
      [DELIVERY_FIELD.secretId]: target.secretId,
      [DELIVERY_FIELD.prevSecretId]: target.prevSecretId ?? "",
      [DELIVERY_FIELD.allowedHosts]: allowedHostsText(target.allowedHosts)
    };
  }

  // lib/suitescript/new-delivery.ts
  function createDelivery(delivery, state) {
    const rec = record.create({ type: DELIVERY_RECORD });
    const values = {
      name: delivery.eventId,
      [DELIVERY_FIELD.eventId]: delivery.eventId,
      [DELIVERY_FIELD.eventType]: delivery.eventType,
      [DELIVERY_FIELD.body]: delivery.body,
      [DELIVERY_FIELD.bodyLength]: delivery.body.length,
      [DELIVERY_FIELD.recordType]: delivery.recordType,
      [DELIVERY_FIELD.recordId]: delivery.recordId,
      ...targetValues(delivery),
      ...stateValues(state)
    };
    for (const [fieldId, value] of Object.entries(values)) {
      if (value !== "") rec.setValue({ fieldId, value });
    }
    return rec.save();
  }

  // lib/suitescript/origin.ts
  function idOf(value) {
    return value === null || value === void 0 || value === "" ? null : { id: String(value) };
  }
  function currentOrigin() {
    const user = runtime3.getCurrentUser();
    return { executionContext: String(runtime3.executionContext), user: idOf(user.id), role: idOf(user.role) };
  }

  // lib/suitescript/post-signed.ts

  // lib/core/version.ts
  var VERSION = "0.1.0";
  var USER_AGENT = `suitehooks/${VERSION}`;

  // lib/core/signing.ts
  function signingInput(id, timestampSeconds, body) {
    return `${id}.${timestampSeconds}.${body}`;
  }
  function signatureHeader(signaturesBase64) {
    if (signaturesBase64.length === 0) throw new Error("at least one signature is required");
    return signaturesBase64.map((s) => `v1,${s}`).join(" ");
  }
  function webhookHeaders(id, timestampSeconds, signaturesBase64) {
    return {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(timestampSeconds),
      "webhook-signature": signatureHeader(signaturesBase64),
      "user-agent": USER_AGENT
    };
  }
  function unixSeconds(ms) {
    return Math.floor(ms / 1e3);
  }

  // lib/suitescript/post-signed.ts
  function header(headers, name) {
    for (const [key, value] of Object.entries(headers ?? {})) {
      if (key.toLowerCase() === name) return Array.isArray(value) ? String(value[0]) : String(value);
    }
    return null;
  }
  function sendSigned(url, eventId, body, sign, nowMs) {
    const timestamp = unixSeconds(nowMs);
    const headers = webhookHeaders(eventId, timestamp, sign(signingInput(eventId, timestamp, body)));
    return https.post({ url, body, headers: { ...headers } });
  }
  function postSigned(url, eventId, body, sign, nowMs) {
    try {
      const response = sendSigned(url, eventId, body, sign, nowMs);
      return { status: response.code, retryAfter: header(response.headers, "retry-after") };
    } catch (e) {
      return { status: null, error: errorText(e) };
    }
  }

  // lib/suitescript/signer.ts
  var UnusableSecretError = class extends Error {
    constructor(secretId, failure) {
      super(typeof failure === "object" && failure !== null && "message" in failure ? String(failure.message) : "");
      this.secretId = secretId;
      this.name = errorCode(failure);
    }
    secretId;
  };
  function createSigner(secretIds) {
    const keys = secretIds.map((secret) => {
      try {
        const key = crypto.createSecretKey({ secret, encoding: encode.Encoding.BASE_64 });
        hmac(key, "suitehooks");
        return key;
      } catch (e) {
        throw new UnusableSecretError(secret, e);
      }
    });
    return (input) => keys.map((key) => hmac(key, input));
  }
  function hmac(key, input) {
    const h = crypto.createHmac({ algorithm: crypto.HashAlg.SHA256, key });
    h.update({ input, inputEncoding: encode.Encoding.UTF_8 });
    return h.digest({ outputEncoding: encode.Encoding.BASE_64 });
  }
  function signerOrProblem(config) {
    const ids = config.prevSecretId ? [config.secretId, config.prevSecretId] : [config.secretId];
    try {
      return { sign: createSigner(ids), problem: null };
    } catch (e) {
      const param = e instanceof UnusableSecretError && e.secretId !== config.secretId ? PARAM.prevSecretId : PARAM.secretId;
      const reason2 = `names an API Secret this script cannot use (${errorCode(e)}): check its id and that the secret allows this script`;
      return {
        sign: null,
        problem: { param, reason: reason2, message: `cannot sign with the API Secret: ${errorText(e)}`, blocking: true }
      };
    }
  }

  // lib/suitescript/store-failure.ts
  function notStoredDetails(n) {
    const outcome = {
      delivered: "it was delivered by one inline attempt instead, but nothing would be retried",
      failed: "the inline attempt failed too, so the event is lost",
      impossible: "nothing could be sent, so the event is lost"
    }[n.inline];
    return `event ${n.eventId} (employee ${n.recordId}) could not be stored as a ${DELIVERY_RECORD} (${n.code}) by role ${n.role}; ${outcome}. Fix: give role ${n.role} the Create permission on the record type ${DELIVERY_RECORD}, or run the script that saves employees as a role that has it (a script that triggers this user event passes on its own role; Execute As Role on this deployment does not apply then).`;
  }

  // lib/suitescript/entries/employee-ue.ts
  var TITLE = "suitehooks";
  function keep(em, state, posted) {
    const { event, body } = em;
    const { config } = em.endpoint.result;
    try {
      createDelivery(
        {
          endpoint: em.endpoint.id,
          eventId: event.data.id,
          eventType: event.type,
          body,
          recordType: event.data.recordType,
          recordId: event.data.recordId,
          endpointUrl: config.endpointUrl,
          secretId: config.secretId,
          prevSecretId: config.prevSecretId,
          allowedHosts: config.allowedHosts
        },
        state
      );
    } catch (e) {
      const rescue = !posted && em.sign ? post2(em) : null;
      const delivered = rescue?.status === DELIVERY_STATUS.delivered;
      logger2.error({
        title: `${TITLE}: ${delivered ? "event not stored" : "event lost"}`,
        details: notStoredDetails({
          eventId: event.data.id,
          recordId: event.data.recordId,
          code: errorCode(e),
          role: String(runtime4.getCurrentUser().role),
          inline: rescue === null ? posted ? "failed" : "impossible" : delivered ? "delivered" : "failed"
        })
      });
    }
  }
  function post2(em) {
    const result = postSigned(em.endpoint.result.config.endpointUrl, em.event.data.id, em.body, em.sign, Date.now());
    return stateAfterAttempt(result, 1, Date.now(), Math.random);
  }
  function sendInline(em, breakers2) {
    const endpoint = em.endpoint.id;
    const decision = decideInline(breakers2(endpoint), Date.now());
    if (decision.kind === "skip") {
      const until = new Date(decision.until).toISOString();
      return keep(
        em,
        queuedState(`not sent inline: the endpoint failed recently (inline posts paused until ${until})`),
        false
      );
    }
    if (decision.kind === "probe") openBreaker(endpoint, decision.claim);
    const url = em.endpoint.result.config.endpointUrl;
    const result = postSigned(url, em.event.data.id, em.body, em.sign, Date.now());
    if (showsDown(result)) openBreaker(endpoint, openUntilValue(Date.now()));
    else if (decision.kind === "probe") closeBreaker(endpoint);
    const state = stateAfterAttempt(result, 1, Date.now(), Math.random);
    if (state.status !== DELIVERY_STATUS.delivered) keep(em, state, true);
  }
  function signing(endpoint) {
    const parsed = endpoint.result;
    const blocking = blockingProblems(parsed);
    const signer = blocking.length > 0 ? null : signerOrProblem(parsed.config);
    const problems = signer?.problem ? [...parsed.problems, signer.problem] : parsed.problems;
    if (problems.length > 0)
      logger2.error({
        title: `${TITLE}: configuration`,
        details: `${endpointPrefix(endpoint.id)}${problemSummary(problems)}`
      });
    if (!signer) return { sign: null, held: `configuration: ${blocking.map((p) => p.message).join("; ")}` };
    return signer.problem ? { sign: null, held: signer.problem.message } : { sign: signer.sign, held: null };
  }
  function emission(save, endpoint) {
    const { context, eventType, changeType } = save;
    const config = endpoint.result.config;
    const built = changeEvent({
      type: save.type,
      eventType,
      changeType,
      newRecord: changeType === "delete" ? null : context.newRecord,
      oldRecord: context.oldRecord,
      config,
      origin: currentOrigin(),
      account: runtime4.accountId,
      now: save.now,
      nonce: save.nonce
    });
    if (!built) return null;
    const { event } = built;
    if (built.problems.length > 0)
      logger2.audit({
        title: `${TITLE}: unreadable fields`,
        details: `event ${event.data.id}: ${built.problems.join("; ")}`
      });
    const inline = postsInline(config.deliveryMode, save.executionContext);
    return { event, body: serializeEvent(event), endpoint, ...signing(endpoint), inline };
  }
  function dispatch(emissions) {
    const inline = emissions.filter((em) => em.endpoint.enabled && em.held === null && em.inline);
    const breakers2 = inline.length > 0 ? readBreakers() : () => null;
    let budget = FAN_OUT.inlinePosts;
    for (const em of emissions) {
      if (!em.endpoint.enabled) keep(em, queuedState("endpoint disabled: kept until it is enabled again"), false);
      else if (em.held !== null) keep(em, queuedState(em.held), false);
      else if (!em.inline) keep(em, queuedState(""), false);
      else if (budget === 0)
        keep(em, queuedState(`not sent inline: a save posts to at most ${FAN_OUT.inlinePosts} endpoints`), false);
      else {
        budget--;
        sendInline(em, breakers2);
      }
    }
  }
  function emit(context) {
    const eventType = String(context.type);
    const changeType = CHANGE_TYPES[eventType];
    if (!changeType) return;
    const executionContext3 = String(runtime4.executionContext).toUpperCase();
    const type = recordTypeOf(changeType === "delete" ? null : context.newRecord, context.oldRecord);
    if (!type) {
      logger2.error({ title: `${TITLE}: not a login record`, details: unwatchedDetails(context) });
      return;
    }
    const endpoints = endpointsFor(type, eventType, executionContext3);
    if (endpoints.length === 0) return;
    const save = {
      context,
      type,
      eventType,
      changeType,
      executionContext: executionContext3,
      now: Date.now(),
      nonce: Math.random().toString(36).slice(2, 10)
    };
    const emissions = [];
    for (const endpoint of endpoints) {
      const em = emission(save, endpoint);
      if (em) emissions.push(em);
    }
    dispatch(emissions);
  }
  function recordLabel(context) {
    const rec = context.newRecord ?? context.oldRecord;
    return `${String(rec?.type ?? "record")} ${String(rec?.id ?? "")}`;
  }
  function unwatchedDetails(context) {
    const watched = USER_RECORD_TYPES.map((t) => t.sdfRecordType).join(", ");
    return `${recordLabel(context)}: this script sends events for ${watched} only; remove its deployment on this record type`;
  }
  function afterSubmit(context) {
    try {
      emit(context);
    } catch (e) {
      logger2.error({
        title: `${TITLE}: emitter failed`,
        details: `employee ${String(context.newRecord?.id ?? context.oldRecord?.id ?? "")}: ${errorCode(e)}`
      });
    }
  }
  return { afterSubmit: afterSubmit };
});
