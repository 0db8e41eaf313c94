// ESLint (flat config): typescript-eslint's type-checked rules on every TypeScript file, each file
// checked against its own tsconfig (lib/suitescript has one without Node types), and the import
// boundaries between the rooms of lib/ (CONTRIBUTING.md, "Style").
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * What each room of lib/ may import: the other rooms it may reach (`rooms`, or `notRooms` it must not),
 * and which package specifiers (`packages`, a regular expression; absent: any).
 */
const BOUNDARIES = {
  core: {
    rooms: [],
    packages: null,
    says: 'lib/core imports nothing outside lib/core (no N/*, node:* or npm packages)',
  },
  suitescript: { rooms: ['core'], packages: '^N(/|$)', says: 'lib/suitescript imports only lib/core and N/*' },
  webhooks: {
    rooms: ['core'],
    packages: '^(node:|standardwebhooks(/|$)|selfsigned$)',
    says: 'lib/webhooks imports only lib/core, node:* and its packages (standardwebhooks, selfsigned)',
  },
  client: { notRooms: ['sandbox'], says: 'lib/client never imports lib/sandbox' },
  sandbox: { notRooms: ['client'], says: 'lib/sandbox never imports lib/client' },
};
const DEPTHS = [0, 1, 2, 3]; // lib/<room>/*.ts, lib/<room>/*/*.ts, …

const alternatives = (names) => `(${names.join('|')})(/|$)`;

/** no-restricted-imports patterns for a file `depth` folders below lib/<room>/. */
function restrictions(room, depth) {
  const { rooms, notRooms, packages, says } = BOUNDARIES[room];
  // `depth` times `../` stays inside the room; one more reaches lib/ and names a room (or goes above lib/).
  const toLib = `^(\\.\\./){${depth}}\\.\\.`;
  const patterns = [];
  if (rooms) patterns.push({ regex: `${toLib}($|/(?!${alternatives([room, ...rooms])}))`, message: says });
  if (notRooms) patterns.push({ regex: `${toLib}/${alternatives(notRooms)}`, message: says });
  if (rooms) patterns.push({ regex: packages ? `^(?!\\.)(?!${packages})` : '^(?!\\.)', message: says });
  return patterns.map((p) => ({ ...p, caseSensitive: true }));
}

const boundaries = Object.keys(BOUNDARIES).flatMap((room) =>
  DEPTHS.map((depth) => ({
    files: [`lib/${room}/${'*/'.repeat(depth)}*.ts`],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: restrictions(room, depth) }] },
  })),
);

export default tseslint.config(
  { ignores: ['src/FileCabinet/**', 'dist/**', 'coverage/**', 'node_modules/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // From strictTypeChecked, the rules that fit this code base as it is.
      '@typescript-eslint/no-deprecated': 'error',
      '@typescript-eslint/no-dynamic-delete': 'error',
      '@typescript-eslint/no-extraneous-class': 'error',
      '@typescript-eslint/no-invalid-void-type': 'error',
      '@typescript-eslint/no-meaningless-void-operator': 'error',
      '@typescript-eslint/no-mixed-enums': 'error',
      '@typescript-eslint/no-unnecessary-boolean-literal-compare': 'error',
      '@typescript-eslint/no-unnecessary-template-expression': 'error',
      '@typescript-eslint/no-unnecessary-type-arguments': 'error',
      '@typescript-eslint/no-unnecessary-type-parameters': 'error',
      '@typescript-eslint/no-useless-constructor': 'error',
      '@typescript-eslint/prefer-literal-enum-member': 'error',
      '@typescript-eslint/prefer-reduce-type-parameter': 'error',
      '@typescript-eslint/prefer-return-this-type': 'error',
      '@typescript-eslint/unified-signatures': 'error',
      '@typescript-eslint/use-unknown-in-catch-callback-variable': 'error',
      // The same conventions as tsc's noUnusedLocals/noUnusedParameters: a leading _ marks "unused on purpose".
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // A variable read by a closure before its one assignment (`let account!: …`) stays `let`.
      'prefer-const': ['error', { destructuring: 'all', ignoreReadBeforeAssign: true }],
      // `text || fallback` treats an empty string as absent on purpose (SDF XML, request parameters, env).
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // Untyped JavaScript (the built bundle, CommonJS configs and scripts) is required and typed where it is used.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['\\.c?js$'] }],
      // Off: String(value) on untyped data (SuiteQL rows, parsed JSON, script arguments) is the intended JavaScript conversion.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  boundaries,
  {
    // lib/ only (tests and benchmarks may assert what they have just set up): guard a value that may be
    // missing instead of asserting it with `!`, handle every member of a union in a switch, and keep every
    // function to one screen (CONTRIBUTING.md, "Style"; blank lines and comments do not count).
    files: ['lib/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    // Plain JavaScript: build scripts, configs (CommonJS where .js/.cjs) and the sandbox's SuiteScript fixtures.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' }, // CommonJS: require() is how these files import
  },
  {
    files: ['test/sandbox/fixtures/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.amd }, // SuiteScript 2.x AMD modules
  },
);
