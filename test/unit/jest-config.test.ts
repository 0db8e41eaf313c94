/** The test run is bounded: every test and hook has a time limit, and nothing force-exits past open handles. */
import * as fs from 'node:fs';
import * as path from 'node:path';

const repo = path.join(__dirname, '..', '..');
const config = require('../../jest.config.js') as {
  testTimeout?: number;
  forceExit?: boolean;
  openHandlesTimeout?: number;
};

test('every test and hook has a time limit that a busy machine can meet', () => {
  expect(config.testTimeout).toBeGreaterThanOrEqual(10_000);
  expect(config.testTimeout).toBeLessThanOrEqual(120_000);
});

test('open handles are reported, never hidden by --forceExit', () => {
  expect(config.forceExit).toBeUndefined();
  expect(config.openHandlesTimeout).toBeGreaterThan(0);
  const scripts = (
    JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  expect(Object.values(scripts).join('\n')).not.toMatch(/forceExit/);
  expect(fs.readFileSync(path.join(repo, '.ci', 'run'), 'utf8')).not.toMatch(/forceExit/);
});

test("the whole CI run's own limit ends it before CI's 90 minutes would, silently", () => {
  const limit = Number(
    /LIMIT="\$\{SUITEHOOKS_CI_TIMEOUT:-(\d+)\}"/.exec(fs.readFileSync(path.join(repo, '.ci', 'run'), 'utf8'))?.[1],
  );
  expect(limit).toBeGreaterThan(0);
  expect(limit).toBeLessThan(90 * 60);
});
