import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    // Every browser the app supports has modulepreload.
    modulePreload: { polyfill: false },
    rollupOptions: {
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
