/**
 * `N/search` over stored tables: `create({ type, filters, columns }).run()` with `each`/`getRange`,
 * filter expressions and Filter objects, sorted columns, and `lookupFields`. Filters become SQL;
 * results are read when a page is fetched, as NetSuite does.
 */
import { UNIT_COST } from '../governance';
import { formatDate, formatDateTime, isDate, ymdIn } from '../ns-format';
import { employeeSpec, type FieldKind } from '../record-model';
import { customRecordSpec, deploymentSpec, type TableSpec } from '../../records/record-types';
import { scheduledScriptInstanceSpec } from './search-instances';
import { requireRecordAccess } from '../../account/permissions';
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
    ['AFTER', 'ALLWORDS', 'ANY', 'ANYOF', 'BEFORE', 'BETWEEN', 'CONTAINS', 'DOESNOTCONTAIN', 'DOESNOTSTARTWITH', 'EQUALTO', 'GREATERTHAN',
      'GREATERTHANOREQUALTO', 'HASKEYWORDS', 'IS', 'ISEMPTY', 'ISNOT', 'ISNOTEMPTY', 'LESSTHAN', 'LESSTHANOREQUALTO', 'NONEOF', 'NOTAFTER',
      'NOTBEFORE', 'NOTEQUALTO', 'NOTON', 'ON', 'ONORAFTER', 'ONORBEFORE', 'STARTSWITH'].map((o) => [o, o.toLowerCase()]),
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
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--; // back to the first byte of the character cut
  return bytes.subarray(0, end).toString('utf8');
}

function employeeTable(env: ScriptEnv): TableSpec {
  const schema = env.services.employeeSchema;
  const spec = employeeSpec(env.services.db, schema);
  return { ...spec, table: 'employee', column: (id) => (id === 'internalid' || id === 'id' ? 'id' : schema.byNsId.get(id)?.column ?? null) };
}

/** A joined column is named `<join>.<field>`, as filter expressions name it. */
function toColumn(c: unknown): Column {
  if (typeof c === 'string') return { name: c.toLowerCase(), join: null, summary: null, sort: 'NONE', label: null };
  const o = c as Partial<Column>;
  const name = String(o.name).toLowerCase();
  const join = o.join ? String(o.join).toLowerCase() : null;
  return { name: join && !name.includes('.') ? `${join}.${name}` : name, join, summary: o.summary ?? null, sort: String(o.sort ?? 'NONE').toUpperCase(), label: o.label ?? null };
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

export function createSearchModule(env: ScriptEnv): Record<string, unknown> {
  const { services } = env;
  const { db } = services;

  const specFor = (type: string): TableSpec => {
    const t = type.toLowerCase();
    if (t === 'employee') return employeeTable(env);
    if (t === 'scriptdeployment') return deploymentSpec();
    if (t === 'scheduledscriptinstance') return scheduledScriptInstanceSpec();
    const custom = services.recordTypes.get(t);
    if (!custom) throw env.raise('SSS_INVALID_SRCH_TYPE', `An nlobjSearch contains an invalid search type: ${type}`);
    requireRecordAccess(env, t, 'VIEW');
    return customRecordSpec(db, custom);
  };

  const columnOf = (spec: TableSpec, name: string): string => {
    const col = spec.column(name);
    if (!col) throw env.raise('SSS_INVALID_SRCH_COL', `An nlobjSearchColumn contains an invalid column: ${name}`);
    return col;
  };

  const condition = (spec: TableSpec, f: Filter, params: unknown[]): string => {
    const name = f.name.toLowerCase();
    const col = columnOf(spec, name);
    const kind = name === 'internalid' || name === 'id' ? 'integer' : spec.kind(name);
    const op = f.operator.toLowerCase();
    const values = f.values.flat();
    const one = () => {
      params.push(comparable(kind, values[0]));
      return '?';
    };
    switch (op) {
      case 'is':
        return kind === 'text' ? `${col} = ${one()} COLLATE NOCASE` : `${col} = ${one()}`;
      case 'isnot':
        return kind === 'text' ? `(${col} IS NULL OR ${col} <> ${one()} COLLATE NOCASE)` : `(${col} IS NULL OR ${col} <> ${one()})`;
      case 'anyof':
      case 'noneof': {
        const none = values.some((v) => v === '@NONE@');
        const ids = values.filter((v) => v !== '@NONE@');
        ids.forEach((v) => params.push(comparable(kind, v)));
        const inList = ids.length ? `${col} IN (${ids.map(() => '?').join(', ')})` : '0';
        const expr = none ? `(${inList} OR ${col} IS NULL)` : inList;
        return op === 'anyof' ? expr : `NOT ${expr}`;
      }
      case 'isempty':
        return `(${col} IS NULL OR ${col} = '')`;
      case 'isnotempty':
        return `(${col} IS NOT NULL AND ${col} <> '')`;
      case 'equalto':
      case 'on':
        return `${col} = ${one()}`;
      case 'notequalto':
      case 'noton':
        return `${col} <> ${one()}`;
      case 'lessthan':
      case 'before':
        return `${col} < ${one()}`;
      case 'lessthanorequalto':
      case 'onorbefore':
      case 'notafter':
        return `${col} <= ${one()}`;
      case 'greaterthan':
      case 'after':
        return `${col} > ${one()}`;
      case 'greaterthanorequalto':
      case 'onorafter':
      case 'notbefore':
        return `${col} >= ${one()}`;
      case 'between':
        params.push(comparable(kind, values[0]), comparable(kind, values[1]));
        return `${col} BETWEEN ? AND ?`;
      case 'contains':
      case 'doesnotcontain':
      case 'startswith':
      case 'doesnotstartwith': {
        params.push(`${op.includes('contain') ? '%' : ''}${String(values[0]).replace(/[%_]/g, '')}%`);
        return `${op.startsWith('doesnot') ? 'NOT ' : ''}${col} LIKE ?`;
      }
      default:
        throw env.raise('SSS_INVALID_SRCH_OPERATOR', `An nlobjSearchFilter contains an invalid operator: ${f.operator}`);
    }
  };

  /** A filter expression (`[[a,'is',x],'AND',[b,'anyof',1,2]]`, 'NOT', or one condition) as SQL. */
  const expression = (spec: TableSpec, expr: unknown[], params: unknown[]): string => {
    if (typeof expr[0] === 'string' && typeof expr[1] === 'string' && !['and', 'or', 'not'].includes(expr[0].toLowerCase())) {
      return condition(spec, { name: expr[0], operator: expr[1], values: expr.slice(2) }, params);
    }
    const parts: string[] = [];
    for (const item of expr) {
      if (typeof item === 'string') {
        const word = item.toUpperCase();
        if (word !== 'AND' && word !== 'OR' && word !== 'NOT') throw env.raise('SSS_INVALID_SRCH_FILTER_EXPR', `Malformed search filter expression: ${item}`);
        parts.push(word);
      } else if (Array.isArray(item)) parts.push(`(${expression(spec, item, params)})`);
      else parts.push(`(${condition(spec, item as Filter, params)})`);
    }
    return parts.join(' ');
  };

  const where = (spec: TableSpec, filters: unknown, params: unknown[]): string => {
    if (!filters || (Array.isArray(filters) && filters.length === 0)) return '';
    const list = Array.isArray(filters) ? filters : [filters];
    const isObjects = list.every((f) => f && typeof f === 'object' && !Array.isArray(f));
    const sql = isObjects ? list.map((f) => `(${condition(spec, f as Filter, params)})`).join(' AND ') : expression(spec, list, params);
    return ` WHERE ${sql}`;
  };

  /** The value a search result or lookupFields shows: text forms for dates and numbers. */
  const shown = (kind: FieldKind | null, raw: unknown): unknown => {
    if (kind === 'boolean') return raw === 'T';
    if (raw === null || raw === undefined) return '';
    if (kind === 'date') return formatDate(String(raw));
    if (kind === 'datetime') return formatDateTime(Date.parse(String(raw)), services.timeZone);
    return kind === 'text' || kind === null ? clipText(String(raw)) : String(raw);
  };

  const makeResult = (spec: TableSpec, type: string, row: Record<string, unknown>, columns: Column[]) => ({
    id: String(row.id),
    recordType: type,
    columns,
    getValue(c: unknown) {
      const name = toColumn(c).name;
      if (name === 'internalid') return String(row.id);
      return shown(spec.kind(name), row[spec.column(name) ?? name]);
    },
    getText(c: unknown) {
      const name = toColumn(c).name;
      const raw = row[spec.column(name) ?? name];
      return raw === null || raw === undefined ? '' : spec.kind(name) === 'select' ? spec.text(name, raw) ?? String(raw) : null;
    },
  });

  const create = (options: unknown) => {
    const { type, filters, columns } = (options ?? {}) as { type: string; filters?: unknown; columns?: unknown[] };
    const spec = specFor(String(type));
    const cols = (columns ?? []).map(toColumn);
    for (const c of cols) if (c.name !== 'internalid') columnOf(spec, c.name);
    const fetch = (start: number, end: number) => {
      const params: unknown[] = [];
      // Oracle's order underneath: empty values last when ascending, first when descending (or, for a
      // test, the other way round).
      const emptyLast = (c: Column) => (c.sort === 'ASC') !== services.emptyValuesFirst;
      const order = cols.filter((c) => c.sort === 'ASC' || c.sort === 'DESC').map((c) => `${columnOf(spec, c.name)} ${c.sort} NULLS ${emptyLast(c) ? 'LAST' : 'FIRST'}`);
      const sql = `SELECT * FROM ${spec.table}${where(spec, filters, params)} ORDER BY ${[...order, 'id ASC'].join(', ')} LIMIT ${end - start} OFFSET ${start}`;
      return (db.prepare(sql).all(...params) as Record<string, unknown>[]).map((row) => makeResult(spec, String(type), row, cols));
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
  };

  const lookupFields = (options: unknown) => {
    const { type, id, columns } = (options ?? {}) as { type: string; id: unknown; columns: string | string[] };
    env.governance.charge(UNIT_COST.lookupFields);
    const spec = specFor(String(type));
    const row = db.prepare(`SELECT * FROM ${spec.table} WHERE id = ?`).get(Number(id)) as Record<string, unknown> | undefined;
    if (!row) throw env.raise('SSS_INVALID_RECORD_ID', `That record does not exist: ${type} ${String(id)}`);
    const out: Record<string, unknown> = {};
    for (const name of (Array.isArray(columns) ? columns : [columns]).map((c) => String(c).toLowerCase())) {
      const kind = spec.kind(name);
      const raw = row[columnOf(spec, name)];
      if (kind === 'select' || kind === 'multiselect') {
        const ids = raw === null || raw === undefined || raw === '' ? [] : String(raw).split(',');
        out[name] = ids.map((v) => ({ value: v, text: spec.text(name, v) ?? v }));
      } else out[name] = shown(kind, raw);
    }
    return out;
  };

  return {
    create,
    lookupFields,
    createColumn: (o: unknown) => toColumn(o),
    createFilter: (o: unknown) => {
      const { name, operator, values } = (o ?? {}) as { name: string; operator: string; values?: unknown };
      return { name, operator, values: values === undefined ? [] : Array.isArray(values) ? values : [values] };
    },
    Sort: SORT,
    Operator: OPERATOR,
    Type: Object.freeze({ EMPLOYEE: 'employee', SCRIPT_DEPLOYMENT: 'scriptdeployment' }),
  };
}
