/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 * @NModuleScope SameAccount
 * Built by scripts/build-bundle.mjs from lib/suitescript/entries/retry-ss.ts; edit the TypeScript, not this file.
 */
define(['N/log', 'N/runtime', 'N/email', 'N/record', 'N/url', 'N/query', 'N/search', 'N/cache', 'N/task', 'N/https', 'N/crypto', 'N/encode'], function (logger6, runtime5, email, record2, url, query, search, cache, task, https, crypto, encode) {
  var logger = logger6;
  var runtime = runtime5;
  var record = record2;
  var record3 = record2;
  var logger3 = logger6;
  var record4 = record2;
  var logger2 = logger6;
  var runtime3 = runtime5;
  var search2 = search;
  var runtime2 = runtime5;
  var logger4 = logger6;
  var logger5 = logger6;
  var runtime4 = runtime5;
  var record6 = record2;
  var cache2 = cache;
  var record5 = record2;
  var search3 = search;
  // lib/suitescript/entries/retry-ss.ts

  // lib/core/ids.ts
  var SCRIPT = {
    userEvent: "customscript_suitehooks_employee_ue",
    retry: "customscript_suitehooks_retry_ss",
    console: "customscript_suitehooks_console",
    /** Drops the cached endpoint configuration when an endpoint record changes. */
    endpointUserEvent: "customscript_suitehooks_endpoint_ue"
  };
  var DEPLOYMENT = {
    userEvent: "customdeploy_suitehooks_employee_ue",
    /** The retry script's Scheduled deployment (every 15 minutes): finds due work and starts the worker. */
    retryTimer: "customdeploy_suitehooks_retry_ss",
    /** The retry script's Not Scheduled deployment: the only one that sends; started on demand by N/task. */
    retryWorker: "customdeploy_suitehooks_retry_worker",
    console: "customdeploy_suitehooks_console",
    endpointUserEvent: "customdeploy_suitehooks_endpoint_ue"
  };

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
    const text4 = header2.trim();
    if (/^\d+$/.test(text4)) return Number(text4) * 1e3;
    const at = Date.parse(text4);
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
    const reason = status === null ? result.error ?? "no response" : `HTTP ${status}`;
    if (status === 410) return { kind: "dead", reason: "HTTP 410 Gone: the receiver asked for no more retries" };
    const at = nextAttemptAt(attempts, now, random, parseRetryAfter(result.retryAfter, now));
    if (at === null) return { kind: "dead", reason: `${reason}; gave up after ${attempts} attempts` };
    return { kind: "retry", at, reason };
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
  function nextAttemptText(at) {
    return at === null ? "" : new Date(at).toISOString();
  }
  function isDue(text4, now) {
    const at = Date.parse(text4);
    return text4.trim() === "" || Number.isNaN(at) || at <= now;
  }
  function isWholeBody(body, storedLength, eventId) {
    if (storedLength <= 0 || body.length !== storedLength) return false;
    try {
      const parsed = JSON.parse(body);
      return parsed.data?.id === eventId;
    } catch {
      return false;
    }
  }
  function allowedHostsText(hosts) {
    return hosts === null ? "*" : [...hosts].join(" ");
  }
  function storedAllowedHosts(text4) {
    const trimmed = text4.trim();
    if (trimmed === "") return null;
    return trimmed === "*" ? "" : trimmed;
  }
  function clipError(text4) {
    return text4.length <= LAST_ERROR_MAX ? text4 : `${text4.slice(0, LAST_ERROR_MAX - 1)}…`;
  }

  // lib/suitescript/errors.ts
  function errorCode(e) {
    if (typeof e === "object" && e !== null && "name" in e && typeof e.name === "string" && e.name !== "") return e.name;
    return "UNEXPECTED_ERROR";
  }
  function errorText(e) {
    const message = typeof e === "object" && e !== null && "message" in e ? String(e.message) : String(e);
    return clipError(`${errorCode(e)}: ${message}`);
  }

  // lib/suitescript/alerts.ts

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
  function entry(id, plural2, fields, roles, sources) {
    return Object.freeze({
      id,
      sdfRecordType: id.toUpperCase(),
      deploymentId: `customdeploy_suitehooks_${id}_ue`,
      eventPrefix: id,
      label: id,
      plural: plural2,
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
  function problem(param, reason, detail = "") {
    return {
      param,
      reason,
      message: `${param}${detail.startsWith(":") ? "" : " "}${detail || reason}`,
      blocking: SENDING_PARAMS.has(param)
    };
  }
  function endpointProblem(url2, allowedHosts) {
    const p = (reason, detail) => problem(PARAM.endpointUrl, reason, detail);
    if (url2 === "") return p("is not set", "is not set: the receiver URL is required");
    const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(url2);
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
  function endpointPrefix(id) {
    return id === PARAMETERS_ENDPOINT ? "" : `endpoint ${id}: `;
  }
  function deliveryEndpointId(stored) {
    return stored.trim() === "" ? PARAMETERS_ENDPOINT : stored.trim();
  }
  var ENDPOINTS_CACHE_NAME = "suitehooks_endpoints";
  var ENDPOINTS_KEY = "endpoints";

  // lib/core/endpoint-health.ts
  var DEFAULT_DISABLE_AFTER_DAYS = 5;
  function healthOf(values) {
    const t = (id) => values[id] === null || values[id] === void 0 ? "" : String(values[id]);
    return { failingSince: t(ENDPOINT_FIELD.failingSince), lastSuccess: t(ENDPOINT_FIELD.lastSuccess), lastError: t(ENDPOINT_FIELD.lastError) };
  }
  function healthAfter(before, seen) {
    let next = { ...before };
    for (const o of seen) {
      const at = new Date(o.at).toISOString();
      next = o.ok ? { ...next, failingSince: "", lastSuccess: at } : { ...next, failingSince: next.failingSince || at, lastError: o.error.slice(0, 300) };
    }
    return next;
  }
  function healthValues(before, after) {
    const out = {};
    if (before.failingSince !== after.failingSince) out[ENDPOINT_FIELD.failingSince] = after.failingSince;
    if (before.lastSuccess !== after.lastSuccess) out[ENDPOINT_FIELD.lastSuccess] = after.lastSuccess;
    if (before.lastError !== after.lastError) out[ENDPOINT_FIELD.lastError] = after.lastError;
    return out;
  }
  function shouldDisable(health, disableAfterMs, now) {
    const since = Date.parse(health.failingSince);
    return health.failingSince !== "" && Number.isFinite(since) && now - since >= disableAfterMs;
  }

  // lib/core/alert-config.ts
  var ALERT_PARAM = {
    recipients: "custscript_suitehooks_alert_recipients",
    author: "custscript_suitehooks_alert_author",
    failingMinutes: "custscript_suitehooks_alert_after_min",
    /** Days an endpoint record may fail continuously before the timer disables it (default 5). */
    disableAfterDays: "custscript_suitehooks_disable_after_days"
  };
  var MAX_RECIPIENTS = 10;
  var DEFAULT_FAILING_MINUTES = 60;
  var MIN_FAILING_MINUTES = 15;
  var EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;
  var INTERNAL_ID = /^[1-9]\d{0,11}$/;
  function text2(raw) {
    return raw === null || raw === void 0 ? "" : String(raw).trim();
  }
  function parseRecipients(raw, errors) {
    const out = [];
    for (const entry2 of raw.split(/[\s,;]+/).filter((s) => s !== "")) {
      if (INTERNAL_ID.test(entry2)) out.push(Number(entry2));
      else if (EMAIL.test(entry2)) out.push(entry2);
      else
        errors.push(
          `${ALERT_PARAM.recipients}: "${entry2.slice(0, 60)}" is neither an email address nor an employee internal id`
        );
    }
    if (out.length > MAX_RECIPIENTS)
      errors.push(`${ALERT_PARAM.recipients}: at most ${MAX_RECIPIENTS} recipients (N/email's limit), got ${out.length}`);
    return out;
  }
  function parseAlertConfig(read) {
    const errors = [];
    const recipients = parseRecipients(text2(read(ALERT_PARAM.recipients)), errors);
    const authorText = text2(read(ALERT_PARAM.author));
    let author = null;
    if (INTERNAL_ID.test(authorText)) author = Number(authorText);
    else if (authorText !== "")
      errors.push(`${ALERT_PARAM.author} must be an employee internal id (the sender of alert emails)`);
    else if (recipients.length > 0)
      errors.push(`${ALERT_PARAM.author} is not set: alert emails need an employee as sender`);
    const minutesText = text2(read(ALERT_PARAM.failingMinutes));
    let minutes = DEFAULT_FAILING_MINUTES;
    if (minutesText !== "") {
      const n = Number(minutesText);
      if (Number.isInteger(n) && n >= MIN_FAILING_MINUTES) minutes = n;
      else
        errors.push(
          `${ALERT_PARAM.failingMinutes} must be a whole number of minutes, at least ${MIN_FAILING_MINUTES} (got "${minutesText.slice(0, 20)}")`
        );
    }
    return { recipients, author, failingAfterMs: minutes * 6e4, disableAfterMs: disableAfter(read, errors), errors };
  }
  function disableAfter(read, errors) {
    const raw = text2(read(ALERT_PARAM.disableAfterDays));
    const n = raw === "" ? DEFAULT_DISABLE_AFTER_DAYS : Number(raw);
    if (Number.isInteger(n) && n >= 1) return n * 864e5;
    errors.push(`${ALERT_PARAM.disableAfterDays} must be a whole number of days, at least 1 (got "${raw.slice(0, 20)}")`);
    return DEFAULT_DISABLE_AFTER_DAYS * 864e5;
  }
  var ALERT_RECORD = "customrecord_suitehooks_alert";
  var ALERT_FIELD = {
    kind: "custrecord_suitehooks_alert_kind",
    lastSent: "custrecord_suitehooks_alert_sent",
    mark: "custrecord_suitehooks_alert_mark"
  };

  // lib/core/alert-rules.ts
  var ALERT_INTERVAL_MS = 36e5;
  var FIRST_LOOKBACK_MS = 36e5;
  function mayEmail(state, now) {
    return state.lastSent === null || now - state.lastSent >= ALERT_INTERVAL_MS;
  }
  function deadSince(state, now) {
    return state.mark ?? now - FIRST_LOOKBACK_MS;
  }
  function decideDead(state, newlyDead, now) {
    if (newlyDead <= 0) return { send: false, next: { ...state, mark: now } };
    if (!mayEmail(state, now)) return { send: false, next: state };
    return { send: true, next: { lastSent: now, mark: now } };
  }
  function decideFailing(state, failing, failingAfterMs, now) {
    if (!failing) return { send: false, next: { ...state, mark: null } };
    const since = state.mark ?? now;
    const next = { ...state, mark: since };
    if (now - since < failingAfterMs || !mayEmail(state, now)) return { send: false, next };
    return { send: true, next: { ...next, lastSent: now } };
  }

  // lib/suitescript/alert-state.ts

  // lib/suitescript/console/suiteql.ts
  function rows(q) {
    return query.runSuiteQL({ query: q.query, params: q.params }).asMappedResults();
  }
  function count(q) {
    return Number(rows(q)[0]?.n ?? 0);
  }

  // lib/suitescript/alert-state.ts
  function ms(value) {
    return value instanceof Date ? value.getTime() : null;
  }
  function loadStates() {
    const out = /* @__PURE__ */ new Map();
    for (const row of rows({ query: `SELECT id, ${ALERT_FIELD.kind} AS kind FROM ${ALERT_RECORD} ORDER BY id`, params: [] })) {
      const kind = String(row.kind);
      if (out.has(kind)) continue;
      const rec = record.load({ type: ALERT_RECORD, id: String(row.id) });
      out.set(kind, {
        id: String(row.id),
        lastSent: ms(rec.getValue({ fieldId: ALERT_FIELD.lastSent })),
        mark: ms(rec.getValue({ fieldId: ALERT_FIELD.mark }))
      });
    }
    return out;
  }
  function saveState(kind, before, next) {
    if (before.id !== null && before.lastSent === next.lastSent && before.mark === next.mark) return;
    const values = {
      [ALERT_FIELD.lastSent]: next.lastSent === null ? "" : new Date(next.lastSent),
      [ALERT_FIELD.mark]: next.mark === null ? "" : new Date(next.mark)
    };
    if (before.id !== null) {
      record.submitFields({
        type: ALERT_RECORD,
        id: before.id,
        values,
        options: { enableSourcing: false, ignoreMandatoryFields: true }
      });
      return;
    }
    const rec = record.create({ type: ALERT_RECORD });
    rec.setValue({ fieldId: "name", value: `suitehooks alert: ${kind}` });
    rec.setValue({ fieldId: ALERT_FIELD.kind, value: kind });
    for (const [fieldId, value] of Object.entries(values)) if (value !== "") rec.setValue({ fieldId, value });
    rec.save();
  }

  // lib/suitescript/console/format.ts
  function plural(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
  }
  function attemptText(httpStatus, error6) {
    const status = httpStatus === "" ? "" : `HTTP ${httpStatus}`;
    if (status === "" || error6 === "") return status || error6;
    return error6.startsWith(status) ? error6 : `${status}: ${error6}`;
  }

  // lib/suitescript/console/outbox-sql.ts
  var DAY_MS = 864e5;
  function sysdateMinus(ms2) {
    const days = Math.ceil(Math.max(0, ms2) / DAY_MS * 1e9) / 1e9;
    return `SYSDATE - ${days.toFixed(9).replace(/\.?0+$/, "")}`;
  }
  function statusSummary() {
    return {
      query: `SELECT ${DELIVERY_FIELD.status} AS status, COUNT(*) AS n, MIN(id) AS first_id, SUM(CASE WHEN lastmodified >= ${sysdateMinus(DAY_MS)} THEN 1 ELSE 0 END) AS last_day FROM ${DELIVERY_RECORD} GROUP BY ${DELIVERY_FIELD.status}`,
      params: []
    };
  }
  function latest(where, params) {
    return {
      query: `SELECT id, ${DELIVERY_FIELD.status} AS status, ${DELIVERY_FIELD.lastHttpStatus} AS last_http_status FROM ${DELIVERY_RECORD} WHERE ${where} ORDER BY lastmodified DESC, id DESC FETCH FIRST 1 ROWS ONLY`,
      params
    };
  }
  function lastAttempted() {
    return latest(`${DELIVERY_FIELD.attempts} > 0`, []);
  }
  function deadSince2(ms2) {
    return {
      query: `SELECT COUNT(*) AS n FROM ${DELIVERY_RECORD} WHERE ${DELIVERY_FIELD.status} = ? AND lastmodified > ${sysdateMinus(ms2)}`,
      params: [DELIVERY_STATUS.dead]
    };
  }

  // lib/suitescript/alerts.ts
  var TITLE = "suitehooks alerts";
  function outbox() {
    const out = { pending: 0, dead: 0 };
    for (const row of rows(statusSummary())) {
      if (row.status === DELIVERY_STATUS.pending) out.pending = Number(row.n ?? 0);
      if (row.status === DELIVERY_STATUS.dead) out.dead = Number(row.n ?? 0);
    }
    return out;
  }
  function latestAttempt() {
    const [row] = rows(lastAttempted());
    if (!row || row.status === DELIVERY_STATUS.delivered) return { failing: false, error: "" };
    const rec = record2.load({ type: DELIVERY_RECORD, id: String(row.id) });
    const status = rec.getValue({ fieldId: DELIVERY_FIELD.lastHttpStatus });
    const error6 = String(rec.getValue({ fieldId: DELIVERY_FIELD.lastError }) ?? "");
    return {
      failing: String(row.last_http_status) !== "410",
      error: attemptText(String(status ?? ""), error6).slice(0, 300)
    };
  }
  function consoleLink() {
    const path = url.resolveScript({ scriptId: SCRIPT.console, deploymentId: DEPLOYMENT.console });
    return /^https?:\/\//.test(path) ? path : `https://${url.resolveDomain({ hostType: url.HostType.APPLICATION })}${path}`;
  }
  function send2(config, subject, lines) {
    if (config.author === null) return;
    const body = [
      ...lines,
      "",
      `Open the console: ${consoleLink()}`,
      "",
      "suitehooks sends at most one email of this kind per hour."
    ].join("\n");
    email.send({
      author: config.author,
      recipients: config.recipients,
      subject: `suitehooks (${runtime.accountId}): ${subject}`,
      body
    });
  }
  function alertEndpointDisabled(config, endpoint, detail) {
    if (config.recipients.length === 0 || config.errors.length > 0) return;
    send2(config, `endpoint "${endpoint.name}" was disabled`, [
      `The endpoint "${endpoint.name}" (suitehooks Endpoint ${endpoint.id}) ${detail}, so it was disabled.`,
      "Its deliveries are kept: none is dead-lettered while it is disabled. Fix the receiver, then enable the endpoint again (its record, or the console) and they are sent."
    ]);
  }
  function apply(kind, state, decision, deliver) {
    if (decision.send) deliver();
    saveState(kind, state, decision.next);
  }
  function check(config) {
    const now = Date.now();
    const states = loadStates();
    const empty = { id: null, lastSent: null, mark: null };
    const counts = outbox();
    const latest2 = latestAttempt();
    const dead = states.get("dead") ?? empty;
    const newlyDead = count(deadSince2(now - deadSince(dead, now)));
    const went = plural(newlyDead, "delivery went dead", "deliveries went dead");
    apply(
      "dead",
      dead,
      decideDead(dead, newlyDead, now),
      () => send2(config, went, [
        `${went}: their retries are used up (or the receiver answered 410). They are kept and can be replayed from the console.`,
        `Dead now: ${counts.dead}. Pending: ${counts.pending}.`,
        `Last error: ${latest2.error || "(none recorded)"}`
      ])
    );
    const failing = states.get("failing") ?? empty;
    const decision = decideFailing(failing, latest2.failing, config.failingAfterMs, now);
    const minutes = Math.round((now - (decision.next.mark ?? now)) / 6e4);
    apply(
      "failing",
      failing,
      decision,
      () => send2(config, `the endpoint has failed for ${minutes} minutes`, [
        `The latest delivery attempts have failed for ${minutes} minutes (alert threshold ${config.failingAfterMs / 6e4} minutes).`,
        `Pending: ${counts.pending}. Dead: ${counts.dead}.`,
        `Last error: ${latest2.error || "(none recorded)"}`
      ])
    );
  }
  function alertConfig() {
    const script = runtime.getCurrentScript();
    return parseAlertConfig((name) => script.getParameter({ name }));
  }
  function checkAlerts() {
    try {
      const script = runtime.getCurrentScript();
      const config = parseAlertConfig((name) => script.getParameter({ name }));
      if (config.recipients.length === 0) return;
      if (config.errors.length > 0) {
        logger.error({
          title: TITLE,
          details: `not sent, fix the parameters of ${script.deploymentId}: ${config.errors.join("; ")}`
        });
        return;
      }
      check(config);
    } catch (e) {
      logger.error({ title: TITLE, details: `check failed: ${errorCode(e)}` });
    }
  }

  // lib/suitescript/due-deliveries.ts

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

  // lib/suitescript/due-deliveries.ts
  var COLUMNS = [
    DELIVERY_FIELD.eventId,
    DELIVERY_FIELD.body,
    DELIVERY_FIELD.bodyLength,
    DELIVERY_FIELD.attempts,
    DELIVERY_FIELD.nextAttempt,
    DELIVERY_FIELD.endpoint,
    DELIVERY_FIELD.endpointUrl,
    DELIVERY_FIELD.secretId,
    DELIVERY_FIELD.prevSecretId,
    DELIVERY_FIELD.allowedHosts
  ];
  function text3(result, name) {
    const value = result.getValue({ name });
    return value === null || value === void 0 ? "" : String(value);
  }
  function toDelivery(result) {
    return {
      id: String(result.id),
      eventId: text3(result, DELIVERY_FIELD.eventId),
      body: text3(result, DELIVERY_FIELD.body),
      bodyLength: Number(text3(result, DELIVERY_FIELD.bodyLength) || 0),
      attempts: Number(text3(result, DELIVERY_FIELD.attempts) || 0),
      nextAttempt: text3(result, DELIVERY_FIELD.nextAttempt),
      endpoint: deliveryEndpointId(text3(result, DELIVERY_FIELD.endpoint)),
      endpointUrl: text3(result, DELIVERY_FIELD.endpointUrl),
      secretId: text3(result, DELIVERY_FIELD.secretId),
      prevSecretId: text3(result, DELIVERY_FIELD.prevSecretId) || null,
      allowedHosts: text3(result, DELIVERY_FIELD.allowedHosts)
    };
  }
  function pending(nextAttempt, limit) {
    const sort = nextAttempt === "isempty" ? "internalid" : DELIVERY_FIELD.nextAttempt;
    return search.create({
      type: DELIVERY_RECORD,
      filters: [[DELIVERY_FIELD.status, "is", DELIVERY_STATUS.pending], "AND", [DELIVERY_FIELD.nextAttempt, nextAttempt, ""]],
      columns: [search.createColumn({ name: sort, sort: search.Sort.ASC }), ...COLUMNS.filter((c) => c !== sort)]
    }).run().getRange({ start: 0, end: limit }).map(toDelivery);
  }
  function dueDeliveries(limit, now) {
    const retries = pending("isnotempty", limit);
    const dueRetries = retries.filter((d) => isDue(d.nextAttempt, now));
    if (dueRetries.length === limit) return { due: dueRetries, more: true };
    const fresh = pending("isempty", limit);
    return { due: [...dueRetries, ...fresh], more: retries.length === limit || fresh.length === limit };
  }
  function anyDue(now) {
    if (pending("isempty", 1).length > 0) return true;
    const [first] = pending("isnotempty", 1);
    return first !== void 0 && isDue(first.nextAttempt, now);
  }
  function loadBody(id) {
    const value = record3.load({ type: DELIVERY_RECORD, id }).getValue({ fieldId: DELIVERY_FIELD.body });
    return value === null || value === void 0 ? "" : String(value);
  }
  function update(id, values) {
    record3.submitFields({
      type: DELIVERY_RECORD,
      id,
      values,
      options: { enableSourcing: false, ignoreMandatoryFields: true }
    });
  }
  function saveAttempt(id, target, state) {
    update(id, { ...targetValues(target), ...stateValues(state) });
  }
  function noteProblem(id, problem2) {
    update(id, { [DELIVERY_FIELD.lastError]: clipError(problem2) });
  }

  // lib/suitescript/endpoint-disable.ts

  // lib/suitescript/endpoints.ts

  // lib/suitescript/params.ts

  // lib/suitescript/endpoints.ts
  function endpointCache() {
    return cache.getCache({ name: ENDPOINTS_CACHE_NAME, scope: cache.Scope.PROTECTED });
  }
  function searchEndpointValues(extraColumns = []) {
    const columns = [...ENDPOINT_CONFIG_FIELDS, ...extraColumns];
    const results = search2.create({ type: ENDPOINT_RECORD, filters: [], columns: ["internalid", ...columns] }).run().getRange({ start: 0, end: 1e3 });
    return {
      endpoints: results.map((r) => ({
        id: String(r.id),
        values: Object.fromEntries(columns.map((c) => [c, r.getValue({ name: c })]))
      }))
    };
  }
  function forgetEndpoints() {
    endpointCache().remove({ key: ENDPOINTS_KEY });
  }

  // lib/suitescript/endpoint-disable.ts
  var TITLE2 = "suitehooks endpoints";
  function disableFailingEndpoints(now) {
    try {
      const config = alertConfig();
      const health = [ENDPOINT_FIELD.failingSince, ENDPOINT_FIELD.lastError];
      for (const { id, values } of searchEndpointValues(health).endpoints) {
        const endpoint = parseEndpoint(id, values);
        const h = healthOf(values);
        if (!endpoint.enabled || !endpoint.active || !shouldDisable(h, config.disableAfterMs, now)) continue;
        const days = Math.floor((now - Date.parse(h.failingSince)) / 864e5);
        const detail = `has failed continuously since ${h.failingSince} (${days} days; last error: ${h.lastError || "none recorded"})`;
        const reason = `disabled ${new Date(now).toISOString()}: ${detail}`.slice(0, 300);
        record4.submitFields({
          type: ENDPOINT_RECORD,
          id,
          values: { [ENDPOINT_FIELD.enabled]: false, [ENDPOINT_FIELD.disabledReason]: reason, [ENDPOINT_FIELD.failingSince]: "" },
          options: { enableSourcing: false, ignoreMandatoryFields: true }
        });
        forgetEndpoints();
        logger3.audit({ title: TITLE2, details: `endpoint ${id} disabled: ${detail}` });
        alertEndpointDisabled(config, endpoint, detail);
      }
    } catch (e) {
      logger3.error({ title: TITLE2, details: `failing endpoints not checked: ${errorCode(e)}` });
    }
  }

  // lib/suitescript/worker-task.ts
  var BUSY = "FAILED_TO_SUBMIT_JOB_REQUEST_1";
  function startWorker(title, why) {
    try {
      const taskId = task.create({
        taskType: task.TaskType.SCHEDULED_SCRIPT,
        scriptId: SCRIPT.retry,
        deploymentId: DEPLOYMENT.retryWorker
      }).submit();
      logger4.audit({ title, details: `worker started: ${why}` });
      return { kind: "queued", taskId: String(taskId) };
    } catch (e) {
      const code = errorCode(e);
      logger4.audit({ title, details: `worker not started (${code}): ${why}` });
      return code === BUSY ? { kind: "busy", code } : { kind: "failed", code };
    }
  }

  // lib/suitescript/retry-timer.ts
  var TITLE3 = "suitehooks retry timer";
  function runTimer() {
    disableFailingEndpoints(Date.now());
    if (anyDue(Date.now())) startWorker(TITLE3, "deliveries are due");
    checkAlerts();
  }

  // lib/suitescript/retry-worker.ts

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
  function readBreakerStates(text4) {
    if (!text4) return {};
    try {
      const parsed = JSON.parse(text4);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
      const out = {};
      for (const [k, v] of Object.entries(parsed)) if (typeof v === "string") out[k] = v;
      return out;
    } catch {
      return {};
    }
  }
  function withBreakerState(text4, endpoint, value, now) {
    const key = breakerKey(endpoint);
    const kept = Object.entries(readBreakerStates(text4)).filter(
      ([k, v]) => k !== key && Number(v) + BREAKER_TTL_SECONDS * 1e3 >= now
    );
    return JSON.stringify(Object.fromEntries(value === null ? kept : [...kept, [key, value]]));
  }
  function hash(text4) {
    let h = 2166136261;
    for (let i = 0; i < text4.length; i++) h = Math.imul(h ^ text4.charCodeAt(i), 16777619) >>> 0;
    return h.toString(16).padStart(8, "0");
  }
  function openUntilValue(now) {
    return String(now + BREAKER_COOL_DOWN_MS);
  }
  function showsDown(result) {
    return result.status === null || result.status >= 500 || result.status === 429;
  }
  function noAnswer(result) {
    return result.status === null;
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
  var TIME_LIMIT_SECONDS = {
    userEvent: 300,
    suitelet: 300,
    restlet: 300,
    scheduled: 3600,
    mapReduceInput: 3600,
    mapReduceMap: 300,
    mapReduceReduce: 900,
    mapReduceSummarize: 3600,
    massUpdate: 300,
    portlet: 300,
    bundleInstallation: 3600,
    workflowAction: 300
  };
  var HTTPS_TIMEOUT = {
    connectSeconds: 5,
    responseSeconds: 45
  };

  // lib/suitescript/retry-worker.ts

  // lib/core/worker-budget.ts
  var LONGEST_POST_MS = (HTTPS_TIMEOUT.connectSeconds + HTTPS_TIMEOUT.responseSeconds) * 1e3;
  var TIME_MARGIN_MS = 3e5;
  var LAST_POST_START_MS = TIME_LIMIT_SECONDS.scheduled * 1e3 - LONGEST_POST_MS - TIME_MARGIN_MS;
  function timeForAnotherPost(elapsedMs) {
    return elapsedMs <= LAST_POST_START_MS;
  }
  var NO_ANSWER_LIMIT = 3;
  var EndpointTally = class {
    silent = /* @__PURE__ */ new Map();
    given = /* @__PURE__ */ new Set();
    /** Whether deliveries to `endpoint` are still sent in this run. */
    sending(endpoint) {
      return !this.given.has(endpoint);
    }
    /** `down` once, on the attempt that reaches NO_ANSWER_LIMIT in a row. */
    record(endpoint, result) {
      const silent = noAnswer(result) ? (this.silent.get(endpoint) ?? 0) + 1 : 0;
      this.silent.set(endpoint, silent);
      if (silent >= NO_ANSWER_LIMIT) {
        this.given.add(endpoint);
        return "down";
      }
      return showsDown(result) ? "unhealthy" : "healthy";
    }
    /** The endpoints given up in this run. */
    down() {
      return [...this.given];
    }
  };

  // lib/suitescript/breaker-cache.ts
  function breakers() {
    return cache2.getCache({ name: BREAKER_CACHE_NAME, scope: cache2.Scope.PROTECTED });
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
  function unixSeconds(ms2) {
    return Math.floor(ms2 / 1e3);
  }

  // lib/suitescript/post-signed.ts
  function header(headers, name) {
    for (const [key, value] of Object.entries(headers ?? {})) {
      if (key.toLowerCase() === name) return Array.isArray(value) ? String(value[0]) : String(value);
    }
    return null;
  }
  function sendSigned(url2, eventId, body, sign, nowMs) {
    const timestamp = unixSeconds(nowMs);
    const headers = webhookHeaders(eventId, timestamp, sign(signingInput(eventId, timestamp, body)));
    return https.post({ url: url2, body, headers: { ...headers } });
  }
  function postSigned(url2, eventId, body, sign, nowMs) {
    try {
      const response = sendSigned(url2, eventId, body, sign, nowMs);
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
      const reason = `names an API Secret this script cannot use (${errorCode(e)}): check its id and that the secret allows this script`;
      return {
        sign: null,
        problem: { param, reason, message: `cannot sign with the API Secret: ${errorText(e)}`, blocking: true }
      };
    }
  }

  // lib/suitescript/user-event-params.ts
  function deploymentParams(deploymentId) {
    const [found] = search3.create({ type: "scriptdeployment", filters: [["scriptid", "is", deploymentId]], columns: ["internalid"] }).run().getRange({ start: 0, end: 1 });
    if (!found) return null;
    const deployment = record5.load({ type: "scriptdeployment", id: found.id });
    return (name) => deployment.getValue({ fieldId: name });
  }
  function userEventParams() {
    return deploymentParams(DEPLOYMENT.userEvent);
  }

  // lib/suitescript/retry-worker.ts
  var TITLE4 = "suitehooks retry worker";
  var PAGE_SIZE = 1e3;
  function currentConfig() {
    try {
      const params = userEventParams();
      if (params) return parseConfig(params);
      logger5.audit({ title: TITLE4, details: "user event deployment not found: using each delivery's stored target" });
    } catch (e) {
      logger5.audit({
        title: TITLE4,
        details: `user event parameters unreadable (${errorCode(e)}): using each delivery's stored target`
      });
    }
    return null;
  }
  function storedConfig(delivery) {
    const allowedHosts = storedAllowedHosts(delivery.allowedHosts);
    if (allowedHosts === null) return null;
    const stored = {
      [PARAM.endpointUrl]: delivery.endpointUrl,
      [PARAM.secretId]: delivery.secretId,
      [PARAM.prevSecretId]: delivery.prevSecretId,
      [PARAM.allowedHosts]: allowedHosts
    };
    return parseConfig((name) => stored[name] ?? null);
  }
  function targetOf(run, delivery) {
    const stored = () => {
      const result = storedConfig(delivery);
      return result && { result, stored: true };
    };
    if (delivery.endpoint === PARAMETERS_ENDPOINT)
      return run.shared && run.shared.config.endpointUrl !== "" ? { result: run.shared, stored: false } : stored();
    const found = run.records.get(delivery.endpoint);
    if (!found) return stored();
    const { endpoint } = found;
    return endpoint.enabled && endpoint.active ? { result: endpoint.result, stored: false } : "kept";
  }
  function held(run, delivery, target) {
    const blocking = blockingProblems(target.result);
    if (target.stored) {
      if (blocking.length > 0) noteProblem(delivery.id, `configuration: ${blocking.map((p) => p.message).join("; ")}`);
      return blocking.length > 0;
    }
    const problem2 = blocking.length > 0 ? null : signerOrProblem(target.result.config).problem;
    if (blocking.length === 0 && !problem2) return false;
    if (!run.reported.has(delivery.endpoint)) {
      run.reported.add(delivery.endpoint);
      const details = problem2 ? `nothing sent: ${problemSummary([problem2])}` : `configuration problems, nothing sent: ${problemSummary(blocking)}`;
      logger5.error({ title: TITLE4, details: `${endpointPrefix(delivery.endpoint)}${details}` });
    }
    return true;
  }
  function attempt(run, delivery, whole) {
    const target = targetOf(run, delivery);
    const endpoint = delivery.endpoint;
    if (target === null || target === "kept" || !run.endpoints.sending(endpoint)) return "skipped";
    if (held(run, delivery, target)) return target.stored ? "not sent" : "skipped";
    const { result } = target;
    let sign;
    try {
      sign = run.signerFor(result.config);
    } catch (e) {
      noteProblem(delivery.id, `cannot sign with the API Secret: ${errorText(e)}`);
      return "not sent";
    }
    const body = whole ? delivery.body : loadBody(delivery.id);
    const posted = postSigned(result.config.endpointUrl, delivery.eventId, body, sign, Date.now());
    const state = stateAfterAttempt(posted, delivery.attempts + 1, Date.now(), Math.random);
    saveAttempt(delivery.id, { ...result.config, endpoint }, state);
    if (run.records.has(endpoint)) {
      const ok = state.status === DELIVERY_STATUS.delivered;
      const seen = run.seen.get(endpoint) ?? [];
      run.seen.set(endpoint, [...seen, { at: Date.now(), ok, error: ok ? "" : state.lastError }]);
    }
    const verdict = run.endpoints.record(endpoint, posted);
    if (verdict === "down") {
      openBreaker(endpoint, openUntilValue(Date.now()));
      logger5.audit({
        title: TITLE4,
        details: `endpoint ${endpoint} did not answer several POSTs in a row: its other deliveries wait for the next run`
      });
    } else if (verdict === "healthy" && !run.closed.has(endpoint)) {
      run.closed.add(endpoint);
      closeBreaker(endpoint);
    }
    return "sent";
  }
  function writeHealth(run) {
    for (const [id, seen] of run.seen) {
      const found = run.records.get(id);
      if (!found) continue;
      const before = healthOf(found.values);
      const values = healthValues(before, healthAfter(before, seen));
      if (Object.keys(values).length === 0) continue;
      try {
        record6.submitFields({
          type: ENDPOINT_RECORD,
          id,
          values,
          options: { enableSourcing: false, ignoreMandatoryFields: true }
        });
      } catch (e) {
        logger5.error({ title: TITLE4, details: `endpoint ${id}: health not written (${errorCode(e)})` });
      }
    }
  }
  function roomFor(run, whole) {
    const health = RETRY_UNITS.health * Math.min(run.records.size, run.seen.size + 1);
    const units = RETRY_UNITS.delivery + (whole ? 0 : RETRY_UNITS.bodyLoad) + RETRY_UNITS.breaker + RETRY_UNITS.resubmit + health;
    return runtime4.getCurrentScript().getRemainingUsage() >= units && timeForAnotherPost(Date.now() - run.startedAt);
  }
  function drain(run) {
    const { due, more } = dueDeliveries(PAGE_SIZE, Date.now());
    let sent = 0;
    let skipped = 0;
    let stoppedShort = false;
    for (const delivery of due) {
      const whole = isWholeBody(delivery.body, delivery.bodyLength, delivery.eventId);
      if (!roomFor(run, whole)) {
        stoppedShort = true;
        break;
      }
      try {
        const outcome = attempt(run, delivery, whole);
        if (outcome === "sent") sent++;
        if (outcome === "skipped") skipped++;
      } catch (e) {
        logger5.error({ title: TITLE4, details: `delivery ${delivery.id}: ${errorCode(e)}` });
      }
    }
    writeHealth(run);
    const down = run.endpoints.down().length;
    logger5.audit({
      title: TITLE4,
      details: `${sent} of ${due.length} due deliveries attempted${skipped > 0 ? `, ${skipped} left for the next run` : ""}`
    });
    if ((stoppedShort || more) && sent > 0 && down === 0) startWorker(TITLE4, "more deliveries are due");
  }
  function endpointRecords() {
    const health = [ENDPOINT_FIELD.failingSince, ENDPOINT_FIELD.lastSuccess, ENDPOINT_FIELD.lastError];
    const out = /* @__PURE__ */ new Map();
    for (const { id, values } of searchEndpointValues(health).endpoints)
      out.set(id, { endpoint: parseEndpoint(id, values), values: { ...values } });
    return out;
  }
  function startRun(startedAt) {
    const signers = /* @__PURE__ */ new Map();
    const signerFor = (config) => {
      const ids = config.prevSecretId ? [config.secretId, config.prevSecretId] : [config.secretId];
      const sign = signers.get(ids.join(" ")) ?? createSigner(ids);
      signers.set(ids.join(" "), sign);
      return sign;
    };
    return {
      shared: currentConfig(),
      records: endpointRecords(),
      seen: /* @__PURE__ */ new Map(),
      reported: /* @__PURE__ */ new Set(),
      signerFor,
      startedAt,
      endpoints: new EndpointTally(),
      closed: /* @__PURE__ */ new Set()
    };
  }
  function runWorker() {
    drain(startRun(Date.now()));
  }

  // lib/suitescript/entries/retry-ss.ts
  function execute() {
    const worker = runtime5.getCurrentScript().deploymentId === DEPLOYMENT.retryWorker;
    try {
      if (worker) runWorker();
      else runTimer();
    } catch (e) {
      logger6.error({ title: "suitehooks retry", details: `run failed: ${errorCode(e)}` });
    }
  }
  return { execute: execute };
});
