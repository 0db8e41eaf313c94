/**
 * Property-based tests of the pure core (issue 6, item 2). Modest run counts by default so the file
 * takes a few seconds; `SOAK=1 npx jest test/unit/properties` runs 20,000 cases per property, SOAK=<n> n cases.
 */
import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import {
  buildEvent,
  diffRecords,
  EMPLOYEE_FIELDS,
  MAX_ATTEMPTS,
  MAX_RETRY_AFTER_MS,
  nextAttemptAt,
  parseRetryAfter,
  RETRY_DELAYS_MS,
  FORBIDDEN_FIELDS,
  fromRestRecord,
  makeEventId,
  overlay,
  resolveField,
  sameValue,
  serializeEvent,
  signingInput,
  toRestBody,
  webhookHeaders,
  zonedToUtc,
  type CanonicalRecord,
  type CanonicalValue,
  type Changes,
  type ChangeType,
  type FieldSpec,
  type Ref,
  type WebhookEvent,
} from '../../lib/core';
import { hmacB64, PREV_SECRET_B64, SECRET_B64 } from './fixtures';

const SOAK = process.env.SOAK ? (Number(process.env.SOAK) > 1 ? Number(process.env.SOAK) : 20_000) : 0;
const runs = (n: number) => ({ numRuns: SOAK || n });
jest.setTimeout(SOAK ? 3_600_000 : 20_000);

const CUSTOM: FieldSpec[] = [
  resolveField('custentity_auto')!,
  resolveField('custentity_when:datetime')!,
  resolveField('custentity_born:date')!,
  resolveField('custentity_skills:multiselect')!,
  resolveField('custentity_count:integer')!,
  resolveField('custentity_rate:float')!,
  resolveField('custentity_flag:boolean')!,
  resolveField('custentity_boss:select')!,
];
const FIELDS: FieldSpec[] = [...EMPLOYEE_FIELDS, ...CUSTOM];
const TRACKED = FIELDS.filter((f) => !f.readOnly);

// ---- value arbitraries -------------------------------------------------------------------------

/** Instants around DST changes (US, EU, southern hemisphere) plus anything in a wide range. */
const DST_EDGES = [
  Date.UTC(2026, 2, 8, 7),
  Date.UTC(2026, 10, 1, 6),
  Date.UTC(2026, 2, 29, 1),
  Date.UTC(2026, 9, 25, 1),
  Date.UTC(2026, 3, 4, 16),
  Date.UTC(2026, 9, 3, 16),
  Date.UTC(2026, 3, 5, 3),
  Date.UTC(2026, 8, 6, 4),
  Date.UTC(2024, 1, 29, 12),
];
const instant = fc.oneof(
  fc
    .tuple(fc.constantFrom(...DST_EDGES), fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }))
    .map(([t, d]) => t + d),
  fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
);
const dateTime = instant.map((t) => new Date(t).toISOString());
const date = instant.map((t) => new Date(t).toISOString().slice(0, 10));

const shortText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }), // any code point, lone surrogates included
);
/** Now and then a huge string (up to ~200 kB) with unicode in it. */
const text = fc.oneof(
  { weight: 10, arbitrary: shortText },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 10_000, max: 200_000 }), shortText).map(([n, s]) => 'é😀'.repeat(n / 3) + s),
  },
);
const empty = fc.constantFrom<CanonicalValue>(null, '');
const orEmpty = <T extends CanonicalValue>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 1, arbitrary: empty }, { weight: 3, arbitrary: arb });

const refId = fc.integer({ min: -5, max: 40 }).map(String); // small range: ids collide between records
const ref: fc.Arbitrary<Ref> = fc.record({ id: refId, refName: fc.option(shortText, { nil: null }) });
const refs = fc.oneof(
  fc.array(ref, { maxLength: 6 }),
  fc.array(ref, { minLength: 50, maxLength: 300 }), // long role lists (duplicates allowed: NetSuite data is not always clean)
);
const multi = fc.oneof(fc.constant<CanonicalValue>(null), fc.constant<CanonicalValue>([]), refs);
const anyValue: fc.Arbitrary<CanonicalValue> = fc.oneof(
  empty,
  shortText,
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  ref,
  fc.array(ref, { maxLength: 5 }),
  dateTime,
  date,
);

function valueOf(spec: FieldSpec): fc.Arbitrary<CanonicalValue> {
  switch (spec.kind) {
    case 'text':
      return orEmpty(text);
    case 'boolean':
      return fc.boolean();
    case 'date':
      return orEmpty(date);
    case 'datetime':
      return orEmpty(dateTime);
    case 'integer':
      return fc.option(fc.integer(), { nil: null });
    case 'float':
      return fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null });
    case 'select':
      return fc.option(ref, { nil: null });
    case 'multiselect':
    case 'sublist':
      return multi;
    case 'auto':
      return anyValue;
  }
}

const model = Object.fromEntries(FIELDS.map((f) => [f.rest, valueOf(f)]));
/** A canonical employee; some keys may be missing altogether (null). */
const record: fc.Arbitrary<CanonicalRecord> = fc.oneof(
  fc.record(model) as fc.Arbitrary<CanonicalRecord>,
  fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<CanonicalRecord>,
);
/** A pair of records that share most values, so small diffs are as common as total ones. */
const pair: fc.Arbitrary<[CanonicalRecord, CanonicalRecord]> = fc.oneof(
  fc.tuple(record, record),
  fc
    .tuple(record, record, fc.array(fc.constantFrom(...FIELDS.map((f) => f.rest)), { maxLength: 5 }))
    .map(([a, b, keep]) => {
      const next: CanonicalRecord = { ...a };
      for (const k of keep) next[k] = b[k] ?? null;
      return [a, next] as [CanonicalRecord, CanonicalRecord];
    }),
);

// ---- helpers ------------------------------------------------------------------------------------

const isMembership = (c: Changes[string]): c is { added: Ref[]; removed: Ref[] } => 'added' in c;
const ids = (v: CanonicalValue | undefined) => (Array.isArray(v) ? v.map((r) => r.id) : []);

/** Applies `changes` to the old record the way a receiver would. */
function apply(old: CanonicalRecord, changes: Changes): CanonicalRecord {
  const out: CanonicalRecord = { ...old };
  for (const [key, change] of Object.entries(changes)) {
    if (isMembership(change)) {
      const removed = new Set(change.removed.map((r) => r.id));
      const kept = (Array.isArray(old[key]) ? old[key] : []).filter((r) => !removed.has(r.id));
      out[key] = [...kept, ...change.added];
    } else out[key] = change.new;
  }
  return out;
}

// ---- properties ---------------------------------------------------------------------------------

describe('diff properties', () => {
  it('changedFields is sorted and exactly the keys of changes, never a read-only field', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const { changes, changedFields } = diffRecords(a, b, FIELDS);
        expect(Object.keys(changes)).toEqual(changedFields);
        expect(changedFields).toEqual([...changedFields].sort());
        expect(changedFields).not.toContain('lastModifiedDate');
      }),
      runs(200),
    );
  });

  it('diff(a, a) is empty, also when empties are spelt differently', () => {
    fc.assert(
      fc.property(record, (a) => {
        expect(diffRecords(a, a, FIELDS).changedFields).toEqual([]);
        const respelt: CanonicalRecord = {};
        for (const [k, v] of Object.entries(a))
          respelt[k] = v === null ? '' : v === '' || (Array.isArray(v) && v.length === 0) ? null : v;
        expect(diffRecords(a, respelt, FIELDS).changedFields).toEqual([]);
      }),
      runs(200),
    );
  });

  it('diff(a, b) and diff(b, a) report the same fields with old/new and added/removed swapped', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const ab = diffRecords(a, b, FIELDS);
        const ba = diffRecords(b, a, FIELDS);
        expect(ba.changedFields).toEqual(ab.changedFields);
        for (const key of ab.changedFields) {
          const x = ab.changes[key]!;
          const y = ba.changes[key]!;
          if (isMembership(x)) expect(y).toEqual({ added: x.removed, removed: x.added });
          else expect(y).toEqual({ old: x.new, new: x.old });
        }
      }),
      runs(200),
    );
  });

  it('applying changes to the old record gives the new one on every tracked field', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const result = apply(a, diffRecords(a, b, FIELDS).changes);
        for (const f of TRACKED) {
          const got = result[f.rest] ?? null;
          const want = b[f.rest] ?? null;
          if (!sameValue(got, want))
            throw new Error(
              `${f.rest}: ${JSON.stringify(got)?.slice(0, 200)} != ${JSON.stringify(want)?.slice(0, 200)}`,
            );
          if (f.kind === 'sublist') expect(new Set(ids(got))).toEqual(new Set(ids(want)));
        }
      }),
      runs(200),
    );
  });

  it('xedit: only carried fields are reported, and applying them gives the overlaid record', () => {
    const partial = fc.tuple(record, record, fc.subarray(FIELDS.map((f) => f.rest)));
    fc.assert(
      fc.property(partial, ([a, full, carried]) => {
        const present = new Set(carried);
        const b: CanonicalRecord = {};
        for (const k of carried) b[k] = full[k] ?? null;
        const { changedFields, changes } = diffRecords(a, b, FIELDS, { present });
        for (const k of changedFields) expect(present.has(k)).toBe(true);
        const merged = overlay(a, b, present);
        const result = apply(a, changes);
        for (const f of TRACKED) expect(sameValue(result[f.rest] ?? null, merged[f.rest] ?? null)).toBe(true);
      }),
      runs(150),
    );
  });
});

describe('envelope properties', () => {
  const SECRETS = ['password', 'password2', 'socialSecurityNumber'];
  /** Misconfigured field specs that would put the forbidden fields into a diff: the envelope must still drop them. */
  const HOSTILE: FieldSpec[] = SECRETS.map((rest) => ({ rest, nsId: rest.toLowerCase(), column: null, kind: 'text' }));
  const excludable = FIELDS.map((f) => f.rest).filter((r) => r !== 'id');

  const scenario = fc.record({
    pair,
    changeType: fc.constantFrom<ChangeType>('create', 'update', 'delete'),
    payloadMode: fc.constantFrom<'full' | 'changes'>('full', 'changes'),
    excluded: fc.subarray(excludable, { maxLength: 6 }),
    recordId: fc.integer({ min: 1, max: 1e9 }).map(String),
    nonce: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 12 }),
    marker: fc.uuid(),
    origin: fc.record({
      executionContext: fc.constantFrom('USERINTERFACE', 'RESTWEBSERVICES', 'CSVIMPORT'),
      user: fc.option(fc.record({ id: refId }), { nil: null }),
      role: fc.option(fc.record({ id: refId }), { nil: null }),
    }),
    rotation: fc.boolean(),
  });

  it('serialises to JSON that standardwebhooks verifies, and leaks no forbidden or excluded field', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const [a0, b0] = s.pair;
        const leaked = SECRETS.map((_k, i) => `LEAK-${i}-${s.marker}`);
        const withSecrets = (r: CanonicalRecord) => ({
          ...r,
          ...Object.fromEntries(SECRETS.map((k, i) => [k, leaked[i]!])),
        });
        const a = withSecrets(a0);
        const b = withSecrets({ ...b0, password: 'other' });
        const old = s.changeType === 'create' ? null : a;
        const next = s.changeType === 'delete' ? null : b;
        const diff = diffRecords(old, next, [...FIELDS, ...HOSTILE]);
        const sequence = Date.UTC(2026, 0, 1) + Number(s.recordId);
        const id = makeEventId(s.recordId, sequence, s.nonce);
        const excluded = new Set(s.excluded);
        const event = buildEvent({
          id,
          account: '1234567_SB1',
          recordType: 'employee',
          recordId: s.recordId,
          changeType: s.changeType,
          eventType: s.changeType === 'update' ? 'edit' : s.changeType,
          committedAt: new Date(sequence),
          diff,
          record: next ?? old,
          payloadMode: s.payloadMode,
          lifecycle: [],
          warnings: [],
          origin: s.origin,
          sequence,
          excluded,
        });
        const body = serializeEvent(event);

        // Valid JSON, same content as built.
        const parsed = JSON.parse(body) as WebhookEvent;
        expect(parsed.data.id).toBe(id);
        expect(Object.keys(parsed.data.changes)).toEqual(parsed.data.changedFields);
        expect('record' in parsed.data).toBe(s.payloadMode === 'full');

        // No forbidden value anywhere, no forbidden or excluded key in record or changes.
        for (const marker of leaked) expect(body).not.toContain(marker);
        const keys = [...Object.keys(parsed.data.changes), ...Object.keys(parsed.data.record ?? {})];
        for (const k of keys) {
          expect(FORBIDDEN_FIELDS.has(k) || FORBIDDEN_FIELDS.has(k.toLowerCase())).toBe(false);
          expect(excluded.has(k)).toBe(false);
        }

        // Signed as the bundle signs, verified by the official library (with and without a rotation).
        const ts = Math.floor(Date.now() / 1000);
        const secrets = s.rotation ? [SECRET_B64, PREV_SECRET_B64] : [SECRET_B64];
        const headers = {
          ...webhookHeaders(
            id,
            ts,
            secrets.map((k) => hmacB64(k, signingInput(id, ts, body))),
          ),
        };
        expect(new Webhook('whsec_' + SECRET_B64).verify(body, headers)).toEqual(parsed);
        if (s.rotation) expect(new Webhook('whsec_' + PREV_SECRET_B64).verify(body, headers)).toEqual(parsed);
      }),
      runs(60),
    );
  });
});

describe('wire format properties', () => {
  it('a REST request body read back as a REST record gives the same values', () => {
    const writable = FIELDS.filter((f) => !f.readOnly);
    const writableModel = Object.fromEntries(writable.map((f) => [f.rest, valueOf(f)]));
    fc.assert(
      fc.property(fc.record(writableModel) as fc.Arbitrary<CanonicalRecord>, (r) => {
        const back = fromRestRecord(toRestBody(r, writable), writable);
        for (const f of writable) expect(sameValue(back[f.rest] ?? null, r[f.rest] ?? null)).toBe(true);
      }),
      runs(100),
    );
  });

  it("zonedToUtc inverts the zone's wall clock, the earlier instant when a wall time occurs twice", () => {
    const zones = [
      'America/New_York',
      'Europe/Berlin',
      'Europe/Dublin',
      'Australia/Sydney',
      'Australia/Lord_Howe',
      'America/Santiago',
      'Asia/Kolkata',
      'Pacific/Chatham',
    ];
    const wall = (t: number, timeZone: string) => {
      const p = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', {
          timeZone,
          hourCycle: 'h23',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
        })
          .formatToParts(new Date(t))
          .map((x) => [x.type, x.value]),
      );
      return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
    };
    fc.assert(
      fc.property(
        instant.map((t) => Math.floor(t / 1000) * 1000),
        fc.constantFrom(...zones),
        (t, zone) => {
          const local = wall(t, zone);
          const back = zonedToUtc(local, zone);
          expect(wall(back, zone)).toBe(local);
          // Either t itself or an earlier instant with the same wall time (the first of a repeated hour).
          expect(back === t || (back < t && t - back <= 3_600_000)).toBe(true);
          if (back !== t) expect(wall(t - (t - back), zone)).toBe(local);
        },
      ),
      runs(300),
    );
  });
});

describe('retry schedule properties', () => {
  it('every retry is a finite time within the jittered step, or the retry-after capped at a day', () => {
    const header = fc.oneof(
      fc.constant(undefined),
      fc.nat().map(String),
      fc.string({ unit: 'binary-ascii' }),
      fc.stringMatching(/^[0-9]{1,400}$/),
      instant.map((t) => new Date(t).toUTCString()),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_ATTEMPTS - 1 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        header,
        (attempts, r, h) => {
          const now = Date.UTC(2026, 0, 1);
          const at = nextAttemptAt(attempts, now, () => r, parseRetryAfter(h, now))!;
          const step = RETRY_DELAYS_MS[attempts - 1]!;
          expect(Number.isFinite(at)).toBe(true);
          expect(at - now).toBeGreaterThanOrEqual(Math.round(step * 0.9));
          expect(at - now).toBeLessThanOrEqual(Math.max(Math.round(step * 1.1), MAX_RETRY_AFTER_MS));
        },
      ),
      runs(300),
    );
  });
});
