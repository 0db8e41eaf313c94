/**
 * A record collection filter (`?q=`, section_1545222128) as SQL over the employee table. Each field
 * takes the operators Oracle's table lists for its type: text CONTAIN/IS/START_WITH/END_WITH, boolean
 * IS, numbers (and select ids, `id`) ANY_OF/BETWEEN/EQUAL/GREATER/LESS…, dates AFTER/BEFORE/ON…, any
 * field EMPTY; each with its `_NOT` form. Date values are in the user's date format (`M/D/YYYY`: REST
 * filtering runs on N/query). What the sandbox does not implement (WITHIN, date-time values, multi-select
 * and sublist fields) is refused with a 400 naming `q`, never ignored.
 */
import type { FieldSpec, ValueKind } from '../../core';
import { NetSuiteError, type FilterCondition, type RecordFilter } from '../account/account-types';
import type { EmployeeSchema } from './employee-schema';

export interface SqlFilter {
  where: string;
  params: unknown[];
}

type Group = 'text' | 'boolean' | 'number' | 'date';

const GROUP_BY_KIND: Partial<Record<ValueKind, Group>> = {
  text: 'text',
  boolean: 'boolean',
  integer: 'number',
  float: 'number',
  select: 'number',
  date: 'date',
  datetime: 'date',
};

/** Operators (without `_NOT`) each field type takes, as section_1545222128 lists them. */
const OPERATORS: Record<Group, ReadonlySet<string>> = {
  text: new Set(['CONTAIN', 'IS', 'START_WITH', 'END_WITH', 'ENDWITH']),
  boolean: new Set(['IS']),
  number: new Set(['ANY_OF', 'BETWEEN', 'EQUAL', 'GREATER', 'GREATER_OR_EQUAL', 'LESS', 'LESS_OR_EQUAL', 'WITHIN']),
  date: new Set(['AFTER', 'BEFORE', 'ON', 'ON_OR_AFTER', 'ON_OR_BEFORE']),
};

const COMPARE: Record<string, string> = {
  EQUAL: '=',
  GREATER: '>',
  GREATER_OR_EQUAL: '>=',
  LESS: '<',
  LESS_OR_EQUAL: '<=',
  ON: '=',
  AFTER: '>',
  ON_OR_AFTER: '>=',
  BEFORE: '<',
  ON_OR_BEFORE: '<=',
};

/** Fields every record has besides the employee's own (`id`, `dateCreated` of Oracle's examples). */
const SYSTEM_FIELDS: FieldSpec[] = [
  { rest: 'id', nsId: 'id', column: 'id', kind: 'integer' },
  { rest: 'dateCreated', nsId: 'datecreated', column: 'datecreated', kind: 'datetime' },
];

const bad = (problem: string) =>
  new NetSuiteError(400, 'INVALID_PARAMETER', `Invalid value for the q parameter: ${problem}.`, 'q', 'query');

/** The field a condition names and the group of operators its kind takes. */
function findField(name: string, schema: EmployeeSchema): { spec: FieldSpec; group: Group } {
  const lower = name.toLowerCase();
  const spec = [...SYSTEM_FIELDS, ...schema.fields].find((f) => f.rest.toLowerCase() === lower || f.nsId === lower);
  if (!spec) throw bad(`unknown field ${name.slice(0, 60)} on employee`);
  const group = GROUP_BY_KIND[spec.kind];
  if (spec.column === null || group === undefined)
    throw bad(`the sandbox cannot filter by ${spec.rest} (${spec.kind} fields)`);
  return { spec, group };
}

function numberValue(v: { text: string; quoted: boolean }, integer: boolean): number {
  const n = /^-?\d+(\.\d+)?$/.test(v.text) ? Number(v.text) : NaN;
  if (!Number.isFinite(n) || (integer && !Number.isSafeInteger(n)))
    throw bad(`expected ${integer ? 'an integer' : 'a number'}`);
  return n;
}

/** `M/D/YYYY`, the user's date format (N/query dates), as `YYYY-MM-DD`; impossible dates refused. */
function dateValue(v: { text: string }): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v.text);
  const [month, day, year] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!m || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw bad('dates are written in the user\'s date format, M/D/YYYY (e.g. "1/31/2019"), and must exist');
  }
  return date.toISOString().slice(0, 10);
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The positive form of one condition (the caller negates `_NOT`). */
function positive(spec: FieldSpec, group: Group, op: string, values: FilterCondition['values']): SqlFilter {
  const col = spec.kind === 'datetime' ? `TO_CHAR(${spec.column}, 'YYYY-MM-DD')` : String(spec.column);
  if (op === 'EMPTY') return { where: `(${spec.column} IS NULL OR ${spec.column} = '')`, params: [] };
  const one = values[0];
  if (!one) throw bad(`${spec.rest} ${op} needs a value`);
  if (group === 'boolean') {
    if (one.text !== 'true' && one.text !== 'false') throw bad(`${spec.rest} takes true or false`);
    return { where: `${col} = ?`, params: [one.text === 'true' ? 'T' : 'F'] };
  }
  if (group === 'text') {
    if (op === 'IS') return { where: `lower(${col}) = lower(?)`, params: [one.text] };
    const pattern =
      op === 'CONTAIN'
        ? `%${likeEscape(one.text)}%`
        : op === 'START_WITH'
          ? `${likeEscape(one.text)}%`
          : `%${likeEscape(one.text)}`;
    return { where: `${col} LIKE ? ESCAPE '\\'`, params: [pattern] };
  }
  if (group === 'date') return { where: `${col} ${COMPARE[op]} ?`, params: [dateValue(one)] };
  if (op === 'WITHIN') throw bad('the sandbox does not implement WITHIN; use BETWEEN');
  const nums = values.map((v) => numberValue(v, spec.kind !== 'float'));
  if (op === 'ANY_OF') return { where: `${col} IN (${nums.map(() => '?').join(', ')})`, params: nums };
  if (op === 'BETWEEN') return { where: `${col} BETWEEN ? AND ?`, params: [Math.min(...nums), Math.max(...nums)] };
  return { where: `${col} ${COMPARE[op]} ?`, params: nums };
}

function condition(c: FilterCondition, schema: EmployeeSchema): SqlFilter {
  const { spec, group } = findField(c.field, schema);
  const negated = c.operator.endsWith('_NOT');
  const base = negated ? c.operator.slice(0, -4) : c.operator;
  if (base !== 'EMPTY' && !OPERATORS[group].has(base))
    throw bad(`${c.operator} does not apply to ${spec.rest} (a ${spec.kind} field)`);
  const sql = positive(spec, group, base === 'ENDWITH' ? 'END_WITH' : base, c.values);
  // A negated condition also matches empty fields (where the positive one is unknown).
  return negated ? { where: `NOT coalesce((${sql.where}), 0)`, params: sql.params } : sql;
}

/** The filter as a WHERE clause over `employee` with bound parameters; 400 naming `q` for what it cannot apply. */
export function employeeFilterSql(filter: RecordFilter, schema: EmployeeSchema): SqlFilter {
  if (filter.kind === 'condition') return condition(filter, schema);
  const parts = filter.parts.map((p) => employeeFilterSql(p, schema));
  return {
    where: parts.map((p) => `(${p.where})`).join(filter.kind === 'and' ? ' AND ' : ' OR '),
    params: parts.flatMap((p) => p.params),
  };
}
