// Layer boundaries (see ../shared/design.md): each layer imports only from the layers above it.
// engine <- import <- storage <- worker <- cli/state <- ui
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', {
      patterns: forbidden.map((group) => ({ group: [group], message })),
    }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'dev-dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'reports/**', 'test/bench/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use string unions, not enums.' }],
    },
  },
  layer(['src/engine/**'], ['**/import/**', '**/storage/**', '**/worker/**', '**/cli/**', '**/state/**', '**/ui/**', 'react', 'react-dom', 'dexie', 'comlink', 'papaparse', 'zustand'],
    'src/engine is pure: no import, storage, worker, UI, DOM or IO dependencies.'),
  layer(['src/import/**'], ['**/storage/**', '**/worker/**', '**/cli/**', '**/state/**', '**/ui/**', 'react', 'dexie', 'comlink', 'zustand'],
    'src/import may import only engine and papaparse.'),
  layer(['src/storage/**'], ['**/import/**', '**/worker/**', '**/cli/**', '**/state/**', '**/ui/**', 'react', 'comlink', 'zustand', 'papaparse'],
    'src/storage may import only engine types and dexie.'),
  layer(['src/worker/**'], ['**/cli/**', '**/state/**', '**/ui/**', 'react', 'zustand'],
    'src/worker may import engine, import, storage and comlink.'),
  layer(['src/cli/**'], ['**/storage/**', '**/worker/**', '**/state/**', '**/ui/**', 'react', 'dexie', 'comlink', 'zustand'],
    'src/cli may import only engine and import.'),
  layer(['src/state/**'], ['**/import/**', '**/storage/**', '**/cli/**', '**/ui/**', 'dexie', 'papaparse', 'react-dom'],
    'src/state may import engine types and the worker client only.'),
  layer(['src/ui/**'], ['**/import/**', '**/storage/**', '**/cli/**', 'dexie', 'papaparse'],
    'src/ui talks to data through state and the worker client, never storage or import directly.'),
);
