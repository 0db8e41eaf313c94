/**
 * The mirror's webhook handler: `createWebhookHandler`'s verification, body limits and per-record
 * queue, with every verified event applied by `applyEvent`. De-duplication and ordering are the
 * database's (so they hold across processes): the handler's own sequence store is bypassed, and a
 * stale or duplicate event is answered 2xx like an applied one.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebhookEvent } from '../../core';
import { PING_TYPE } from '../../core/ping';
import { createWebhookHandler, type SequenceStore, type VerifyOptions } from '../../webhooks';
import { applyEvent, type ApplyOutcome } from './apply-event';
import type { SqlStore } from './sql-store';

export interface MirrorHandlerOptions extends VerifyOptions {
  secret: string | readonly string[];
  /** After each event is applied, dropped as stale or as a duplicate, or ignored (a ping). */
  onOutcome?: (outcome: ApplyOutcome, event: WebhookEvent) => void;
}

const DATABASE_ORDERS: SequenceStore = { get: () => undefined, set: () => undefined };

export function createMirrorHandler(
  store: SqlStore,
  options: MirrorHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { onOutcome, ...verify } = options;
  return createWebhookHandler({
    ...verify,
    sequences: DATABASE_ORDERS,
    onEvent: async (event) => {
      // The console's test event changes no record: answered 2xx, applied nowhere.
      if (event.type === PING_TYPE) return;
      // Applied first: `onOutcome?.(await …)` would skip the apply when no callback is given.
      const outcome = await applyEvent(store, event);
      onOutcome?.(outcome, event);
    },
  });
}
