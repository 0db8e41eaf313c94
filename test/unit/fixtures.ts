/** Shared fixtures of the core unit and property tests. */
import { createHmac } from 'node:crypto';
import { EMPLOYEE_FIELDS, resolveField, type CanonicalRecord, type FieldSpec } from '../../lib/core';

export const BADGE = resolveField('custentity_badge')!; // auto kind
export const SKILLS = resolveField('custentity_skills:multiselect')!;
export const FIELDS: FieldSpec[] = [...EMPLOYEE_FIELDS, BADGE, SKILLS];

export const SECRET_B64 = Buffer.from('0123456789abcdef0123456789abcdef').toString('base64');
export const PREV_SECRET_B64 = Buffer.from('fedcba9876543210fedcba9876543210').toString('base64');

/** What the bundle does with N/crypto: HMAC-SHA256 keyed by the base64-decoded secret. */
export function hmacB64(secretB64: string, input: string): string {
  return createHmac('sha256', Buffer.from(secretB64, 'base64')).update(input, 'utf8').digest('base64');
}

export function employee(over: CanonicalRecord = {}): CanonicalRecord {
  return {
    entityId: 'E-1',
    externalId: null,
    firstName: 'Jane',
    lastName: 'Doe',
    email: 'jane@example.com',
    title: 'Engineer',
    phone: null,
    mobilePhone: null,
    isInactive: false,
    giveAccess: true,
    subsidiary: { id: '1', refName: 'Parent' },
    department: { id: '3', refName: 'Ops' },
    location: null,
    supervisor: { id: '7', refName: 'Boss' },
    employeeType: { id: '2', refName: 'Full Time' },
    hireDate: '2024-01-15',
    lastModifiedDate: '2026-03-06T12:34:56.789Z',
    roles: [{ id: '15', refName: 'Sales Rep' }],
    custentity_badge: 'B-1',
    custentity_skills: null,
    ...over,
  };
}
