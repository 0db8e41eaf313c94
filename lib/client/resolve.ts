/** Name → internal id for the records an employee points at (roles, subsidiaries, departments, …), via SuiteQL. */
import type { SuiteQL } from './suiteql';
import { SuitehooksError } from '../webhooks/errors';

/** A reference given by id (`'15'`, `{ id: '15' }`) or by name (`'Sales Rep'`, `{ name: 'Sales Rep' }`). */
export type RefInput = string | number | { id: string | number } | { name: string };

/** Record types with a `name` column that can be resolved, and supervisors (employees) by entity id. */
const NAME_COLUMN: Record<string, string> = {
  role: 'name',
  subsidiary: 'name',
  department: 'name',
  location: 'name',
  employeetype: 'name',
  employee: 'entityid',
};

export class NameNotFoundError extends SuitehooksError {
  constructor(
    readonly recordType: string,
    readonly lookedUp: string,
    readonly candidates: number,
  ) {
    super(
      candidates === 0 ? 'NAME_NOT_FOUND' : 'NAME_AMBIGUOUS',
      candidates === 0
        ? `no ${recordType} is named "${lookedUp}"`
        : `${candidates} ${recordType} records are named "${lookedUp}": give the id instead`,
    );
  }
}

export class Resolver {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(private readonly suiteql: SuiteQL) {}

  /** The internal id of a reference; digit strings and numbers are ids already. */
  async id(recordType: string, ref: RefInput): Promise<string> {
    if (typeof ref === 'number') return String(ref);
    if (typeof ref === 'object') {
      if ('id' in ref) return String(ref.id);
      return this.byName(recordType, ref.name);
    }
    return /^-?\d+$/.test(ref.trim()) ? ref.trim() : this.byName(recordType, ref);
  }

  private byName(recordType: string, name: string): Promise<string> {
    const column = NAME_COLUMN[recordType];
    if (!column) return Promise.reject(new TypeError(`${recordType} references must be given by id`));
    const key = `${recordType}\u0000${name.trim().toLowerCase()}`;
    let found = this.cache.get(key);
    if (!found) {
      found = (async () => {
        const page = await this.suiteql.page(
          `SELECT id FROM ${recordType} WHERE LOWER(${column}) = LOWER(?)`,
          [name.trim()],
          2,
        );
        const [only] = page.items;
        if (!only || page.items.length !== 1) throw new NameNotFoundError(recordType, name, page.items.length);
        return String(only.id);
      })();
      found.catch(() => this.cache.delete(key));
      this.cache.set(key, found);
    }
    return found;
  }
}
