import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/**
 * The web app: entry src/web/index.html, output dist/web (served by the Fastify server).
 * `npm run dev:web` proxies /api to a server on PORT (default 8080).
 */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // The map and chart chunks are big by nature; they are only loaded on staff pages.
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: true,
  },
  server: {
    proxy: {
      // Keep the browser's Host header: the server refuses a login whose Origin differs from its Host.
      '/api': {
        target: `http://localhost:${process.env.PORT ?? '8080'}`,
        changeOrigin: false,
        configure: (proxy) => {
          proxy.on('proxyReq', (req, incoming) => {
            if (incoming.headers.host) req.setHeader('host', incoming.headers.host);
          });
        },
      },
      '/healthz': { target: `http://localhost:${process.env.PORT ?? '8080'}` },
    },
  },
});
