/**
 * One error family (issue 20, item 3): every error class the package exports is a SuitehooksError with
 * a `code` listed in docs/client.md, and the CLI's own (InputError, BulkFailed) too; `Interrupted` is
 * gone, merged into InterruptedError.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as api from '../../lib/client';
import { BulkFailed } from '../../lib/client/cli/bulk';
import * as io from '../../lib/client/cli/io';

const DOC = fs.readFileSync(path.join(__dirname, '../../docs/client.md'), 'utf8');
/** The `code` column of the Codes table. */
const documented = new Set([...DOC.slice(DOC.indexOf('### Codes')).matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]!));

const apiError = new api.NetSuiteApiError(404, [{ detail: 'x', 'o:errorCode': 'NONEXISTENT_ID' }], {
  method: 'GET',
  path: '/x',
});
/** One instance per error class; a class exported later without one here fails the first test. */
const samples: Record<string, Error> = {
  SuitehooksError: new api.SuitehooksError('SOME_CODE', 'x'),
  NetSuiteApiError: apiError,
  AuthError: new api.AuthError(401, 'invalid_client', undefined),
  WriteOutcomeUnknownError: new api.WriteOutcomeUnknownError('x'),
  DeactivationError: new api.DeactivationError('1', false, true),
  DeleteRefusedError: new api.DeleteRefusedError('1', apiError),
  RetriesExhaustedError: new api.RetriesExhaustedError('x', 3, apiError),
  RedirectRefusedError: new api.RedirectRefusedError('x'),
  InterruptedError: new api.InterruptedError('interrupted: x'),
  ConfigError: new api.ConfigError('x'),
  NameNotFoundError: new api.NameNotFoundError('department', 'Ops', 0),
  BulkInputError: new api.BulkInputError(['x']),
  WebhookVerificationError: new api.WebhookVerificationError('x'),
  StoreTimeoutError: new api.StoreTimeoutError('seen.has', 10),
  InputError: new io.InputError('x'),
  BulkFailed: new BulkFailed(2),
};

test('every exported error class is a SuitehooksError with a documented code and its own name', () => {
  const exported = Object.entries(api).filter(
    ([, v]) => typeof v === 'function' && (v as { prototype: unknown }).prototype instanceof Error,
  );
  expect(exported.map(([name]) => name).sort()).toEqual(
    Object.keys(samples)
      .filter((n) => n !== 'InputError' && n !== 'BulkFailed')
      .sort(),
  );
  for (const [name, err] of Object.entries(samples)) {
    expect(err).toBeInstanceOf(api.SuitehooksError);
    expect(err.name).toBe(name);
    if (name !== 'SuitehooksError' && name !== 'NetSuiteApiError')
      expect(documented).toContain((err as api.SuitehooksError).code);
  }
  expect(apiError.code).toBe('NONEXISTENT_ID'); // NetSuite's own code, documented as such
  expect(new api.NameNotFoundError('department', 'Ops', 2).code).toBe('NAME_AMBIGUOUS');
});

test('hints travel: a retry that ran out carries the hint of its last failure', () => {
  expect(samples.RetriesExhaustedError).toMatchObject({ code: 'RETRIES_EXHAUSTED', hint: apiError.hint });
  expect(apiError.hint).toMatch(/No record has this id/);
  expect((samples.DeactivationError as api.DeactivationError).hint).toMatch(/workflows/);
});

test('the CLI has no Interrupted of its own: InterruptedError is the one', () => {
  expect(Object.keys(io)).not.toContain('Interrupted');
});

test('every code in the table is one the code can produce', () => {
  const produced = new Set([
    ...Object.values(samples).map((e) => (e as api.SuitehooksError).code),
    'NAME_AMBIGUOUS',
    'NOT_SENT',
  ]);
  for (const code of documented) expect(produced).toContain(code);
});
