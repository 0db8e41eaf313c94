/**
 * `npm test` checks the code before it runs a test: formatting, then the type checks, then lint (the
 * cheap checks first), then the build the tests need. Prettier and the editors agree on the line
 * length, and Prettier leaves build output, generated files and the hand-written Markdown alone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const repo = path.join(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(repo, file), 'utf8');
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

test('pretest runs format:check, typecheck, lint and build, in that order, stopping at the first failure', () => {
  expect(scripts.pretest).toBe('npm run format:check && npm run typecheck && npm run lint && npm run build');
  expect(scripts['format:check']).toBe('prettier --check .');
  expect(scripts.format).toBe('prettier --write .');
  expect(scripts.lint).toBe('eslint --max-warnings 0 .');
});

test('Prettier and .editorconfig agree on the line length; build output, generated files and Markdown are not formatted', () => {
  const prettier = JSON.parse(read('.prettierrc')) as { printWidth: number };
  expect(read('.editorconfig')).toMatch(new RegExp(`^\\[\\*\\][^[]*^max_line_length = ${prettier.printWidth}$`, 'm'));
  const ignored = read('.prettierignore').split('\n');
  for (const entry of [
    'src/FileCabinet/',
    'dist/',
    'package-lock.json',
    'schema/suitehooks-event.schema.json',
    '*.md',
  ]) {
    expect(ignored).toContain(entry);
  }
});
