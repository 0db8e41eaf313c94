/**
 * The account's controllable clock. Real time plus an offset kept in shared memory, so the main thread
 * (scheduler, REST layer) and every script worker read the same time: advancing it by three days makes a
 * three-day retry schedule due at once, and `Date.now()` inside scripts follows it.
 */
export class Clock {
  private readonly offset: BigInt64Array;

  /** Pass the buffer of another thread's clock to share it. */
  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(8)) {
    this.offset = new BigInt64Array(buffer);
  }

  now(): number {
    return Date.now() + Number(Atomics.load(this.offset, 0));
  }

  /** Moves time forward (never backwards: NetSuite's time does not go back either). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance takes a non-negative number of ms');
    Atomics.add(this.offset, 0, BigInt(Math.round(ms)));
  }
}
