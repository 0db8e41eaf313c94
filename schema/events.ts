/**
 * The root types of schema/suitehooks-event.schema.json: every body a receiver can get
 * (docs/events.md). `npm run schema` generates the schema from these types; test/docs/schema.test.ts
 * fails when the committed file and the types disagree. The employee events' types are the ones the
 * bundle builds with (lib/core/envelope.ts); the test event's is the one the console sends with
 * (lib/core/ping.ts).
 */
export type { WebhookEvent } from '../lib/core';
export type { PingEvent, SuitehooksEvent } from '../lib/core/ping';
