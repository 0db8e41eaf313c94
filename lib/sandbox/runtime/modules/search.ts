/**
 * `N/search` over stored tables: `create({ type, filters, columns }).run()` with `each`/`getRange`,
 * filter expressions and Filter objects, sorted columns, and `lookupFields`. Filters become SQL;
 * results are read when a page is fetched, as NetSuite does.
 */
import { UNIT_COST } from '../../../core/governance';
import { formatDate, formatDateTime, isDate, ymdIn } from '../ns-format';
import { employeeSpec, type FieldKind } from '../record-model';
import { customRecordSpec, deploymentSpec, type TableSpec } from '../../records/record-types';
import { scheduledScriptInstanceSpec } from './search-instances';
import { requireRecordAccess, requireRolePermission } from '../../account/permissions';
import type { RecordSchema } from '../../records/employee-schema';
import type { ScriptEnv } from '../script-env';

interface Column {
  name: string;
  join: string | null;
  summary: string | null;
  sort: string;
  label: string | null;
}

interface Filter {
  name: string;
  operator: string;
  values: unknown[];
}

const SORT = Object.freeze({ ASC: 'ASC', DESC: 'DESC', NONE: 'NONE' });
const OPERATOR = Object.freeze(
  Object.fromEntries(
    [
      'AFTER',
      'ALLWORDS',
      'ANY',
      'ANYOF',
      'BEFORE',
      'BETWEEN',
      'CONTAINS',
      'DOESNOTCONTAIN',
      'DOESNOTSTARTWITH',
      'EQUALTO',
      'GREATERTHAN',
      'GREATERTHANOREQUALTO',
      'HASKEYWORDS',
      'IS',
      'ISEMPTY',
      'ISNOT',
      'ISNOTEMPTY',
      'LESSTHAN',
      'LESSTHANOREQUALTO',
      'NONEOF',
      'NOTAFTER',
      'NOTBEFORE',
      'NOTEQUALTO',
      'NOTON',
      'ON',
      'ONORAFTER',
      'ONORBEFORE',
      'STARTSWITH',
    ].map((o) => [o, o.toLowerCase()]),
  ),
);

/** Text columns in search results hold at most 4,000 bytes (section_4345767112, section_N3352288). */
const TEXT_COLUMN_BYTES = 4000;

/** A text value as a search result or lookupFields shows it: cut at 4,000 UTF-8 bytes, on a character boundary. */
function clipText(text: string): string {
  if (text.length * 3 <= TEXT_COLUMN_BYTES) return text;
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= TEXT_COLUMN_BYTES) return text;
  let end = TEXT_COLUMN_BYTES;
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--; // back to the first byte of the character cut
  return bytes.subarray(0, end).toString('utf8');
}

/** A login record type's table (employee, vendor, partner, customer: the core's registry). */
function employeeTable(env: ScriptEnv, schema: RecordSchema): TableSpec {
  const spec = employeeSpec(env.services.db, schema);
  return {
    ...spec,
    table: schema.type.id,
    column: (id) => (id === 'internalid' || id === 'id' ? 'id' : (schema.byNsId.get(id)?.column ?? null)),
  };
}

/** A joined column is named `<join>.<field>`, as filter expressions name it. */
function toColumn(c: unknown): Column {
  if (typeof c === 'string') return { name: c.toLowerCase(), join: null, summary: null, sort: 'NONE', label: null };
  const o = c as Partial<Column>;
  const name = String(o.name).toLowerCase();
  const join = o.join ? String(o.join).toLowerCase() : null;
  return {
    name: join && !name.includes('.') ? `${join}.${name}` : name,
    join,
    summary: o.summary ?? null,
    sort: String(o.sort ?? 'NONE').toUpperCase(),
    label: o.label ?? null,
  };
}

/** A filter value as the stored form it is compared with. */
function comparable(kind: FieldKind | null, v: unknown): unknown {
  if (kind === 'boolean') return v === true || v === 'T' ? 'T' : 'F';
  if (kind === 'date' || kind === 'datetime') {
    const d = isDate(v) ? v : new Date(String(v));
    if (Number.isNaN(d.getTime())) return String(v);
    return kind === 'date' ? ymdIn(d.getTime()) : d.toISOString();
  }
  if (kind === 'integer' || kind === 'float' || kind === 'select') return Number(v);
  return v;
}

/** The table a search type reads; custom records need the role's View permission, deployments and runs SuiteScript. */
function specFor(env: ScriptEnv, type: string): TableSpec {
  const t = type.toLowerCase();
  const login = env.services.recordSchemas.get(t);
  if (login) return employeeTable(env, login);
  if (t === 'scriptdeployment' || t === 'scheduledscriptinstance') {
    requireRolePermission(env, 'SUITESCRIPT');
    return t === 'scriptdeployment' ? deploymentSpec() : scheduledScriptInstanceSpec();
  }
  const custom = env.services.recordTypes.get(t);
  if (!custom) throw env.raise('SSS_INVALID_SRCH_TYPE', `An nlobjSearch contains an invalid search type: ${type}`);
  requireRecordAccess(env, t, 'VIEW');
  return customRecordSpec(env.services.db, custom);
}

function columnOf(env: ScriptEnv, spec: TableSpec, name: string): string {
  const col = spec.column(name);
  if (!col) throw env.raise('SSS_INVALID_SRCH_COL', `An nlobjSearchColumn contains an invalid column: ${name}`);
  return col;
}

/** Operators that compare the column with one value. */
const COMPARISON: ReadonlyMap<string, string> = new Map([
  ['equalto', '='],
  ['on', '='],
  ['notequalto', '<>'],
  ['noton', '<>'],
  ['lessthan', '<'],
  ['before', '<'],
  ['lessthanorequalto', '<='],
  ['onorbefore', '<='],
  ['notafter', '<='],
  ['greaterthan', '>'],
  ['after', '>'],
  ['greaterthanorequalto', '>='],
  ['onorafter', '>='],
  ['notbefore', '>='],
]);

/** `anyof` / `noneof`, where `@NONE@` stands for an empty value. */
function listCondition(col: string, op: string, kind: FieldKind | null, values: unknown[], params: unknown[]): string {
  const none = values.some((v) => v === '@NONE@');
  const ids = values.filter((v) => v !== '@NONE@');
  ids.forEach((v) => params.push(comparable(kind, v)));
  const inList = ids.length ? `${col} IN (${ids.map(() => '?').join(', ')})` : '0';
  const expr = none ? `(${inList} OR ${col} IS NULL)` : inList;
  return op === 'anyof' ? expr : `NOT ${expr}`;
}

/** One filter as SQL, its values appended to `params`. */
function condition(env: ScriptEnv, spec: TableSpec, f: Filter, params: unknown[]): string {
  const name = f.name.toLowerCase();
  const col = columnOf(env, spec, name);
  const kind = name === 'internalid' || name === 'id' ? 'integer' : spec.kind(name);
  const op = f.operator.toLowerCase();
  const values = f.values.flat();
  const one = () => {
    params.push(comparable(kind, values[0]));
    return '?';
  };
  const comparison = COMPARISON.get(op);
  if (comparison) return `${col} ${comparison} ${one()}`;
  switch (op) {
    case 'is':
      return kind === 'text' ? `${col} = ${one()} COLLATE NOCASE` : `${col} = ${one()}`;
    case 'isnot':
      return kind === 'text'
        ? `(${col} IS NULL OR ${col} <> ${one()} COLLATE NOCASE)`
        : `(${col} IS NULL OR ${col} <> ${one()})`;
    case 'anyof':
    case 'noneof':
      return listCondition(col, op, kind, values, params);
    case 'isempty':
      return `(${col} IS NULL OR ${col} = '')`;
    case 'isnotempty':
      return `(${col} IS NOT NULL AND ${col} <> '')`;
    case 'between':
      params.push(comparable(kind, values[0]), comparable(kind, values[1]));
      return `${col} BETWEEN ? AND ?`;
    case 'contains':
    case 'doesnotcontain':
    case 'startswith':
    case 'doesnotstartwith':
      params.push(`${op.includes('contain') ? '%' : ''}${String(values[0]).replace(/[%_]/g, '')}%`);
      return `${op.startsWith('doesnot') ? 'NOT ' : ''}${col} LIKE ?`;
    default:
      throw env.raise('SSS_INVALID_SRCH_OPERATOR', `An nlobjSearchFilter contains an invalid operator: ${f.operator}`);
  }
}

/** A filter expression (`[[a,'is',x],'AND',[b,'anyof',1,2]]`, 'NOT', or one condition) as SQL. */
function expression(env: ScriptEnv, spec: TableSpec, expr: unknown[], params: unknown[]): string {
  if (
    typeof expr[0] === 'string' &&
    typeof expr[1] === 'string' &&
    !['and', 'or', 'not'].includes(expr[0].toLowerCase())
  ) {
    return condition(env, spec, { name: expr[0], operator: expr[1], values: expr.slice(2) }, params);
  }
  const parts: string[] = [];
  for (const item of expr) {
    if (typeof item === 'string') {
      const word = item.toUpperCase();
      if (word !== 'AND' && word !== 'OR' && word !== 'NOT')
        throw env.raise('SSS_INVALID_SRCH_FILTER_EXPR', `Malformed search filter expression: ${item}`);
      parts.push(word);
    } else if (Array.isArray(item)) parts.push(`(${expression(env, spec, item, params)})`);
    else parts.push(`(${condition(env, spec, item as Filter, params)})`);
  }
  return parts.join(' ');
}

/** Filter objects (ANDed) or a filter expression as a WHERE clause; '' for none. */
function where(env: ScriptEnv, spec: TableSpec, filters: unknown, params: unknown[]): string {
  if (!filters || (Array.isArray(filters) && filters.length === 0)) return '';
  const list = Array.isArray(filters) ? filters : [filters];
  const isObjects = list.every((f) => f && typeof f === 'object' && !Array.isArray(f));
  const sql = isObjects
    ? list.map((f) => `(${condition(env, spec, f as Filter, params)})`).join(' AND ')
    : expression(env, spec, list, params);
  return ` WHERE ${sql}`;
}

/** The value a search result or lookupFields shows: text forms for dates and numbers. */
function shown(kind: FieldKind | null, raw: unknown, timeZone: string): unknown {
  if (kind === 'boolean') return raw === 'T';
  if (raw === null || raw === undefined) return '';
  if (kind === 'date') return formatDate(String(raw));
  if (kind === 'datetime') return formatDateTime(Date.parse(String(raw)), timeZone);
  return kind === 'text' || kind === null ? clipText(String(raw)) : String(raw);
}

function searchResult(
  spec: TableSpec,
  type: string,
  row: Record<string, unknown>,
  columns: Column[],
  timeZone: string,
) {
  return {
    id: String(row.id),
    recordType: type,
    columns,
    getValue(c: unknown) {
      const name = toColumn(c).name;
      if (name === 'internalid') return String(row.id);
      return shown(spec.kind(name), row[spec.column(name) ?? name], timeZone);
    },
    getText(c: unknown) {
      const name = toColumn(c).name;
      const raw = row[spec.column(name) ?? name];
      return raw === null || raw === undefined
        ? ''
        : spec.kind(name) === 'select'
          ? (spec.text(name, raw) ?? String(raw))
          : null;
    },
  };
}

/**
 * ORDER BY for the sorted columns, then id. Oracle's order underneath: empty values last when
 * ascending, first when descending (or, for a test, the other way round).
 */
function orderBy(env: ScriptEnv, spec: TableSpec, cols: readonly Column[]): string {
  const emptyLast = (c: Column) => (c.sort === 'ASC') !== env.services.emptyValuesFirst;
  const order = cols
    .filter((c) => c.sort === 'ASC' || c.sort === 'DESC')
    .map((c) => `${columnOf(env, spec, c.name)} ${c.sort} NULLS ${emptyLast(c) ? 'LAST' : 'FIRST'}`);
  return [...order, 'id ASC'].join(', ');
}

/** `search.create(options)`: the search, whose `run()` reads a page when one is asked for. */
function createSearch(env: ScriptEnv, options: unknown) {
  const { type, filters, columns } = (options ?? {}) as { type: string; filters?: unknown; columns?: unknown[] };
  const spec = specFor(env, String(type));
  const cols = (columns ?? []).map(toColumn);
  for (const c of cols) if (c.name !== 'internalid') columnOf(env, spec, c.name);
  const fetch = (start: number, end: number) => {
    const params: unknown[] = [];
    const sql = `SELECT * FROM ${spec.table}${where(env, spec, filters, params)} ORDER BY ${orderBy(env, spec, cols)} LIMIT ${end - start} OFFSET ${start}`;
    return (env.services.db.prepare(sql).all(...params) as Record<string, unknown>[]).map((row) =>
      searchResult(spec, String(type), row, cols, env.services.timeZone),
    );
  };
  const run = () => ({
    columns: cols,
    getRange(o: unknown) {
      const { start, end } = (o ?? {}) as { start: number; end: number };
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end - start > 1000) {
        throw env.raise('SSS_INVALID_SEARCH_RESULT_INDEX', 'The search result range must hold 1 to 1000 results.');
      }
      env.governance.charge(UNIT_COST.resultSetPage);
      return fetch(start, end);
    },
    each(callback: (r: unknown) => unknown) {
      env.governance.charge(UNIT_COST.resultSetPage);
      for (const r of fetch(0, 4000)) if (callback(r) !== true) break;
    },
  });
  return { searchType: type, filters, columns: cols, run };
}

/** `search.lookupFields`: one record's values as search shows them; selects as `[{ value, text }]`. */
function lookupFields(env: ScriptEnv, options: unknown): Record<string, unknown> {
  const { type, id, columns } = (options ?? {}) as { type: string; id: unknown; columns: string | string[] };
  env.governance.charge(UNIT_COST.lookupFields);
  const spec = specFor(env, String(type));
  const row = env.services.db.prepare(`SELECT * FROM ${spec.table} WHERE id = ?`).get(Number(id)) as
    Record<string, unknown> | undefined;
  if (!row) throw env.raise('SSS_INVALID_RECORD_ID', `That record does not exist: ${type} ${String(id)}`);
  const out: Record<string, unknown> = {};
  for (const name of (Array.isArray(columns) ? columns : [columns]).map((c) => String(c).toLowerCase())) {
    const kind = spec.kind(name);
    const raw = row[columnOf(env, spec, name)];
    if (kind === 'select' || kind === 'multiselect') {
      const ids = raw === null || raw === undefined || raw === '' ? [] : String(raw).split(',');
      out[name] = ids.map((v) => ({ value: v, text: spec.text(name, v) ?? v }));
    } else out[name] = shown(kind, raw, env.services.timeZone);
  }
  return out;
}

export function createSearchModule(env: ScriptEnv): Record<string, unknown> {
  return {
    create: (options: unknown) => createSearch(env, options),
    lookupFields: (options: unknown) => lookupFields(env, options),
    createColumn: (o: unknown) => toColumn(o),
    createFilter: (o: unknown) => {
      const { name, operator, values } = (o ?? {}) as { name: string; operator: string; values?: unknown };
      return { name, operator, values: values === undefined ? [] : Array.isArray(values) ? values : [values] };
    },
    Sort: SORT,
    Operator: OPERATOR,
    Type: Object.freeze({
      EMPLOYEE: 'employee',
      VENDOR: 'vendor',
      PARTNER: 'partner',
      CUSTOMER: 'customer',
      SCRIPT_DEPLOYMENT: 'scriptdeployment',
    }),
  };
}
