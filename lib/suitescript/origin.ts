/** Who and what made the change (contract `origin`), from N/runtime. */
import * as runtime from 'N/runtime';
import type { Origin } from '../core/types';

function idOf(value: unknown): { id: string } | null {
  return value === null || value === undefined || value === '' ? null : { id: String(value) };
}

export function currentOrigin(): Origin {
  const user = runtime.getCurrentUser();
  return { executionContext: String(runtime.executionContext), user: idOf(user.id), role: idOf(user.role) };
}
