/**
 * Production server: one Node process running the built JavaScript. Astro's standalone server
 * (dist/server/entry.mjs) answers every request; the database is opened and migrated by the app
 * itself, and one request to /healthz right after listening does that (and starts the background
 * jobs) before the first visitor arrives. `npm run serve` runs this file; `npm start` gets here
 * through scripts/start.ts after building and seeding the demo.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = resolve(process.env.ASTRO_OUT_DIR ?? 'dist', 'server/entry.mjs');
if (!existsSync(entry)) {
  console.error(`No build found at ${entry}. Run "npm run build" first.`);
  process.exit(1);
}
process.env.HOST ??= 'localhost';
process.env.PORT ??= '4321';

await import(pathToFileURL(entry).href);

const host = process.env.HOST === '0.0.0.0' || process.env.HOST === '::' ? 'localhost' : process.env.HOST;
const origin = `http://${host.includes(':') ? `[${host}]` : host}:${process.env.PORT}`;
for (let attempt = 0; attempt < 100; attempt++) {
  try {
    const health = await fetch(`${origin}/healthz`);
    if (health.ok) {
      console.log(`Sales Academy is listening on ${origin}`);
      break;
    }
    console.error(`Sales Academy started, but /healthz answers ${health.status}: ${await health.text()}`);
    break;
  } catch {
    await new Promise((ready) => setTimeout(ready, 50));
  }
}

// Stop accepting, let requests in flight finish (their writes are committed before they answer).
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(0));
