import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const STEPS = './apps/web/src/features/setup-wizard/steps';
const stepNames = readdirSync(new URL(STEPS, import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'bench/.build/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      '**/.stryker-tmp*/**',
      '**/reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // No import cycles anywhere, type imports included.
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // A step never imports a sibling step: shared pieces live in components/.
            ...stepNames.map((name) => ({
              target: `${STEPS}/${name}`,
              from: STEPS,
              except: [`./${name}`],
              message: 'A step does not import another step; move the shared piece out.',
            })),
            {
              target: [
                './apps/api/src/b2',
                './apps/api/src/services',
                './apps/api/src/errors',
                './apps/api/src/logging',
              ],
              from: ['./apps/api/src/http', './apps/api/src/routes'],
              message: 'Lower layers never import the web layer: errors/ and logging/ are shared.',
            },
            {
              target: './apps/web/src/features/setup-wizard/api',
              from: './apps/web/src/features/setup-wizard/wizard-store.tsx',
              message: 'api/ only calls the API; the steps put answers into the store.',
            },
          ],
        },
      ],
    },
  },
  {
    // One job per file: source files stay short enough to read whole.
    files: ['{apps,packages}/*/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 300 }] },
  },
  {
    // The B2 client is wrapped once; nothing else may know it exists.
    files: ['apps/**/*.{ts,tsx}'],
    ignores: ['apps/api/src/b2/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'backblaze-b2', message: 'Only apps/api/src/b2/ talks to B2.' }] },
      ],
    },
  },
  {
    // The emulator encodes B2's rules on its own, so a wrong rule in shared shows up as a failing test.
    files: ['packages/b2-emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@b2wiz/shared', '@b2wiz/shared/*'],
              message: 'The emulator must not import the rules it is meant to check.',
            },
          ],
        },
      ],
    },
  },
);
