/**
 * A 60-field employee with 10 roles (the standard fields plus `custentity_…` custom fields of every
 * declarable kind), as SuiteScript hands it over (`getValue`/`getText`), for the emitter benchmark.
 */
import { EMPLOYEE_FIELDS, resolveField, type FieldSpec, type FieldSource } from '../lib/core';

export const TRACKED_FIELDS = 60;
export const ROLE_LINES = 10;

const CUSTOM_KINDS = ['text', 'boolean', 'date', 'integer', 'select', 'multiselect', 'float'] as const;

/** The tracked fields: every standard field (roles included) and enough custom fields to reach 60. */
export function benchFields(): FieldSpec[] {
  const fields: FieldSpec[] = [...EMPLOYEE_FIELDS];
  for (let i = 0; fields.length < TRACKED_FIELDS; i++) {
    const spec = resolveField(`custentity_bench_${i}:${CUSTOM_KINDS[i % CUSTOM_KINDS.length]}`);
    if (!spec) throw new Error(`custom field ${i} did not resolve`);
    fields.push(spec);
  }
  return fields;
}

export interface RawRecord {
  values: Map<string, unknown>;
  texts: Map<string, unknown>;
  roles: { value: string; text: string }[];
}

/** Raw SuiteScript-style values; `variant` changes a few fields and adds a role (an ordinary edit). */
export function rawEmployee(fields: readonly FieldSpec[], variant: 0 | 1): RawRecord {
  const values = new Map<string, unknown>();
  const texts = new Map<string, unknown>();
  fields.forEach((f, i) => {
    const changed = variant === 1 && i % 12 === 3; // 5 of 60 fields differ between old and new
    switch (f.kind) {
      case 'text':
        values.set(f.nsId, `${f.nsId} value ${changed ? 'new' : 'old'} ${i}`);
        break;
      case 'boolean':
        values.set(f.nsId, changed ? i % 2 === 0 : i % 2 === 1);
        break;
      case 'date':
        values.set(f.nsId, new Date(2024, (i % 12) + (changed ? 1 : 0), 1 + (i % 27)));
        break;
      case 'datetime':
        values.set(f.nsId, new Date(Date.UTC(2026, 10, 27, 12, 0, variant)));
        break;
      case 'integer':
      case 'float':
        values.set(f.nsId, (changed ? 1000 : 0) + i * (f.kind === 'float' ? 1.5 : 1));
        break;
      case 'select':
        values.set(f.nsId, String(100 + i + (changed ? 1 : 0)));
        texts.set(f.nsId, `Name of ${100 + i + (changed ? 1 : 0)}`);
        break;
      case 'multiselect':
        values.set(f.nsId, ['1', '2', changed ? '4' : '3']);
        texts.set(f.nsId, ['One', 'Two', changed ? 'Four' : 'Three']);
        break;
      default:
        break; // the roles sublist below
    }
  });
  const roles = Array.from({ length: ROLE_LINES - 1 + variant }, (_, i) => ({
    value: String(1000 + i),
    text: `Role ${i}`,
  }));
  return { values, texts, roles };
}

/** The core's FieldSource over a raw record, as the bundle's adapter over an N/record Record. */
export function sourceOf(raw: RawRecord): FieldSource {
  return {
    has: (nsId) => raw.values.has(nsId) || nsId === 'roles',
    value: (nsId) => raw.values.get(nsId),
    text: (nsId) => raw.texts.get(nsId),
    lines: (sublistId) => (sublistId === 'roles' ? raw.roles.map((r) => ({ value: r.value, text: r.text })) : null),
  };
}
