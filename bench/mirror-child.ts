/** One mirror process of bench item 8a: applies the workload it is sent to its database, then reports. */
import { applyEvent, openMirrorStore } from '../lib/client/mirror';
import type { WebhookEvent } from '../lib/core';

export interface MirrorChildRequest {
  database: string;
  events: WebhookEvent[];
  /** Where in the stream this process starts (two processes receive the same events in different orders). */
  offset: number;
}

process.once('message', (req: MirrorChildRequest) => {
  void (async () => {
    const store = await openMirrorStore(req.database);
    try {
      let next = 0;
      // 8 deliveries in flight, as a busy receiver has.
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < req.events.length)
            await applyEvent(store, req.events[(req.offset + next++) % req.events.length]!);
        }),
      );
      process.send!({ ok: true });
    } catch (err) {
      process.send!({ ok: false, error: (err as Error).message });
    } finally {
      await store.close();
    }
  })();
});
