/** Shared set-up for sandbox tests: fixture projects and a REST-like write context. */
import * as path from 'node:path';
import type { WriteContext } from '../../lib/sandbox/account-types';

export const FIXTURES = path.join(__dirname, 'fixtures');
export const PROBE_PROJECT = path.join(FIXTURES, 'probe');

export const REST: WriteContext = { executionContext: 'RESTWEBSERVICES', userId: '7', roleId: '3' };
export const UI: WriteContext = { executionContext: 'USERINTERFACE', userId: '1', roleId: '3' };
export const CSV: WriteContext = { executionContext: 'CSVIMPORT', userId: '1', roleId: '3' };
