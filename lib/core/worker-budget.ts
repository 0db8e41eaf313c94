/**
 * What one retry worker execution may spend besides units: time (NetSuite stops a scheduled script at
 * its time limit, section_161591009480, and nothing after runs: no write, no restart) and attempts on
 * an endpoint that does not answer. Pure: the worker feeds it times and results.
 */
import { HTTPS_TIMEOUT, TIME_LIMIT_SECONDS } from './governance';
import { noAnswer, showsDown, type EndpointIdentity } from './breaker';
import type { AttemptResult } from './retry-schedule';

/** The longest one POST can take: N/https's connect and response limits (section_4567630582). */
export const LONGEST_POST_MS = (HTTPS_TIMEOUT.connectSeconds + HTTPS_TIMEOUT.responseSeconds) * 1000;

/**
 * Room kept after the last POST ends: its record write, the log, the restart (N/task), and the time
 * the execution ran before the worker's first line read the clock.
 */
export const TIME_MARGIN_MS = 300_000;

/** No POST starts later than this after the worker began, so the last one ends inside the limit with margin. */
export const LAST_POST_START_MS = TIME_LIMIT_SECONDS.scheduled * 1000 - LONGEST_POST_MS - TIME_MARGIN_MS;

/** Whether a new POST may start `elapsedMs` after the worker began. */
export function timeForAnotherPost(elapsedMs: number): boolean {
  return elapsedMs <= LAST_POST_START_MS;
}

/** POSTs in a row to one endpoint that get no answer before the worker stops sending to it for this run. */
export const NO_ANSWER_LIMIT = 3;

/** What an attempt's result means for its endpoint in this run. */
export type EndpointVerdict = 'healthy' | 'unhealthy' | 'down';

/**
 * Per-endpoint tallies of one run: consecutive attempts without an answer, the endpoints given up
 * (`down`: their remaining deliveries are left as they are for the next run) and the endpoints seen
 * healthy (an answer that is not 5xx/429).
 */
export class EndpointTally {
  private readonly silent = new Map<EndpointIdentity, number>();
  private readonly given = new Set<EndpointIdentity>();

  /** Whether deliveries to `endpoint` are still sent in this run. */
  sending(endpoint: EndpointIdentity): boolean {
    return !this.given.has(endpoint);
  }

  /** `down` once, on the attempt that reaches NO_ANSWER_LIMIT in a row. */
  record(endpoint: EndpointIdentity, result: AttemptResult): EndpointVerdict {
    const silent = noAnswer(result) ? (this.silent.get(endpoint) ?? 0) + 1 : 0;
    this.silent.set(endpoint, silent);
    if (silent >= NO_ANSWER_LIMIT) {
      this.given.add(endpoint);
      return 'down';
    }
    return showsDown(result) ? 'unhealthy' : 'healthy';
  }

  /** The endpoints given up in this run. */
  down(): EndpointIdentity[] {
    return [...this.given];
  }
}
