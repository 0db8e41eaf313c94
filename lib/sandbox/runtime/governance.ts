/**
 * Governance: usage units per execution, charged at NetSuite's unit costs (lib/core/governance.ts) and
 * enforced (docs/netsuite.md#governance). Going over the limit throws SSS_USAGE_LIMIT_EXCEEDED, and
 * every later governed call throws again.
 */
import { RECORD_UNITS, USAGE_LIMIT, type RecordCategory, type RecordOperation } from '../../core/governance';
import { SuiteScriptError } from './errors';

const USAGE_LIMITS: Readonly<Record<string, number>> = Object.freeze({
  usereventscript: USAGE_LIMIT.userEvent,
  scheduledscript: USAGE_LIMIT.scheduled,
  suitelet: USAGE_LIMIT.suitelet,
});

/** Units per execution of a script of this SDF type; a type the sandbox does not run gets the smallest. */
export function usageLimit(scriptType: string): number {
  return USAGE_LIMITS[scriptType] ?? USAGE_LIMIT.userEvent;
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

export class Governance {
  private used = 0;
  private exceeded = false;

  constructor(
    readonly limit: number,
    private readonly raise: (e: SuiteScriptError) => Error = (e) => e,
  ) {}

  /** Charges units before the call runs: a call NetSuite would refuse does not happen. */
  charge(units: number): void {
    if (this.exceeded || this.used + units > this.limit) {
      this.exceeded = true;
      throw this.raise(new SuiteScriptError('SSS_USAGE_LIMIT_EXCEEDED', 'Script Execution Usage Limit Exceeded'));
    }
    this.used += units;
  }

  remaining(): number {
    return this.limit - this.used;
  }

  usage(): number {
    return this.used;
  }
}
