/**
 * Governance: usage units per execution, charged at NetSuite's unit costs and enforced
 * (NETSUITE-FACTS "Governance (units)"). Going over the limit throws SSS_USAGE_LIMIT_EXCEEDED, and every
 * later governed call throws again.
 */
import { SuiteScriptError } from './errors';

/** Units per execution by script type (NETSUITE-FACTS "Governance": user event 1,000; scheduled 10,000). */
export const USAGE_LIMITS: Readonly<Record<string, number>> = Object.freeze({
  usereventscript: 1_000,
  scheduledscript: 10_000,
  /** Suitelets: 1,000 (section_N3351480). */
  suitelet: 1_000,
});

export type RecordCategory = 'transaction' | 'custom' | 'other';

/** record.* costs by record category (NETSUITE-FACTS table; delete as Oracle documents: 20 / 4 / 10). */
const RECORD_COSTS: Record<'load' | 'create' | 'submitFields' | 'save' | 'delete', Record<RecordCategory, number>> = {
  load: { transaction: 10, custom: 2, other: 5 },
  create: { transaction: 10, custom: 2, other: 5 },
  submitFields: { transaction: 10, custom: 2, other: 5 },
  save: { transaction: 20, custom: 4, other: 10 },
  delete: { transaction: 20, custom: 4, other: 10 },
};

export const UNIT_COST = Object.freeze({
  lookupFields: 1,
  https: 10,
  suiteql: 10,
  resultSetPage: 10,
  /** ScheduledScriptTask.submit(): 20 units (Oracle's N/task reference). */
  taskSubmit: 20,
  /** email.send(): 20 units (section_4358681681). */
  emailSend: 20,
  log: 0,
});

export function recordCategory(type: string): RecordCategory {
  if (type.startsWith('customrecord')) return 'custom';
  return ['salesorder', 'invoice', 'expensereport', 'journalentry', 'purchaseorder', 'vendorbill'].includes(type) ? 'transaction' : 'other';
}

export function recordCost(op: keyof typeof RECORD_COSTS, type: string): number {
  return RECORD_COSTS[op][recordCategory(type)];
}

export class Governance {
  private used = 0;
  private exceeded = false;

  constructor(readonly limit: number, private readonly raise: (e: SuiteScriptError) => Error = (e) => e) {}

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
