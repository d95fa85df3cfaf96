/**
 * `npm run dev`: the live preview trainers use (docs/authoring.md). Before Astro's dev server starts,
 * the database is migrated and, when empty, given the demo organisation, so "log in as
 * trainer@demo.academy" works on a fresh checkout without a separate `npm run db:seed`.
 * Arguments go to `astro dev` (e.g. `npm run dev -- --port 4400`).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { openDatabase } from '../src/lib/platform/server/db';
import { migrateDatabase } from '../src/lib/platform/server/migrations';
import { readServerEnv } from '../src/lib/platform/server/env';
import { isDatabaseEmpty, seedDemoOrganisation } from './db/seed-demo';

const env = readServerEnv();
const db = await openDatabase({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
const applied = await migrateDatabase(db, { log: console.log });
if (applied > 0) console.log(`Applied ${applied} migration(s) to ${env.DATABASE_URL}.`);
if (await isDatabaseEmpty(db)) {
  console.log('Empty database: adding the demo organisation for the preview (log in as trainer@demo.academy)…');
  await seedDemoOrganisation(db, { log: console.log });
}
db.$client.close();

const astro = spawn(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'dev', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => astro.kill(signal));
astro.on('exit', (code) => process.exit(code ?? 0));
