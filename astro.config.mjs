// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import node from '@astrojs/node';

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [mdx(), svelte()],
  server: {
    port: Number(process.env.PORT ?? 4321),
    host: process.env.HOST ?? 'localhost',
  },
  security: {
    checkOrigin: true,
    // Quiz and exercise payloads are small; anything bigger is hostile or a bug.
    actionBodySizeLimit: 64 * 1024,
  },
  devToolbar: { enabled: false },
});
