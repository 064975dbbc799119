import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { preactAliases } from './preact-aliases';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: preactAliases },
  build: {
    outDir: 'dist',
    sourcemap: false,
    // Every browser the app supports has modulepreload.
    modulePreload: { polyfill: false },
    rollupOptions: {
      // The handover link's page is its own entry: the wizard's first page loads none of it.
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        handover: fileURLToPath(new URL('handover.html', import.meta.url)),
      },
      treeshake: {
        // The shared package also holds the config-file generators (YAML and all), which only the
        // API runs; nothing in them has side effects, so what the page doesn't call is dropped.
        moduleSideEffects: (id: string) =>
          !/[\\/]node_modules[\\/]yaml[\\/]/.test(id) && !/[\\/]packages[\\/]shared[\\/]/.test(id),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
