/**
 * suitecloud.config.js: `suitecloud project:deploy` builds and tests first (Oracle's beforeExecuting
 * hook, subsect_156145736925), and a failing step stops the deploy. The CLI itself is not installed
 * here (it downloads Oracle's SDK), so the hook is called as the CLI calls it.
 */
import { spawnSync } from 'node:child_process';

jest.mock('node:child_process', () => ({ spawnSync: jest.fn() }));

type Hook = (context: {
  command: string;
  projectPath: string;
  arguments: Record<string, unknown>;
}) => Promise<{ arguments: Record<string, unknown> }>;
const config = require('../../suitecloud.config.js') as {
  defaultProjectFolder: string;
  commands: Record<string, { beforeExecuting: Hook }>;
};
/** spawnSync as the hook calls it: (command, args, options). */
const spawn = spawnSync as unknown as jest.Mock<{ status: number }, [string, string[], unknown]>;
const context = { command: 'project:deploy', projectPath: '/repo', arguments: { accountspecificvalues: 'ERROR' } };

beforeEach(() => spawn.mockReset());

test('project:deploy runs `npm run build` then `npm run test`, and returns the arguments unchanged', async () => {
  spawn.mockReturnValue({ status: 0 });
  const result = await config.commands['project:deploy']!.beforeExecuting(context);
  expect(spawn.mock.calls.map((c) => c[1].join(' '))).toEqual(['run build', 'run test']);
  expect(spawn.mock.calls.every((c) => c[0] === 'npm')).toBe(true);
  // The CLI refuses a hook result without an `arguments` object.
  expect(result).toBe(context);
  expect(config.defaultProjectFolder).toBe('src');
});

test('a failing test run stops the deploy with a clear error', async () => {
  spawn.mockReturnValueOnce({ status: 0 }).mockReturnValueOnce({ status: 1 });
  await expect(config.commands['project:deploy']!.beforeExecuting(context)).rejects.toThrow(
    'npm run test failed (exit 1); nothing was deployed',
  );
});

test('a failing build stops before the tests', async () => {
  spawn.mockReturnValue({ status: 2 });
  await expect(config.commands['project:deploy']!.beforeExecuting(context)).rejects.toThrow('npm run build failed');
  expect(spawn).toHaveBeenCalledTimes(1);
});

test('project:validate builds first', async () => {
  spawn.mockReturnValue({ status: 0 });
  await config.commands['project:validate']!.beforeExecuting({ ...context, command: 'project:validate' });
  expect(spawn.mock.calls.map((c) => c[1].join(' '))).toEqual(['run build']);
});
