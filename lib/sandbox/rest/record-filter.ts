/**
 * The `q` query parameter of a record collection (section_1545222128): conditions `field OPERATOR
 * value`, joined by AND / OR, grouped with parentheses. Values are bare words (`barbara`, `1000`,
 * `true`), double-quoted text (`"Another Company"`, `"1/1/2019"`) or bracketed lists (`[1, 2, 3]`).
 * This module reads the syntax; which operators fit which field is the account's check. Errors name
 * the parameter (`o:errorQueryParam: q`), never the values (they may be personal data).
 */
import type { FilterCondition, RecordFilter } from '../account/account-types';
import { invalidParameter } from './errors';

/** Operators of section_1545222128 (with N/query's `ENDWITH` spelling too) and how many values each takes. */
const ARITY: Record<string, 'none' | 'one' | 'two' | 'some'> = {
  EMPTY: 'none',
  EMPTY_NOT: 'none',
  IS: 'one',
  IS_NOT: 'one',
  ANY_OF: 'some',
  ANY_OF_NOT: 'some',
  BETWEEN: 'two',
  BETWEEN_NOT: 'two',
  WITHIN: 'two',
  WITHIN_NOT: 'two',
  EQUAL: 'one',
  EQUAL_NOT: 'one',
  GREATER: 'one',
  GREATER_NOT: 'one',
  GREATER_OR_EQUAL: 'one',
  GREATER_OR_EQUAL_NOT: 'one',
  LESS: 'one',
  LESS_NOT: 'one',
  LESS_OR_EQUAL: 'one',
  LESS_OR_EQUAL_NOT: 'one',
  CONTAIN: 'one',
  CONTAIN_NOT: 'one',
  START_WITH: 'one',
  START_WITH_NOT: 'one',
  END_WITH: 'one',
  END_WITH_NOT: 'one',
  ENDWITH: 'one',
  ENDWITH_NOT: 'one',
  AFTER: 'one',
  AFTER_NOT: 'one',
  BEFORE: 'one',
  BEFORE_NOT: 'one',
  ON: 'one',
  ON_NOT: 'one',
  ON_OR_AFTER: 'one',
  ON_OR_AFTER_NOT: 'one',
  ON_OR_BEFORE: 'one',
  ON_OR_BEFORE_NOT: 'one',
};

const MAX_LENGTH = 4000;
const MAX_CONDITIONS = 50;
const MAX_DEPTH = 10;

type Token = { type: 'punct'; text: '(' | ')' | '[' | ']' | ',' } | { type: 'word' | 'quoted'; text: string };

export const badFilter = (problem: string) => invalidParameter(`Invalid value for the q parameter: ${problem}.`, 'q');

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s+|([()[\],])|"([^"]*)"|([^\s()[\],"]+)|(")/y;
  while (pattern.lastIndex < q.length) {
    const at = pattern.lastIndex;
    const m = pattern.exec(q);
    if (!m) throw badFilter(`unexpected character ${at + 1}`); // never: every character starts an alternative
    if (m[1] !== undefined) tokens.push({ type: 'punct', text: m[1] as '(' });
    else if (m[2] !== undefined) tokens.push({ type: 'quoted', text: m[2] });
    else if (m[3] !== undefined) tokens.push({ type: 'word', text: m[3] });
    else if (m[4] !== undefined) throw badFilter(`a quoted value is not closed (character ${at + 1})`);
  }
  return tokens;
}

class Parser {
  private at = 0;
  private conditions = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): RecordFilter {
    const filter = this.expression(0);
    if (this.at < this.tokens.length)
      throw badFilter(`unexpected ${this.describe(this.tokens[this.at])} after a complete condition`);
    return filter;
  }

  private describe(token: Token | undefined): string {
    if (!token) return 'end of the filter';
    return token.type === 'punct' ? `"${token.text}"` : token.type === 'quoted' ? 'quoted value' : 'word';
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private isPunct(text: string): boolean {
    const t = this.peek();
    return t?.type === 'punct' && t.text === text;
  }

  /** Conditions joined by one kind of joiner; mixing AND and OR needs parentheses (the docs give no precedence). */
  private expression(depth: number): RecordFilter {
    if (depth > MAX_DEPTH) throw badFilter(`parentheses nest deeper than ${MAX_DEPTH}`);
    const first = this.operand(depth);
    const parts = [first];
    let joiner: 'AND' | 'OR' | null = null;
    for (let t = this.peek(); t?.type === 'word' && (t.text === 'AND' || t.text === 'OR'); t = this.peek()) {
      if (joiner !== null && t.text !== joiner)
        throw badFilter('AND and OR are mixed without parentheses; group the conditions with ( )');
      joiner = t.text;
      this.at++;
      parts.push(this.operand(depth));
    }
    return joiner === null ? first : { kind: joiner === 'AND' ? 'and' : 'or', parts };
  }

  private operand(depth: number): RecordFilter {
    if (!this.isPunct('(')) return this.condition();
    this.at++;
    const inner = this.expression(depth + 1);
    if (!this.isPunct(')')) throw badFilter(`expected ")" but found ${this.describe(this.peek())}`);
    this.at++;
    return inner;
  }

  private condition(): FilterCondition {
    const field = this.tokens[this.at++];
    if (field?.type !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(field.text))
      throw badFilter(`expected a field name but found ${this.describe(field)}`);
    const op = this.tokens[this.at++];
    const arity = op?.type === 'word' ? ARITY[op.text] : undefined;
    if (op?.type !== 'word' || arity === undefined) {
      throw badFilter(
        op?.type === 'word'
          ? `unknown operator "${op.text.slice(0, 30)}" (operators are upper case, e.g. IS, START_WITH, ANY_OF)`
          : `expected an operator after ${field.text}`,
      );
    }
    if (++this.conditions > MAX_CONDITIONS) throw badFilter(`more than ${MAX_CONDITIONS} conditions`);
    const values = arity === 'none' ? [] : this.values(op.text, arity);
    return { kind: 'condition', field: field.text, operator: op.text, values };
  }

  private values(operator: string, arity: 'one' | 'two' | 'some'): FilterCondition['values'] {
    const bracketed = this.isPunct('[');
    const list = bracketed ? this.list() : [this.value()];
    const ok = arity === 'some' ? list.length >= 1 : arity === 'two' ? bracketed && list.length === 2 : !bracketed;
    if (!ok) {
      throw badFilter(
        `${operator} takes ${arity === 'two' ? 'two values, as [a, b]' : arity === 'some' ? 'one or more values, as [a, b, …]' : 'one value'}`,
      );
    }
    return list;
  }

  private list(): FilterCondition['values'] {
    this.at++;
    const out = [this.value()];
    while (this.isPunct(',')) {
      this.at++;
      out.push(this.value());
    }
    if (!this.isPunct(']')) throw badFilter(`expected "]" but found ${this.describe(this.peek())}`);
    this.at++;
    return out;
  }

  private value(): { text: string; quoted: boolean } {
    const t = this.tokens[this.at++];
    if (t?.type === 'quoted') return { text: t.text, quoted: true };
    if (t?.type === 'word') return { text: t.text, quoted: false };
    throw badFilter(`expected a value but found ${this.describe(t)}`);
  }
}

/** Parses `q`; throws 400 INVALID_PARAMETER naming `q` for anything it cannot read. */
export function parseRecordFilter(q: string): RecordFilter {
  if (q.length > MAX_LENGTH) throw badFilter(`longer than ${MAX_LENGTH} characters`);
  const tokens = tokenize(q);
  if (tokens.length === 0) throw badFilter('empty');
  return new Parser(tokens).parse();
}
