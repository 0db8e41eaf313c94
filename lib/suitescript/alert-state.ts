/** The alerts' durable state: one small custom record per kind (created on first use). */
import * as record from 'N/record';
import { ALERT_FIELD as F, ALERT_RECORD } from '../core/alert-config';
import type { AlertKind, AlertState } from '../core/alert-rules';
import { rows } from './console/suiteql';

export interface StoredState extends AlertState {
  /** Internal id of the state record, null until first saved. */
  id: string | null;
}

function ms(value: unknown): number | null {
  return value instanceof Date ? value.getTime() : null;
}

/** 10 units + 2 per kind stored. */
export function loadStates(): Map<AlertKind, StoredState> {
  const out = new Map<AlertKind, StoredState>();
  for (const row of rows({ query: `SELECT id, ${F.kind} AS kind FROM ${ALERT_RECORD} ORDER BY id`, params: [] })) {
    const kind = String(row.kind) as AlertKind;
    if (out.has(kind)) continue;
    const rec = record.load({ type: ALERT_RECORD, id: String(row.id) });
    out.set(kind, {
      id: String(row.id),
      lastSent: ms(rec.getValue({ fieldId: F.lastSent })),
      mark: ms(rec.getValue({ fieldId: F.mark })),
    });
  }
  return out;
}

/** 2 units (6 the first time: create 2 + save 4). Only when something changed. */
export function saveState(kind: AlertKind, before: StoredState, next: AlertState): void {
  if (before.id !== null && before.lastSent === next.lastSent && before.mark === next.mark) return;
  const values = {
    [F.lastSent]: next.lastSent === null ? '' : new Date(next.lastSent),
    [F.mark]: next.mark === null ? '' : new Date(next.mark),
  };
  if (before.id !== null) {
    record.submitFields({
      type: ALERT_RECORD,
      id: before.id,
      values,
      options: { enableSourcing: false, ignoreMandatoryFields: true },
    });
    return;
  }
  const rec = record.create({ type: ALERT_RECORD });
  rec.setValue({ fieldId: 'name', value: `suitehooks alert: ${kind}` });
  rec.setValue({ fieldId: F.kind, value: kind });
  for (const [fieldId, value] of Object.entries(values)) if (value !== '') rec.setValue({ fieldId, value });
  rec.save();
}
