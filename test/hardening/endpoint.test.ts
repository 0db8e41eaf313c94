/**
 * Hardening (issue 6, item 4): endpoint URL validation. Property: whatever an administrator (or an
 * attacker with access to the deployment) types, an endpoint `checkEndpoint` accepts is an https URL
 * without credentials whose host — as a WHATWG URL parser, Node's and the sandbox's N/https, reads it — is
 * on the allow-list. Tricks tried: userinfo, backslashes, fragments, percent-encoding, tabs, trailing
 * dots, look-alike suffixes and prefixes, ports, IPv6, case.
 */
import fc from 'fast-check';
import { checkEndpoint } from '../../lib/core';

const ALLOWED = new Set(['hooks.example.com', '::1']);

const piece = fc.constantFrom(
  'hooks.example.com',
  'HOOKS.Example.COM',
  'evil.net',
  'hooks.example.com.evil.net',
  'evil-hooks.example.com',
  'hooks.example.com.',
  'hooks%2eexample.com',
  'xn--hooks-example',
  '[::1]',
  '127.0.0.1',
  '',
);
const sep = fc.constantFrom(
  '',
  '/',
  '\\',
  '@',
  ':',
  ':443',
  ':8443',
  '#',
  '?',
  '%40',
  '\t',
  ' ',
  '.',
  '//',
  ':@',
  'user:pw@',
);
const scheme = fc.constantFrom(
  'https://',
  'HTTPS://',
  'http://',
  'https:/',
  'https:\\\\',
  'ftp://',
  '//',
  'https://user@',
  'javascript://',
);

describe('endpoint URLs', () => {
  test('property: an accepted URL is https, carries no credentials, and reaches only an allowed host', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        scheme,
        fc.array(fc.tuple(piece, sep), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('', '/hooks', '/a?b=c#d'),
        (s, parts, tail) => {
          const url = s + parts.map(([p, q]) => p + q).join('') + tail;
          if (checkEndpoint(url, ALLOWED) !== null) return;
          accepted++;
          const parsed = new URL(url);
          expect(parsed.protocol).toBe('https:');
          expect(parsed.username + parsed.password).toBe('');
          expect(ALLOWED.has(parsed.hostname.replace(/^\[|\]$/g, ''))).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(30); // the property was really exercised on accepted URLs
  });

  test.each([
    ['https://hooks.example.com@evil.net/', /credentials/],
    ['https://evil.net\\@hooks.example.com/', /credentials|not in/],
    ['https://evil.net#@hooks.example.com', /not in/],
    ['https://hooks.example.com.evil.net/', /host hooks\.example\.com\.evil\.net is not in/],
    ['http://hooks.example.com/', /must use https/],
    ['https://hooks%2eexample.com/', /not in/],
    ['hooks.example.com/x', /not an absolute URL/],
  ])('%s is refused: %p', (url, message) => {
    expect(checkEndpoint(url, ALLOWED)).toMatch(message);
  });

  test('allowed forms: any case, a port, IPv6, and any https host when there is no allow-list', () => {
    for (const url of ['https://HOOKS.example.com/x', 'https://hooks.example.com:8443/x?y#z', 'https://[::1]:9/x'])
      expect(checkEndpoint(url, ALLOWED)).toBeNull();
    expect(checkEndpoint('https://anything.example.org/', null)).toBeNull();
  });
});
