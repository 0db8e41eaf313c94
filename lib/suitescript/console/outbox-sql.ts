/**
 * SuiteQL over the delivery record for the console (pure): one query per page whatever the outbox's size,
 * values bound as N/query parameters, filters validated first. Times are relative to SYSDATE so no time
 * zone is involved (the database compares its own instants).
 */
import { DELIVERY_FIELD as F, DELIVERY_RECORD as T, DELIVERY_STATUS } from '../../core/delivery-record';
import { EVENT_TYPE_NAMES } from '../../core/record-types';
import { PARAMETERS_ENDPOINT } from '../../core/endpoint-record';

export const PAGE_SIZE = 50;
const EVENT_TYPES: readonly string[] = EVENT_TYPE_NAMES;
const DAY_MS = 86_400_000;

export interface Query {
  query: string;
  params: (string | number)[];
}

export interface Filters {
  status: string;
  employee: string;
  eventType: string;
  /** `YYYY-MM-DD`: created on or after / on or before that day. */
  from: string;
  to: string;
  /** An endpoint record's internal id, or `parameters`. */
  endpoint: string;
}

export const NO_FILTERS: Filters = { status: '', employee: '', eventType: '', from: '', to: '', endpoint: '' };

/**
 * `SYSDATE - n` with n in days: an instant `ms` before now, as the database sees now. Rounded up to a
 * nanoday (86 µs) so a window never starts later than asked: a delivery that went dead just after the
 * last report is counted, never skipped.
 */
export function sysdateMinus(ms: number): string {
  const days = Math.ceil((Math.max(0, ms) / DAY_MS) * 1e9) / 1e9;
  // Plain decimal text (never `1e-8`): SuiteQL and the sandbox read it as a number literal.
  return `SYSDATE - ${days.toFixed(9).replace(/\.?0+$/, '')}`;
}

/** Counts, oldest id and deliveries modified in the last 24 h, by status. */
export function statusSummary(): Query {
  return {
    query: `SELECT ${F.status} AS status, COUNT(*) AS n, MIN(id) AS first_id, SUM(CASE WHEN lastmodified >= ${sysdateMinus(DAY_MS)} THEN 1 ELSE 0 END) AS last_day FROM ${T} GROUP BY ${F.status}`,
    params: [],
  };
}

/** The most recently modified delivery matching `where`. */
function latest(where: string, params: (string | number)[]): Query {
  return {
    query: `SELECT id, ${F.status} AS status, ${F.lastHttpStatus} AS last_http_status FROM ${T} WHERE ${where} ORDER BY lastmodified DESC, id DESC FETCH FIRST 1 ROWS ONLY`,
    params,
  };
}

export function lastSuccess(): Query {
  return latest(`${F.status} = ?`, [DELIVERY_STATUS.delivered]);
}

/** A failed attempt or a problem that kept a delivery from being sent. */
export function lastFailure(): Query {
  return latest(`${F.status} IN (?, ?) AND ${F.lastError} IS NOT NULL`, [
    DELIVERY_STATUS.pending,
    DELIVERY_STATUS.dead,
  ]);
}

/** The latest delivery that has been attempted at least once: the endpoint's most recent recorded answer. */
export function lastAttempted(): Query {
  return latest(`${F.attempts} > 0`, []);
}

/** Dead deliveries whose last change (going dead) happened in the last `ms`. */
export function deadSince(ms: number): Query {
  return {
    query: `SELECT COUNT(*) AS n FROM ${T} WHERE ${F.status} = ? AND lastmodified > ${sysdateMinus(ms)}`,
    params: [DELIVERY_STATUS.dead],
  };
}

function validDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function nextDay(text: string): string {
  return new Date(Date.parse(`${text}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** Filters as a WHERE clause; a bad value is named in `errors` and ignored. */
export function filterClause(f: Filters): { where: string[]; params: (string | number)[]; errors: string[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const errors: string[] = [];
  const add = (sql: string, value: string | number) => {
    where.push(sql);
    params.push(value);
  };
  if (f.status !== '') {
    if (Object.values(DELIVERY_STATUS).includes(f.status as never)) add(`${F.status} = ?`, f.status);
    else errors.push(`status must be pending, delivered or dead`);
  }
  if (f.employee !== '') {
    if (/^\d{1,20}$/.test(f.employee)) add(`${F.recordId} = ?`, f.employee);
    else errors.push('the record must be an internal id (digits)');
  }
  if (f.eventType !== '') {
    if (EVENT_TYPES.includes(f.eventType)) add(`${F.eventType} = ?`, f.eventType);
    else errors.push(`event type must be one of ${EVENT_TYPES.join(', ')}`);
  }
  if (f.endpoint !== '') {
    // Deliveries stored before endpoints existed (no endpoint) belong to the parameters endpoint.
    if (f.endpoint === PARAMETERS_ENDPOINT) add(`(${F.endpoint} = ? OR ${F.endpoint} IS NULL)`, f.endpoint);
    else if (/^\d{1,15}$/.test(f.endpoint)) add(`${F.endpoint} = ?`, f.endpoint);
    else errors.push(`endpoint must be an endpoint record's internal id or ${PARAMETERS_ENDPOINT}`);
  }
  if (f.from !== '') {
    if (validDay(f.from)) add(`created >= TO_DATE(?, 'YYYY-MM-DD')`, f.from);
    else errors.push('from must be a date YYYY-MM-DD');
  }
  if (f.to !== '') {
    if (validDay(f.to)) add(`created < TO_DATE(?, 'YYYY-MM-DD')`, nextDay(f.to));
    else errors.push('to must be a date YYYY-MM-DD');
  }
  return { where, params, errors };
}

/** The filters with every invalid value emptied: what a page may echo back (into fields and links). */
export function validFilters(f: Filters): Filters {
  const out: Filters = { ...NO_FILTERS };
  for (const key of Object.keys(NO_FILTERS) as (keyof Filters)[])
    if (filterClause({ ...NO_FILTERS, [key]: f[key] }).errors.length === 0) out[key] = f[key];
  return out;
}

export function countMatching(f: Filters): Query {
  const { where, params } = filterClause(f);
  return { query: `SELECT COUNT(*) AS n FROM ${T}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`, params };
}

/**
 * One page, newest first, by key: `before` (ids below it) or `after` (ids above it, the previous page).
 * One row more than a page tells whether there is another.
 */
export function page(f: Filters, cursor: { before?: number; after?: number }): Query {
  const { where, params } = filterClause(f);
  let order = 'DESC';
  if (cursor.before !== undefined) {
    where.push('id < ?');
    params.push(cursor.before);
  } else if (cursor.after !== undefined) {
    where.push('id > ?');
    params.push(cursor.after);
    order = 'ASC';
  }
  const columns = [
    'id',
    `${F.eventId} AS event_id`,
    `${F.eventType} AS event_type`,
    `${F.recordId} AS record_id`,
    `${F.status} AS status`,
    `${F.attempts} AS attempts`,
    `${F.lastHttpStatus} AS last_http_status`,
    `${F.lastError} AS last_error`,
    `TO_CHAR(created, 'YYYY-MM-DD HH24:MI') AS created`,
    `${F.nextAttempt} AS next_attempt`,
  ];
  return {
    query: `SELECT ${columns.join(', ')} FROM ${T}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id ${order} FETCH FIRST ${PAGE_SIZE + 1} ROWS ONLY`,
    params,
  };
}

/** Status of each of these deliveries (at most a page of them). */
export function statusesOf(ids: readonly number[]): Query {
  return {
    query: `SELECT id, ${F.status} AS status FROM ${T} WHERE id IN (${ids.map(() => '?').join(', ')})`,
    params: [...ids],
  };
}

/** The oldest dead deliveries, a batch at a time, and how many there are. */
export function deadBatch(limit: number): Query {
  return {
    query: `SELECT id FROM ${T} WHERE ${F.status} = ? ORDER BY id FETCH FIRST ${Math.max(1, Math.floor(limit))} ROWS ONLY`,
    params: [DELIVERY_STATUS.dead],
  };
}

export function deadCount(): Query {
  return { query: `SELECT COUNT(*) AS n FROM ${T} WHERE ${F.status} = ?`, params: [DELIVERY_STATUS.dead] };
}

/** Pending and dead deliveries per endpoint (an empty endpoint is the parameters endpoint's). */
export function countsByEndpoint(): Query {
  return {
    query: `SELECT ${F.endpoint} AS endpoint, ${F.status} AS status, COUNT(*) AS n FROM ${T} WHERE ${F.status} IN (?, ?) GROUP BY ${F.endpoint}, ${F.status}`,
    params: [DELIVERY_STATUS.pending, DELIVERY_STATUS.dead],
  };
}
