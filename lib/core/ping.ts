/** The test event `suitehooks.ping` (CONTRACT.md §1): signed and sent like any event, never stored for retry. */
import type { Origin } from './types';

export const PING_TYPE = 'suitehooks.ping';

export interface PingEvent {
  type: typeof PING_TYPE;
  timestamp: string;
  data: { id: string; account: string; message: string; origin: Origin };
}

/** `ping_<ms in base 36>_<nonce>`: unique, and only `[A-Za-z0-9_-]` as a webhook-id must be. */
export function makePingId(nowMs: number, nonce: string): string {
  return `ping_${Math.floor(nowMs).toString(36)}_${nonce.replace(/[^A-Za-z0-9]/g, '')}`;
}

/** No employee data: the account, who asked for it, and a fixed message. */
export function buildPingEvent(input: { id: string; account: string; origin: Origin; nowMs: number }): PingEvent {
  return {
    type: PING_TYPE,
    timestamp: new Date(input.nowMs).toISOString(),
    data: { id: input.id, account: input.account, message: 'Test event from the suitehooks console: answer 2xx and apply nothing.', origin: input.origin },
  };
}
