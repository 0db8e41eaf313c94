/** `npm start --once`: the story runs on the real bundle and every step's event arrives, verified. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { createClient, Secret, type SyncItem } from '../../lib/client';
import { DEPLOYMENT } from '../../lib/core';
import { parseStartArgs } from '../../lib/sandbox/config';
import { main, start } from '../../lib/sandbox/start';
import { repoRoot } from '../../lib/sandbox/paths';

let dir: string;
const built = path.join(repoRoot(), 'dist', 'lib', 'sandbox', 'start.js');

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-start-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the story, in process', async () => {
  const lines: string[] = [];
  await main(['--once', '--credentials', path.join(dir, 'credentials.json')], (l) => lines.push(l));
  const out = lines.join('\n');
  expect(out).toMatch(/REST API +http:\/\/127\.0\.0\.1:\d+\/services\/rest\/record\/v1\/employee/);
  expect(out).toContain('employee.created');
  expect(out).toMatch(/title: "Engineer" → "Senior Engineer"/);
  expect(out).toMatch(/mobilePhone: ∅ → "\+46 70 123 45 67"/);
  expect(out).toMatch(/1 pending delivery/);
  expect(out).toMatch(/lifecycle: deactivated, access_revoked/);
  expect(out).toMatch(
    /console +http:\/\/127\.0\.0\.1:\d+\/app\/login\/sandbox\?session=\w+&next=%2Fapp%2Fsite%2Fhosting%2Fscriptlet\.nl/,
  );
  // The story ends with a dead delivery replayed from the console and sent by the retry worker.
  expect(out).toMatch(/1 dead delivery: evt_\w+ \(HTTP 410 Gone/);
  expect(out).toContain('console: 1 delivery replayed.');
  expect(out).toContain(`retry worker: ${DEPLOYMENT.retryWorker} COMPLETE`);
  expect(out).toMatch(
    /vendor.updated vendor \d+ \(edit, USERINTERFACE\)\n +giveAccess: false → true\n +roles: \+Accountant\n +lifecycle: access_granted/,
  );
  // Two receivers with different secrets and filters: the SIEM (an endpoint record) gets only the
  // events that change its fields (not the phone number's inline edit), verified with its own secret.
  expect(out).toMatch(/endpoint \d+: https:\/\/127\.0\.0\.1:\d+\/webhooks \(API Secret custsecret_suitehooks_siem/);
  expect(out).toMatch(/siem: evt_\w+ → 200, signature verified/);
  expect(out).toMatch(
    /✔ 8 \+ 7 \(siem\) events received, verified and valid against the JSON Schema; deliveries kept: 2 delivered/,
  );
  const credentials = JSON.parse(fs.readFileSync(path.join(dir, 'credentials.json'), 'utf8')) as unknown;
  expect(credentials).toMatchObject({ account: '1234567_SB1', m2m: { algorithm: 'ES256' } });
  // The signing secret is never printed.
  expect(out).not.toMatch(/whsec_/);
});

(fs.existsSync(built) ? test : test.skip)(
  'the built entry point `node dist/lib/sandbox/start.js --once` exits 0',
  () => {
    const result = spawnSync(process.execPath, [built, '--once', '--credentials', path.join(dir, 'built.json')], {
      encoding: 'utf8',
      timeout: 25_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('events received, verified and valid against the JSON Schema');
  },
  30_000,
);

describe('--config with a file that is not JSON', () => {
  const secret = 'TOP-SECRET-VALUE-123';
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  test('names the file, the line and the column, never the content', () => {
    const file = write(
      'bad.json',
      `{\n  "accountId": "1234567_SB1",\n  "secrets": { "custsecret_x": "${secret}" oops }\n}\n`,
    );
    let message = '';
    try {
      parseStartArgs(['--config', file]);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(`--config ${file}: not valid JSON (line 3, column 55: InvalidSymbol)`);
    expect(message).not.toContain(secret);
    expect(message).not.toContain('oops');
  });

  test('a JSON value that is not an object, or an unreadable file, is named too', () => {
    expect(() => parseStartArgs(['--config', write('array.json', `["${secret}"]`)])).toThrow(
      /^--config .*array\.json: must hold a JSON object$/,
    );
    expect(() => parseStartArgs(['--config', path.join(dir, 'missing.json')])).toThrow(/missing\.json/);
  });

  (fs.existsSync(built) ? test : test.skip)('the built entry point prints the same line and exits 1', () => {
    const file = write('bad2.json', `{ "secrets": { "custsecret_x": "${secret}", } }`);
    const result = spawnSync(process.execPath, [built, '--config', file], { encoding: 'utf8', timeout: 25_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`--config ${file}: not valid JSON (line 1, column`);
    expect(result.stdout + result.stderr).not.toContain(secret);
  });
});

test('one clock: after npm start moves the account clock ahead, an incremental sync exports only what changed', async () => {
  const file = path.join(dir, 'clock-credentials.json');
  const run = await start(parseStartArgs(['--no-story', '--credentials', file]), () => undefined);
  try {
    const creds = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      account: string;
      baseUrl: string;
      m2m: Record<'clientId' | 'certificateId' | 'privateKey', string>;
    };
    const client = createClient({
      account: creds.account,
      baseUrl: creds.baseUrl,
      auth: {
        type: 'm2m',
        clientId: creds.m2m.clientId,
        certificateId: creds.m2m.certificateId,
        privateKey: new Secret(creds.m2m.privateKey),
      },
    });
    const collect = async (items: AsyncIterable<SyncItem>) => {
      const out = { ids: [] as string[], cursor: null as SyncItem['cursor'] | null };
      for await (const item of items) {
        out.ids.push(String(item.record.id));
        out.cursor = item.cursor;
      }
      return out;
    };
    run.account.clock.advance(20 * 60_000); // what the story does before the retry run
    const full = await collect(client.sync());
    expect(full.ids.length).toBeGreaterThan(5);
    await client.employees.update('2', { title: 'After the jump' });
    run.account.clock.advance(10_000); // past the settle window, on NetSuite's clock
    const next = await collect(client.sync({ cursor: full.cursor }));
    expect(next.ids).toEqual(['2']);
    const again = await collect(client.sync({ cursor: next.cursor }));
    expect(again.ids).toEqual([]);
  } finally {
    await run.stop();
  }
}, 60_000);

test('npm start offers an ES256 and a PS256 certificate, prints both, and a PS256 assertion gets a token', async () => {
  const file = path.join(dir, 'ps256-credentials.json');
  const lines: string[] = [];
  const run = await start(parseStartArgs(['--no-story', '--credentials', file]), (l) => lines.push(l));
  try {
    const creds = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      baseUrl: string;
      m2m: Record<'clientId' | 'certificateId' | 'algorithm', string>;
      m2mPs256: Record<'clientId' | 'certificateId' | 'privateKey' | 'algorithm', string>;
    };
    expect(creds.m2mPs256).toMatchObject({ clientId: creds.m2m.clientId, algorithm: 'PS256' });
    expect(lines.join('\n')).toContain(
      `certificate ids: ES256 ${creds.m2m.certificateId} ("m2m"), PS256 ${creds.m2mPs256.certificateId} ("m2mPs256")`,
    );
    const tokenUrl = `${creds.baseUrl}/services/rest/auth/oauth2/v1/token`;
    const iat = Math.floor(Date.now() / 1000);
    const jwt = await new SignJWT({ scope: 'rest_webservices' })
      .setProtectedHeader({ alg: 'PS256', kid: creds.m2mPs256.certificateId })
      .setIssuer(creds.m2mPs256.clientId)
      .setAudience(tokenUrl)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 3000)
      .sign(createPrivateKey(creds.m2mPs256.privateKey));
    const res = await fetch(tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: jwt,
      }),
    });
    expect(res.status).toBe(200);
  } finally {
    await run.stop();
  }
}, 60_000);
