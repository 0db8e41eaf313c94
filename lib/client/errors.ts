/**
 * Typed failures carrying NetSuite's `o:errorDetails`, with hints for the classic mistakes. Every one is
 * a SuitehooksError (`code`, `hint`); the codes are listed in docs/client.md ("Errors").
 */
import { SuitehooksError } from '../webhooks/errors';

export { SuitehooksError };

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

/** NetSuite answered an error: `code` is its `o:errorCode` (or `HTTP_<status>` when it gave none). */
export class NetSuiteApiError extends SuitehooksError {
  constructor(
    readonly status: number,
    readonly details: ErrorDetail[],
    readonly request: { method: string; path: string },
  ) {
    const first = details[0];
    const code = first?.['o:errorCode'] ?? `HTTP_${status}`;
    const where = first?.['o:errorPath'] ? ` (at ${first['o:errorPath']})` : '';
    super(
      code,
      `${request.method} ${request.path} failed: ${status} ${code}: ${first?.detail ?? 'no details'}${where}`,
      {
        hint: HINTS[code],
      },
    );
  }
}

/** The token endpoint refused the client assertion (OAuth 2.0 error body). */
export class AuthError extends SuitehooksError {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string | undefined,
  ) {
    super('AUTH_FAILED', `OAuth 2.0 token request failed: ${status} ${error}${description ? `: ${description}` : ''}`, {
      hint: HINTS.INVALID_LOGIN,
    });
  }
}

/** A create whose outcome is unknown (the connection broke after the request may have reached NetSuite). */
export class WriteOutcomeUnknownError extends SuitehooksError {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super('WRITE_OUTCOME_UNKNOWN', message, {
      hint: 'The record may or may not exist now. Give it an externalId and use upsert (safe to repeat), or look it up before trying again.',
      cause,
    });
  }
}

/** Deactivation did not stick: login may still work. */
export class DeactivationError extends SuitehooksError {
  constructor(
    readonly id: string,
    readonly isInactive: unknown,
    readonly giveAccess: unknown,
  ) {
    super(
      'DEACTIVATION_INCOMPLETE',
      `employee ${id} was not fully deactivated: read back isInactive=${String(isInactive)}, giveAccess=${String(giveAccess)} (a script or workflow may have reverted it)`,
      {
        hint: 'Check for scripts or workflows on the employee record that set the flags back, then run deactivate again.',
      },
    );
  }
}

/** NetSuite refused a delete because other records reference the employee. */
export class DeleteRefusedError extends SuitehooksError {
  constructor(
    readonly id: string,
    override readonly cause: NetSuiteApiError,
  ) {
    super('DELETE_REFUSED', `NetSuite refused to delete employee ${id}: ${cause.details[0]?.detail ?? cause.code}`, {
      hint: `Employees with history (transactions, approvals) cannot be deleted. Deactivate instead: \`suitehooks employee deactivate ${id}\` or employees.deactivate('${id}').`,
      cause,
    });
  }
}

/** Retries ran out (attempts or total time) on a retryable failure. */
export class RetriesExhaustedError extends SuitehooksError {
  constructor(
    message: string,
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    // The last failure's hint (e.g. NetSuite's) is the useful one.
    super('RETRIES_EXHAUSTED', message, { hint: cause instanceof SuitehooksError ? cause.hint : undefined, cause });
  }
}

/** NetSuite (or something in between) answered a redirect; it is never followed with credentials. */
export class RedirectRefusedError extends SuitehooksError {
  constructor(message: string) {
    super('REDIRECT_REFUSED', message);
  }
}

/**
 * The caller stopped the work (Ctrl-C, SIGTERM): a retry that would have followed was not made, or a
 * CLI command saved what it had done and stopped (exit code 130).
 */
export class InterruptedError extends SuitehooksError {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super('INTERRUPTED', message, { cause });
  }
}
