/**
 * NetSuite's governance, declared once: the usage units a script execution may spend and what each
 * API call costs (docs/netsuite.md#governance). The bundle budgets with these, the sandbox charges
 * them, tests and benchmarks expect them. Plain `as const` objects, so the bundle keeps only those it
 * uses.
 */

/** Units per execution by script type: user event and Suitelet 1,000, scheduled 10,000 (section_N3351480). */
export const USAGE_LIMIT = {
  userEvent: 1_000,
  scheduled: 10_000,
  suitelet: 1_000,
} as const;

/** How N/record prices a record: transactions, custom records, and every other record (the employee). */
export type RecordCategory = 'transaction' | 'custom' | 'other';

export type RecordOperation = 'load' | 'create' | 'submitFields' | 'save' | 'delete';

/**
 * N/record costs by record category: create/load 10 / 2 / 5 (section_4267258059), `Record.save` and
 * `record.delete` 20 / 4 / 10, `record.submitFields` 10 / 2 / 5 (section_157072844224).
 */
export const RECORD_UNITS = {
  load: { transaction: 10, custom: 2, other: 5 },
  create: { transaction: 10, custom: 2, other: 5 },
  submitFields: { transaction: 10, custom: 2, other: 5 },
  save: { transaction: 20, custom: 4, other: 10 },
  delete: { transaction: 20, custom: 4, other: 10 },
} as const satisfies Record<RecordOperation, Record<RecordCategory, number>>;

/**
 * Every other governed call the bundle makes: `search.lookupFields` 1 (section_157072844224);
 * `https.request`/`get`/`post` 10 (section_4567630582); `query.runSuiteQL`, a SuiteQL page 10
 * (section_157960470046); `ResultSet.getRange`/`each`, a page of up to 1,000 results 10;
 * `ScheduledScriptTask.submit()` 20 (Oracle's N/task reference); `email.send()` 20
 * (section_4358681681); `N/log` nothing; N/cache `Cache.get` 1 when the value is cached, 2 when its
 * loader runs (`cacheLoad`, the loader's own calls on top: section_4642661440), `Cache.put` 1
 * (section_4642661313), `Cache.remove` 1 (section_4642660820). (Comments out here, not on each member: the bundle carries
 * what is inside the object.)
 */
export const UNIT_COST = {
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
  cacheRemove: 1,
} as const;

/**
 * What the bundle's retry worker spends, from the costs above: the worker budgets its run with these,
 * tests and benchmarks expect them. `setup`, each run: the user event deployment's search 10 and load
 * 5, the endpoint records' search 10, then two searches for due deliveries; `delivery`: https.post 10 + the result's submitFields on the
 * custom record 2; `bodyLoad`: a body the search cut short, read whole (record.load, custom record);
 * `resubmit`: kept back to start the worker again (task submit); `breaker`: a get and a put in N/cache, at most
 * once per run per endpoint (the circuit breaker closed on the first healthy answer, or opened when the
 * endpoint stops answering), never per delivery; `health`: one endpoint record's health written at the
 * end of a run that sent to it (once per run per endpoint).
 */
export const RETRY_UNITS = {
  setup: 4 * UNIT_COST.resultSetPage + RECORD_UNITS.load.other,
  delivery: UNIT_COST.https + RECORD_UNITS.submitFields.custom,
  bodyLoad: RECORD_UNITS.load.custom,
  resubmit: UNIT_COST.taskSubmit,
  breaker: UNIT_COST.cacheGet + UNIT_COST.cachePut,
  health: RECORD_UNITS.submitFields.custom,
} as const;

/**
 * A save's fan-out to several endpoints (docs/netsuite.md#fan-out): the endpoint configuration is one
 * `Cache.get` (1 unit on a hit; on a miss its loader runs one search, 2 + 10 units, once until an
 * endpoint record changes) and every endpoint's breaker is one more (1 unit): `overhead`, 2 units.
 * Each inline POST is 10 units; at most `inlinePosts` endpoints are posted inline per save (a save waits
 * on each in turn), the others' deliveries are stored for the retry worker (6 units each).
 */
export const FAN_OUT = {
  overhead: 2 * UNIT_COST.cacheGet,
  inlinePosts: 3,
  outboxDelivery: RECORD_UNITS.create.custom + RECORD_UNITS.save.custom,
} as const;

/**
 * Seconds one execution may run, by script type and map/reduce stage (Script Execution Time Limits,
 * section_161591009480); past it NetSuite throws SSS_TIME_LIMIT_EXCEEDED and the script stops.
 */
export const TIME_LIMIT_SECONDS = {
  userEvent: 300,
  suitelet: 300,
  restlet: 300,
  scheduled: 3_600,
  mapReduceInput: 3_600,
  mapReduceMap: 300,
  mapReduceReduce: 900,
  mapReduceSummarize: 3_600,
  massUpdate: 300,
  portlet: 300,
  bundleInstallation: 3_600,
  workflowAction: 300,
} as const;

/** N/https waits 5 s for the connection and 45 s for the answer, then SSS_REQUEST_TIME_EXCEEDED (section_4567630582). */
export const HTTPS_TIMEOUT = {
  connectSeconds: 5,
  responseSeconds: 45,
} as const;
