/**
 * The published JSON Schema (schema/suitehooks-event.schema.json, docs/events.md): generated from the
 * TypeScript event types, accepts every event type the bundle builds, and refuses what the contract
 * excludes, so a receiver in any language can rely on it.
 */
import * as fs from 'node:fs';
import {
  buildEvent,
  diffRecords,
  EMPLOYEE_FIELDS,
  resolveField,
  serializeEvent,
  type CanonicalRecord,
  type EventInput,
} from '../../lib/core';
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

describe('the schema refuses what the contract excludes', () => {
  const updated = SAMPLES[1]![1] as { type: string; timestamp: string; data: Record<string, unknown> };
  const broken: [string, unknown][] = [
    ['an unknown event type', { ...updated, type: 'employee.renamed' }],
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
