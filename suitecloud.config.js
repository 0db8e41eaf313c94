/**
 * SuiteCloud CLI project settings (subsect_156145736925). Before `suitecloud project:deploy` uploads
 * src/, the hook builds the bundle from the TypeScript and runs the whole test suite, as Oracle's SDF
 * templates do: a stale or failing build never reaches an account. `project:validate` builds first.
 * `beforeExecuting` must return the command's arguments; a throw stops the command.
 */
const { spawnSync } = require('node:child_process');

function npmRun(script) {
  const result = spawnSync('npm', ['run', script], {
    cwd: __dirname,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    const why = result.error ? result.error.message : `exit ${result.status ?? result.signal}`;
    throw new Error(`npm run ${script} failed (${why}); nothing was deployed`);
  }
}

/** A beforeExecuting hook that runs the npm scripts in order, then lets the command go on unchanged. */
function runFirst(...scripts) {
  return async (context) => {
    for (const script of scripts) npmRun(script);
    return context;
  };
}

module.exports = {
  defaultProjectFolder: 'src',
  commands: {
    'project:deploy': { beforeExecuting: runFirst('build', 'test') },
    'project:validate': { beforeExecuting: runFirst('build') },
  },
};
