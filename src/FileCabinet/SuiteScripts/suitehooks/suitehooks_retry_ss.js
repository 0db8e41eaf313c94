/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 * @NModuleScope SameAccount
 * Built by scripts/build-bundle.mjs from lib/suitescript/entries/retry-ss.ts; edit the TypeScript, not this file.
 */
define(['N/log', 'N/runtime', 'N/record', 'N/search', 'N/task', 'N/https', 'N/crypto', 'N/encode'], function (logger3, runtime2, record, search, task, https, crypto, encode) {
  var logger = logger3;
  var logger2 = logger3;
  var runtime = runtime2;
  var record2 = record;
  var search2 = search;
  // lib/suitescript/entries/retry-ss.ts

  // lib/core/ids.ts
  var SCRIPT = {
    userEvent: "customscript_suitehooks_employee_ue",
    retry: "customscript_suitehooks_retry_ss",
    console: "customscript_suitehooks_console"
  };
  var DEPLOYMENT = {
    userEvent: "customdeploy_suitehooks_employee_ue",
    /** The retry script's Scheduled deployment (every 15 minutes): finds due work and starts the worker. */
    retryTimer: "customdeploy_suitehooks_retry_ss",
    /** The retry script's Not Scheduled deployment: the only one that sends; started on demand by N/task. */
    retryWorker: "customdeploy_suitehooks_retry_worker",
    console: "customdeploy_suitehooks_console"
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
    const text3 = header2.trim();
    if (/^\d+$/.test(text3)) return Number(text3) * 1e3;
    const at = Date.parse(text3);
    return Number.isNaN(at) ? null : Math.max(0, at - now);
  }
  var MAX_RETRY_AFTER_MS = 24 * HOUR;
  function nextAttemptAt(attempts, now, random, retryAfterMs = null) {
    if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError("attempts counts failed attempts, from 1");
    if (attempts >= MAX_ATTEMPTS) return null;
    const base = RETRY_DELAYS_MS[attempts - 1];
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
    endpointUrl: "custrecord_suitehooks_endpoint_url",
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
        return { status: DELIVERY_STATUS.dead, attempts, nextAttempt: null, lastHttpStatus, lastError: clipError(outcome.reason) };
      case "retry":
        return { status: DELIVERY_STATUS.pending, attempts, nextAttempt: outcome.at, lastHttpStatus, lastError: clipError(outcome.reason) };
    }
  }
  function nextAttemptText(at) {
    return at === null ? "" : new Date(at).toISOString();
  }
  function isDue(text3, now) {
    const at = Date.parse(text3);
    return text3.trim() === "" || Number.isNaN(at) || at <= now;
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
  function clipError(text3) {
    return text3.length <= LAST_ERROR_MAX ? text3 : `${text3.slice(0, LAST_ERROR_MAX - 1)}…`;
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
    return { [DELIVERY_FIELD.endpointUrl]: target.endpointUrl, [DELIVERY_FIELD.secretId]: target.secretId, [DELIVERY_FIELD.prevSecretId]: target.prevSecretId ?? "" };
  }

  // lib/suitescript/due-deliveries.ts
  var COLUMNS = [DELIVERY_FIELD.eventId, DELIVERY_FIELD.body, DELIVERY_FIELD.bodyLength, DELIVERY_FIELD.attempts, DELIVERY_FIELD.nextAttempt, DELIVERY_FIELD.endpointUrl, DELIVERY_FIELD.secretId, DELIVERY_FIELD.prevSecretId];
  function text(result, name) {
    const value = result.getValue({ name });
    return value === null || value === void 0 ? "" : String(value);
  }
  function toDelivery(result) {
    return {
      id: String(result.id),
      eventId: text(result, DELIVERY_FIELD.eventId),
      body: text(result, DELIVERY_FIELD.body),
      bodyLength: Number(text(result, DELIVERY_FIELD.bodyLength) || 0),
      attempts: Number(text(result, DELIVERY_FIELD.attempts) || 0),
      nextAttempt: text(result, DELIVERY_FIELD.nextAttempt),
      endpointUrl: text(result, DELIVERY_FIELD.endpointUrl),
      secretId: text(result, DELIVERY_FIELD.secretId),
      prevSecretId: text(result, DELIVERY_FIELD.prevSecretId) || null
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
    const value = record.load({ type: DELIVERY_RECORD, id }).getValue({ fieldId: DELIVERY_FIELD.body });
    return value === null || value === void 0 ? "" : String(value);
  }
  function update(id, values) {
    record.submitFields({ type: DELIVERY_RECORD, id, values, options: { enableSourcing: false, ignoreMandatoryFields: true } });
  }
  function saveAttempt(id, target, state) {
    update(id, { ...targetValues(target), ...stateValues(state) });
  }
  function noteProblem(id, problem2) {
    update(id, { [DELIVERY_FIELD.lastError]: clipError(problem2) });
  }

  // lib/suitescript/worker-task.ts
  function startWorker(title, why) {
    try {
      task.create({ taskType: task.TaskType.SCHEDULED_SCRIPT, scriptId: SCRIPT.retry, deploymentId: DEPLOYMENT.retryWorker }).submit();
      logger.audit({ title, details: `worker started: ${why}` });
      return true;
    } catch (e) {
      logger.audit({ title, details: `worker not started (${errorCode(e)}): ${why}` });
      return false;
    }
  }

  // lib/suitescript/retry-timer.ts
  var TITLE = "suitehooks retry timer";
  function runTimer() {
    if (anyDue(Date.now())) startWorker(TITLE, "deliveries are due");
  }

  // lib/suitescript/retry-worker.ts

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
  var byRest = new Map(EMPLOYEE_FIELDS.map((f) => [f.rest.toLowerCase(), f]));
  var byNsId = new Map(EMPLOYEE_FIELDS.map((f) => [f.nsId, f]));
  var DECLARABLE_KINDS = /* @__PURE__ */ new Set(["text", "boolean", "date", "datetime", "integer", "float", "select", "multiselect"]);
  function resolveField(name) {
    const [rawName, rawKind] = name.split(":").map((s) => s.trim());
    if (!rawName || FORBIDDEN_FIELDS.has(rawName) || FORBIDDEN_FIELDS.has(rawName.toLowerCase())) return null;
    const lower = rawName.toLowerCase();
    const known = byRest.get(lower) ?? byNsId.get(lower);
    if (known) return rawKind === void 0 ? known : null;
    if (!CUSTOM_FIELD.test(lower)) return null;
    if (rawKind !== void 0 && !DECLARABLE_KINDS.has(rawKind)) return null;
    return { rest: lower, nsId: lower, column: lower, kind: rawKind ?? "auto" };
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
    allowedHosts: "custscript_suitehooks_allowed_hosts"
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
  var EXECUTION_CONTEXTS = new Set(Object.values(CONTEXT_TYPE));
  var EVENT_TYPES = /* @__PURE__ */ new Set(["create", "edit", "xedit", "delete"]);
  var SENDING_PARAMS = /* @__PURE__ */ new Set([PARAM.endpointUrl, PARAM.secretId, PARAM.prevSecretId, PARAM.allowedHosts]);
  var SECRET_ID = /^custsecret[a-z0-9_]{1,30}$/;
  var HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|[0-9a-f:.]*:[0-9a-f:.]*)$/;
  function text2(raw) {
    return raw === null || raw === void 0 ? "" : String(raw).trim();
  }
  function list(raw) {
    return text2(raw).replace(/\s*:\s*/g, ":").split(/[\s,;]+/).map((s) => s.trim()).filter((s) => s !== "");
  }
  function problem(param, reason, detail = "") {
    return { param, reason, message: `${param}${detail.startsWith(":") ? "" : " "}${detail || reason}`, blocking: SENDING_PARAMS.has(param) };
  }
  function endpointProblem(url, allowedHosts) {
    const p = (reason, detail) => problem(PARAM.endpointUrl, reason, detail);
    if (url === "") return p("is not set", "is not set: the receiver URL is required");
    const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(url);
    if (!match) return p("is not an absolute URL");
    if (match[1].toLowerCase() !== "https") return p("must use https://", "must use https:// (NetSuite refuses other schemes)");
    const authority = match[2];
    if (authority.includes("@")) return p("must not carry credentials");
    const host = authority.replace(/:\d+$/, "").replace(/^\[|\]$/g, "").toLowerCase();
    if (host === "") return p("has no host");
    if (allowedHosts && !allowedHosts.has(host)) return p(`host is not in ${PARAM.allowedHosts}`, `host ${host} is not in ${PARAM.allowedHosts}`);
    return null;
  }
  function parseTarget(read, problems) {
    const hosts = list(read(PARAM.allowedHosts)).map((h) => h.toLowerCase().replace(/^\[|\]$/g, ""));
    const badHosts = hosts.filter((h) => !HOST.test(h));
    for (const h of badHosts) problems.push(problem(PARAM.allowedHosts, "an entry is not a host name", `: "${h}" is not a host name (no scheme, port or path)`));
    const allowedHosts = hosts.length > 0 ? new Set(hosts) : null;
    const endpointUrl = text2(read(PARAM.endpointUrl));
    const endpoint = endpointProblem(endpointUrl, badHosts.length > 0 ? null : allowedHosts);
    if (endpoint) problems.push(endpoint);
    const secretId = text2(read(PARAM.secretId)).toLowerCase();
    if (secretId === "") problems.push(problem(PARAM.secretId, "is not set", "is not set: name the API Secret (custsecret_…) that signs"));
    else if (!SECRET_ID.test(secretId)) problems.push(problem(PARAM.secretId, "must be an API Secret script id (custsecret_…)"));
    const prev = text2(read(PARAM.prevSecretId)).toLowerCase();
    if (prev !== "" && !SECRET_ID.test(prev)) problems.push(problem(PARAM.prevSecretId, "must be an API Secret script id (custsecret_…)"));
    return { endpointUrl, secretId, prevSecretId: prev === "" ? null : prev, allowedHosts };
  }
  function parseFields(read, problems) {
    const names = list(read(PARAM.fields));
    const fields = [];
    let unknown = 0;
    for (const name of names) {
      const spec = resolveField(name);
      if (!spec) {
        unknown++;
        problems.push(problem(PARAM.fields, "unknown or forbidden field", `: unknown or forbidden field "${name}"`));
      } else if (!fields.some((f) => f.rest === spec.rest)) fields.push(spec);
    }
    if (names.length === 0 || unknown > 0) {
      for (const f of EMPLOYEE_FIELDS) if (!fields.some((g) => g.rest === f.rest)) fields.push(f);
    }
    for (const rest of ["isInactive", "giveAccess", "lastModifiedDate"]) {
      if (!fields.some((f) => f.rest === rest)) fields.push(EMPLOYEE_FIELDS.find((f) => f.rest === rest));
    }
    return fields;
  }
  function parseChoice(read, param, known, what, upper, problems) {
    const names = list(read(param)).map((n) => upper ? n.toUpperCase() : n.toLowerCase());
    for (const n of names) if (!known.has(n)) problems.push(problem(param, `unknown ${what}`, `: unknown ${what} "${n}"`));
    const valid = names.filter((n) => known.has(n));
    return valid.length > 0 && valid.length === names.length ? new Set(valid) : null;
  }
  function parseModes(read, problems) {
    const mode = text2(read(PARAM.deliveryMode)).toLowerCase() || "auto";
    if (mode !== "inline" && mode !== "outbox" && mode !== "auto") {
      problems.push(problem(PARAM.deliveryMode, "must be inline, outbox or auto", `must be inline, outbox or auto (got "${mode}")`));
    }
    const payload = text2(read(PARAM.payloadMode)).toLowerCase() || "full";
    if (payload !== "full" && payload !== "changes") problems.push(problem(PARAM.payloadMode, "must be full or changes", `must be full or changes (got "${payload}")`));
    return { deliveryMode: mode === "inline" || mode === "outbox" ? mode : "auto", payloadMode: payload === "changes" ? "changes" : "full" };
  }
  function parseExcluded(read, problems) {
    const excluded = /* @__PURE__ */ new Set();
    for (const name of list(read(PARAM.excludedFields))) {
      if (FORBIDDEN_FIELDS.has(name) || FORBIDDEN_FIELDS.has(name.toLowerCase())) continue;
      const spec = resolveField(name);
      if (!spec) problems.push(problem(PARAM.excludedFields, "unknown field", `: unknown field "${name}"`));
      else excluded.add(spec.rest);
    }
    return excluded;
  }
  function parseConfig(read) {
    const problems = [];
    const target = parseTarget(read, problems);
    const fields = parseFields(read, problems);
    const contexts = parseChoice(read, PARAM.contexts, EXECUTION_CONTEXTS, "execution context", true, problems);
    const modes = parseModes(read, problems);
    const excluded = parseExcluded(read, problems);
    const eventTypes = parseChoice(read, PARAM.eventTypes, EVENT_TYPES, "event type", false, problems) ?? new Set(EVENT_TYPES);
    return { problems, errors: problems.map((p) => p.message), config: { ...target, fields, contexts, ...modes, excluded, eventTypes } };
  }
  function blockingProblems(result) {
    return result.problems.filter((p) => p.blocking);
  }
  function problemSummary(problems) {
    return problems.map((p) => `${p.param} ${p.reason}`).join("; ");
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
  function postSigned(url, eventId, body, sign, nowMs) {
    try {
      const timestamp = unixSeconds(nowMs);
      const headers = webhookHeaders(eventId, timestamp, sign(signingInput(eventId, timestamp, body)));
      const response = https.post({ url, body, headers: { ...headers } });
      return { status: response.code, retryAfter: header(response.headers, "retry-after") };
    } catch (e) {
      return { status: null, error: errorText(e) };
    }
  }

  // lib/suitescript/signer.ts
  function createSigner(secretIds) {
    const keys = secretIds.map((secret) => crypto.createSecretKey({ secret, encoding: encode.Encoding.BASE_64 }));
    const sign = (input) => keys.map((key) => {
      const hmac = crypto.createHmac({ algorithm: crypto.HashAlg.SHA256, key });
      hmac.update({ input, inputEncoding: encode.Encoding.UTF_8 });
      return hmac.digest({ outputEncoding: encode.Encoding.BASE_64 });
    });
    sign("suitehooks");
    return sign;
  }

  // lib/suitescript/user-event-params.ts
  function userEventParams() {
    const [found] = search2.create({ type: "scriptdeployment", filters: [["scriptid", "is", DEPLOYMENT.userEvent]], columns: ["internalid"] }).run().getRange({ start: 0, end: 1 });
    if (!found) return null;
    const deployment = record2.load({ type: "scriptdeployment", id: found.id });
    return (name) => deployment.getValue({ fieldId: name });
  }

  // lib/suitescript/retry-worker.ts
  var TITLE2 = "suitehooks retry worker";
  var DELIVERY_UNITS = 12;
  var LOAD_UNITS = 2;
  var RESERVE_UNITS = 20;
  var PAGE_SIZE = 1e3;
  function currentConfig() {
    try {
      const params = userEventParams();
      return params ? parseConfig(params) : null;
    } catch (e) {
      logger2.audit({ title: TITLE2, details: `user event parameters unreadable (${errorCode(e)}): using each delivery's stored target` });
      return null;
    }
  }
  function storedConfig(delivery) {
    const stored = {
      [PARAM.endpointUrl]: delivery.endpointUrl,
      [PARAM.secretId]: delivery.secretId,
      [PARAM.prevSecretId]: delivery.prevSecretId
    };
    return parseConfig((name) => stored[name] ?? null);
  }
  function attempt(run, delivery, whole) {
    const result = run.shared ?? storedConfig(delivery);
    const blocking = blockingProblems(result);
    if (blocking.length > 0) {
      noteProblem(delivery.id, `configuration: ${blocking.map((p) => p.message).join("; ")}`);
      return false;
    }
    let sign;
    try {
      sign = run.signerFor(result.config);
    } catch (e) {
      noteProblem(delivery.id, `cannot sign with the API Secret: ${errorText(e)}`);
      return false;
    }
    const body = whole ? delivery.body : loadBody(delivery.id);
    const posted = postSigned(result.config.endpointUrl, delivery.eventId, body, sign, Date.now());
    saveAttempt(delivery.id, result.config, stateAfterAttempt(posted, delivery.attempts + 1, Date.now(), Math.random));
    return true;
  }
  function drain(run) {
    const script = runtime.getCurrentScript();
    const { due, more } = dueDeliveries(PAGE_SIZE, Date.now());
    let sent = 0;
    let stoppedShort = false;
    for (const delivery of due) {
      const whole = isWholeBody(delivery.body, delivery.bodyLength, delivery.eventId);
      if (script.getRemainingUsage() < DELIVERY_UNITS + (whole ? 0 : LOAD_UNITS) + RESERVE_UNITS) {
        stoppedShort = true;
        break;
      }
      try {
        if (attempt(run, delivery, whole)) sent++;
      } catch (e) {
        logger2.error({ title: TITLE2, details: `delivery ${delivery.id}: ${errorCode(e)}` });
      }
    }
    logger2.audit({ title: TITLE2, details: `${sent} of ${due.length} due deliveries attempted` });
    if ((stoppedShort || more) && sent > 0) startWorker(TITLE2, "more deliveries are due");
  }
  function startRun() {
    const shared = currentConfig();
    const blocking = shared ? blockingProblems(shared) : [];
    if (blocking.length > 0) {
      logger2.error({ title: TITLE2, details: `configuration problems, nothing sent: ${problemSummary(blocking)}` });
      return null;
    }
    const signers = /* @__PURE__ */ new Map();
    const signerFor = (config) => {
      const ids = config.prevSecretId ? [config.secretId, config.prevSecretId] : [config.secretId];
      const sign = signers.get(ids.join(" ")) ?? createSigner(ids);
      signers.set(ids.join(" "), sign);
      return sign;
    };
    if (shared) {
      try {
        signerFor(shared.config);
      } catch (e) {
        logger2.error({ title: TITLE2, details: `cannot sign with the API Secret (${errorCode(e)}), nothing sent` });
        return null;
      }
    }
    return { shared, signerFor };
  }
  function runWorker() {
    const run = startRun();
    if (run) drain(run);
  }

  // lib/suitescript/entries/retry-ss.ts
  function execute() {
    const worker = runtime2.getCurrentScript().deploymentId === DEPLOYMENT.retryWorker;
    try {
      if (worker) runWorker();
      else runTimer();
    } catch (e) {
      logger3.error({ title: "suitehooks retry", details: `run failed: ${errorCode(e)}` });
    }
  }
  return { execute: execute };
});
