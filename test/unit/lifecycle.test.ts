import { detectLifecycle, detectWarnings } from '../../lib/core';
import { employee } from './fixtures';

describe('detectLifecycle', () => {
  const on = { isInactive: false, giveAccess: true };
  it.each([
    ['deactivated', on, { isInactive: true, giveAccess: true }, ['deactivated']],
    ['reactivated', { isInactive: true, giveAccess: false }, { isInactive: false, giveAccess: false }, ['reactivated']],
    ['access_granted', { isInactive: false, giveAccess: false }, on, ['access_granted']],
    ['access_revoked', on, { isInactive: false, giveAccess: false }, ['access_revoked']],
    ['full deprovision', on, { isInactive: true, giveAccess: false }, ['deactivated', 'access_revoked']],
    ['no transition', on, on, []],
  ])('%s', (_name, before, after, expected) => {
    expect(detectLifecycle('update', employee(before), employee(after))).toEqual(expected);
  });

  it('create: a new employee starts active and without access', () => {
    expect(detectLifecycle('create', null, employee({ isInactive: false, giveAccess: true }))).toEqual([
      'access_granted',
    ]);
    expect(detectLifecycle('create', null, employee({ isInactive: false, giveAccess: false }))).toEqual([]);
  });

  it('delete reports no transition', () => {
    expect(detectLifecycle('delete', employee(), null)).toEqual([]);
    expect(detectLifecycle('delete', employee(), employee({ isInactive: true }))).toEqual([]);
  });

  it('a flag missing from either side is unknown, not a transition', () => {
    expect(detectLifecycle('update', { title: 'x' }, employee({ isInactive: true }))).toEqual([]);
    expect(detectLifecycle('update', employee(), { title: 'x' })).toEqual([]);
  });
});

describe('detectWarnings', () => {
  it('PARTIAL_DEPROVISION only when inactive with access still given', () => {
    expect(detectWarnings(employee({ isInactive: true, giveAccess: true }))).toEqual(['PARTIAL_DEPROVISION']);
    expect(detectWarnings(employee({ isInactive: true, giveAccess: false }))).toEqual([]);
    expect(detectWarnings(employee({ isInactive: false, giveAccess: true }))).toEqual([]);
    expect(detectWarnings({ isInactive: true })).toEqual([]);
    expect(detectWarnings(null)).toEqual([]);
  });
});
