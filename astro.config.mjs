// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import node from '@astrojs/node';
import { searchIndex } from './src/integrations/search-index.ts';

export default defineConfig({
  output: 'server',
  // Separate build folders let several checkouts' test runs build side by side.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  adapter: node({ mode: 'standalone' }),
  integrations: [mdx(), svelte(), searchIndex()],
  server: {
    port: Number(process.env.PORT ?? 4321),
    host: process.env.HOST ?? 'localhost',
  },
  security: {
    checkOrigin: true,
    // Quiz and exercise payloads are small; anything bigger is hostile or a bug.
    actionBodySizeLimit: 64 * 1024,
    // Astro hashes every inline script and style it emits; nothing else may run.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ],
      // Pagefind's search runs WebAssembly; no script is allowed inline without a hash.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      // Progress bars set their width in a style attribute; attributes cannot run code.
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  devToolbar: { enabled: false },
});
