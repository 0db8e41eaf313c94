/** Typed failures carrying NetSuite's `o:errorDetails`, with hints for the classic mistakes. */

export interface ErrorDetail {
  detail: string;
  'o:errorCode': string;
  'o:errorPath'?: string;
}

const HINTS: Record<string, string> = {
  INVALID_LOGIN:
    'NetSuite does not say why a login failed; its Login Audit Trail does (Setup > Users/Roles > User Management > View Login Audit Trail). ' +
    'Check the account id (TBA realm is upper case with an underscore: 1234567_SB1), that the integration record is enabled for this auth method, ' +
    'that the token or certificate mapping is active, and that the role has the "REST Web Services" and "Log in using Access Tokens"/"OAuth 2.0" permissions.',
  INSUFFICIENT_PERMISSION:
    "The integration's role lacks a permission for this record or action: add it to the role (Setup > Users/Roles > Manage Roles).",
  CONCURRENCY_LIMIT_EXCEEDED:
    'The account ran out of concurrent request slots: lower the client concurrency, or spread integrations over time.',
  NONEXISTENT_ID:
    'No record has this id (or external id): check it, or list employees with `suitehooks employee list`.',
  INVALID_CONTENT: 'A field name or value in the request is not valid for this record; o:errorPath names the field.',
};

export class NetSuiteApiError extends Error {
  readonly code: string;
  readonly hint: string | undefined;

  constructor(
    readonly status: number,
    readonly details: ErrorDetail[],
    readonly request: { method: string; path: string },
  ) {
    const first = details[0];
    const code = first?.['o:errorCode'] ?? `HTTP_${status}`;
    const where = first?.['o:errorPath'] ? ` (at ${first['o:errorPath']})` : '';
    super(`${request.method} ${request.path} failed: ${status} ${code}: ${first?.detail ?? 'no details'}${where}`);
    this.name = 'NetSuiteApiError';
    this.code = code;
    this.hint = HINTS[code];
  }
}

/** The token endpoint refused the client assertion (OAuth 2.0 error body). */
export class AuthError extends Error {
  readonly hint = HINTS.INVALID_LOGIN;
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string | undefined,
  ) {
    super(`OAuth 2.0 token request failed: ${status} ${error}${description ? `: ${description}` : ''}`);
    this.name = 'AuthError';
  }
}

/** A create whose outcome is unknown (the connection broke after the request may have reached NetSuite). */
export class WriteOutcomeUnknownError extends Error {
  readonly hint =
    'The record may or may not exist now. Give it an externalId and use upsert (safe to repeat), or look it up before trying again.';
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'WriteOutcomeUnknownError';
  }
}

/** Deactivation did not stick: login may still work. */
export class DeactivationError extends Error {
  constructor(
    readonly id: string,
    readonly isInactive: unknown,
    readonly giveAccess: unknown,
  ) {
    super(
      `employee ${id} was not fully deactivated: read back isInactive=${String(isInactive)}, giveAccess=${String(giveAccess)} (a script or workflow may have reverted it)`,
    );
    this.name = 'DeactivationError';
  }
}

/** NetSuite refused a delete because other records reference the employee. */
export class DeleteRefusedError extends Error {
  readonly hint: string;
  constructor(
    readonly id: string,
    override readonly cause: NetSuiteApiError,
  ) {
    super(`NetSuite refused to delete employee ${id}: ${cause.details[0]?.detail ?? cause.code}`);
    this.name = 'DeleteRefusedError';
    this.hint = `Employees with history (transactions, approvals) cannot be deleted. Deactivate instead: \`suitehooks employee deactivate ${id}\` or employees.deactivate('${id}').`;
  }
}

/** Retries ran out (attempts or total time) on a retryable failure. */
export class RetriesExhaustedError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    super(message);
    this.name = 'RetriesExhaustedError';
  }
}

/** NetSuite (or something in between) answered a redirect; it is never followed with credentials. */
export class RedirectRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedirectRefusedError';
  }
}

/** The caller stopped the work (Ctrl-C, SIGTERM): a retry that would have followed was not made. */
export class InterruptedError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'InterruptedError';
  }
}
