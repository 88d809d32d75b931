import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // globPatterns below already precaches public/ (icons included); avoid listing files twice.
      includeManifestIcons: false,
      manifest: {
        name: 'Tarifa: usage billing, offline',
        short_name: 'Tarifa',
        description: 'Estimate, split and simulate usage-based WhatsApp, SMS and voice bills, privately in your browser.',
        theme_color: '#0f5257',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        screenshots: [
          { src: 'screenshots/estimate.png', sizes: '1280x1021', type: 'image/png', form_factor: 'wide', label: 'Estimate per billing cycle, with the reason for every number' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,json}'],
        // README/store screenshots are not needed offline.
        globIgnores: ['screenshots/**'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        // The first install takes control at once so the app works offline after one visit; later versions wait
        // for the user's yes (registerType 'prompt', no skipWaiting).
        clientsClaim: true,
      },
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  worker: { format: 'es' },
  // TARIFA_DIST and E2E_PORT let several builds and e2e runs coexist on one machine (default dist/ on 4173).
  build: { target: 'es2022', sourcemap: false, outDir: process.env.TARIFA_DIST ?? 'dist' },
  preview: { port: Number(process.env.E2E_PORT ?? 4173), strictPort: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Integration tests spawn the CLI (tsx start-up ~1 s each on 2 cores); this is a hang guard, not a speed check.
    testTimeout: 30_000,
    reporters: process.env.CI_REPORT ? ['default', ['json', { outputFile: 'reports/vitest.json' }]] : ['default'],
  },
});
