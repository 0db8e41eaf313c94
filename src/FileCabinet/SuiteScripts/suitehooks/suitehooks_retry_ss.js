/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 * @NModuleScope SameAccount
 * Built by scripts/build-bundle.mjs from lib/suitescript/entries/retry-ss.ts; edit the TypeScript, not this file.
 */
define(['N/log', 'N/runtime', 'N/task', 'N/record', 'N/search', 'N/https', 'N/crypto', 'N/encode'], function (logger, runtime, task, record, search, https, crypto, encode) {
  var record2 = record;
  var search2 = search;
  // lib/suitescript/entries/retry-ss.ts

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
  var EXECUTION_CONTEXTS = /* @__PURE__ */ new Set([
    "ACTION",
    "ADVANCEDREVREC",
    "BANKCONNECTIVITY",
    "BANKSTATEMENTPARSER",
    "BUNDLEINSTALLATION",
    "CLIENT",
    "CONSOLRATEADJUSTOR",
    "CSVIMPORT",
    "CUSTOMGLLINES",
    "CUSTOMMASSUPDATE",
    "DATASETBUILDER",
    "DEBUGGER",
    "EMAILCAPTURE",
    "FICONNECTIVITY",
    "FIPARSER",
    "MAPREDUCE",
    "OCRPLUGIN",
    "OTHER",
    "PAYMENTGATEWAY",
    "PAYMENTPOSTBACK",
    "PLATFORMEXTENSION",
    "PORTLET",
    "PROMOTIONS",
    "RECORDACTION",
    "RESTLET",
    "RESTWEBSERVICES",
    "SCHEDULED",
    "SDFINSTALLATION",
    "SHIPPINGPARTNERS",
    "SUITELET",
    "TAXCALCULATION",
    "USEREVENT",
    "USERINTERFACE",
    "WEBSERVICES",
    "WEBSTORE",
    "WORKBOOKBUILDER",
    "WORKFLOW"
  ]);
  var EVENT_TYPES = /* @__PURE__ */ new Set(["create", "edit", "xedit", "delete"]);
  var SECRET_ID = /^custsecret[a-z0-9_]{1,30}$/;
  var HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|[0-9a-f:.]*:[0-9a-f:.]*)$/;
  function text(raw) {
    return raw === null || raw === void 0 ? "" : String(raw).trim();
  }
  function list(raw) {
    return text(raw).replace(/\s*:\s*/g, ":").split(/[\s,;]+/).map((s) => s.trim()).filter((s) => s !== "");
  }
  function checkEndpoint(url, allowedHosts) {
    if (url === "") return `${PARAM.endpointUrl} is not set: the receiver URL is required`;
    const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(url);
    if (!match) return `${PARAM.endpointUrl} is not an absolute URL`;
    if (match[1].toLowerCase() !== "https") return `${PARAM.endpointUrl} must use https:// (NetSuite refuses other schemes)`;
    const authority = match[2];
    if (authority.includes("@")) return `${PARAM.endpointUrl} must not carry credentials`;
    const host = authority.replace(/:\d+$/, "").replace(/^\[|\]$/g, "").toLowerCase();
    if (host === "") return `${PARAM.endpointUrl} has no host`;
    if (allowedHosts && !allowedHosts.has(host)) {
      return `${PARAM.endpointUrl} host ${host} is not in ${PARAM.allowedHosts}`;
    }
    return null;
  }
  function parseConfig(read) {
    const errors = [];
    const hosts = list(read(PARAM.allowedHosts)).map((h) => h.toLowerCase().replace(/^\[|\]$/g, ""));
    const badHosts = hosts.filter((h) => !HOST.test(h));
    for (const h of badHosts) errors.push(`${PARAM.allowedHosts}: "${h}" is not a host name (no scheme, port or path)`);
    const allowedHosts = hosts.length > 0 ? new Set(hosts) : null;
    const endpointUrl = text(read(PARAM.endpointUrl));
    const endpointError = checkEndpoint(endpointUrl, badHosts.length > 0 ? null : allowedHosts);
    if (endpointError) errors.push(endpointError);
    const secretId = text(read(PARAM.secretId)).toLowerCase();
    if (secretId === "") errors.push(`${PARAM.secretId} is not set: name the API Secret (custsecret_…) that signs`);
    else if (!SECRET_ID.test(secretId)) errors.push(`${PARAM.secretId} must be an API Secret script id (custsecret_…)`);
    const prev = text(read(PARAM.prevSecretId)).toLowerCase();
    if (prev !== "" && !SECRET_ID.test(prev)) errors.push(`${PARAM.prevSecretId} must be an API Secret script id (custsecret_…)`);
    const fieldNames = list(read(PARAM.fields));
    const fields = [];
    let unknownFields = 0;
    for (const name of fieldNames) {
      const spec = resolveField(name);
      if (!spec) {
        unknownFields++;
        errors.push(`${PARAM.fields}: unknown or forbidden field "${name}"`);
      } else if (!fields.some((f) => f.rest === spec.rest)) fields.push(spec);
    }
    if (fieldNames.length === 0 || unknownFields > 0) {
      for (const f of EMPLOYEE_FIELDS) if (!fields.some((g) => g.rest === f.rest)) fields.push(f);
    }
    for (const rest of ["isInactive", "giveAccess", "lastModifiedDate"]) {
      if (!fields.some((f) => f.rest === rest)) fields.push(EMPLOYEE_FIELDS.find((f) => f.rest === rest));
    }
    const contextNames = list(read(PARAM.contexts)).map((c) => c.toUpperCase());
    for (const c of contextNames) if (!EXECUTION_CONTEXTS.has(c)) errors.push(`${PARAM.contexts}: unknown execution context "${c}"`);
    const validContexts = contextNames.filter((c) => EXECUTION_CONTEXTS.has(c));
    const contexts = validContexts.length > 0 && validContexts.length === contextNames.length ? new Set(validContexts) : null;
    const mode = text(read(PARAM.deliveryMode)).toLowerCase() || "auto";
    if (mode !== "inline" && mode !== "outbox" && mode !== "auto") {
      errors.push(`${PARAM.deliveryMode} must be inline, outbox or auto (got "${mode}")`);
    }
    const payload = text(read(PARAM.payloadMode)).toLowerCase() || "full";
    if (payload !== "full" && payload !== "changes") errors.push(`${PARAM.payloadMode} must be full or changes (got "${payload}")`);
    const excluded = /* @__PURE__ */ new Set();
    for (const name of list(read(PARAM.excludedFields))) {
      if (FORBIDDEN_FIELDS.has(name) || FORBIDDEN_FIELDS.has(name.toLowerCase())) continue;
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
        prevSecretId: prev === "" ? null : prev,
        fields,
        contexts,
        deliveryMode: mode === "inline" || mode === "outbox" ? mode : "auto",
        payloadMode: payload === "changes" ? "changes" : "full",
        excluded,
        eventTypes,
        allowedHosts
      }
    };
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
    status: "custrecord_suitehooks_status",
    /** Attempts made so far (0 when the event was queued without a try). */
    attempts: "custrecord_suitehooks_attempts",
    /** DATETIMETZ; empty means due now. */
    nextAttempt: "custrecord_suitehooks_next_attempt",
    lastHttpStatus: "custrecord_suitehooks_last_http_status",
    lastError: "custrecord_suitehooks_last_error",
    recordType: "custrecord_suitehooks_record_type",
    recordId: "custrecord_suitehooks_record_id",
    /** `<run token>@<expiry ms>` while a scheduled run is sending the delivery; empty otherwise. */
    claim: "custrecord_suitehooks_claim"
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
  function clipError(text3) {
    return text3.length <= LAST_ERROR_MAX ? text3 : `${text3.slice(0, LAST_ERROR_MAX - 1)}…`;
  }

  // lib/suitescript/due-deliveries.ts

  // lib/suitescript/delivery-values.ts
  function stateValues(state) {
    return {
      [DELIVERY_FIELD.status]: state.status,
      [DELIVERY_FIELD.attempts]: state.attempts,
      [DELIVERY_FIELD.nextAttempt]: state.nextAttempt === null ? "" : new Date(state.nextAttempt),
      [DELIVERY_FIELD.lastHttpStatus]: state.lastHttpStatus ?? "",
      [DELIVERY_FIELD.lastError]: state.lastError
    };
  }
  function targetValues(target) {
    return { [DELIVERY_FIELD.endpointUrl]: target.endpointUrl, [DELIVERY_FIELD.secretId]: target.secretId, [DELIVERY_FIELD.prevSecretId]: target.prevSecretId ?? "" };
  }

  // lib/suitescript/due-deliveries.ts
  function pendingDeliveryIds(limit) {
    return search.create({
      type: DELIVERY_RECORD,
      filters: [[DELIVERY_FIELD.status, "is", "pending"]],
      columns: [
        search.createColumn({ name: DELIVERY_FIELD.nextAttempt, sort: search.Sort.ASC }),
        search.createColumn({ name: "internalid", sort: search.Sort.ASC })
      ]
    }).run().getRange({ start: 0, end: limit }).map((result) => String(result.id));
  }
  function text2(rec, fieldId) {
    const value = rec.getValue({ fieldId });
    return value === null || value === void 0 ? "" : String(value);
  }
  function loadDelivery(id) {
    const rec = record.load({ type: DELIVERY_RECORD, id });
    const next = rec.getValue({ fieldId: DELIVERY_FIELD.nextAttempt });
    return {
      id,
      eventId: text2(rec, DELIVERY_FIELD.eventId),
      body: text2(rec, DELIVERY_FIELD.body),
      status: text2(rec, DELIVERY_FIELD.status),
      attempts: Number(rec.getValue({ fieldId: DELIVERY_FIELD.attempts }) || 0),
      nextAttempt: next instanceof Date ? next : null,
      endpointUrl: text2(rec, DELIVERY_FIELD.endpointUrl),
      secretId: text2(rec, DELIVERY_FIELD.secretId),
      prevSecretId: text2(rec, DELIVERY_FIELD.prevSecretId) || null,
      claim: text2(rec, DELIVERY_FIELD.claim)
    };
  }
  function update(id, values) {
    record.submitFields({ type: DELIVERY_RECORD, id, values, options: { enableSourcing: false, ignoreMandatoryFields: true } });
  }
  function claimToken(runId, leaseEndsAt) {
    return `${runId}@${leaseEndsAt}`;
  }
  function claimHeld(claim, now) {
    const endsAt = Number(claim.split("@")[1]);
    return claim !== "" && Number.isFinite(endsAt) && endsAt > now;
  }
  function claimDelivery(id, token) {
    update(id, { [DELIVERY_FIELD.claim]: token });
    const found = search.lookupFields({ type: DELIVERY_RECORD, id, columns: [DELIVERY_FIELD.claim] });
    return found[DELIVERY_FIELD.claim] === token;
  }
  function saveAttempt(id, target, state) {
    update(id, { ...targetValues(target), ...stateValues(state), [DELIVERY_FIELD.claim]: "" });
  }
  function noteProblem(id, problem) {
    update(id, { [DELIVERY_FIELD.lastError]: problem });
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
  function createSigner(secretIds2) {
    const keys = secretIds2.map((secret) => crypto.createSecretKey({ secret, encoding: encode.Encoding.BASE_64 }));
    const sign = (input) => keys.map((key) => {
      const hmac = crypto.createHmac({ algorithm: crypto.HashAlg.SHA256, key });
      hmac.update({ input, inputEncoding: encode.Encoding.UTF_8 });
      return hmac.digest({ outputEncoding: encode.Encoding.BASE_64 });
    });
    sign("suitehooks");
    return sign;
  }

  // lib/suitescript/user-event-params.ts

  // lib/suitescript/script-ids.ts
  var USER_EVENT_DEPLOYMENT_ID = "customdeploy_suitehooks_employee_ue";

  // lib/suitescript/user-event-params.ts
  function userEventParams() {
    const [found] = search2.create({ type: "scriptdeployment", filters: [["scriptid", "is", USER_EVENT_DEPLOYMENT_ID]], columns: ["internalid"] }).run().getRange({ start: 0, end: 1 });
    if (!found) return null;
    const deployment = record2.load({ type: "scriptdeployment", id: found.id });
    return (name) => deployment.getValue({ fieldId: name });
  }

  // lib/suitescript/entries/retry-ss.ts
  var TITLE = "suitehooks retry";
  var DELIVERY_UNITS = 17;
  var RESERVE_UNITS = 30;
  var PAGE_SIZE = 1e3;
  var LEASE_MS = 10 * 6e4;
  function currentConfig() {
    try {
      const params = userEventParams();
      return params ? parseConfig(params) : null;
    } catch (e) {
      logger.audit({ title: TITLE, details: `user event parameters unreadable (${errorCode(e)}): using each delivery's stored target` });
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
  function secretIds(config) {
    return config.prevSecretId ? [config.secretId, config.prevSecretId] : [config.secretId];
  }
  function resubmit() {
    const script = runtime.getCurrentScript();
    try {
      task.create({ taskType: task.TaskType.SCHEDULED_SCRIPT, scriptId: script.id, deploymentId: script.deploymentId }).submit();
      logger.audit({ title: TITLE, details: "more deliveries are due: resubmitted" });
    } catch (e) {
      logger.audit({ title: TITLE, details: `not resubmitted (${errorCode(e)})` });
    }
  }
  function attemptDelivery(run, id) {
    const delivery = loadDelivery(id);
    const now = Date.now();
    if (delivery.status !== DELIVERY_STATUS.pending || claimHeld(delivery.claim, now)) return "skipped";
    if (delivery.nextAttempt && delivery.nextAttempt.getTime() > now) return "later";
    const { config, errors } = run.shared ?? storedConfig(delivery);
    if (errors.length > 0) {
      noteProblem(id, `configuration: ${errors.join("; ")}`);
      return "skipped";
    }
    let sign;
    try {
      sign = run.signerFor(config);
    } catch (e) {
      noteProblem(id, `cannot sign with the API Secret: ${errorText(e)}`);
      return "skipped";
    }
    if (!claimDelivery(id, claimToken(run.id, now + LEASE_MS))) return "skipped";
    const result = postSigned(config.endpointUrl, delivery.eventId, delivery.body, sign, Date.now());
    saveAttempt(id, config, stateAfterAttempt(result, delivery.attempts + 1, Date.now(), Math.random));
    return "sent";
  }
  function drain(run) {
    const script = runtime.getCurrentScript();
    const ids = pendingDeliveryIds(PAGE_SIZE);
    let sent = 0;
    let moreDue = ids.length === PAGE_SIZE;
    for (const id of ids) {
      if (script.getRemainingUsage() < DELIVERY_UNITS + RESERVE_UNITS) {
        moreDue = true;
        break;
      }
      let step;
      try {
        step = attemptDelivery(run, id);
      } catch (e) {
        logger.error({ title: TITLE, details: `delivery ${id}: ${errorCode(e)}` });
        continue;
      }
      if (step === "later") {
        moreDue = false;
        break;
      }
      if (step === "sent") sent++;
    }
    logger.audit({ title: TITLE, details: `${sent} of ${ids.length} pending deliveries attempted` });
    if (moreDue && sent > 0) resubmit();
  }
  function startRun() {
    const shared = currentConfig();
    if (shared && shared.errors.length > 0) {
      logger.error({ title: TITLE, details: `configuration problems, nothing sent: ${shared.errors.join("; ")}` });
      return null;
    }
    const signers = /* @__PURE__ */ new Map();
    const signerFor = (config) => {
      const ids = secretIds(config);
      const sign = signers.get(ids.join(" ")) ?? createSigner(ids);
      signers.set(ids.join(" "), sign);
      return sign;
    };
    if (shared) {
      try {
        signerFor(shared.config);
      } catch (e) {
        logger.error({ title: TITLE, details: `cannot sign with the API Secret (${errorCode(e)}), nothing sent` });
        return null;
      }
    }
    return { shared, signerFor, id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}` };
  }
  function execute() {
    try {
      const run = startRun();
      if (run) drain(run);
    } catch (e) {
      logger.error({ title: TITLE, details: `run failed: ${errorCode(e)}` });
    }
  }
  return { execute: execute };
});
