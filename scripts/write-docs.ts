/**
 * `npm run docs`: rewrites the generated blocks of README.md, CONTRIBUTING.md and docs/*.md
 * (scripts/docs.ts). npm runs it from the repository root, bundled by esbuild into dist/scripts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeDocs } from './docs';

const root = process.cwd();
if (!fs.existsSync(path.join(root, 'scripts', 'docs.ts')))
  throw new Error(`run it from the repository root, not ${root}`);
const changed = writeDocs(root);
console.log(changed.length ? `rewrote ${changed.join(', ')}` : 'every generated block is current');
