import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { stripJsonImportAttributes } from './strip-json-import-attributes.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The browser app. `base: './'` makes every asset path relative, so `dist/viz/` works from any
 * folder or from file-less static hosting offline. Served on 127.0.0.1 only.
 */
export default defineConfig({
  root: here,
  base: './',
  plugins: [stripJsonImportAttributes()],
  server: { host: '127.0.0.1', port: 5173, strictPort: false, fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  preview: { host: '127.0.0.1' },
  worker: { format: 'es' },
  build: { outDir: fileURLToPath(new URL('../dist/viz', import.meta.url)), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
  resolve: {
    // sim/compare's index re-exports its Node-only folder reader; the page never calls it, so
    // its fs import resolves to an empty module instead of failing the bundle.
    alias: { 'node:fs': fileURLToPath(new URL('./node-stub.ts', import.meta.url)), 'node:path': fileURLToPath(new URL('./node-stub.ts', import.meta.url)) },
  },
});
