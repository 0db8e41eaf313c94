/**
 * The test event `suitehooks.ping` (docs/events.md): signed and sent like any event, never stored for
 * retry. Its type is the JSON Schema's (schema/events.ts re-exports it; `npm run schema`).
 */
import type { WebhookEvent } from './envelope';
import type { Origin } from './types';

export const PING_TYPE = 'suitehooks.ping';

/**
 * The test event an administrator sends from the console: signed and delivered like any event,
 * never stored for retry, no employee data.
 */
export interface PingEvent {
  type: typeof PING_TYPE;
  /**
   * When the administrator sent it, ISO-8601 UTC.
   * @format date-time
   */
  timestamp: string;
  data: PingData;
}

export interface PingData {
  /**
   * The event id; equals the `webhook-id` header.
   * @pattern ^[A-Za-z0-9_-]+$
   */
  id: string;
  /** The NetSuite account id. */
  account: string;
  message: string;
  /** The administrator who sent it. */
  origin: Origin;
}

/** Any suitehooks event. */
export type SuitehooksEvent = WebhookEvent | PingEvent;

/** `ping_<ms in base 36>_<nonce>`: unique, and only `[A-Za-z0-9_-]` as a webhook-id must be. */
export function makePingId(nowMs: number, nonce: string): string {
  return `ping_${Math.floor(nowMs).toString(36)}_${nonce.replace(/[^A-Za-z0-9]/g, '')}`;
}

/** No employee data: the account, who asked for it, and a fixed message. */
export function buildPingEvent(input: { id: string; account: string; origin: Origin; nowMs: number }): PingEvent {
  return {
    type: PING_TYPE,
    timestamp: new Date(input.nowMs).toISOString(),
    data: {
      id: input.id,
      account: input.account,
      message: 'Test event from the suitehooks console: answer 2xx and apply nothing.',
      origin: input.origin,
    },
  };
}
