import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web UI: index.html at the repo root, entry src/web/main.tsx, built into dist/web, which the server
// serves as static files (SPA fallback to index.html). In development, /api goes to the running server.
export default defineConfig({
  root: '.',
  plugins: [react()],
  publicDir: 'public',
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: a separate chunk stays in the browser cache across releases.
        codeSplitting: {
          groups: [
            // ECharts is loaded only by the pages that draw charts: keep it out of the vendor chunk every phone loads.
            { name: 'charts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 1 },
            { name: 'vendor', test: /node_modules/ },
            // The app shell, less the ECharts loader: grouped into the shell, its static echarts imports would be
            // loaded (and preloaded) with the shell on every page.
            { name: 'shell', test: /src[\\/]web[\\/](?!charts[\\/]echarts\.ts)/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
