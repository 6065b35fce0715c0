import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layer rules from ARCHITECTURE.md: renderer → shared ← main/core ← main (shell). */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https'];
/** A relative import that climbs out of its layer into one of these top-level folders of src/. */
const banned = (...names) => ({ group: names, message: 'this layer may not use it (see ARCHITECTURE.md, Layers)' });
const intoSrc = (...folders) => ({ regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`, message: 'this import crosses a layer the wrong way (see ARCHITECTURE.md, Layers)' });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
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
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [banned(...nodeBuiltins, 'electron', 'react', 'better-sqlite3'), intoSrc('main', 'renderer', 'engine', 'cli', 'preload')] },
      ],
    },
  },
  {
    files: ['src/main/core/**/*.ts', 'src/engine/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [banned('electron'), intoSrc('renderer', 'preload')] }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [banned(...nodeBuiltins, 'electron', 'better-sqlite3'), intoSrc('main', 'engine', 'cli', 'preload')] },
      ],
    },
  },
);
