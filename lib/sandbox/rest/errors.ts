/** NetSuite's REST error bodies (`{type, title, status, o:errorDetails}`) and the stock failures. */
import type { ServerResponse } from 'node:http';
import { NetSuiteError } from '../account-types';

const TYPE_BY_STATUS: Record<number, [string, string]> = {
  400: ['https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1', 'Bad Request'],
  401: ['https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2', 'Unauthorized'],
  403: ['https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.4', 'Forbidden'],
  404: ['https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5', 'Not Found'],
  405: ['https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.6', 'Method Not Allowed'],
  429: ['https://www.rfc-editor.org/rfc/rfc6585.html#section-4', 'Too Many Requests'],
  500: ['https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6.1', 'Internal Server Error'],
};

export function errorBody(err: NetSuiteError): Record<string, unknown> {
  const [type, title] = TYPE_BY_STATUS[err.status] ?? TYPE_BY_STATUS[500]!;
  const detail: Record<string, string> = { detail: err.detail, 'o:errorCode': err.code };
  if (err.errorPath !== undefined) detail['o:errorPath'] = err.errorPath;
  return { type, title, status: err.status, 'o:errorDetails': [detail] };
}

export function sendError(res: ServerResponse, err: NetSuiteError): void {
  const body = JSON.stringify(errorBody(err));
  res.writeHead(err.status, { 'content-type': 'application/vnd.oracle.resource+json; type=error', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export const invalidLogin = () =>
  new NetSuiteError(
    401,
    'INVALID_LOGIN',
    'Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.',
  );

export const concurrencyLimitExceeded = () =>
  new NetSuiteError(429, 'CONCURRENCY_LIMIT_EXCEEDED', 'Concurrent request limit exceeded. Request blocked.');

export const nonexistentId = (path?: string) =>
  new NetSuiteError(404, 'NONEXISTENT_ID', 'The record instance does not exist. Provide a valid record instance ID.', path);

export const invalidContent = (detail: string, path?: string) => new NetSuiteError(400, 'INVALID_CONTENT', detail, path);

export const invalidParameter = (detail: string, path?: string) => new NetSuiteError(400, 'INVALID_PARAMETER', detail, path);

/** A non-negative integer query parameter (`limit`, `offset`), or the fallback when absent. */
export function intParam(url: URL, name: string, fallback: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) throw invalidParameter(`Invalid value for the ${name} parameter. Provide a non-negative integer.`, name);
  return Number(raw);
}
