/**
 * The one error family of the package (the client, the CLI and the receiver helpers): every error it
 * throws on purpose is a `SuitehooksError` with a stable `code` to branch on and, where a next step is
 * known, a `hint`. The codes are listed in docs/client.md ("Errors"). It lives here, in the receiver
 * room, because lib/webhooks may import only lib/core and lib/client builds on lib/webhooks.
 */
export class SuitehooksError extends Error {
  /** A stable name for the failure, e.g. `INTERRUPTED`; NetSuite's own `o:errorCode` for NetSuiteApiError. */
  readonly code: string;
  /** What to do about it, when something is known. */
  readonly hint: string | undefined;

  constructor(code: string, message: string, options: { hint?: string | undefined; cause?: unknown } = {}) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint;
  }
}

/** A delivery failed verification (headers, timestamp, signature or body); the receiver answers 401 or 400. */
export class WebhookVerificationError extends SuitehooksError {
  constructor(message: string) {
    super('WEBHOOK_VERIFICATION_FAILED', message);
  }
}

/** A `seen` or `sequences` store call of createWebhookHandler took longer than `storeTimeoutMs`. */
export class StoreTimeoutError extends SuitehooksError {
  constructor(
    readonly call: string,
    readonly timeoutMs: number,
  ) {
    super('STORE_TIMEOUT', `${call} did not settle within ${timeoutMs} ms (storeTimeoutMs)`, {
      hint: 'Check the store (database, cache) the receiver uses; the sender retries the delivery.',
    });
  }
}
