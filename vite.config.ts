import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer: built once, loaded by Electron from the app bundle or served by browser mode. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
  },
});
