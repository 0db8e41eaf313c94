/**
 * The root types of schema/suitehooks-event.schema.json: every body a receiver can get
 * (docs/events.md). `npm run schema` generates the schema from these types; test/docs/schema.test.ts
 * fails when the committed file and the types disagree. The employee events' types are the ones the
 * bundle builds with (lib/core/envelope.ts); PingEvent is declared here until the console's ping
 * builder brings its type into lib/core, which this file should then re-export.
 */
import type { Origin, WebhookEvent } from '../lib/core';

/**
 * The test event an administrator sends from the console: signed and delivered like any event,
 * never stored for retry, no employee data.
 */
export interface PingEvent {
  type: 'suitehooks.ping';
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

export type { WebhookEvent };
