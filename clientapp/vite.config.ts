/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` proxies the API to a WebApi started by `make run`.
const backend = process.env.FAULTLINE_API ?? 'http://127.0.0.1:5080';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': backend, '/health': backend, '/openapi': backend } },
  // ECharts (only the charts drawn) is a chunk of its own, loaded by the dashboard pages and the models page's heatmap alone.
  build: {
    outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 650,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/ }] } } },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // jsdom pages with charts take seconds on a busy 2-core CI machine; 5 s (the default) failed there.
    testTimeout: 30_000,
  },
});
