/**
 * The node test environment, plus one rule: a suite closes what it opens. After the last hook of a test
 * file, sandbox accounts, receivers and REST servers the suite left open (see sandbox-leaks.ts) are
 * closed here — so jest can exit — and the suite fails, naming them.
 */
const { TestEnvironment } = require('jest-environment-node');

class SandboxTestEnvironment extends TestEnvironment {
  async teardown() {
    const tracker = this.global.__sandboxLeaks;
    const leftOpen = tracker ? [...(await tracker.closeLeftovers())] : [];
    await super.teardown();
    if (leftOpen.length > 0)
      throw new Error(`the suite left open (now closed): ${leftOpen.join(', ')}; close them in afterAll`);
  }
}

module.exports = SandboxTestEnvironment;
