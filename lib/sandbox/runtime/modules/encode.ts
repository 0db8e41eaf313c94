/** `N/encode`: string conversions between UTF-8, base64 (standard and URL-safe), base32-free hex. */
import type { ScriptEnv } from '../script-env';

export const ENCODING = Object.freeze({
  UTF_8: 'UTF_8',
  BASE_16: 'BASE_16',
  BASE_32: 'BASE_32',
  BASE_64: 'BASE_64',
  BASE_64_URL_SAFE: 'BASE_64_URL_SAFE',
  HEX: 'HEX',
});

const NODE_ENCODING: Record<string, BufferEncoding> = {
  UTF_8: 'utf8',
  BASE_16: 'hex',
  HEX: 'hex',
  BASE_64: 'base64',
  BASE_64_URL_SAFE: 'base64url',
};

/** Bytes of a string in an N/encode encoding (BASE_32 is not supported by the sandbox). */
export function decodeString(env: ScriptEnv, input: string, encoding: unknown): Buffer {
  const enc = NODE_ENCODING[String(encoding ?? 'UTF_8')];
  if (!enc) throw env.raise('INVALID_ENCODING', `Unsupported encoding: ${String(encoding)}`);
  return Buffer.from(input, enc);
}

export function encodeBytes(env: ScriptEnv, bytes: Buffer, encoding: unknown): string {
  const enc = NODE_ENCODING[String(encoding ?? 'UTF_8')];
  if (!enc) throw env.raise('INVALID_ENCODING', `Unsupported encoding: ${String(encoding)}`);
  const out = bytes.toString(enc);
  return encoding === 'BASE_16' || encoding === 'HEX' ? out.toUpperCase() : out;
}

export function createEncodeModule(env: ScriptEnv): Record<string, unknown> {
  return {
    Encoding: ENCODING,
    convert: (o: unknown) => {
      const { string, inputEncoding, outputEncoding } = (o ?? {}) as {
        string: unknown;
        inputEncoding: unknown;
        outputEncoding: unknown;
      };
      return encodeBytes(env, decodeString(env, String(string ?? ''), inputEncoding), outputEncoding);
    },
  };
}
