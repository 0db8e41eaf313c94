/**
 * NetSuite-shaped script errors (`error.SuiteScriptError`): `name` is the code (`SSS_USAGE_LIMIT_EXCEEDED`,
 * `SSS_INVALID_URL`, …), `message` the text, and they serialise as NetSuite's do. Created in the
 * script's own realm when one is given, so `e instanceof Error` holds inside the script too.
 */
export class SuiteScriptError extends Error {
  readonly type = 'error.SuiteScriptError';
  readonly id = '';
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }

  toJSON(): Record<string, unknown> {
    return {
      type: this.type,
      name: this.name,
      message: this.message,
      id: this.id,
      stack: [],
      cause: { name: this.name, message: this.message },
      notifyOff: false,
      userFacing: true,
    };
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

/** Gives an error the realm's Error prototype chain (the script sees a native-looking error). */
export function intoRealm<E extends Error>(error: E, realmError: ErrorConstructor | undefined): E {
  if (realmError) {
    const methods = Object.getOwnPropertyDescriptors(SuiteScriptError.prototype);
    const proto = Object.create(realmError.prototype, {
      toJSON: { value: methods.toJSON.value, enumerable: false },
      toString: { value: methods.toString.value, enumerable: false },
    }) as object;
    Object.setPrototypeOf(error, proto);
  }
  return error;
}

/** The fields of an error worth logging or sending across threads: never values, only code and text. */
export function describeError(e: unknown): { name: string; message: string } {
  if (e && typeof e === 'object' && 'message' in e) {
    const err = e as { name?: unknown; message?: unknown };
    return { name: String(err.name ?? 'Error'), message: String(err.message) };
  }
  return { name: 'Error', message: String(e) };
}
