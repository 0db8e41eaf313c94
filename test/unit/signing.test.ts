import { Webhook } from 'standardwebhooks';
import { signatureHeader, signingInput, unixSeconds, USER_AGENT, VERSION, webhookHeaders } from '../../lib/core';
import { hmacB64, PREV_SECRET_B64, SECRET_B64 } from './fixtures';
import pkg from '../../package.json';

const BODY = JSON.stringify({ type: 'employee.updated', data: { id: 'evt_1', name: 'Zoë 😀 "quoted"' } });

function signed(id: string, ts: number, body: string, secrets: string[]) {
  return webhookHeaders(
    id,
    ts,
    secrets.map((s) => hmacB64(s, signingInput(id, ts, body))),
  );
}

describe('signing input and headers', () => {
  it('signing input is "<id>.<timestamp>.<body>"', () => {
    expect(signingInput('evt_1', 1700000000, '{"a":1}')).toBe('evt_1.1700000000.{"a":1}');
  });

  it('signature header: v1 entries separated by one space, in the given order', () => {
    expect(signatureHeader(['AAA='])).toBe('v1,AAA=');
    expect(signatureHeader(['CUR=', 'PREV='])).toBe('v1,CUR= v1,PREV=');
    expect(() => signatureHeader([])).toThrow();
  });

  it('headers carry the contract names and values', () => {
    expect(webhookHeaders('evt_1', 1700000000, ['S='])).toEqual({
      'content-type': 'application/json',
      'webhook-id': 'evt_1',
      'webhook-timestamp': '1700000000',
      'webhook-signature': 'v1,S=',
      'user-agent': `suitehooks/${pkg.version}`,
    });
    expect(USER_AGENT).toBe(`suitehooks/${VERSION}`);
  });

  it('unixSeconds floors milliseconds', () => {
    expect(unixSeconds(1_700_000_000_999)).toBe(1_700_000_000);
  });
});

describe('verification with the official standardwebhooks package', () => {
  const now = unixSeconds(Date.now());

  it('verifies a body signed with the base64-decoded secret', () => {
    const headers = signed('evt_1', now, BODY, [SECRET_B64]);
    expect(new Webhook('whsec_' + SECRET_B64).verify(BODY, { ...headers })).toEqual(JSON.parse(BODY));
    // The signature equals the package's own.
    expect(headers['webhook-signature']).toBe(
      new Webhook('whsec_' + SECRET_B64).sign('evt_1', new Date(now * 1000), BODY),
    );
  });

  it('rejects a tampered body, a wrong secret and a stale timestamp', () => {
    const headers = { ...signed('evt_1', now, BODY, [SECRET_B64]) };
    expect(() => new Webhook('whsec_' + SECRET_B64).verify(BODY.replace('Zoë', 'Zoe'), headers)).toThrow();
    expect(() => new Webhook('whsec_' + PREV_SECRET_B64).verify(BODY, headers)).toThrow();
    const stale = { ...signed('evt_1', now - 600, BODY, [SECRET_B64]) };
    expect(() => new Webhook('whsec_' + SECRET_B64).verify(BODY, stale)).toThrow();
  });

  it('a body with lone surrogates and control characters is ASCII-escaped JSON that still verifies', () => {
    const body = JSON.stringify({ title: 'a\uD800b\u0000c\u2028' });
    expect(body).toContain('\\ud800');
    const headers = { ...signed('evt_2', now, body, [SECRET_B64]) };
    expect(new Webhook('whsec_' + SECRET_B64).verify(body, headers)).toEqual({ title: 'a\uD800b\u0000c\u2028' });
  });

  it('rotation: two signatures, current first, each secret verifies', () => {
    const headers = { ...signed('evt_1', now, BODY, [SECRET_B64, PREV_SECRET_B64]) };
    const [first, second] = headers['webhook-signature'].split(' ');
    expect(first).toBe('v1,' + hmacB64(SECRET_B64, signingInput('evt_1', now, BODY)));
    expect(second).toBe('v1,' + hmacB64(PREV_SECRET_B64, signingInput('evt_1', now, BODY)));
    expect(() => new Webhook('whsec_' + SECRET_B64).verify(BODY, headers)).not.toThrow();
    expect(() => new Webhook('whsec_' + PREV_SECRET_B64).verify(BODY, headers)).not.toThrow();
  });
});
