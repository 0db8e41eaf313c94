/**
 * Item 1, governance units per event: every path of the bundle's user event, counted by the sandbox at
 * NetSuite's unit costs, beside the hand-rolled pattern most accounts use (record.load of the employee,
 * then https.post), deployed in the same sandbox and fired by the same writes.
 */
import {
  BREAKER_CACHE_NAME,
  DELIVERY_FIELD,
  DELIVERY_RECORD,
  DEPLOYMENT,
  FAN_OUT,
  PARAM,
  RECORD_UNITS,
  RETRY_UNITS,
  UNIT_COST,
  type CanonicalRecord,
} from '../lib/core';
import type { WriteContext } from '../lib/sandbox/account/account-types';
import {
  startSandbox,
  CSV,
  RETRY_SCRIPT,
  UE_DEPLOYMENT,
  UE_SCRIPT,
  UI,
  type BenchSandbox,
  type ExtraScript,
} from './sandbox';
import type { Table } from './table';

export const HAND_ROLLED: ExtraScript = {
  id: 'customscript_bench_handrolled_ue',
  file: 'handrolled_ue.js',
  source: `/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 * The common hand-rolled webhook: load the employee, post it as JSON.
 */
define(['N/record', 'N/https'], function (record, https) {
  function afterSubmit(context) {
    if (context.type === 'delete') {
      https.post({ url: '{{URL}}', body: JSON.stringify({ event: 'delete', id: context.oldRecord.id }), headers: { 'content-type': 'application/json' } });
      return;
    }
    var employee = record.load({ type: record.Type.EMPLOYEE, id: context.newRecord.id });
    var body = {
      event: context.type,
      id: employee.id,
      firstName: employee.getValue({ fieldId: 'firstname' }),
      lastName: employee.getValue({ fieldId: 'lastname' }),
      email: employee.getValue({ fieldId: 'email' }),
      title: employee.getValue({ fieldId: 'title' }),
      isInactive: employee.getValue({ fieldId: 'isinactive' }),
      giveAccess: employee.getValue({ fieldId: 'giveaccess' }),
      department: employee.getValue({ fieldId: 'department' })
    };
    https.post({ url: '{{URL}}', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  }
  return { afterSubmit: afterSubmit };
});
`,
};

const REPEATS = 3;

interface Observed {
  units: number[];
  handRolled: number[];
  signed: number;
  unsigned: number;
  stored: number;
}

function range(xs: number[]): string {
  if (xs.length === 0) return '—';
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

/** Runs `write` and reads what each user event used and what reached the receiver or the outbox. */
async function observe(sb: BenchSandbox, write: () => Promise<unknown>): Promise<Observed> {
  const { account, receiver } = sb;
  const before = account.executions().length;
  const signedBefore = [...receiver.received.values()].reduce((a, b) => a + b, 0);
  const unsignedBefore = receiver.unsigned;
  const storedBefore = account.customRecords(DELIVERY_RECORD).length;
  await write();
  const runs = account.executions().slice(before);
  const failed = runs.filter((r) => !r.ok);
  if (failed.length) throw new Error(`a script failed: ${failed[0]!.script}: ${failed[0]!.error}`);
  // The sandbox records one execution per stage (beforeSubmit, afterSubmit): the event's cost is their sum.
  const total = (script: string) => {
    const mine = runs.filter((r) => r.script === script);
    return mine.length ? [mine.reduce((a, r) => a + r.usage, 0)] : [];
  };
  return {
    units: total(UE_SCRIPT),
    handRolled: total(HAND_ROLLED.id),
    signed: [...receiver.received.values()].reduce((a, b) => a + b, 0) - signedBefore,
    unsigned: receiver.unsigned - unsignedBefore,
    stored: account.customRecords(DELIVERY_RECORD).length - storedBefore,
  };
}

function merge(all: Observed[]): Observed {
  return {
    units: all.flatMap((o) => o.units),
    handRolled: all.flatMap((o) => o.handRolled),
    signed: all.reduce((a, o) => a + o.signed, 0),
    unsigned: all.reduce((a, o) => a + o.unsigned, 0),
    stored: all.reduce((a, o) => a + o.stored, 0),
  };
}

/**
 * The retry worker's units per delivery: one kept event with an ordinary body (read whole from the
 * search columns) and one whose body is over the 4,000 bytes a search column holds (loaded), sent by
 * one worker run the timer starts. Returns [ordinary, long] units, the run's setup taken off.
 */
async function workerUnits(sb: BenchSandbox): Promise<{ units: number[]; delivered: number; bytes: number[] }> {
  const { account } = sb;
  await account.advance(60 * 60_000); // first the deliveries the paths above kept go out
  const id = await account.createEmployee(
    { values: { firstName: 'Worker', lastName: 'Bench', subsidiary: { id: '1', refName: null } }, replaceRoles: true },
    UI,
  );
  account.setParameter(UE_DEPLOYMENT, PARAM.deliveryMode, 'outbox');
  await account.updateEmployee(id, { values: { title: 'Worker bench' } }, UI, 'edit');
  const long = (c: string) => c.repeat(300);
  await account.updateEmployee(
    id,
    { values: { title: long('é'), firstName: long('ß'), lastName: long('Ω') } },
    UI,
    'edit',
  );
  account.setParameter(UE_DEPLOYMENT, PARAM.deliveryMode, 'inline');
  const kept = account.customRecords(DELIVERY_RECORD).slice(-2);
  const bytes = kept.map((d) => Buffer.byteLength(String(d[DELIVERY_FIELD.body])));
  const cost = async (): Promise<number> => {
    const before = account.executions({ script: RETRY_SCRIPT }).length;
    await account.advance(15 * 60_000 + 1); // the timer's slot: it starts the worker
    const worker = account
      .executions({ script: RETRY_SCRIPT })
      .slice(before)
      .filter((e) => e.deployment === DEPLOYMENT.retryWorker);
    // Setup (deployment search 10 + load 5 + endpoint search 10 + two searches 10) and the run's breaker close are per run.
    return worker.reduce((sum, e) => sum + e.usage, 0) - (RETRY_UNITS.setup + RETRY_UNITS.breaker) * worker.length;
  };
  // Send the ordinary one alone first (the long one waits behind a later Next Attempt), then the long one.
  account.db
    .prepare(`UPDATE ${DELIVERY_RECORD} SET ${DELIVERY_FIELD.nextAttempt} = ? WHERE id = ?`)
    .run(new Date(account.clock.now() + 20 * 60_000).toISOString(), kept[1]!.id);
  const ordinary = await cost();
  const longOne = await cost();
  const delivered = account
    .customRecords(DELIVERY_RECORD)
    .slice(-2)
    .filter((d) => d[DELIVERY_FIELD.status] === 'delivered').length;
  return { units: [ordinary, longOne], delivered, bytes };
}

type Account = BenchSandbox['account'];
type WorkerResult = Awaited<ReturnType<typeof workerUnits>>;

/** One path of the table: what it is expected to cost, what it did, and how its outcome reads. */
interface PathRow {
  path: string;
  bound: string;
  o: Observed;
  outcome: (o: Observed) => string;
  handOutcome: string;
}

/** Runs one write `REPEATS` times and records what the two user events did, as a row. */
type RunPath = (
  name: string,
  bound: string,
  handOutcome: string,
  outcome: (o: Observed) => string,
  one: () => Promise<unknown>,
) => Promise<void>;

const sent = (o: Observed) => `${o.signed} of ${REPEATS} delivered, signed`;
const kept = (o: Observed) => `${o.stored} of ${REPEATS} kept for retry`;
const POST = UNIT_COST.https;
/** The success path: the POST, and the fan-out overhead (the cached endpoint configuration and the breakers: one Cache.get each). */
const SEND = `${POST} + ${FAN_OUT.overhead} (https.post; the endpoint configuration's and the breakers' Cache.get)`;
const KEEP_UNITS = RECORD_UNITS.create.custom + RECORD_UNITS.save.custom;
const KEEP_WHY = `delivery record create ${RECORD_UNITS.create.custom} + save ${RECORD_UNITS.save.custom}`;

/** Creates employees, each with a name and email of its own. */
function employeeCreator(account: Account) {
  let n = 0;
  const person = (): CanonicalRecord => {
    n++;
    return {
      firstName: 'Bench',
      lastName: `Person ${n}`,
      email: `bench.${n}@example.com`,
      subsidiary: { id: '1', refName: null },
      title: 'Engineer',
    };
  };
  return (ctx: WriteContext = UI) => account.createEmployee({ values: person(), replaceRoles: true }, ctx);
}

/** A `RunPath` that adds one row to `rows` for each path it runs. */
function pathRunner(sb: BenchSandbox, rows: PathRow[]): RunPath {
  return async (name, bound, handOutcome, outcome, one) => {
    const all: Observed[] = [];
    for (let i = 0; i < REPEATS; i++) all.push(await observe(sb, one));
    rows.push({ path: name, bound, o: merge(all), outcome, handOutcome });
  };
}

/** The edit paths, one employee of `ids` each: inline (edit, xedit, nothing changed, receiver failing), outbox. */
async function editPaths(sb: BenchSandbox, path: RunPath, ids: string[]): Promise<void> {
  const { account, receiver } = sb;
  let k = 0;
  await path('edit, inline, receiver up', SEND, 'posted unsigned', sent, () =>
    account.updateEmployee(ids[k++]!, { values: { title: `Title ${k}` } }, UI, 'edit'),
  );
  await path('xedit (inline edit), receiver up', SEND, 'posted unsigned', sent, () =>
    account.updateEmployee(ids[k++]!, { values: { title: `Title ${k}` } }, UI, 'xedit'),
  );
  await path(
    'edit, no tracked field changed',
    `${UNIT_COST.cacheGet} (the endpoint configuration's Cache.get; nothing to send)`,
    'posted anyway',
    (o) => `${o.signed} sent (none due)`,
    () => account.updateEmployee(ids[0]!, { values: {} }, UI, 'edit'),
  );
  receiver.status = 500;
  await path(
    'edit, inline, receiver failing (500): the save that opens the breaker',
    `${POST + FAN_OUT.overhead + UNIT_COST.cacheGet + UNIT_COST.cachePut} + ${KEEP_UNITS} (configuration and breakers get 2, post, breaker get 1 + put 1, then ${KEEP_WHY})`,
    'event lost, no retry',
    kept,
    () => {
      account.evictCache(BREAKER_CACHE_NAME); // each repetition is the first failure
      return account.updateEmployee(ids[k++]!, { values: { title: `Title ${k}` } }, UI, 'edit');
    },
  );
  await path(
    'edit, inline, receiver failing, breaker open (the next 5 minutes)',
    `${FAN_OUT.overhead} + ${KEEP_UNITS} (configuration and breakers get 2, no post, ${KEEP_WHY})`,
    'event lost, no retry',
    kept,
    () => account.updateEmployee(ids[k++]!, { values: { title: `Title ${k}` } }, UI, 'edit'),
  );
  receiver.status = 200;
  account.evictCache(BREAKER_CACHE_NAME);
  account.setParameter(UE_DEPLOYMENT, PARAM.deliveryMode, 'outbox');
  await path(
    'edit, outbox mode',
    `${UNIT_COST.cacheGet} + ${KEEP_UNITS} (configuration get 1, ${KEEP_WHY})`,
    'posted unsigned',
    kept,
    () => account.updateEmployee(ids[k++]!, { values: { title: `Title ${k}` } }, UI, 'edit'),
  );
}

/** Every user event path in turn (create, edits, CSV import in auto mode, delete), then the retry worker's. */
async function measurePaths(sb: BenchSandbox, rows: PathRow[]): Promise<WorkerResult> {
  const { account } = sb;
  const create = employeeCreator(account);
  const path = pathRunner(sb, rows);
  await path('create, inline, receiver up', SEND, 'posted unsigned', sent, () => create());
  const ids: string[] = [];
  for (let i = 0; i < REPEATS * 5; i++) ids.push(await create());
  await editPaths(sb, path, ids);
  account.setParameter(UE_DEPLOYMENT, PARAM.deliveryMode, 'auto');
  await path(
    'create from CSV import, auto mode (→ outbox)',
    `${UNIT_COST.cacheGet} + ${KEEP_UNITS}`,
    'posted unsigned',
    kept,
    () => create(CSV),
  );
  account.setParameter(UE_DEPLOYMENT, PARAM.deliveryMode, 'inline');
  const doomed: string[] = [];
  for (let i = 0; i < REPEATS; i++) doomed.push(await create());
  await path('delete, inline, receiver up', SEND, 'posted unsigned', sent, () =>
    account.deleteEmployee(doomed.pop()!, UI),
  );
  return workerUnits(sb);
}

/** The retry worker's two rows: a body read from the search columns, and one loaded. */
function workerRows(worker: WorkerResult | null): string[][] {
  return [
    [
      'retry worker, per delivery (body read from the search columns)',
      String(worker?.units[0] ?? '—'),
      `${RETRY_UNITS.delivery} (https.post ${UNIT_COST.https} + one write ${RECORD_UNITS.submitFields.custom})`,
      `${worker?.bytes[0] ?? '—'}-byte body`,
      '—',
      'no retry',
    ],
    [
      'retry worker, per delivery (body over 4,000 bytes: loaded)',
      String(worker?.units[1] ?? '—'),
      `${RETRY_UNITS.delivery + RETRY_UNITS.bodyLoad} (+ record.load ${RETRY_UNITS.bodyLoad})`,
      `${worker?.bytes[1] ?? '—'}-byte body; ${worker?.delivered ?? 0} of 2 delivered`,
      '—',
      'no retry',
    ],
  ];
}

function governanceTable(rows: PathRow[], worker: WorkerResult | null): Table {
  return {
    title: '1. Governance units per event (user event limit: 1,000 units)',
    head: ['path', 'suitehooks units', 'expected', 'outcome', 'hand-rolled units', 'hand-rolled outcome'],
    rows: [
      ...rows.map((r) => [r.path, range(r.o.units), r.bound, r.outcome(r.o), range(r.o.handRolled), r.handOutcome]),
      ...workerRows(worker),
    ],
    notes: [
      `Each path run ${REPEATS} times in one sandbox with both user events deployed on EMPLOYEE; units are what the sandbox's governance charged (NetSuite's unit costs, lib/core/governance.ts).`,
      'Hand-rolled: record.load of the employee (5) + https.post (10), unsigned, no retry; on delete it posts the old record (10).',
      `Retry worker rows: the run's units less its setup (${RETRY_UNITS.setup}: user event deployment search 10 + load 5, the endpoint records' search 10, two delivery searches 10 each) and its one N/cache call (${RETRY_UNITS.breaker}: closing the breaker); search columns hold 4,000 bytes (section_4345767112), a longer body is loaded.`,
    ],
  };
}

export async function governanceBench(): Promise<Table> {
  const sb = await startSandbox({ extra: [HAND_ROLLED] });
  const rows: PathRow[] = [];
  let worker: WorkerResult | null = null;
  try {
    worker = await measurePaths(sb, rows);
  } finally {
    await sb.close();
  }
  return governanceTable(rows, worker);
}
