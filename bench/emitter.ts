/**
 * Item 4, emitter CPU: what the user event does per event in JavaScript (read and normalise both
 * records, diff, envelope, body, signing input and headers) for a 60-field employee with 10 roles, as a
 * ratio to one JSON.stringify of the same record. The HMAC runs in N/crypto and is not part of it.
 */
import {
  buildEvent,
  detectLifecycle,
  detectWarnings,
  diffRecords,
  makeEventId,
  readRecord,
  serializeEvent,
  signingInput,
  webhookHeaders,
  type CanonicalRecord,
  type FieldSpec,
  type PayloadMode,
} from '../lib/core';
import { benchFields, rawEmployee, sourceOf, ROLE_LINES, TRACKED_FIELDS } from './employee-fixture';
import { fmt, keep, nsPerCall, type Table } from './table';

const ORIGIN = { executionContext: 'USERINTERFACE', user: { id: '-5' }, role: { id: '3' } };

function emit(fields: FieldSpec[], oldRec: CanonicalRecord, newRec: CanonicalRecord, payloadMode: PayloadMode): string {
  const diff = diffRecords(oldRec, newRec, fields);
  const sequence = Date.parse(String(newRec.lastModifiedDate));
  const id = makeEventId('4711', sequence, 'k3j9x0aa');
  const event = buildEvent({
    id,
    account: '1234567_SB1',
    recordType: 'employee',
    recordId: '4711',
    changeType: 'update',
    eventType: 'edit',
    committedAt: new Date(sequence),
    diff,
    record: newRec,
    payloadMode,
    lifecycle: detectLifecycle('update', oldRec, newRec),
    warnings: detectWarnings(newRec),
    origin: ORIGIN,
    sequence,
  });
  const body = serializeEvent(event);
  const ts = Math.floor(sequence / 1000);
  const input = signingInput(id, ts, body);
  keep(webhookHeaders(id, ts, ['c2lnbmF0dXJl']));
  return input;
}

export function emitterBench(quick: boolean): Table {
  const fields = benchFields();
  const rawOld = rawEmployee(fields, 0);
  const rawNew = rawEmployee(fields, 1);
  const oldRec = readRecord(sourceOf(rawOld), fields).record;
  const newRec = readRecord(sourceOf(rawNew), fields).record;
  const changed = diffRecords(oldRec, newRec, fields).changedFields.length;
  const n = quick ? 2_000 : 10_000;

  const stringify = nsPerCall(() => JSON.stringify(newRec), n);
  const read = nsPerCall(() => [readRecord(sourceOf(rawOld), fields), readRecord(sourceOf(rawNew), fields)], n);
  const diff = nsPerCall(() => diffRecords(oldRec, newRec, fields), n);
  const full = nsPerCall(() => emit(fields, oldRec, newRec, 'full'), n);
  const changes = nsPerCall(() => emit(fields, oldRec, newRec, 'changes'), n);
  const bodyBytes = Buffer.byteLength(emit(fields, oldRec, newRec, 'full'));

  const us = (ns: number) => fmt(ns / 1000, 1);
  const ratio = (ns: number) => `${fmt(ns / stringify, 1)}×`;
  return {
    title: '4. Emitter CPU per event (60-field employee, 10 roles)',
    head: ['step', 'µs per event', 'ratio to one JSON.stringify'],
    rows: [
      ['JSON.stringify of the record (baseline)', us(stringify), '1.0×'],
      ['read + normalise old and new records', us(read), ratio(read)],
      ['diff only', us(diff), ratio(diff)],
      ['diff + envelope + body + signing input (payload full)', us(full), ratio(full)],
      ['diff + envelope + body + signing input (payload changes)', us(changes), ratio(changes)],
      ['whole emitter, payload full (read + the above)', us(read + full), ratio(read + full)],
    ],
    notes: [
      `${TRACKED_FIELDS} tracked fields (${fields.filter((f) => f.rest.startsWith('custentity')).length} custom custentity_… fields of 7 kinds), ${ROLE_LINES} role lines; an edit changing ${changed} fields (a role added); signed body ${fmt(bodyBytes)} bytes.`,
      `Median of 5 batches of ${fmt(n)} calls after a warm-up batch, on this machine's Node ${process.version}; the HMAC runs in N/crypto and is not included.`,
    ],
  };
}
