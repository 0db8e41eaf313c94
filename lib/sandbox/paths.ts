/** Where the repository is, from source (lib/sandbox) or from the build (dist/lib/sandbox). */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'suitehooks')
      return dir;
    if (path.dirname(dir) === dir) throw new Error('cannot find the suitehooks repository root');
  }
}

/** The SDF project the bundle build writes (`src/`, with Objects and FileCabinet). */
export function defaultProjectDir(): string {
  return path.join(repoRoot(), 'src');
}
