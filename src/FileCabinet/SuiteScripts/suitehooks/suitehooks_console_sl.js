/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 * Built by scripts/build-bundle.mjs from lib/suitescript/entries/console-sl.ts; edit the TypeScript, not this file.
 */
define(['N/log', 'N/redirect', 'N/runtime', 'N/ui/serverWidget', 'N/query', 'N/url', 'N/record', 'N/cache', 'N/search', 'N/https', 'N/crypto', 'N/encode', 'N/task'], function (logger5, redirect, runtime7, serverWidget2, query, url, record, cache, search, https, crypto, encode, task) {
  var logger4 = logger5;
  var serverWidget = serverWidget2;
  var logger2 = logger5;
  var record2 = record;
  var serverWidget3 = serverWidget2;
  var logger = logger5;
  var runtime2 = runtime7;
  var runtime = runtime7;
  var runtime4 = runtime7;
  var runtime3 = runtime7;
  var record4 = record;
  var search3 = search;
  var record3 = record;
  var search2 = search;
  var serverWidget4 = serverWidget2;
  var record5 = record;
  var runtime5 = runtime7;
  var logger3 = logger5;
  var runtime6 = runtime7;
  var url2 = url;
  // lib/suitescript/entries/console-sl.ts

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
  var MAX_RETRY_AFTER_MS = 24 * HOUR;

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
  function queuedState(reason) {
    return {
      status: DELIVERY_STATUS.pending,
      attempts: 0,
      nextAttempt: null,
      lastHttpStatus: null,
      lastError: clipError(reason)
    };
  }
  function nextAttemptText(at) {
    return at === null ? "" : new Date(at).toISOString();
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

  // lib/suitescript/console/router.ts

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

  // lib/suitescript/console/deliveries-page.ts

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

  // lib/suitescript/console/format.ts
  var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  function esc(value) {
    return String(value ?? "").replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
  }
  function deniedText(e) {
    const code = errorCode(e);
    return code === "INSUFFICIENT_PERMISSION" ? "not visible to your role" : `not readable (${code})`;
  }
  function plural(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
  }
  function attemptText(httpStatus, error3) {
    const status = httpStatus === "" ? "" : `HTTP ${httpStatus}`;
    if (status === "" || error3 === "") return status || error3;
    return error3.startsWith(status) ? error3 : `${status}: ${error3}`;
  }
  function formatAge(ms) {
    const s = Math.max(0, Math.floor(ms / 1e3));
    const parts = [
      [Math.floor(s / 86400), "d"],
      [Math.floor(s / 3600) % 24, "h"],
      [Math.floor(s / 60) % 60, "min"],
      [s % 60, "s"]
    ];
    const first = parts.findIndex(([n]) => n > 0);
    if (first < 0) return "0 s";
    return parts.slice(first, first + 2).filter(([n]) => n > 0).map(([n, u]) => `${n} ${u}`).join(" ");
  }
  function formatInstant(date) {
    return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
  }
  function formatNextAttempt(text4, status) {
    if (text4.trim() === "") return status === "pending" ? "due now" : "";
    const at = Date.parse(text4);
    return Number.isNaN(at) ? text4 : formatInstant(new Date(at));
  }
  function prettyJson(text4) {
    try {
      return JSON.stringify(JSON.parse(text4), null, 2);
    } catch {
      return text4;
    }
  }
  function redactEndpoint(url3) {
    const match = /^([a-z][a-z0-9+.-]*:\/\/)(?:[^/?#@]*@)?([^/?#]*)([^?#]*)([?#].*)?$/i.exec(url3.trim());
    if (!match) return url3 === "" ? "" : "(not a URL)";
    return `${match[1]}${match[2]}${match[3]}${match[4] ? "?…" : ""}`;
  }

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
  function endpointProblem(url3, allowedHosts) {
    const p = (reason, detail) => problem(PARAM.endpointUrl, reason, detail);
    if (url3 === "") return p("is not set", "is not set: the receiver URL is required");
    const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(url3);
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
  function readStoredEndpoints(text4, known) {
    if (!text4) return [];
    try {
      const parsed = JSON.parse(text4);
      return (parsed.endpoints ?? []).map((e) => parseEndpoint(String(e.id), e.values ?? {}, known));
    } catch {
      return [];
    }
  }
  var ENDPOINTS_CACHE_NAME = "suitehooks_endpoints";
  var ENDPOINTS_KEY = "endpoints";
  var ENDPOINTS_TTL_SECONDS = 3600;

  // lib/suitescript/console/outbox-sql.ts
  var PAGE_SIZE = 50;
  var EVENT_TYPES2 = EVENT_TYPE_NAMES;
  var DAY_MS = 864e5;
  var NO_FILTERS = { status: "", employee: "", eventType: "", from: "", to: "", endpoint: "" };
  function sysdateMinus(ms) {
    const days = Math.ceil(Math.max(0, ms) / DAY_MS * 1e9) / 1e9;
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
  function lastSuccess() {
    return latest(`${DELIVERY_FIELD.status} = ?`, [DELIVERY_STATUS.delivered]);
  }
  function lastFailure() {
    return latest(`${DELIVERY_FIELD.status} IN (?, ?) AND ${DELIVERY_FIELD.lastError} IS NOT NULL`, [
      DELIVERY_STATUS.pending,
      DELIVERY_STATUS.dead
    ]);
  }
  function validDay(text4) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text4)) return false;
    const d = /* @__PURE__ */ new Date(`${text4}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text4;
  }
  function nextDay(text4) {
    return new Date(Date.parse(`${text4}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  }
  function filterClause(f) {
    const where = [];
    const params = [];
    const errors = [];
    const add = (sql, value) => {
      where.push(sql);
      params.push(value);
    };
    if (f.status !== "") {
      if (Object.values(DELIVERY_STATUS).includes(f.status)) add(`${DELIVERY_FIELD.status} = ?`, f.status);
      else errors.push(`status must be pending, delivered or dead`);
    }
    if (f.employee !== "") {
      if (/^\d{1,20}$/.test(f.employee)) add(`${DELIVERY_FIELD.recordId} = ?`, f.employee);
      else errors.push("the record must be an internal id (digits)");
    }
    if (f.eventType !== "") {
      if (EVENT_TYPES2.includes(f.eventType)) add(`${DELIVERY_FIELD.eventType} = ?`, f.eventType);
      else errors.push(`event type must be one of ${EVENT_TYPES2.join(", ")}`);
    }
    if (f.endpoint !== "") {
      if (f.endpoint === PARAMETERS_ENDPOINT) add(`(${DELIVERY_FIELD.endpoint} = ? OR ${DELIVERY_FIELD.endpoint} IS NULL)`, f.endpoint);
      else if (/^\d{1,15}$/.test(f.endpoint)) add(`${DELIVERY_FIELD.endpoint} = ?`, f.endpoint);
      else errors.push(`endpoint must be an endpoint record's internal id or ${PARAMETERS_ENDPOINT}`);
    }
    if (f.from !== "") {
      if (validDay(f.from)) add(`created >= TO_DATE(?, 'YYYY-MM-DD')`, f.from);
      else errors.push("from must be a date YYYY-MM-DD");
    }
    if (f.to !== "") {
      if (validDay(f.to)) add(`created < TO_DATE(?, 'YYYY-MM-DD')`, nextDay(f.to));
      else errors.push("to must be a date YYYY-MM-DD");
    }
    return { where, params, errors };
  }
  function validFilters(f) {
    const out = { ...NO_FILTERS };
    for (const key of Object.keys(NO_FILTERS))
      if (filterClause({ ...NO_FILTERS, [key]: f[key] }).errors.length === 0) out[key] = f[key];
    return out;
  }
  function countMatching(f) {
    const { where, params } = filterClause(f);
    return { query: `SELECT COUNT(*) AS n FROM ${DELIVERY_RECORD}${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`, params };
  }
  function page(f, cursor) {
    const { where, params } = filterClause(f);
    let order = "DESC";
    if (cursor.before !== void 0) {
      where.push("id < ?");
      params.push(cursor.before);
    } else if (cursor.after !== void 0) {
      where.push("id > ?");
      params.push(cursor.after);
      order = "ASC";
    }
    const columns2 = [
      "id",
      `${DELIVERY_FIELD.eventId} AS event_id`,
      `${DELIVERY_FIELD.eventType} AS event_type`,
      `${DELIVERY_FIELD.recordId} AS record_id`,
      `${DELIVERY_FIELD.status} AS status`,
      `${DELIVERY_FIELD.attempts} AS attempts`,
      `${DELIVERY_FIELD.lastHttpStatus} AS last_http_status`,
      `${DELIVERY_FIELD.lastError} AS last_error`,
      `TO_CHAR(created, 'YYYY-MM-DD HH24:MI') AS created`,
      `${DELIVERY_FIELD.nextAttempt} AS next_attempt`
    ];
    return {
      query: `SELECT ${columns2.join(", ")} FROM ${DELIVERY_RECORD}${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY id ${order} FETCH FIRST ${PAGE_SIZE + 1} ROWS ONLY`,
      params
    };
  }
  function statusesOf(ids) {
    return {
      query: `SELECT id, ${DELIVERY_FIELD.status} AS status FROM ${DELIVERY_RECORD} WHERE id IN (${ids.map(() => "?").join(", ")})`,
      params: [...ids]
    };
  }
  function deadBatch(limit) {
    return {
      query: `SELECT id FROM ${DELIVERY_RECORD} WHERE ${DELIVERY_FIELD.status} = ? ORDER BY id FETCH FIRST ${Math.max(1, Math.floor(limit))} ROWS ONLY`,
      params: [DELIVERY_STATUS.dead]
    };
  }
  function deadCount() {
    return { query: `SELECT COUNT(*) AS n FROM ${DELIVERY_RECORD} WHERE ${DELIVERY_FIELD.status} = ?`, params: [DELIVERY_STATUS.dead] };
  }
  function countsByEndpoint() {
    return {
      query: `SELECT ${DELIVERY_FIELD.endpoint} AS endpoint, ${DELIVERY_FIELD.status} AS status, COUNT(*) AS n FROM ${DELIVERY_RECORD} WHERE ${DELIVERY_FIELD.status} IN (?, ?) GROUP BY ${DELIVERY_FIELD.endpoint}, ${DELIVERY_FIELD.status}`,
      params: [DELIVERY_STATUS.pending, DELIVERY_STATUS.dead]
    };
  }

  // lib/suitescript/console/suiteql.ts
  function rows(q) {
    return query.runSuiteQL({ query: q.query, params: q.params }).asMappedResults();
  }
  function count(q) {
    return Number(rows(q)[0]?.n ?? 0);
  }

  // lib/suitescript/console/widgets.ts

  // lib/suitescript/console/csrf.ts
  var TOKEN_FIELD = "custpage_token";
  var WINDOW_MS = 8 * 36e5;
  function tokenInput(userId, deploymentId, window) {
    return `suitehooks console form
  ${userId}
  ${deploymentId.toLowerCase()}
  ${window}`;
  }
  function windowOf(now) {
    return Math.floor(now / WINDOW_MS);
  }
  function sameText(a, b) {
    let diff = a.length ^ b.length;
    for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
    return diff === 0;
  }
  function tokenValid(sign, token, who, now) {
    if (token === "") return false;
    const w = windowOf(now);
    return [w, w - 1].some((win) => sameText(sign(tokenInput(who.userId, who.deploymentId, win)), token));
  }
  function hostOf(text4) {
    const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?([^/?#]+)/i.exec(text4.trim());
    return m?.[1] ? m[1].toLowerCase() : null;
  }
  function header(headers, name) {
    for (const [k, v] of Object.entries(headers ?? {}))
      if (k.toLowerCase() === name && v !== void 0 && v !== null) return String(v);
    return null;
  }
  function foreignOrigin(headers, ownHosts2) {
    const own = ownHosts2.filter(Boolean).map((h) => h.toLowerCase());
    for (const name of ["origin", "referer"]) {
      const value = header(headers, name);
      if (value === null || value === "") continue;
      const host = hostOf(value);
      const label = name === "origin" ? "Origin" : "Referer";
      return host !== null && own.includes(host) ? null : `the form was sent from another site (its ${label} header names another host), not from this console`;
    }
    return null;
  }

  // lib/suitescript/console/widgets.ts
  var VIEW_PARAM = "custparam_view";
  var VIEW_FIELD = "custpage_view";
  function consoleUrl(view, params = {}) {
    return url.resolveScript({
      scriptId: SCRIPT.console,
      deploymentId: DEPLOYMENT.console,
      params: { ...params, [VIEW_PARAM]: view }
    });
  }
  function link(href, text4) {
    return `<a href="${esc(href)}">${esc(text4)}</a>`;
  }
  var PAGES = [
    ["health", "Health"],
    ["deliveries", "Deliveries"],
    ["endpoints", "Endpoints"],
    ["replay_dead", "Replay dead deliveries"]
  ];
  function html(form, id, content, container) {
    const field = form.addField({
      id,
      type: serverWidget.FieldType.INLINEHTML,
      label: id.replace(/^custpage_/, ""),
      ...container ? { container } : {}
    });
    field.defaultValue = content;
  }
  function newForm(title, view, session) {
    const form = serverWidget.createForm({ title: `suitehooks: ${title}` });
    const nav = PAGES.map(([v, text4]) => v === view ? `<b>${esc(text4)}</b>` : link(consoleUrl(v), text4)).join(" · ");
    html(form, "custpage_nav", `<p class="suitehooks-nav">${nav}</p>`);
    hidden(form, VIEW_FIELD, view);
    hidden(form, TOKEN_FIELD, session.token);
    if (session.off)
      notice(form, "error", [
        `Replay and the test event are off: the console signs its forms with the user event's (or an endpoint record's) API Secret, and ${session.off}.`
      ]);
    return form;
  }
  function hidden(form, id, value) {
    const field = form.addField({ id, type: serverWidget.FieldType.TEXT, label: id });
    field.updateDisplayType({ displayType: serverWidget.FieldDisplayType.HIDDEN });
    field.defaultValue = value;
  }
  var NOTICES = /* @__PURE__ */ new WeakMap();
  function notice(form, kind, lines) {
    const n = NOTICES.get(form) ?? 0;
    NOTICES.set(form, n + 1);
    const items = (Array.isArray(lines) ? lines : [lines]).map((l) => `<div>${esc(l)}</div>`).join("");
    html(form, `custpage_notice_${n}`, `<div class="suitehooks-notice suitehooks-${kind}" role="status">${items}</div>`);
  }
  function group(form, id, label) {
    form.addFieldGroup({ id, label });
    return id;
  }
  function show(form, id, label, value, container) {
    const field = form.addField({ id, type: serverWidget.FieldType.TEXT, label, container });
    field.updateDisplayType({ displayType: serverWidget.FieldDisplayType.INLINE });
    field.defaultValue = esc(value);
  }

  // lib/suitescript/console/deliveries-page.ts
  var LIST_ID = "custpage_deliveries";
  var SELECT_FIELD = "custpage_select";
  var ID_FIELD = "custpage_id";
  var ACTION_FIELD = "custpage_action";
  var FILTER_FIELDS = [
    { key: "status", field: "custpage_status", param: "custparam_status", label: "Status" },
    {
      key: "employee",
      field: "custpage_employee",
      param: "custparam_employee",
      label: "Record internal id (any user type)"
    },
    { key: "eventType", field: "custpage_event_type", param: "custparam_event_type", label: "Event type" },
    { key: "from", field: "custpage_from", param: "custparam_from", label: "Created from (YYYY-MM-DD)" },
    { key: "to", field: "custpage_to", param: "custparam_to", label: "Created to (YYYY-MM-DD)" },
    { key: "endpoint", field: "custpage_endpoint", param: "custparam_endpoint", label: "Endpoint (id or parameters)" }
  ];
  function filterParams(f) {
    const out = {};
    for (const { key, param } of FILTER_FIELDS) if (f[key] !== "") out[param] = f[key];
    return out;
  }
  var CHOICES = {
    status: ["", "pending", "dead", "delivered"],
    eventType: ["", ...EVENT_TYPE_NAMES]
  };
  function filterFields(form, f) {
    const g = group(form, "custpage_g_filters", "Filters");
    for (const { key, field, label } of FILTER_FIELDS) {
      const choices = CHOICES[key];
      const input = form.addField({
        id: field,
        type: choices ? serverWidget2.FieldType.SELECT : serverWidget2.FieldType.TEXT,
        label,
        container: g
      });
      if (choices)
        for (const c of choices) input.addSelectOption({ value: c, text: c || "(any)", isSelected: c === f[key] });
      else input.defaultValue = f[key];
    }
    const action = form.addField({
      id: ACTION_FIELD,
      type: serverWidget2.FieldType.SELECT,
      label: "Action",
      container: g
    });
    action.addSelectOption({ value: "filter", text: "Apply the filters", isSelected: true });
    action.addSelectOption({ value: "replay", text: "Replay the selected deliveries" });
  }
  var columns = () => [
    ["custpage_open", "Details", serverWidget2.FieldType.URL],
    ["custpage_event_id", "Event ID", serverWidget2.FieldType.TEXT],
    ["custpage_type", "Type", serverWidget2.FieldType.TEXT],
    ["custpage_record", "Record id", serverWidget2.FieldType.TEXT],
    ["custpage_state", "Status", serverWidget2.FieldType.TEXT],
    ["custpage_attempts", "Attempts", serverWidget2.FieldType.TEXT],
    ["custpage_http", "Last HTTP status", serverWidget2.FieldType.TEXT],
    ["custpage_error", "Last error", serverWidget2.FieldType.TEXT],
    ["custpage_created", "Created", serverWidget2.FieldType.TEXT],
    ["custpage_next", "Next attempt", serverWidget2.FieldType.TEXT]
  ];
  function list2(form, items) {
    const sublist = form.addSublist({ id: LIST_ID, type: serverWidget2.SublistType.LIST, label: "Deliveries" });
    sublist.addField({ id: SELECT_FIELD, type: serverWidget2.FieldType.CHECKBOX, label: "Select" }).updateDisplayType({ displayType: serverWidget2.FieldDisplayType.ENTRY });
    sublist.addField({ id: ID_FIELD, type: serverWidget2.FieldType.TEXT, label: "ID" });
    for (const [id, label, type] of columns()) {
      const field = sublist.addField({ id, type, label });
      if (type === serverWidget2.FieldType.URL) field.linkText = "Open";
    }
    items.forEach((row, line) => {
      const values = [
        [ID_FIELD, row.id],
        ["custpage_open", consoleUrl("delivery", { custparam_id: String(row.id) })],
        ["custpage_event_id", row.event_id],
        ["custpage_type", row.event_type],
        ["custpage_record", row.record_id],
        ["custpage_state", row.status],
        ["custpage_attempts", row.attempts],
        ["custpage_http", row.last_http_status],
        ["custpage_error", row.last_error],
        ["custpage_created", row.created],
        ["custpage_next", formatNextAttempt(String(row.next_attempt ?? ""), String(row.status ?? ""))]
      ];
      for (const [id, value] of values) {
        if (value === null || value === void 0 || value === "") continue;
        sublist.setSublistValue({ id, line, value: id === "custpage_open" ? String(value) : esc(value) });
      }
    });
  }
  function pager(form, f, items, hasMore, total, cursor) {
    const base = filterParams(f);
    const links = [`${total} matching`];
    const first = items[0]?.id;
    const last = items[items.length - 1]?.id;
    if (cursor.before !== void 0 || cursor.after !== void 0 && hasMore)
      links.push(link(consoleUrl("deliveries", base), "Newest"));
    if (first !== void 0 && (cursor.before !== void 0 || cursor.after !== void 0 && hasMore))
      links.push(link(consoleUrl("deliveries", { ...base, custparam_after: String(first) }), "Newer"));
    if (last !== void 0 && (cursor.after !== void 0 || hasMore))
      links.push(link(consoleUrl("deliveries", { ...base, custparam_before: String(last) }), "Older"));
    html(form, "custpage_pager", `<p class="suitehooks-pager">${links.join(" · ")} (${PAGE_SIZE} a page)</p>`);
  }
  function deliveriesPage(f, cursor, message, session) {
    const form = newForm("Deliveries", "deliveries", session);
    const { errors } = filterClause(f);
    if (message) notice(form, message.kind, message.lines);
    if (errors.length > 0)
      notice(
        form,
        "error",
        errors.map((e) => `Filter ignored: ${e}`)
      );
    const valid = validFilters(f);
    filterFields(form, valid);
    let items;
    let total;
    try {
      items = rows(page(f, cursor));
      total = count(countMatching(f));
    } catch (e) {
      notice(form, "error", `Deliveries: ${deniedText(e)}.`);
      return form;
    }
    const hasMore = items.length > PAGE_SIZE;
    items = items.slice(0, PAGE_SIZE);
    if (cursor.after !== void 0) items.reverse();
    pager(form, valid, items, hasMore, total, cursor);
    list2(form, items);
    form.addSubmitButton({ label: "Submit" });
    return form;
  }

  // lib/suitescript/console/delivery-page.ts
  var DELIVERY_ID_FIELD = "custpage_delivery";
  function text2(rec, fieldId) {
    const v = rec.getValue({ fieldId });
    if (v instanceof Date) return formatInstant(v);
    return v === null || v === void 0 ? "" : String(v);
  }
  function deliveryPage(id, message, session) {
    const form = newForm(`Delivery ${id}`, "delivery", session);
    if (message) notice(form, message.kind, message.lines);
    let rec;
    try {
      rec = record.load({ type: DELIVERY_RECORD, id });
    } catch (e) {
      notice(form, "error", `Delivery ${id}: ${deniedText(e)}.`);
      return form;
    }
    hidden(form, DELIVERY_ID_FIELD, id);
    const g = group(form, "custpage_g_delivery", "Delivery");
    const rows2 = [
      ["custpage_d_event", "Event ID (webhook-id)", text2(rec, DELIVERY_FIELD.eventId)],
      ["custpage_d_type", "Event type", text2(rec, DELIVERY_FIELD.eventType)],
      ["custpage_d_record", "Record", `${text2(rec, DELIVERY_FIELD.recordType)} ${text2(rec, DELIVERY_FIELD.recordId)}`.trim()],
      ["custpage_d_status", "Status", text2(rec, DELIVERY_FIELD.status)],
      ["custpage_d_attempts", "Attempts", text2(rec, DELIVERY_FIELD.attempts) || "0"],
      ["custpage_d_next", "Next attempt", formatNextAttempt(text2(rec, DELIVERY_FIELD.nextAttempt), text2(rec, DELIVERY_FIELD.status)) || "-"],
      ["custpage_d_http", "Last HTTP status", text2(rec, DELIVERY_FIELD.lastHttpStatus) || "-"],
      ["custpage_d_error", "Last error", text2(rec, DELIVERY_FIELD.lastError) || "-"],
      ["custpage_d_created", "Created", text2(rec, "created")],
      ["custpage_d_modified", "Last modified", text2(rec, "lastmodified")],
      ["custpage_d_endpoint", "Endpoint", redactEndpoint(text2(rec, DELIVERY_FIELD.endpointUrl))],
      [
        "custpage_d_secret",
        "API Secret ids",
        [text2(rec, DELIVERY_FIELD.secretId), text2(rec, DELIVERY_FIELD.prevSecretId)].filter(Boolean).join(", ")
      ]
    ];
    for (const [fid, label, value] of rows2) show(form, fid, label, value, g);
    html(
      form,
      "custpage_d_body",
      `<h3>Body</h3><pre class="suitehooks-body" id="delivery-body">${esc(prettyJson(text2(rec, DELIVERY_FIELD.body)))}</pre>`
    );
    if (text2(rec, DELIVERY_FIELD.status) === DELIVERY_STATUS.delivered)
      html(
        form,
        "custpage_d_delivered",
        '<p class="suitehooks-note" id="delivered-note">Delivered: not offered for replay (receivers ignore a webhook-id they already have).</p>'
      );
    else form.addSubmitButton({ label: "Replay this delivery" });
    return form;
  }

  // lib/suitescript/console/endpoints-page.ts

  // lib/core/endpoint-health.ts
  var DEFAULT_DISABLE_AFTER_DAYS = 5;
  function healthOf(values) {
    const t = (id) => values[id] === null || values[id] === void 0 ? "" : String(values[id]);
    return { failingSince: t(ENDPOINT_FIELD.failingSince), lastSuccess: t(ENDPOINT_FIELD.lastSuccess), lastError: t(ENDPOINT_FIELD.lastError) };
  }

  // lib/suitescript/endpoints.ts

  // lib/suitescript/params.ts

  // lib/suitescript/endpoints.ts
  function endpointCache() {
    return cache.getCache({ name: ENDPOINTS_CACHE_NAME, scope: cache.Scope.PROTECTED });
  }
  function searchEndpointValues(extraColumns = []) {
    const columns2 = [...ENDPOINT_CONFIG_FIELDS, ...extraColumns];
    const results = search.create({ type: ENDPOINT_RECORD, filters: [], columns: ["internalid", ...columns2] }).run().getRange({ start: 0, end: 1e3 });
    return {
      endpoints: results.map((r) => ({
        id: String(r.id),
        values: Object.fromEntries(columns2.map((c) => [c, r.getValue({ name: c })]))
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
    let text4;
    try {
      text4 = endpointCache().get({
        key: ENDPOINTS_KEY,
        loader: () => JSON.stringify(searchEndpointValues()),
        ttl: ENDPOINTS_TTL_SECONDS
      });
    } catch {
      text4 = searchDirectly();
    }
    return readStoredEndpoints(text4, known);
  }
  function forgetEndpoints() {
    endpointCache().remove({ key: ENDPOINTS_KEY });
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
  function text3(raw) {
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
    const recipients = parseRecipients(text3(read(ALERT_PARAM.recipients)), errors);
    const authorText = text3(read(ALERT_PARAM.author));
    let author = null;
    if (INTERNAL_ID.test(authorText)) author = Number(authorText);
    else if (authorText !== "")
      errors.push(`${ALERT_PARAM.author} must be an employee internal id (the sender of alert emails)`);
    else if (recipients.length > 0)
      errors.push(`${ALERT_PARAM.author} is not set: alert emails need an employee as sender`);
    const minutesText = text3(read(ALERT_PARAM.failingMinutes));
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
    const raw = text3(read(ALERT_PARAM.disableAfterDays));
    const n = raw === "" ? DEFAULT_DISABLE_AFTER_DAYS : Number(raw);
    if (Number.isInteger(n) && n >= 1) return n * 864e5;
    errors.push(`${ALERT_PARAM.disableAfterDays} must be a whole number of days, at least 1 (got "${raw.slice(0, 20)}")`);
    return DEFAULT_DISABLE_AFTER_DAYS * 864e5;
  }

  // lib/suitescript/console/health-page.ts
  function shown(p, describe) {
    return "value" in p ? describe(p.value) : p.denied;
  }
  function describePoint(p, now, withError) {
    if (!p) return "none recorded";
    const error3 = withError ? p.error : "";
    const answer = p.httpStatus ? attemptText(p.httpStatus, error3) : `no HTTP answer${error3 ? `: ${error3}` : ""}`;
    return `${formatInstant(p.at)} (${formatAge(now - p.at.getTime())} ago), ${answer} (delivery ${p.id})`;
  }
  function countsHtml(o) {
    const listed = (status, n) => link(consoleUrl("deliveries", { custparam_status: status }), `${n}`);
    return `<table class="suitehooks-counts"><tr><th>Pending</th><td id="count-pending">${listed("pending", o.counts.pending)}</td></tr><tr><th>Dead</th><td id="count-dead">${listed("dead", o.counts.dead)}</td></tr><tr><th>Delivered from the outbox in the last 24 h</th><td id="count-delivered-24h">${esc(o.counts.deliveredLastDay)}</td></tr></table><p class="suitehooks-note" id="count-delivered-note">Only stored deliveries are counted: an event delivered at the first try when the employee was saved is not stored, so it is not in these numbers.</p>`;
  }
  function deliveriesGroup(form, h, now) {
    const g = group(form, "custpage_g_outbox", "Deliveries");
    const o = h.outbox;
    html(form, "custpage_counts", "value" in o ? countsHtml(o.value) : `<p id="outbox-denied">${esc(o.denied)}</p>`, g);
    const oldest = (v) => v.oldestPending ? `${formatAge(now - v.oldestPending.at.getTime())} (delivery ${v.oldestPending.id})` : "none";
    show(form, "custpage_oldest", "Oldest pending", shown(o, oldest), g);
    show(
      form,
      "custpage_last_ok",
      "Last success",
      shown(o, (v) => describePoint(v.lastSuccess, now, false)),
      g
    );
    show(
      form,
      "custpage_last_fail",
      "Last failure",
      shown(o, (v) => describePoint(v.lastFailure, now, true)),
      g
    );
  }
  function describeDeployment(list3, id, expected) {
    const d = list3.find((x) => x.scriptId === id);
    if (!d) return `${id}: not found: deploy src/ again`;
    const ok = d.deployed && d.status.toUpperCase().replace(/\s/g, "") === expected;
    return `${id}: ${d.status}${d.deployed ? "" : ", not deployed"}${ok ? "" : ` (expected ${expected}, deployed)`}`;
  }
  function retryGroup(form, h) {
    const g = group(form, "custpage_g_retry", "Retry script");
    const deps = h.deployments;
    const timer = (l) => describeDeployment(l, DEPLOYMENT.retryTimer, "SCHEDULED");
    const worker = (l) => describeDeployment(l, DEPLOYMENT.retryWorker, "NOTSCHEDULED");
    show(form, "custpage_timer", "Timer (every 15 min)", shown(deps, timer), g);
    show(form, "custpage_worker", "Worker (on demand)", shown(deps, worker), g);
    const runs2 = shown(
      h.runs,
      (list3) => list3.length === 0 ? "no run recorded yet" : list3.map((r) => `${r.deployment}: ${r.status}, started ${r.started || "-"}, ended ${r.ended || "-"}`).join(" | ")
    );
    show(form, "custpage_runs", "Last runs (your time zone)", runs2, g);
  }
  function describeAlerts(a) {
    if (!a) return `unknown: deployment ${DEPLOYMENT.retryTimer} not found`;
    if (a.errors.length > 0) return `problems (no alert is sent until fixed): ${a.errors.join("; ")}`;
    if (a.recipients.length === 0)
      return `off (set ${ALERT_PARAM.recipients} on the retry timer deployment, ${DEPLOYMENT.retryTimer})`;
    return `${a.recipients.length} recipient(s); endpoint failing alert after ${a.failingAfterMs / 6e4} min`;
  }
  function configGroup(form, h) {
    const g = group(form, "custpage_g_config", "Configuration");
    const c = h.config;
    show(
      form,
      "custpage_endpoint",
      "Endpoint",
      shown(c, (v) => v.endpoint || "(not set)"),
      g
    );
    show(
      form,
      "custpage_signing",
      "Signing",
      shown(c, (v) => v.signing),
      g
    );
    const problems = !("value" in c) ? `<p id="config-denied">${esc(c.denied)}</p>` : c.value.problems.length === 0 ? '<p id="config-ok">No problems found in the user event deployment.</p>' : `<ul id="config-problems">${c.value.problems.map((p) => `<li>${esc(p)}</li>`).join("")}</ul>`;
    html(form, "custpage_config", problems, g);
    show(form, "custpage_alerts", "Alerts", shown(h.alerts, describeAlerts), g);
  }
  function pingLines(p) {
    switch (p.kind) {
      case "not sent":
        return { kind: "error", lines: ["Test event not sent:", ...p.problems] };
      case "failed":
        return { kind: "error", lines: [`Test event ${p.eventId} failed after ${p.ms} ms: ${p.error}`] };
      case "answered":
        return {
          kind: p.status >= 200 && p.status < 300 ? "ok" : "error",
          lines: [
            `Test event ${p.eventId}: the receiver answered HTTP ${p.status} in ${p.ms} ms.`,
            `Answer: ${p.body || "(empty)"}`
          ]
        };
    }
  }
  function healthPage(h, now, message, session) {
    const form = newForm("Health", "health", session);
    if (message) notice(form, message.kind, message.lines);
    deliveriesGroup(form, h, now);
    retryGroup(form, h);
    configGroup(form, h);
    form.addSubmitButton({ label: "Send test event" });
    return form;
  }

  // lib/suitescript/console/ping.ts

  // lib/core/ping.ts
  var PING_TYPE = "suitehooks.ping";
  function makePingId(nowMs, nonce) {
    return `ping_${Math.floor(nowMs).toString(36)}_${nonce.replace(/[^A-Za-z0-9]/g, "")}`;
  }
  function buildPingEvent(input) {
    return {
      type: PING_TYPE,
      timestamp: new Date(input.nowMs).toISOString(),
      data: {
        id: input.id,
        account: input.account,
        message: "Test event from the suitehooks console: answer 2xx and apply nothing.",
        origin: input.origin
      }
    };
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
  function sendSigned(url3, eventId, body, sign, nowMs) {
    const timestamp = unixSeconds(nowMs);
    const headers = webhookHeaders(eventId, timestamp, sign(signingInput(eventId, timestamp, body)));
    return https.post({ url: url3, body, headers: { ...headers } });
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

  // lib/suitescript/console/ping.ts
  var ANSWER_MAX = 2e3;
  function sendTestEvent(source) {
    if (!("read" in source)) return { kind: "not sent", problems: [`the user event deployment is ${source.problem}`] };
    return sendTestEventTo(parseConfig(source.read));
  }
  function sendTestEventTo(result) {
    const blocking = blockingProblems(result);
    if (blocking.length > 0) return { kind: "not sent", problems: blocking.map((p) => p.message) };
    const { config } = result;
    let sign;
    try {
      sign = createSigner(config.prevSecretId ? [config.secretId, config.prevSecretId] : [config.secretId]);
    } catch (e) {
      return { kind: "not sent", problems: [`cannot sign with the API Secret: ${errorText(e)}`] };
    }
    const eventId = makePingId(Date.now(), Math.random().toString(36).slice(2, 10));
    const body = JSON.stringify(
      buildPingEvent({ id: eventId, account: runtime4.accountId, origin: currentOrigin(), nowMs: Date.now() })
    );
    const started = Date.now();
    try {
      const response = sendSigned(config.endpointUrl, eventId, body, sign, started);
      const ms = Date.now() - started;
      const text4 = String(response.body ?? "");
      return { kind: "answered", eventId, status: response.code, ms, body: text4.slice(0, ANSWER_MAX) };
    } catch (e) {
      return { kind: "failed", eventId, ms: Date.now() - started, error: errorText(e) };
    }
  }

  // lib/suitescript/console/endpoints-page.ts
  var ENDPOINT_ID_FIELD = "custpage_endpoint_id";
  var ENDPOINT_ACTION_FIELD = "custpage_endpoint_action";
  var ACTIONS = ["test", "enable", "disable"];
  function listEndpoints() {
    const health = [ENDPOINT_FIELD.failingSince, ENDPOINT_FIELD.lastSuccess, ENDPOINT_FIELD.lastError, ENDPOINT_FIELD.disabledReason];
    return searchEndpointValues(health).endpoints.map(({ id, values }) => ({
      endpoint: parseEndpoint(id, values),
      values: { ...values }
    }));
  }
  function counts() {
    const out = /* @__PURE__ */ new Map();
    for (const row of rows(countsByEndpoint())) {
      const id = String(row.endpoint ?? "") || PARAMETERS_ENDPOINT;
      const c = out.get(id) ?? { pending: 0, dead: 0 };
      if (row.status === DELIVERY_STATUS.pending) c.pending += Number(row.n ?? 0);
      if (row.status === DELIVERY_STATUS.dead) c.dead += Number(row.n ?? 0);
      out.set(id, c);
    }
    return out;
  }
  function rowHtml(l, c) {
    const { endpoint } = l;
    const h = healthOf(l.values);
    const state = !endpoint.active ? "inactive" : endpoint.enabled ? "enabled" : "disabled";
    const deliveries = consoleUrl("deliveries", { custparam_endpoint: endpoint.id });
    const cells = [
      `${esc(endpoint.name)} (${esc(endpoint.id)})`,
      esc(redactEndpoint(endpoint.result.config.endpointUrl)),
      esc(state),
      esc(h.failingSince || "—"),
      esc(h.lastSuccess || "—"),
      esc(h.lastError || "—"),
      esc(String(l.values[ENDPOINT_FIELD.disabledReason] ?? "") || "—"),
      link(deliveries, `${c?.pending ?? 0} pending, ${c?.dead ?? 0} dead`)
    ];
    return `<tr>${cells.map((x) => `<td>${x}</td>`).join("")}</tr>`;
  }
  var HEAD = [
    "Endpoint",
    "URL",
    "State",
    "Failing since",
    "Last success",
    "Last error",
    "Disabled reason",
    "Deliveries"
  ];
  function table(listed, c) {
    const head = `<tr>${HEAD.map((x) => `<th>${esc(x)}</th>`).join("")}</tr>`;
    const body = listed.map((l) => rowHtml(l, c.get(l.endpoint.id))).join("");
    const params = c.get(PARAMETERS_ENDPOINT);
    const paramsLine = `<p>The script parameters (endpoint id <code>${PARAMETERS_ENDPOINT}</code>): ${link(consoleUrl("deliveries", { custparam_endpoint: PARAMETERS_ENDPOINT }), `${params?.pending ?? 0} pending, ${params?.dead ?? 0} dead`)}.</p>`;
    return `<table class="suitehooks-endpoints">${head}${body}</table>${paramsLine}`;
  }
  function actionFields(form, listed) {
    const g = group(form, "custpage_g_endpoint_action", "Action");
    const id = form.addField({
      id: ENDPOINT_ID_FIELD,
      type: serverWidget3.FieldType.SELECT,
      label: "Endpoint",
      container: g
    });
    for (const l of listed) id.addSelectOption({ value: l.endpoint.id, text: `${l.endpoint.name} (${l.endpoint.id})` });
    const action = form.addField({
      id: ENDPOINT_ACTION_FIELD,
      type: serverWidget3.FieldType.SELECT,
      label: "Action",
      container: g
    });
    action.addSelectOption({ value: "test", text: "Send test event", isSelected: true });
    action.addSelectOption({ value: "enable", text: "Enable (its kept deliveries are sent)" });
    action.addSelectOption({ value: "disable", text: "Disable (its deliveries are kept)" });
    form.addSubmitButton({ label: "Go" });
  }
  function endpointsPage(message, session) {
    const form = newForm("Endpoints", "endpoints", session);
    if (message) notice(form, message.kind, message.lines);
    let listed;
    let c;
    try {
      listed = listEndpoints();
      c = counts();
    } catch (e) {
      notice(form, "error", `Endpoints: ${deniedText(e)}.`);
      return form;
    }
    html(form, "custpage_endpoints", table(listed, c), group(form, "custpage_g_endpoints", "Endpoints"));
    if (listed.length > 0) actionFields(form, listed);
    return form;
  }
  function setEnabled(id, enabled) {
    const values = enabled ? { [ENDPOINT_FIELD.enabled]: true, [ENDPOINT_FIELD.disabledReason]: "" } : { [ENDPOINT_FIELD.enabled]: false };
    record2.submitFields({ type: ENDPOINT_RECORD, id, values, options: { ignoreMandatoryFields: true } });
    forgetEndpoints();
  }
  function endpointAction(id, action, userId) {
    if (!ACTIONS.includes(action)) return { kind: "error", lines: ["Choose an action."] };
    const found = listEndpoints().find((l) => l.endpoint.id === id);
    if (!found) return { kind: "error", lines: [`No endpoint record ${id}.`] };
    const name = `${found.endpoint.name} (${id})`;
    if (action === "test") return pingLines(sendTestEventTo(found.endpoint.result));
    setEnabled(id, action === "enable");
    logger2.audit({ title: "suitehooks console", details: `user ${userId}: endpoint ${id} ${action}d` });
    return {
      kind: "ok",
      lines: [
        action === "enable" ? `Endpoint ${name} enabled: its kept deliveries are sent by the retry worker's next run.` : `Endpoint ${name} disabled: its events are kept as pending deliveries until it is enabled again.`
      ]
    };
  }

  // lib/suitescript/console/health.ts

  // lib/suitescript/user-event-params.ts
  function deploymentParams(deploymentId) {
    const [found] = search2.create({ type: "scriptdeployment", filters: [["scriptid", "is", deploymentId]], columns: ["internalid"] }).run().getRange({ start: 0, end: 1 });
    if (!found) return null;
    const deployment = record3.load({ type: "scriptdeployment", id: found.id });
    return (name) => deployment.getValue({ fieldId: name });
  }
  function userEventParams() {
    return deploymentParams(DEPLOYMENT.userEvent);
  }

  // lib/suitescript/console/health.ts
  function part(read) {
    try {
      return { value: read() };
    } catch (e) {
      return { denied: deniedText(e) };
    }
  }
  function dateOf(value) {
    return value instanceof Date ? value : null;
  }
  function point(id, when) {
    if (id === null || id === void 0 || id === "") return null;
    const rec = record4.load({ type: DELIVERY_RECORD, id: String(id) });
    const at = dateOf(rec.getValue({ fieldId: when }));
    if (!at) return null;
    return {
      id: String(id),
      at,
      httpStatus: String(rec.getValue({ fieldId: DELIVERY_FIELD.lastHttpStatus }) ?? ""),
      error: String(rec.getValue({ fieldId: DELIVERY_FIELD.lastError }) ?? "")
    };
  }
  function counts2() {
    const out = { pending: 0, delivered: 0, dead: 0, deliveredLastDay: 0 };
    let oldestPendingId = null;
    for (const row of rows(statusSummary())) {
      const n = Number(row.n ?? 0);
      if (row.status === DELIVERY_STATUS.pending) {
        out.pending = n;
        oldestPendingId = row.first_id;
      } else if (row.status === DELIVERY_STATUS.dead) out.dead = n;
      else if (row.status === DELIVERY_STATUS.delivered) {
        out.delivered = n;
        out.deliveredLastDay = Number(row.last_day ?? 0);
      }
    }
    return { counts: out, oldestPendingId };
  }
  function deployments() {
    const ids = [DEPLOYMENT.retryTimer, DEPLOYMENT.retryWorker, DEPLOYMENT.userEvent, DEPLOYMENT.console];
    const filters = [];
    for (const id of ids) filters.push(...filters.length ? ["OR"] : [], ["scriptid", "is", id]);
    return search3.create({ type: "scriptdeployment", filters, columns: ["scriptid", "status", "isdeployed"] }).run().getRange({ start: 0, end: ids.length }).map((r) => ({
      scriptId: String(r.getValue({ name: "scriptid" })).toLowerCase(),
      status: String(r.getText({ name: "status" }) || r.getValue({ name: "status" })),
      deployed: r.getValue({ name: "isdeployed" }) === true || r.getValue({ name: "isdeployed" }) === "T"
    }));
  }
  function runs() {
    const deployment = search3.createColumn({ name: "scriptid", join: "scriptdeployment" });
    const seen = /* @__PURE__ */ new Set();
    const out = [];
    const results = search3.create({
      type: "scheduledscriptinstance",
      filters: [["script.scriptid", "is", SCRIPT.retry]],
      columns: [
        search3.createColumn({ name: "datecreated", sort: search3.Sort.DESC }),
        "status",
        "startdate",
        "enddate",
        deployment
      ]
    }).run().getRange({ start: 0, end: 50 });
    for (const r of results) {
      const dep = String(r.getValue(deployment)).toLowerCase();
      if (seen.has(dep)) continue;
      seen.add(dep);
      out.push({
        deployment: dep,
        status: String(r.getText({ name: "status" }) || r.getValue({ name: "status" })),
        started: String(r.getValue({ name: "startdate" })),
        ended: String(r.getValue({ name: "enddate" }))
      });
    }
    return out;
  }
  function configuration(params) {
    const { config, problems: found } = parseConfig(params);
    const errors = found.map(
      (p) => p.blocking ? `${p.message} (deliveries are held back until it is fixed)` : p.message
    );
    let signing = "not checked: fix the secret id first";
    if (!found.some((p) => p.param === PARAM.secretId || p.param === PARAM.prevSecretId)) {
      try {
        createSigner(config.prevSecretId ? [config.secretId, config.prevSecretId] : [config.secretId]);
        signing = config.prevSecretId ? `${config.secretId} and ${config.prevSecretId} sign (checked from this console)` : `${config.secretId} signs (checked from this console)`;
      } catch (e) {
        errors.push(`cannot sign with the API Secret: ${errorText(e)}`);
        signing = "fails";
      }
    }
    return { problems: errors, endpoint: redactEndpoint(config.endpointUrl), signing };
  }
  function outbox() {
    const { counts: c, oldestPendingId } = counts2();
    const [success] = rows(lastSuccess());
    const [failure] = rows(lastFailure());
    return {
      counts: c,
      oldestPending: point(oldestPendingId, "created"),
      lastSuccess: point(success?.id, "lastmodified"),
      lastFailure: point(failure?.id, "lastmodified")
    };
  }
  function readHealth(params) {
    return {
      outbox: part(outbox),
      deployments: part(deployments),
      runs: part(runs),
      config: "read" in params ? part(() => configuration(params.read)) : { denied: params.problem },
      alerts: part(() => {
        const alertParams = deploymentParams(DEPLOYMENT.retryTimer);
        return alertParams ? parseAlertConfig(alertParams) : null;
      })
    };
  }

  // lib/suitescript/console/replay-page.ts

  // lib/suitescript/console/replay.ts

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

  // lib/suitescript/worker-task.ts
  var BUSY = "FAILED_TO_SUBMIT_JOB_REQUEST_1";
  function startWorker(title, why) {
    try {
      const taskId = task.create({
        taskType: task.TaskType.SCHEDULED_SCRIPT,
        scriptId: SCRIPT.retry,
        deploymentId: DEPLOYMENT.retryWorker
      }).submit();
      logger3.audit({ title, details: `worker started: ${why}` });
      return { kind: "queued", taskId: String(taskId) };
    } catch (e) {
      const code = errorCode(e);
      logger3.audit({ title, details: `worker not started (${code}): ${why}` });
      return code === BUSY ? { kind: "busy", code } : { kind: "failed", code };
    }
  }

  // lib/suitescript/console/replay.ts
  var REPLAY_UNITS = RECORD_UNITS.submitFields.custom;
  var RESERVE_UNITS = 2 * UNIT_COST.taskSubmit;
  var DEAD_BATCH = 400;
  function reset(ids, result) {
    const script = runtime5.getCurrentScript();
    const values = stateValues(queuedState(""));
    for (const [i, id] of ids.entries()) {
      if (script.getRemainingUsage() < REPLAY_UNITS + RESERVE_UNITS) {
        for (const rest of ids.slice(i))
          result.skipped.push({ id: rest, reason: "not replayed: this request ran out of governance, submit again" });
        return;
      }
      try {
        record5.submitFields({
          type: DELIVERY_RECORD,
          id,
          values,
          options: { enableSourcing: false, ignoreMandatoryFields: true }
        });
      } catch (e) {
        const reason = `not replayed: ${deniedText(e).replace("not visible to", "not allowed for")}`;
        for (const rest of ids.slice(i)) result.skipped.push({ id: rest, reason });
        return;
      }
      result.replayed.push(id);
    }
  }
  function replaySelected(ids) {
    const result = { replayed: [], skipped: [] };
    if (ids.length === 0) return result;
    const status = new Map(rows(statusesOf(ids)).map((r) => [String(r.id), String(r.status ?? "")]));
    const due = [];
    for (const id of ids.map(String)) {
      const s = status.get(id);
      if (s === void 0) result.skipped.push({ id, reason: "no such delivery" });
      else if (s === DELIVERY_STATUS.delivered)
        result.skipped.push({ id, reason: "already delivered (receivers ignore a webhook-id they have)" });
      else due.push(id);
    }
    reset(due, result);
    return result;
  }
  function replayDeadBatch() {
    const result = { replayed: [], skipped: [] };
    reset(
      rows(deadBatch(DEAD_BATCH)).map((r) => String(r.id)),
      result
    );
    return { ...result, remaining: count(deadCount()) };
  }
  function startReplayWorker() {
    return startWorker("suitehooks console", "deliveries replayed");
  }
  function describeStart(start) {
    switch (start.kind) {
      case "queued":
        return `The retry worker (${DEPLOYMENT.retryWorker}) was started (task ${start.taskId}): it sends the replayed deliveries, signed afresh, as soon as it runs.`;
      case "busy":
        return `The retry worker is already queued or running (${start.code}): a queued run sends them; if a running one has passed them, the timer's next run (within 15 minutes) starts it again.`;
      case "failed":
        return start.code === "INSUFFICIENT_PERMISSION" ? `The retry worker was not started: starting it needs the SuiteScript Scheduling permission, which your role does not have. The deliveries are pending and go out when the timer next starts it (within 15 minutes).` : `The retry worker could not be started (${start.code}); the deliveries are pending and go out when the timer next starts it (within 15 minutes).`;
    }
  }

  // lib/suitescript/console/replay-page.ts
  var CONFIRM_FIELD = "custpage_confirm";
  function replayDeadPage(message, session) {
    const form = newForm("Replay dead deliveries", "replay_dead", session);
    if (message) notice(form, message.kind, message.lines);
    let dead;
    try {
      dead = `${plural(count(deadCount()), "dead delivery", "dead deliveries")}.`;
    } catch (e) {
      notice(form, "error", `Dead deliveries: ${deniedText(e)}.`);
      return form;
    }
    const g = group(form, "custpage_g_replay", "Replay");
    notice(form, "info", [
      dead,
      `A replay keeps each delivery's webhook-id and body, sets it pending with a full retry schedule (attempts 0, next attempt now) and starts the retry worker, which signs it afresh.`,
      `Up to ${DEAD_BATCH} are replayed per submit (a Suitelet has 1,000 governance units); submit again for the rest.`
    ]);
    const confirm = form.addField({
      id: CONFIRM_FIELD,
      type: serverWidget4.FieldType.CHECKBOX,
      label: `Yes, replay the dead deliveries`,
      container: g
    });
    confirm.defaultValue = "F";
    form.addSubmitButton({ label: "Replay dead deliveries" });
    return form;
  }

  // lib/suitescript/console/session.ts
  function readParams() {
    try {
      const read = userEventParams();
      return read ? { read } : { problem: `not found (${DEPLOYMENT.userEvent})` };
    } catch (e) {
      return { problem: deniedText(e) };
    }
  }
  function endpointSecretId() {
    const ids = cachedEndpoints().filter((e) => e.result.config.secretId !== "").sort((a, b) => Number(a.id) - Number(b.id));
    return ids[0]?.result.config.secretId ?? "";
  }
  function signer(params) {
    if (!("read" in params)) return { sign: null, off: `the user event deployment is ${params.problem}` };
    const secretId = String(params.read(PARAM.secretId) ?? "").trim() || endpointSecretId();
    if (secretId === "")
      return {
        sign: null,
        off: `no API Secret is set (${PARAM.secretId} on ${DEPLOYMENT.userEvent}, or on an endpoint record)`
      };
    try {
      const sign = createSigner([secretId]);
      const first = (input) => {
        const [signature] = sign(input);
        if (signature === void 0) throw new Error("the signer returned no signature");
        return signature;
      };
      return { sign: first, off: "" };
    } catch (e) {
      return { sign: null, off: `the API Secret ${secretId} cannot sign here (${errorCode(e)})` };
    }
  }
  function openSession() {
    const userId = String(runtime6.getCurrentUser().id);
    const deploymentId = String(runtime6.getCurrentScript().deploymentId || DEPLOYMENT.console);
    const params = readParams();
    const { sign, off } = signer(params);
    const token = sign ? sign(tokenInput(userId, deploymentId, windowOf(Date.now()))) : "";
    return { userId, deploymentId, token, off, params, sign };
  }
  function ownHosts(headers) {
    const hosts = [header(headers, "host") ?? ""];
    try {
      hosts.push(url2.resolveDomain({ hostType: url2.HostType.APPLICATION }));
    } catch {
    }
    return hosts;
  }
  function refusePost(headers, params, session, changes) {
    const foreign = foreignOrigin(headers, ownHosts(headers));
    if (foreign) return foreign;
    if (!changes) return null;
    if (!session.sign) return `actions are off: ${session.off}`;
    const token = String(params[TOKEN_FIELD] ?? "");
    return tokenValid(session.sign, token, session, Date.now()) ? null : "the form has expired (a form is good for 8 hours at least) or was not made for you: open the page again and submit it from there";
  }

  // lib/suitescript/console/router.ts
  var TITLE = "suitehooks console";
  function filtersFrom(p, post2) {
    const f = { ...NO_FILTERS };
    for (const { key, field, param } of FILTER_FIELDS) f[key] = String(p[post2 ? field : param] ?? "").trim();
    return f;
  }
  function cursorFrom(p) {
    const n = (v) => v !== void 0 && /^\d{1,15}$/.test(v) ? Number(v) : void 0;
    const before = n(p.custparam_before);
    const after = n(p.custparam_after);
    return before !== void 0 ? { before } : after !== void 0 ? { after } : {};
  }
  function replayMessage(result, extra = []) {
    const lines = [`${plural(result.replayed.length, "delivery", "deliveries")} replayed.`, ...extra];
    for (const s of result.skipped) lines.push(`Delivery ${s.id}: ${s.reason}.`);
    if (result.replayed.length > 0) {
      lines.push(describeStart(startReplayWorker()));
      logger4.audit({
        title: TITLE,
        details: `user ${runtime7.getCurrentUser().id} replayed ${plural(result.replayed.length, "delivery", "deliveries")}`
      });
    }
    return { kind: result.replayed.length > 0 ? "ok" : "error", lines };
  }
  function replaying(run) {
    try {
      return run();
    } catch (e) {
      return { kind: "error", lines: [`Nothing replayed: deliveries are ${deniedText(e)}.`] };
    }
  }
  function selectedIds(request) {
    const ids = [];
    const lines = Math.min(request.getLineCount({ group: LIST_ID }), PAGE_SIZE);
    for (let line = 0; line < lines; line++) {
      if (request.getSublistValue({ group: LIST_ID, name: SELECT_FIELD, line }) !== "T") continue;
      const id = request.getSublistValue({ group: LIST_ID, name: ID_FIELD, line });
      if (/^\d{1,15}$/.test(id)) ids.push(Number(id));
    }
    return ids;
  }
  function postDeliveries(request, response, p, s) {
    const f = filtersFrom(p, true);
    if (p[ACTION_FIELD] !== "replay") {
      redirect.toSuitelet({
        scriptId: SCRIPT.console,
        deploymentId: DEPLOYMENT.console,
        parameters: { ...filterParams(f), [VIEW_PARAM]: "deliveries" }
      });
      return;
    }
    const ids = selectedIds(request);
    const message = ids.length === 0 ? { kind: "error", lines: ["Select the deliveries to replay first."] } : replaying(() => replayMessage(replaySelected(ids)));
    response.writePage(deliveriesPage(f, {}, message, s));
  }
  function postReplayDead(response, p, s) {
    if (p[CONFIRM_FIELD] !== "T") {
      const lines = ["Nothing replayed: tick the confirmation box first."];
      response.writePage(replayDeadPage({ kind: "error", lines }, s));
      return;
    }
    const message = replaying(() => {
      const result = replayDeadBatch();
      const remain = plural(result.remaining, "dead delivery remains", "dead deliveries remain");
      return replayMessage(result, result.remaining > 0 ? [`${remain}: submit again to replay the next batch.`] : []);
    });
    response.writePage(replayDeadPage(message, s));
  }
  function showPage(response, view, p, post2, s, m) {
    switch (view) {
      case "deliveries":
        return response.writePage(deliveriesPage(filtersFrom(p, post2), post2 ? {} : cursorFrom(p), m, s));
      case "delivery": {
        const id = String((post2 ? p[DELIVERY_ID_FIELD] : p.custparam_id) ?? "");
        if (!/^\d{1,15}$/.test(id))
          return response.writePage(deliveriesPage(NO_FILTERS, {}, { kind: "error", lines: ["No such delivery."] }, s));
        return response.writePage(deliveryPage(id, m, s));
      }
      case "replay_dead":
        return response.writePage(replayDeadPage(m, s));
      case "endpoints":
        return response.writePage(endpointsPage(m, s));
      default:
        return response.writePage(healthPage(readHealth(s.params), Date.now(), m, s));
    }
  }
  function act(request, response, view, p, s) {
    switch (view) {
      case "deliveries":
        return postDeliveries(request, response, p, s);
      case "delivery": {
        const id = String(p[DELIVERY_ID_FIELD] ?? "");
        if (!/^\d{1,15}$/.test(id)) return showPage(response, view, p, true, s, null);
        const message = replaying(() => replayMessage(replaySelected([Number(id)])));
        return response.writePage(deliveryPage(id, message, s));
      }
      case "replay_dead":
        return postReplayDead(response, p, s);
      case "endpoints": {
        const id = String(p[ENDPOINT_ID_FIELD] ?? "");
        const message = /^\d{1,15}$/.test(id) ? endpointAction(id, String(p[ENDPOINT_ACTION_FIELD] ?? ""), s.userId) : { kind: "error", lines: ["Choose an endpoint."] };
        return response.writePage(endpointsPage(message, s));
      }
      default:
        return showPage(response, "health", p, true, s, pingLines(sendTestEvent(s.params)));
    }
  }
  function handle(request, response) {
    const p = request.parameters ?? {};
    const post2 = String(request.method).toUpperCase() === "POST";
    const view = (post2 ? p[VIEW_FIELD] : p[VIEW_PARAM]) || "health";
    const session = openSession();
    if (!post2) return showPage(response, view, p, false, session, null);
    const changes = !(view === "deliveries" && p[ACTION_FIELD] !== "replay");
    const refused = refusePost(request.headers, p, session, changes);
    if (refused === null) return act(request, response, view, p, session);
    logger4.audit({
      title: TITLE,
      details: `user ${session.userId}: a POST was refused: ${refused}`
    });
    showPage(response, view, p, true, session, { kind: "error", lines: [`Nothing done: ${refused}.`] });
  }

  // lib/suitescript/entries/console-sl.ts
  function onRequest(context) {
    try {
      handle(context.request, context.response);
    } catch (e) {
      logger5.error({ title: "suitehooks console", details: `request failed: ${errorCode(e)}` });
      throw e;
    }
  }
  return { onRequest: onRequest };
});
