import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layer rules from docs/ARCHITECTURE.md: renderer → shared ← main/core ← main (shell).
 * Imports are relative, so "which folder of src/ does this reach" depends on how deep the
 * importing file sits: one block per depth, each climbing exactly back to src/.
 */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https'];
const MAX_DEPTH = 6;

function layer({ base, stepsToSrc, forbiddenFolders, forbiddenPackages, extra = {} }) {
  return Array.from({ length: MAX_DEPTH }, (_, depth) => ({
    files: [`${base}/${'*/'.repeat(depth)}*.{ts,tsx}`],
    ...extra,
    rules: {
      ...extra.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: forbiddenPackages, message: 'this layer may not use it (see docs/ARCHITECTURE.md, Layers)' },
            {
              regex: `^(\\.\\./){${stepsToSrc + depth}}(${forbiddenFolders.join('|')})(/|$)`,
              message: 'this import crosses a layer the wrong way (see docs/ARCHITECTURE.md, Layers)',
            },
          ],
        },
      ],
    },
  }));
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  ...layer({
    base: 'src/shared',
    stepsToSrc: 1,
    forbiddenFolders: ['main', 'renderer', 'engine', 'cli', 'preload'],
    forbiddenPackages: [...nodeBuiltins, 'electron', 'react', 'better-sqlite3'],
  }),
  ...layer({ base: 'src/main/core', stepsToSrc: 2, forbiddenFolders: ['renderer', 'preload'], forbiddenPackages: ['electron'] }),
  ...layer({ base: 'src/engine', stepsToSrc: 1, forbiddenFolders: ['renderer', 'preload', 'cli'], forbiddenPackages: ['electron'] }),
  ...layer({ base: 'src/cli', stepsToSrc: 1, forbiddenFolders: ['renderer', 'preload'], forbiddenPackages: ['electron'] }),
  ...layer({
    base: 'src/renderer/src',
    stepsToSrc: 2,
    forbiddenFolders: ['main', 'engine', 'cli', 'preload'],
    forbiddenPackages: [...nodeBuiltins, 'electron', 'better-sqlite3'],
    extra: { languageOptions: { globals: { ...globals.browser } }, plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  }),
);
