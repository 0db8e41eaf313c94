/** NetSuite's REST error bodies (`{type, title, status, o:errorDetails}`) and the stock failures. */
import type { ServerResponse } from 'node:http';
import { NetSuiteError, type ErrorSource } from '../account/account-types';

const INTERNAL: [string, string] = [
  'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6.1',
  'Internal Server Error',
];
const TYPE_BY_STATUS: Record<number, [string, string]> = {
  400: ['https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1', 'Bad Request'],
  401: ['https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2', 'Unauthorized'],
  403: ['https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.4', 'Forbidden'],
  404: ['https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5', 'Not Found'],
  405: ['https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.6', 'Method Not Allowed'],
  413: ['https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.14', 'Content Too Large'],
  429: ['https://www.rfc-editor.org/rfc/rfc6585.html#section-4', 'Too Many Requests'],
  500: INTERNAL,
};

/** The error detail member that names where the error lies (section_156570709583). */
const MEMBER_BY_SOURCE: Record<ErrorSource, string> = {
  body: 'o:errorPath',
  query: 'o:errorQueryParam',
  header: 'o:errorHeader',
  url: 'o:urlPath',
};

export function errorBody(err: NetSuiteError): Record<string, unknown> {
  const [type, title] = TYPE_BY_STATUS[err.status] ?? INTERNAL;
  const detail: Record<string, string> = { detail: err.detail, 'o:errorCode': err.code };
  if (err.errorPath !== undefined) detail[MEMBER_BY_SOURCE[err.source]] = err.errorPath;
  return { type, title, status: err.status, 'o:errorDetails': [detail] };
}

export function sendError(res: ServerResponse, err: NetSuiteError, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(errorBody(err));
  res.writeHead(err.status, {
    ...headers,
    'content-type': 'application/vnd.oracle.resource+json; type=error',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

export const invalidLogin = () =>
  new NetSuiteError(
    401,
    'INVALID_LOGIN',
    'Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.',
  );

/** A malformed `Authorization` header (subsect_158521885412: `invalid_request`, 400). */
export const malformedAuthorization = () =>
  new NetSuiteError(
    400,
    'INVALID_REQUEST',
    'The request could not be understood by the server due to malformed syntax.',
    'Authorization',
    'header',
  );

export const concurrencyLimitExceeded = () =>
  new NetSuiteError(429, 'CONCURRENCY_LIMIT_EXCEEDED', 'Concurrent request limit exceeded. Request blocked.');

export const nonexistentId = () =>
  new NetSuiteError(404, 'NONEXISTENT_ID', 'The record instance does not exist. Provide a valid record instance ID.');

export const invalidContent = (detail: string, path?: string) =>
  new NetSuiteError(400, 'INVALID_CONTENT', detail, path);

/** A bad query parameter value: the detail names it in `o:errorQueryParam`. */
export const invalidParameter = (detail: string, queryParam?: string) =>
  new NetSuiteError(400, 'INVALID_PARAMETER', detail, queryParam, 'query');

/** A malformed part of the URL path (`o:urlPath`). */
export const invalidUrlPath = (detail: string, part: string) =>
  new NetSuiteError(400, 'INVALID_PARAMETER', detail, part, 'url');

/** A bad or missing request header (`o:errorHeader`). */
export const invalidHeader = (detail: string, header: string) =>
  new NetSuiteError(400, 'INVALID_REQUEST', detail, header, 'header');

export const bodyTooLarge = (limit: number) =>
  new NetSuiteError(413, 'INVALID_CONTENT', `The request body is larger than ${limit} bytes.`);

/** A non-negative integer query parameter (`limit`, `offset`), or the fallback when absent. */
export function intParam(url: URL, name: string, fallback: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const n = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n))
    throw invalidParameter(
      `Invalid value for the ${name} parameter. Provide a non-negative integer below 10^15.`,
      name,
    );
  return n;
}
