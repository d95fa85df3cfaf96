// Astro's own floor for `npm run bench`: the same adapter as Sales Academy and a middleware that
// answers every request with the bytes of a lesson, doing no work at all. Whatever Sales Academy
// reaches beside it is what its own work costs.
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  security: { checkOrigin: false },
});
