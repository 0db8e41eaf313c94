/**
 * Governance: usage units per execution, charged at NetSuite's unit costs (lib/core/governance.ts) and
 * enforced (docs/netsuite.md#governance), and the execution's time limit on the account clock (Script
 * Execution Time Limits, section_161591009480). Going over the units throws SSS_USAGE_LIMIT_EXCEEDED,
 * going over the time SSS_TIME_LIMIT_EXCEEDED, and every later N/* call throws again.
 */
import {
  RECORD_UNITS,
  TIME_LIMIT_SECONDS,
  USAGE_LIMIT,
  type RecordCategory,
  type RecordOperation,
} from '../../core/governance';
import { SuiteScriptError } from './errors';

const USAGE_LIMITS: Readonly<Record<string, number>> = Object.freeze({
  usereventscript: USAGE_LIMIT.userEvent,
  scheduledscript: USAGE_LIMIT.scheduled,
  suitelet: USAGE_LIMIT.suitelet,
});

const TIME_LIMITS: Readonly<Record<string, number>> = Object.freeze({
  usereventscript: TIME_LIMIT_SECONDS.userEvent,
  scheduledscript: TIME_LIMIT_SECONDS.scheduled,
  suitelet: TIME_LIMIT_SECONDS.suitelet,
  restlet: TIME_LIMIT_SECONDS.restlet,
  workflowactionscript: TIME_LIMIT_SECONDS.workflowAction,
  massupdatescript: TIME_LIMIT_SECONDS.massUpdate,
  portlet: TIME_LIMIT_SECONDS.portlet,
  bundleinstallationscript: TIME_LIMIT_SECONDS.bundleInstallation,
});

/** Units per execution of a script of this SDF type; a type the sandbox does not run gets the smallest. */
export function usageLimit(scriptType: string): number {
  return USAGE_LIMITS[scriptType] ?? USAGE_LIMIT.userEvent;
}

/** Seconds one execution of this SDF script type may run; a type not listed gets the smallest (300). */
export function timeLimitSeconds(scriptType: string): number {
  return TIME_LIMITS[scriptType] ?? TIME_LIMIT_SECONDS.userEvent;
}

export function recordCategory(type: string): RecordCategory {
  if (type.startsWith('customrecord')) return 'custom';
  return ['salesorder', 'invoice', 'expensereport', 'journalentry', 'purchaseorder', 'vendorbill'].includes(type)
    ? 'transaction'
    : 'other';
}

export function recordCost(op: RecordOperation, type: string): number {
  return RECORD_UNITS[op][recordCategory(type)];
}

/** What NetSuite throws when an execution runs past its time limit. */
export function timeLimitExceeded(): SuiteScriptError {
  return new SuiteScriptError('SSS_TIME_LIMIT_EXCEEDED', 'Script Execution Time Exceeded');
}

/** The execution's time budget: when it started and how long it may run, on the account clock (ms). */
export interface TimeBudget {
  now(): number;
  startedAt: number;
  limitMs: number;
}

export class Governance {
  private used = 0;
  private exceeded = false;
  private timedOut = false;

  constructor(
    readonly limit: number,
    private readonly raise: (e: SuiteScriptError) => Error = (e) => e,
    readonly time: TimeBudget | null = null,
  ) {}

  /** Every N/* call starts here: past the time limit (or once past it) the call fails. */
  check(): void {
    if (!this.timedOut && this.time && this.time.now() - this.time.startedAt > this.time.limitMs) this.timedOut = true;
    if (this.timedOut) throw this.raise(timeLimitExceeded());
  }

  /** Charges units before the call runs: a call NetSuite would refuse does not happen. */
  charge(units: number): void {
    this.check();
    if (this.exceeded || this.used + units > this.limit) {
      this.exceeded = true;
      throw this.raise(new SuiteScriptError('SSS_USAGE_LIMIT_EXCEEDED', 'Script Execution Usage Limit Exceeded'));
    }
    this.used += units;
  }

  /** The execution ran past its time limit (NetSuite stopped it there, whatever the script caught). */
  killedByTime(): boolean {
    try {
      this.check();
      return false;
    } catch {
      return true;
    }
  }

  remaining(): number {
    return this.limit - this.used;
  }

  usage(): number {
    return this.used;
  }
}
