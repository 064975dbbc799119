import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
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
