/**
 * The published JSON Schema (schema/suitehooks-event.schema.json, docs/events.md): generated from the
 * TypeScript event types, accepts every event type the bundle builds, and refuses what the contract
 * excludes, so a receiver in any language can rely on it.
 */
import * as fs from 'node:fs';
import {
  buildEvent,
  detectLifecycle,
  detectWarnings,
  diffRecords,
  EMPLOYEE_FIELDS,
  EVENT_TYPE_NAMES,
  resolveField,
  serializeEvent,
  USER_RECORD_TYPES,
  type CanonicalRecord,
  type ChangeType,
  type EventInput,
  type UserRecordType,
} from '../../lib/core';
import { roleDelta, userRecordType } from '../../lib/client';
import type { Changes } from '../../lib/core';
import { buildPingEvent, makePingId } from '../../lib/core/ping';
import { eventSchemaProblems } from '../../lib/sandbox/receiver/event-schema';
import { employee } from '../unit/fixtures';

const { generateSchema, SCHEMA_FILE } = require('../../scripts/build-schema.cjs') as {
  generateSchema: () => unknown;
  SCHEMA_FILE: string;
};

const FIELDS = [
  ...EMPLOYEE_FIELDS,
  resolveField('custentity_badge')!,
  resolveField('custentity_skills:multiselect')!,
  resolveField('custentity_level:integer')!,
];
const ORIGIN = { executionContext: 'RESTWEBSERVICES', user: { id: '-5' }, role: { id: '3' } };

function event(over: Partial<EventInput>, before: CanonicalRecord | null, after: CanonicalRecord | null): unknown {
  const input: EventInput = {
    id: 'evt_456_m7x2k1_a8f3b2c1',
    account: '1234567_SB1',
    recordType: 'employee',
    recordId: '456',
    changeType: 'update',
    eventType: 'edit',
    committedAt: new Date(Date.UTC(2026, 2, 6, 12, 34, 56, 789)),
    diff: diffRecords(before, after, FIELDS),
    record: after ?? before,
    payloadMode: 'full',
    lifecycle: [],
    warnings: [],
    origin: ORIGIN,
    sequence: 1741264496789,
    ...over,
  };
  // What a receiver parses: the exact serialised body.
  return JSON.parse(serializeEvent(buildEvent(input)));
}

const hired = employee({ custentity_skills: [{ id: '4', refName: 'SQL' }], custentity_level: 3 });
const promoted = employee({
  title: 'Senior Engineer',
  department: { id: '10', refName: 'Engineering' },
  roles: [
    { id: '15', refName: 'Sales Rep' },
    { id: '3', refName: null },
  ],
});
const offboarded = employee({ isInactive: true, giveAccess: true });

// The console's own test event, as it serialises it (lib/core/ping.ts).
const PING = JSON.parse(
  JSON.stringify(
    buildPingEvent({
      id: makePingId(Date.UTC(2026, 2, 6, 12, 40), '0c1d2e3f'),
      account: '1234567_SB1',
      origin: { executionContext: 'SUITELET', user: { id: '7' }, role: { id: '3' } },
      nowMs: Date.UTC(2026, 2, 6, 12, 40),
    }),
  ),
) as { type: string; timestamp: string; data: Record<string, unknown> };

/** A vendor, partner or customer as the registry's field map reads it: access and its role field set. */
function loginRecord(type: UserRecordType, over: CanonicalRecord = {}): CanonicalRecord {
  const base: CanonicalRecord = {
    entityId: `${type.id} 1`,
    isPerson: true,
    firstName: 'Pat',
    lastName: 'Ner',
    email: 'pat@example.com',
    isInactive: false,
    giveAccess: false,
    lastModifiedDate: '2026-03-06T12:34:56.789Z',
    [type.roles.rest]: type.roles.kind === 'sublist' ? [] : null,
  };
  return { ...base, ...over };
}

/** Every type other than the employee: created, granted access with a role, and deleted (lifecycle as the bundle detects it). */
function loginSamples(type: UserRecordType): [string, unknown][] {
  const role = { id: '15', refName: 'Sales Rep' };
  const granted = loginRecord(type, {
    giveAccess: true,
    [type.roles.rest]: type.roles.kind === 'sublist' ? [role] : role,
  });
  const sample = (changeType: ChangeType, before: CanonicalRecord | null, after: CanonicalRecord | null) =>
    event(
      {
        recordType: type.id,
        changeType,
        eventType: changeType === 'update' ? 'edit' : changeType,
        diff: diffRecords(before, after, type.fields),
        lifecycle: detectLifecycle(changeType, before, after),
        warnings: detectWarnings(after),
      },
      before,
      after,
    );
  return [
    [`${type.id}.created`, sample('create', null, loginRecord(type))],
    [`${type.id}.updated (access granted with a role)`, sample('update', loginRecord(type), granted)],
    [`${type.id}.updated (deactivated, access kept)`, sample('update', granted, { ...granted, isInactive: true })],
    [`${type.id}.deleted`, sample('delete', granted, null)],
  ];
}

const SAMPLES: [string, unknown][] = [
  ['employee.created (full payload, custom fields)', event({ changeType: 'create', eventType: 'create' }, null, hired)],
  ['employee.updated (refs, roles added and removed)', event({}, employee(), promoted)],
  [
    'employee.updated by inline edit, payload mode changes (no record)',
    event({ eventType: 'xedit', payloadMode: 'changes' }, employee(), employee({ mobilePhone: '+46 70 123 45 67' })),
  ],
  [
    'employee.updated with lifecycle and a warning',
    event({ lifecycle: ['deactivated'], warnings: ['PARTIAL_DEPROVISION'] }, employee(), offboarded),
  ],
  [
    'employee.deleted (last known values)',
    event(
      {
        changeType: 'delete',
        eventType: 'delete',
        origin: { executionContext: 'USERINTERFACE', user: null, role: null },
      },
      employee(),
      null,
    ),
  ],
  ...USER_RECORD_TYPES.filter((t) => t.id !== 'employee').flatMap(loginSamples),
  ['suitehooks.ping', PING],
];

test('the committed schema is what the TypeScript event types generate (else run `npm run schema`)', () => {
  const committed: unknown = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  expect(committed).toEqual(generateSchema());
});

test.each(SAMPLES)('%s validates', (_name, body) => {
  expect(eventSchemaProblems(body)).toEqual([]);
});

test('the samples cover every event type the schema names', () => {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as {
    definitions: { EventTypeName: { enum: string[] }; PingEvent: { properties: { type: { const: string } } } };
  };
  const named = [...schema.definitions.EventTypeName.enum, schema.definitions.PingEvent.properties.type.const].sort();
  const sampled = [...new Set(SAMPLES.map(([, body]) => (body as { type: string }).type))].sort();
  expect(sampled).toEqual(named);
});

test("the event types and record types are the registry's (lib/core/record-types.ts), not a hand list", () => {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as {
    definitions: { EventTypeName: { enum: string[] }; UserRecordTypeId: { enum: string[] } };
  };
  expect(schema.definitions.EventTypeName.enum).toEqual(EVENT_TYPE_NAMES);
  expect(schema.definitions.UserRecordTypeId.enum).toEqual(USER_RECORD_TYPES.map((t) => t.id));
});

test('a vendor granted access carries access_granted and the added role; a deactivated one keeps PARTIAL_DEPROVISION', () => {
  const body = (name: string) => SAMPLES.find(([n]) => n.startsWith(name))![1] as { data: Record<string, unknown> };
  expect(body('vendor.updated (access').data).toMatchObject({
    recordType: 'vendor',
    lifecycle: ['access_granted'],
    changes: { roles: { added: [{ id: '15' }], removed: [] } },
  });
  expect(body('customer.updated (access').data).toMatchObject({
    lifecycle: ['access_granted'],
    changes: { accessRole: { old: null, new: { id: '15' } } },
  });
  expect(body('partner.updated (deactivated').data).toMatchObject({ warnings: ['PARTIAL_DEPROVISION'] });
  // The package's roleDelta reads either storage as added/removed (docs/events.md).
  for (const name of ['vendor', 'partner', 'customer']) {
    const data = body(`${name}.updated (access`).data as { recordType: string; changes: Changes };
    expect(roleDelta(userRecordType(data.recordType)!, data.changes)).toEqual({
      added: [{ id: '15', refName: 'Sales Rep' }],
      removed: [],
    });
  }
});

describe('the schema refuses what the contract excludes', () => {
  const updated = SAMPLES[1]![1] as { type: string; timestamp: string; data: Record<string, unknown> };
  const broken: [string, unknown][] = [
    ['an unknown event type', { ...updated, type: 'employee.renamed' }],
    ['a record type that cannot log in', { ...updated, type: 'contact.updated' }],
    ['an unknown data.recordType', { ...updated, data: { ...updated.data, recordType: 'contact' } }],
    ['a timestamp that is not a date-time', { ...updated, timestamp: '06/03/2026' }],
    ['a webhook-id charset violation', { ...updated, data: { ...updated.data, id: 'evt.456' } }],
    ['a missing sequence', { ...updated, data: { ...updated.data, sequence: undefined } }],
    ['a fractional sequence', { ...updated, data: { ...updated.data, sequence: 1.5 } }],
    ['an unknown lifecycle transition', { ...updated, data: { ...updated.data, lifecycle: ['fired'] } }],
    ['an extra envelope member', { ...updated, extra: true }],
    [
      'a select without an id',
      { ...updated, data: { ...updated.data, changes: { department: { old: null, new: { refName: 'Ops' } } } } },
    ],
    ['a ping carrying employee changes', { ...PING, data: { ...PING.data, changes: {} } }],
  ];
  test.each(broken)('%s', (_name, body) => {
    expect(eventSchemaProblems(JSON.parse(JSON.stringify(body)))).not.toEqual([]);
  });
});
