#!/usr/bin/env node
/**
 * Checks that the committed build output (src/FileCabinet/SuiteScripts/suitehooks) is exactly what a
 * fresh build of lib/suitescript produces: src/ is what `suitecloud project:deploy` uploads, so a
 * stale file there would deploy code nobody reviewed. Builds into a temporary folder, compares file
 * by file, and names every stale, missing or extra file. `.ci/run` runs it on a clean clone.
 *
 *   node scripts/check-build-output.mjs [projectRoot]   (default: this repository)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll, OUT_DIR } from './build-bundle.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

function filesIn(dir) {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/** Problems found comparing `<committedRoot>/OUT_DIR` with a fresh build; empty when they match. */
export async function buildOutputProblems(committedRoot = repo) {
  const fresh = mkdtempSync(join(tmpdir(), 'suitehooks-build-check-'));
  try {
    await buildAll(fresh);
    const committedDir = join(committedRoot, OUT_DIR);
    const freshDir = join(fresh, OUT_DIR);
    const problems = [];
    for (const file of filesIn(freshDir)) {
      const committed = join(committedDir, file);
      if (!existsSync(committed))
        problems.push(`${OUT_DIR}/${file} is missing: the build produces it but it is not committed`);
      else if (!readFileSync(committed).equals(readFileSync(join(freshDir, file))))
        problems.push(`${OUT_DIR}/${file} is stale: it differs from a fresh build`);
    }
    for (const file of filesIn(committedDir)) {
      if (!existsSync(join(freshDir, file)))
        problems.push(`${OUT_DIR}/${file} is not produced by the build (a script removed or renamed?)`);
    }
    return problems;
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? repo);
  buildOutputProblems(root).then(
    (problems) => {
      if (problems.length === 0) {
        console.log(`build output is up to date: ${OUT_DIR} matches a fresh build`);
        return;
      }
      console.error(
        `✗ committed build output does not match a fresh build:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
          'Run `npm run build` and commit src/FileCabinet.',
      );
      process.exit(1);
    },
    (e) => {
      console.error(`✗ could not build to check the committed output: ${e.message}`);
      process.exit(2);
    },
  );
}
