/** `npm start --once`: the story runs on the real bundle and every step's event arrives, verified. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../lib/sandbox/start';
import { repoRoot } from '../../lib/sandbox/paths';

let dir: string;

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
  expect(out).toMatch(/console +http:\/\/127\.0\.0\.1:\d+\/app\/login\/sandbox\?session=\w+&next=%2Fapp%2Fsite%2Fhosting%2Fscriptlet\.nl/);
  // The story ends with a dead delivery replayed from the console and sent by the retry worker.
  expect(out).toMatch(/1 dead delivery: evt_\w+ \(HTTP 410 Gone/);
  expect(out).toContain('console: 1 delivery replayed.');
  expect(out).toMatch(/retry worker: customdeploy_suitehooks_retry_worker COMPLETE/);
  expect(out).toMatch(/✔ 6 events received and verified; deliveries kept: 2 delivered/);
  const credentials = JSON.parse(fs.readFileSync(path.join(dir, 'credentials.json'), 'utf8'));
  expect(credentials).toMatchObject({ account: '1234567_SB1', m2m: { algorithm: 'ES256' } });
  // The signing secret is never printed.
  expect(out).not.toMatch(/whsec_/);
});

const built = path.join(repoRoot(), 'dist', 'lib', 'sandbox', 'start.js');

(fs.existsSync(built) ? test : test.skip)('the built entry point `node dist/lib/sandbox/start.js --once` exits 0', () => {
  const result = spawnSync(process.execPath, [built, '--once', '--credentials', path.join(dir, 'built.json')], { encoding: 'utf8', timeout: 25_000 });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('events received and verified');
}, 30_000);
