/**
 * The benchmarks' view of the sandbox's own HTTPS receiver (lib/sandbox/receiver/receiver.ts): signed deliveries
 * counted per event id (to see anything sent twice or never), unsigned posts counted apart (the
 * hand-rolled script's), and one status to answer with (200, or 500 to make deliveries fail).
 */
import { Receiver as SandboxReceiver } from '../lib/sandbox/receiver/receiver';

export interface Receiver {
  url: string;
  /** PEM certificate for the account's trusted certificates. */
  cert: string;
  /** Status answered from now on. */
  status: number;
  /** Signed deliveries received, by `webhook-id` (verified ones only). */
  readonly received: Map<string, number>;
  /** Requests without a valid signature (the hand-rolled script's unsigned posts land here). */
  readonly unsigned: number;
  close(): Promise<void>;
}

/**
 * `now` is the clock signatures are checked against: the sandbox's, which the benchmarks advance past
 * the 5-minute tolerance while the retry schedule plays out.
 */
export async function startReceiver(secretBase64: string, now: () => number): Promise<Receiver> {
  const inner = await SandboxReceiver.start({ secret: `whsec_${secretBase64}`, now });
  let status = 200;
  return {
    url: inner.url,
    cert: inner.certificatePem!,
    get status() {
      return status;
    },
    set status(value: number) {
      status = value;
      inner.setDefault(value < 300 ? { kind: 'ok', status: value } : { kind: 'status', status: value });
    },
    get received() {
      const out = new Map<string, number>();
      for (const a of inner.attempts)
        if (a.verified && a.webhookId) out.set(a.webhookId, (out.get(a.webhookId) ?? 0) + 1);
      return out;
    },
    get unsigned() {
      return inner.attempts.filter((a) => !a.verified).length;
    },
    close: () => inner.close(),
  };
}
