/**
 * Reads a record into its canonical form through a narrow source interface, so the same code reads a
 * SuiteScript `Record` (through the bundle's adapter), a test fixture or a sandbox row.
 */
import type { FieldSpec } from './fields';
import { normalizeValue } from './normalize';
import type { CanonicalRecord } from './types';

export interface FieldSource {
  /** Whether the record carries the field at all (an xedit `newRecord` holds only edited fields). */
  has(nsId: string): boolean;
  value(nsId: string): unknown;
  /** Display text of a select (SuiteScript `getText`); may be unavailable. */
  text(nsId: string): unknown;
  /** Lines of a sublist's select field, or null when the record does not carry the sublist. */
  lines(sublistId: string, fieldId: string): { value: unknown; text: unknown }[] | null;
}

export interface ReadResult {
  record: CanonicalRecord;
  /** REST names of the fields the source carried. */
  present: Set<string>;
  /** Fields whose value could not be read or normalised, with the reason (no values: they may be personal). */
  problems: string[];
}

function safeText(source: FieldSource, nsId: string): unknown {
  try {
    return source.text(nsId);
  } catch {
    return null; // getText is unavailable for some values; the id alone is still a correct value.
  }
}

/**
 * A problem's reason without the value: the core's own TypeErrors say `not a …: <value>`, so the part
 * before the colon; anything else (a SuiteScript error may quote the value) only by its error code.
 */
function reason(e: unknown): string {
  if (e instanceof TypeError) return e.message.replace(/:[\s\S]*$/, '');
  const name = e && typeof e === 'object' && 'name' in e ? String(e.name) : '';
  return /^[A-Z][A-Z0-9_]{2,}$/.test(name) ? `unreadable (${name})` : 'unreadable';
}

export function readRecord(source: FieldSource, fields: readonly FieldSpec[]): ReadResult {
  const record: CanonicalRecord = {};
  const present = new Set<string>();
  const problems: string[] = [];
  for (const spec of fields) {
    try {
      if (spec.kind === 'sublist' && spec.sublist) {
        const lines = source.lines(spec.sublist.id, spec.sublist.field);
        if (lines === null) continue;
        present.add(spec.rest);
        record[spec.rest] = normalizeValue(
          spec,
          lines.map((l) => l.value),
          lines.map((l) => l.text),
        );
        continue;
      }
      if (!source.has(spec.nsId)) continue;
      present.add(spec.rest);
      const raw = source.value(spec.nsId);
      const needsText = spec.kind === 'select' || spec.kind === 'multiselect' || spec.kind === 'auto';
      record[spec.rest] = normalizeValue(spec, raw, needsText ? safeText(source, spec.nsId) : undefined);
    } catch (e) {
      record[spec.rest] = null;
      problems.push(`${spec.rest}: ${reason(e)}`);
    }
  }
  return { record, present, problems };
}
