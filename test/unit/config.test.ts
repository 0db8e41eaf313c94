import type { ContextType } from 'N/runtime';
import {
  checkEndpoint,
  CONTEXT_TYPE,
  CONTEXT_TYPE_BEYOND_TYPINGS,
  EMPLOYEE_FIELDS,
  parseConfig,
  PARAM,
  postsInline,
  userRecordType,
} from '../../lib/core';

/**
 * CONTEXT_TYPE is `runtime.ContextType` exactly as @hitc/netsuite-types declares it, keys and values:
 * `npm run typecheck` refuses a missing, extra or misspelt entry (lib/core cannot import N/ itself).
 */
type DeclaredContextType = { readonly [K in keyof typeof ContextType]: `${(typeof ContextType)[K]}` };
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const contextTypeAsDeclared: Same<typeof CONTEXT_TYPE, DeclaredContextType> = true;

const GOOD = {
  [PARAM.endpointUrl]: 'https://hooks.example.com/netsuite',
  [PARAM.secretId]: 'custsecret_suitehooks',
};

const parse = (params: Record<string, unknown>) => parseConfig((id) => params[id]);

test("CONTEXT_TYPE has the keys and values of the typings' runtime.ContextType (checked by the compiler)", () => {
  expect(contextTypeAsDeclared).toBe(true);
  expect(Object.keys(CONTEXT_TYPE)).toHaveLength(new Set(Object.values(CONTEXT_TYPE)).size);
});

test("OCRPLUGIN and RECORDACTION (on Oracle's runtime.ContextType page, not in the typings) are contexts, not typos", () => {
  const { config, errors } = parse({ ...GOOD, [PARAM.contexts]: 'USERINTERFACE, ocrplugin, RECORDACTION' });
  expect(errors).toEqual([]);
  expect([...config.contexts!]).toEqual(['USERINTERFACE', 'OCRPLUGIN', 'RECORDACTION']);
  for (const value of Object.values(CONTEXT_TYPE_BEYOND_TYPINGS))
    expect(Object.values(CONTEXT_TYPE)).not.toContain(value);
});

describe('parseConfig', () => {
  it('accepts the minimal configuration and fills in the defaults', () => {
    const { config, errors } = parse(GOOD);
    expect(errors).toEqual([]);
    expect(config).toMatchObject({
      endpointUrl: 'https://hooks.example.com/netsuite',
      secretId: 'custsecret_suitehooks',
      prevSecretId: null,
      contexts: null,
      deliveryMode: 'auto',
      payloadMode: 'full',
      allowedHosts: null,
    });
    expect(config.fields.map((f) => f.rest)).toEqual(EMPLOYEE_FIELDS.map((f) => f.rest));
    expect([...config.eventTypes].sort()).toEqual(['create', 'delete', 'edit', 'xedit']);
    expect(config.excluded.size).toBe(0);
  });

  it('reads every parameter', () => {
    const { config, errors } = parse({
      ...GOOD,
      [PARAM.prevSecretId]: ' CUSTSECRET_OLD ',
      [PARAM.fields]: 'firstName, title\nDEPARTMENT;custentity_badge:boolean custentity_notes',
      [PARAM.contexts]: 'userinterface,CSVIMPORT',
      [PARAM.deliveryMode]: 'Outbox',
      [PARAM.payloadMode]: 'changes',
      [PARAM.excludedFields]: 'email,mobilephone',
      [PARAM.eventTypes]: 'edit,xedit',
      [PARAM.allowedHosts]: 'HOOKS.example.com, other.example.com',
    });
    expect(errors).toEqual([]);
    expect(config.prevSecretId).toBe('custsecret_old');
    // Tracked fields plus the three lifecycle and sequence need.
    expect(config.fields.map((f) => `${f.rest}:${f.kind}`)).toEqual([
      'firstName:text',
      'title:text',
      'department:select',
      'custentity_badge:boolean',
      'custentity_notes:auto',
      'isInactive:boolean',
      'giveAccess:boolean',
      'lastModifiedDate:datetime',
    ]);
    expect([...config.contexts!]).toEqual(['USERINTERFACE', 'CSVIMPORT']);
    expect(config.deliveryMode).toBe('outbox');
    expect(config.payloadMode).toBe('changes');
    expect([...config.excluded]).toEqual(['email', 'mobilePhone']);
    expect([...config.eventTypes]).toEqual(['edit', 'xedit']);
    expect([...config.allowedHosts!]).toEqual(['hooks.example.com', 'other.example.com']);
  });

  // Each bad parameter gives exactly one message, and that message names the parameter.
  it.each([
    ['endpoint missing', { [PARAM.endpointUrl]: undefined }, PARAM.endpointUrl, /not set/],
    ['endpoint blank', { [PARAM.endpointUrl]: '   ' }, PARAM.endpointUrl, /not set/],
    ['endpoint http', { [PARAM.endpointUrl]: 'http://hooks.example.com/' }, PARAM.endpointUrl, /https/],
    ['endpoint relative', { [PARAM.endpointUrl]: 'hooks.example.com/x' }, PARAM.endpointUrl, /absolute/],
    [
      'endpoint credentials',
      { [PARAM.endpointUrl]: 'https://user:pw@hooks.example.com/' },
      PARAM.endpointUrl,
      /credentials/,
    ],
    ['endpoint no host', { [PARAM.endpointUrl]: 'https:///x' }, PARAM.endpointUrl, /no host/],
    [
      'endpoint off the allow-list',
      { [PARAM.allowedHosts]: 'other.example.com' },
      PARAM.endpointUrl,
      /not in custscript_suitehooks_allowed_hosts/,
    ],
    [
      'allowed host given as a URL',
      { [PARAM.allowedHosts]: 'https://hooks.example.com/, hooks.example.com' },
      PARAM.allowedHosts,
      /"https:\/\/hooks.example.com\/" is not a host name/,
    ],
    [
      'allowed host given only as a URL',
      { [PARAM.allowedHosts]: 'https://hooks.example.com/' },
      PARAM.allowedHosts,
      /is not a host name/,
    ],
    [
      'allowed host with a port',
      { [PARAM.allowedHosts]: 'hooks.example.com:443,hooks.example.com' },
      PARAM.allowedHosts,
      /not a host name/,
    ],
    ['secret missing', { [PARAM.secretId]: null }, PARAM.secretId, /not set/],
    ['secret malformed', { [PARAM.secretId]: 'my secret' }, PARAM.secretId, /custsecret_/],
    ['previous secret malformed', { [PARAM.prevSecretId]: 'whsec_abc' }, PARAM.prevSecretId, /custsecret_/],
    ['unknown field', { [PARAM.fields]: 'title,shoeSize' }, PARAM.fields, /"shoeSize"/],
    ['forbidden field', { [PARAM.fields]: 'password' }, PARAM.fields, /"password"/],
    ['bad custom kind', { [PARAM.fields]: 'custentity_x:blob' }, PARAM.fields, /custentity_x:blob/],
    ['unknown context', { [PARAM.contexts]: 'USERINTERFACE,TELEPATHY' }, PARAM.contexts, /"TELEPATHY"/],
    ['bad delivery mode', { [PARAM.deliveryMode]: 'sometimes' }, PARAM.deliveryMode, /"sometimes"/],
    ['bad payload mode', { [PARAM.payloadMode]: 'everything' }, PARAM.payloadMode, /"everything"/],
    ['unknown excluded field', { [PARAM.excludedFields]: 'nope' }, PARAM.excludedFields, /"nope"/],
    ['unknown event type', { [PARAM.eventTypes]: 'edit,approve' }, PARAM.eventTypes, /"approve"/],
  ])('%s', (_name, over, param, detail) => {
    const { errors } = parse({ ...GOOD, ...over });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(param);
    expect(errors[0]).toMatch(detail);
  });

  it('falls back to usable values when parameters are bad', () => {
    const { config, errors } = parse({
      [PARAM.deliveryMode]: 'x',
      [PARAM.payloadMode]: 'y',
      [PARAM.contexts]: 'NOPE,CSVIMPORT',
      [PARAM.eventTypes]: 'zz,create',
      [PARAM.fields]: 'bogus,title',
    });
    expect(errors.length).toBe(7);
    expect(config.deliveryMode).toBe('auto');
    expect(config.payloadMode).toBe('full');
    // A typo must lose no event: an unknown context, event type or field widens to the default.
    expect(config.contexts).toBeNull();
    expect([...config.eventTypes].sort()).toEqual(['create', 'delete', 'edit', 'xedit']);
    expect(config.fields.map((f) => f.rest)).toEqual([
      'title',
      ...EMPLOYEE_FIELDS.map((f) => f.rest).filter((r) => r !== 'title'),
    ]);
  });

  it('accepts excluding a forbidden field: it is always excluded, so asking for it is no error', () => {
    const { config, errors } = parse({ ...GOOD, [PARAM.excludedFields]: 'password, socialSecurityNumber, email' });
    expect(errors).toEqual([]);
    expect([...config.excluded]).toEqual(['email']);
  });

  it('tolerates spaces around the kind of a custom field', () => {
    const { config, errors } = parse({ ...GOOD, [PARAM.fields]: 'custentity_badge : boolean, title' });
    expect(errors).toEqual([]);
    expect(config.fields[0]).toMatchObject({ rest: 'custentity_badge', kind: 'boolean' });
  });

  it("resolves field names in the deployment's record type: a vendor's own fields, not an employee's", () => {
    const vendor = userRecordType('vendor')!;
    const read = (params: Record<string, unknown>) => parseConfig((id) => ({ ...GOOD, ...params })[id], vendor.fields);
    expect(read({}).config.fields).toEqual(vendor.fields);
    const own = read({ [PARAM.fields]: 'legalName, companyname', [PARAM.excludedFields]: 'email' });
    expect(own.errors).toEqual([]);
    expect(own.config.fields.map((f) => f.rest)).toEqual([
      'legalName',
      'companyName',
      'isInactive',
      'giveAccess',
      'lastModifiedDate',
    ]);
    expect(own.config.excluded).toEqual(new Set(['email']));
    const employeeOnly = read({ [PARAM.fields]: 'hireDate', [PARAM.excludedFields]: 'supervisor' });
    expect(employeeOnly.errors).toEqual([
      `${PARAM.fields}: unknown or forbidden field "hireDate"`,
      `${PARAM.excludedFields}: unknown field "supervisor"`,
    ]);
    expect(employeeOnly.config.fields).toEqual(vendor.fields); // the misspelt list falls back to the vendor's defaults
  });

  it('does not track a field twice', () => {
    const { config } = parse({ ...GOOD, [PARAM.fields]: 'title,TITLE,title,isinactive' });
    expect(config.fields.map((f) => f.rest)).toEqual(['title', 'isInactive', 'giveAccess', 'lastModifiedDate']);
  });
});

describe('checkEndpoint', () => {
  it('accepts https hosts, with ports, IPv6 and the allow-list in any case', () => {
    expect(checkEndpoint('https://a.example.com:8443/x?y=1', null)).toBeNull();
    expect(checkEndpoint('HTTPS://A.Example.com/x', new Set(['a.example.com']))).toBeNull();
    expect(checkEndpoint('https://[::1]:8443/x', new Set(['::1']))).toBeNull();
    const { errors } = parse({
      ...GOOD,
      [PARAM.endpointUrl]: 'https://[::1]:8443/x',
      [PARAM.allowedHosts]: '[::1], 10.0.0.1',
    });
    expect(errors).toEqual([]);
  });

  it('does not let a look-alike host pass the allow-list', () => {
    const allow = new Set(['good.example.com']);
    for (const url of [
      'https://good.example.com.evil.net/',
      'https://evil.net/good.example.com',
      'https://good.example.com@evil.net/',
      'https://evilgood.example.com/',
    ]) {
      expect(checkEndpoint(url, allow)).not.toBeNull();
    }
  });
});

describe('postsInline', () => {
  it('auto posts inline for interactive contexts and queues bulk ones', () => {
    expect(postsInline('auto', 'USERINTERFACE')).toBe(true);
    expect(postsInline('auto', 'restwebservices')).toBe(true);
    expect(postsInline('auto', 'CSVIMPORT')).toBe(false);
    expect(postsInline('auto', 'MAPREDUCE')).toBe(false);
    expect(postsInline('inline', 'CSVIMPORT')).toBe(true);
    expect(postsInline('outbox', 'USERINTERFACE')).toBe(false);
  });
});

describe('settings shared by several record types (an endpoint record)', () => {
  const read = (fields: string) => (id: string) => (id === PARAM.fields ? fields : null);
  const vendorFields = userRecordType('vendor')?.fields ?? [];

  test("another login type's field is unused, not a problem; a name no type has still is", () => {
    const shared = parseConfig(read('title, legalName'), vendorFields, true);
    expect(shared.problems.filter((p) => p.param === PARAM.fields)).toEqual([]);
    expect(shared.config.fields.map((f) => f.rest)).toContain('legalName');
    expect(shared.config.fields.map((f) => f.rest)).not.toContain('title');
    expect(shared.config.fields.map((f) => f.rest)).not.toContain('companyName'); // no fallback to all fields

    const typo = parseConfig(read('titel, legalName'), vendorFields, true);
    expect(typo.problems.map((p) => p.reason)).toContain('unknown or forbidden field');
  });

  test("one deployment's parameters stay strict: a field its record type lacks is a problem", () => {
    const own = parseConfig(read('title, legalName'), vendorFields);
    expect(own.problems.map((p) => p.reason)).toContain('unknown or forbidden field');
  });
});
