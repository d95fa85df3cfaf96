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
    // Off on purpose: src/middleware.ts refuses cross-site writes with the same rule plus
    // Sec-Fetch-Site (isCrossSiteWrite), and can let a mail client's one-click unsubscribe through,
    // which Astro's check (run before any middleware) cannot.
    checkOrigin: false,
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
      // Progress bars set their width in a style attribute; attributes cannot run code. style-src is
      // 'self' plus Astro's hashes without naming it (Astro's default), so no 'self' here: listed, it
      // made Astro warn on every build that it does not reach style-src-attr, which is intended.
      styleDirective: { resources: [{ resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  devToolbar: { enabled: false },
  // Lessons have no code blocks to colour, and Shiki's inline styles would break the CSP above.
  markdown: { syntaxHighlight: false },
  vite: {
    build: {
      rollupOptions: {
        // Two notices from Astro's own build plugins, about Astro's code rather than ours, that
        // would otherwise hide real warnings among 170 lines: the "use astro:head-inject" marker
        // Astro puts in every MDX module (Astro reads it before bundling), and its CSS plugin
        // writing to the bundle. Everything else is shown, and scripts/build.ts fails the build on it.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use astro:head-inject')) return;
          if (log.plugin === 'astro:rollup-plugin-build-css' && log.message.includes('assigns to bundle variable')) return;
          handler(level, log);
        },
      },
    },
  },
});
