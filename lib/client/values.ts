/** Field values typed on the command line or read from a CSV cell, turned into client input by field kind. */
import { resolveFieldOf, recordTypeEntry, type UserRecordType } from '../core';
import type { EmployeeInput } from './employees';

type Value = EmployeeInput[string];

const EMPLOYEE = recordTypeEntry('employee');

/**
 * A text value for a field of a registry type (the employee's by default): `null` clears; booleans
 * true/false/T/F; lists split on commas or semicolons.
 */
export function fieldValue(key: string, raw: unknown, type: UserRecordType = EMPLOYEE): Value {
  const spec = resolveFieldOf(type, key);
  if (!spec) throw new TypeError(`unknown ${type.label} field "${key}"`);
  if (raw === null || raw === 'null') return null;
  if (typeof raw !== 'string') return raw as Value; // JSON lines carry typed values already
  const text = raw.trim();
  switch (spec.kind) {
    case 'boolean':
      if (/^(true|t|yes|y|1)$/i.test(text)) return true;
      if (/^(false|f|no|n|0)$/i.test(text)) return false;
      throw new TypeError(`"${key}" takes true or false, not "${text.slice(0, 40)}"`);
    case 'sublist':
    case 'multiselect':
      return text === ''
        ? []
        : text
            .split(/[,;]/)
            .map((s) => s.trim())
            .filter((s) => s !== '');
    default:
      return text;
  }
}

/** `key=value` pairs (`--set title=Engineer --set department=Sales`). */
export function parseAssignments(pairs: readonly string[], type: UserRecordType = EMPLOYEE): EmployeeInput {
  const out: EmployeeInput = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new TypeError(`"${pair}" is not a field=value assignment`);
    const key = pair.slice(0, eq).trim();
    out[resolveFieldOf(type, key)?.rest ?? key] = fieldValue(key, pair.slice(eq + 1), type);
  }
  return out;
}
