/**
 * Starts the platform with the demo organisation (`npm start`): builds if the build is missing or
 * older than the sources, migrates, seeds the demo organisation into an empty database, then
 * serves in this same process (scripts/serve.mjs). `npm run serve` (production) runs serve.mjs
 * alone: it never builds or seeds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { openDatabase } from '../src/lib/platform/server/db';
import { migrateDatabase } from '../src/lib/platform/server/migrations';
import { readServerEnv } from '../src/lib/platform/server/env';
import { isDatabaseEmpty, seedDemoOrganisation } from './db/seed-demo';

const entry = join(process.env.ASTRO_OUT_DIR ?? 'dist', 'server/entry.mjs');

function newestChange(paths: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) readdirSync(p).forEach((name) => visit(join(p, name)));
    else newest = Math.max(newest, s.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

if (!existsSync(entry) || newestChange(['src', 'content', 'db', 'public', 'astro.config.mjs']) > statSync(entry).mtimeMs) {
  console.log('Building Sales Academy (first start or sources changed)…');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed; the messages above name the file and field to fix. Fix it and run npm start again.');
    process.exit(1);
  }
}

const env = readServerEnv();
const db = await openDatabase({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
console.log(`Database: ${env.DATABASE_URL}`);
const applied = await migrateDatabase(db, { log: console.log });
if (applied > 0) console.log(`Applied ${applied} migration(s).`);
if (await isDatabaseEmpty(db)) {
  console.log('Empty database: adding the demo organisation…');
  await seedDemoOrganisation(db, { log: console.log });
}
db.$client.close();


// A build folder outside the project (ASTRO_OUT_DIR) still needs the project's packages.
const outDir = resolve(process.env.ASTRO_OUT_DIR ?? 'dist');
if (relative(process.cwd(), outDir).startsWith('..') && !existsSync(join(outDir, 'node_modules'))) {
  symlinkSync(resolve('node_modules'), join(outDir, 'node_modules'), 'dir');
}

await import('./serve.mjs');
