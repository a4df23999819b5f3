import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/** Text assets worth compressing; pictures and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/;

/**
 * Writes `.br` and `.gz` beside every compressible file of the build, so the server sends them as they are
 * (`@fastify/static` `preCompressed`) instead of compressing on every request.
 */
function precompress(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) precompress(path);
    else if (COMPRESSIBLE.test(e.name)) {
      const data = readFileSync(path);
      if (data.length < 1024) continue;
      writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
    }
  }
}

/**
 * The web app: entry src/web/index.html, output dist/web (served by the Fastify server).
 * `npm run dev:web` proxies /api to a server on PORT (default 8080).
 */
export default defineConfig({
  root,
  plugins: [react(), { name: 'linli-precompress', apply: 'build', closeBundle: () => precompress(outDir) }],
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
