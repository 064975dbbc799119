import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { preactAliases } from './preact-aliases';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      // Its ES module build, so that its imports of react go through the aliases.
      {
        find: /^@testing-library\/react$/,
        replacement: '@testing-library/react/dist/@testing-library/react.esm.js',
      },
      ...preactAliases,
    ],
  },
  test: {
    // Inlined, so that their imports of react reach the same Preact layer as the app's.
    server: {
      deps: { inline: ['@testing-library/react', 'react-hook-form', '@hookform/resolvers'] },
    },
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test-setup.ts'],
  },
});
