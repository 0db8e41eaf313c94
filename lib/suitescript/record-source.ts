/** The core's `FieldSource` over a SuiteScript `N/record` Record (getValue/getText cost no units). */
import type { Record } from 'N/record';
import type { FieldSource } from '../core/read-record';

/**
 * `partial` marks an xedit `newRecord`: it carries only the edited fields (`getFields()`) and no
 * sublists, so everything else is "not present" rather than cleared.
 */
export function recordSource(rec: Record, partial: boolean): FieldSource {
  const fields = partial ? new Set(rec.getFields()) : null;
  const sublists = partial ? new Set(rec.getSublists()) : null;
  return {
    has: (nsId) => fields === null || fields.has(nsId),
    value: (nsId) => rec.getValue({ fieldId: nsId }),
    text: (nsId) => rec.getText({ fieldId: nsId }),
    lines(sublistId, fieldId) {
      if (sublists !== null && !sublists.has(sublistId)) return null;
      const lines: { value: unknown; text: unknown }[] = [];
      const count = rec.getLineCount({ sublistId }); // -1 when the record has no such sublist
      for (let line = 0; line < count; line++) {
        lines.push({
          value: rec.getSublistValue({ sublistId, fieldId, line }),
          text: rec.getSublistText({ sublistId, fieldId, line }),
        });
      }
      return lines;
    },
  };
}
