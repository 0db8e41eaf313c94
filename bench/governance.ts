/**
 * Item 1, governance units per event: every path of the bundle's user event, counted by the sandbox at
 * NetSuite's unit costs, beside the hand-rolled pattern most accounts use (record.load of the employee,
 * then https.post), deployed in the same sandbox and fired by the same writes.
 */
import { PARAM, type CanonicalRecord } from '../lib/core';
import type { WriteContext } from '../lib/sandbox/account-types';
import { startSandbox, CSV, UE_DEPLOYMENT, UE_SCRIPT, UI, type BenchSandbox, type ExtraScript } from './sandbox';
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
  const storedBefore = account.customRecords('customrecord_suitehooks_delivery').length;
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
    stored: account.customRecords('customrecord_suitehooks_delivery').length - storedBefore,
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

export async function governanceBench(): Promise<Table> {
  const sb = await startSandbox({ extra: [HAND_ROLLED] });
  const { account, receiver } = sb;
  let n = 0;
  const person = (): CanonicalRecord => {
    n++;
    return { firstName: 'Bench', lastName: `Person ${n}`, email: `bench.${n}@example.com`, subsidiary: { id: '1', refName: null }, title: 'Engineer' };
  };
  const create = (ctx: WriteContext = UI) => account.createEmployee({ values: person(), replaceRoles: true }, ctx);
  const rows: { path: string; bound: string; o: Observed; outcome: (o: Observed) => string; handOutcome: string }[] = [];
  const path = async (name: string, bound: string, handOutcome: string, outcome: (o: Observed) => string, one: () => Promise<unknown>) => {
    const all: Observed[] = [];
    for (let i = 0; i < REPEATS; i++) all.push(await observe(sb, one));
    rows.push({ path: name, bound, o: merge(all), outcome, handOutcome });
  };
  const sent = (o: Observed) => `${o.signed} of ${REPEATS} delivered, signed`;
  const kept = (o: Observed) => `${o.stored} of ${REPEATS} kept for retry`;
  try {
    await path('create, inline, receiver up', 'floor 10 (one https.post)', 'posted unsigned', sent, () => create());
    const ids: string[] = [];
    for (let i = 0; i < REPEATS * 4; i++) ids.push(await create());
    let k = 0;
    await path('edit, inline, receiver up', 'floor 10', 'posted unsigned', sent, () => account.updateEmployee(ids[k++]!, { values: { title: `Title ${k}` } }, UI, 'edit'));
    await path('xedit (inline edit), receiver up', 'floor 10', 'posted unsigned', sent, () => account.updateEmployee(ids[k++]!, { values: { title: `Title ${k}` } }, UI, 'xedit'));
    await path('edit, no tracked field changed', '0 (nothing to send)', 'posted anyway', (o) => `${o.signed} sent (none due)`, () => account.updateEmployee(ids[0]!, { values: {} }, UI, 'edit'));
    receiver.status = 500;
    await path('edit, inline, receiver failing (500)', '10 + 6 (post, then delivery record create 2 + save 4)', 'event lost, no retry', kept, () =>
      account.updateEmployee(ids[k++]!, { values: { title: `Title ${k}` } }, UI, 'edit'),
    );
    receiver.status = 200;
    account.setParameter(UE_DEPLOYMENT, PARAM.deliveryMode, 'outbox');
    await path('edit, outbox mode', '6 (delivery record create 2 + save 4)', 'posted unsigned', kept, () => account.updateEmployee(ids[k++]!, { values: { title: `Title ${k}` } }, UI, 'edit'));
    account.setParameter(UE_DEPLOYMENT, PARAM.deliveryMode, 'auto');
    await path('create from CSV import, auto mode (→ outbox)', '6', 'posted unsigned', kept, () => create(CSV));
    account.setParameter(UE_DEPLOYMENT, PARAM.deliveryMode, 'inline');
    const doomed: string[] = [];
    for (let i = 0; i < REPEATS; i++) doomed.push(await create());
    await path('delete, inline, receiver up', 'floor 10', 'posted unsigned', sent, () => account.deleteEmployee(doomed.pop()!, UI));
  } finally {
    await sb.close();
  }
  return {
    title: '1. Governance units per event (user event limit: 1,000 units)',
    head: ['path', 'suitehooks units', 'expected', 'outcome', 'hand-rolled units', 'hand-rolled outcome'],
    rows: rows.map((r) => [r.path, range(r.o.units), r.bound, r.outcome(r.o), range(r.o.handRolled), r.handOutcome]),
    notes: [
      `Each path run ${REPEATS} times in one sandbox with both user events deployed on EMPLOYEE; units are what the sandbox's governance charged (NETSUITE-FACTS unit costs).`,
      'Hand-rolled: record.load of the employee (5) + https.post (10), unsigned, no retry; on delete it posts the old record (10).',
    ],
  };
}
