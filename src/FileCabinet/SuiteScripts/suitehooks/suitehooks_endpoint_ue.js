/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 * Built by scripts/build-bundle.mjs from lib/suitescript/entries/endpoint-ue.ts; edit the TypeScript, not this file.
 */
define(['N/log', 'N/cache', 'N/runtime', 'N/search'], function (logger2, cache, runtime2, search) {
  var logger = logger2;
  var runtime = runtime2;
  // lib/suitescript/entries/endpoint-ue.ts

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
  var RECORD_TYPE_IDS = new Set(USER_RECORD_TYPES.map((t) => t.id));
  var SENDING_PARAMS = /* @__PURE__ */ new Set([
    PARAM.endpointUrl,
    PARAM.secretId,
    PARAM.prevSecretId,
    PARAM.allowedHosts
  ]);

  // lib/core/endpoint-record.ts
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
  var ENDPOINTS_CACHE_NAME = "suitehooks_endpoints";
  var ENDPOINTS_KEY = "endpoints";
  function changesConfiguration(eventType, editedFields) {
    if (eventType !== "xedit" || editedFields === null) return true;
    return editedFields.some((f) => ENDPOINT_CONFIG_FIELDS.includes(f));
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
  var MAX_RETRY_AFTER_MS = 24 * HOUR;

  // lib/suitescript/errors.ts
  function errorCode(e) {
    if (typeof e === "object" && e !== null && "name" in e && typeof e.name === "string" && e.name !== "") return e.name;
    return "UNEXPECTED_ERROR";
  }

  // lib/suitescript/endpoints.ts

  // lib/suitescript/params.ts

  // lib/suitescript/endpoints.ts
  function endpointCache() {
    return cache.getCache({ name: ENDPOINTS_CACHE_NAME, scope: cache.Scope.PROTECTED });
  }
  function forgetEndpoints() {
    endpointCache().remove({ key: ENDPOINTS_KEY });
  }

  // lib/suitescript/entries/endpoint-ue.ts
  function afterSubmit(context) {
    try {
      const type = String(context.type);
      const edited = type === "xedit" && context.newRecord ? context.newRecord.getFields() : null;
      if (changesConfiguration(type, edited)) forgetEndpoints();
    } catch (e) {
      logger2.error({
        title: "suitehooks: endpoint cache",
        details: `endpoint ${String(context.newRecord?.id ?? context.oldRecord?.id ?? "")}: not dropped (${errorCode(e)}); it expires within the hour`
      });
    }
  }
  return { afterSubmit: afterSubmit };
});
