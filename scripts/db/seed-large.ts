/**
 * `npm run db:seed:large [-- --force] [--learners N] [--attempts N]`: builds the synthetic company
 * of scripts/db/large-organisation.ts into the database at DATABASE_URL, for benchmarks. Refuses a
 * database that already has people unless --force, which first deletes every row.
 *
 *   DATABASE_URL=file:data/large.db npm run db:seed:large
 *
 * Every account's password is the demo password; manager0001@large.academy leads a 50-person team.
 */
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as schema from '../../db/schema';
import type { Database } from '../../src/lib/platform/server/db';
import { migrateDatabase } from '../../src/lib/platform/server/migrations';
import { readServerEnv } from '../../src/lib/platform/server/env';
import { hashPassword } from '../../src/lib/auth/server/passwords';
import { DEMO_PASSWORD } from './demo-organisation';
import { LARGE_DEFAULTS, prepareForLargeSeed, seedLargeOrganisation } from './large-organisation';

function numberArg(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name} needs a whole number above zero, e.g. ${name} ${fallback}.`);
    process.exit(2);
  }
  return value;
}

const force = process.argv.includes('--force');
const learners = numberArg('--learners', LARGE_DEFAULTS.learners);
const quizAttempts = numberArg('--attempts', LARGE_DEFAULTS.quizAttempts);
// Fewer learners (for a quick try) keep the shape: about 20 per team, 1 in 25 teams of 50.
const scale = learners / LARGE_DEFAULTS.learners;
const teams = Math.max(1, Math.round(LARGE_DEFAULTS.teams * scale));
const bigTeams = Math.max(1, Math.round(LARGE_DEFAULTS.bigTeams * scale));
const env = readServerEnv();

// One connection, so the speed settings below apply to every statement of the seed.
const url = env.DATABASE_URL;
if (url.startsWith('file:')) mkdirSync(dirname(url.slice('file:'.length)), { recursive: true });
const client = createClient({ url, authToken: env.DATABASE_AUTH_TOKEN, concurrency: 1 });
const db = drizzle(client, { schema }) as Database;
if (url.startsWith('file:')) {
  await client.execute('PRAGMA journal_mode = WAL');
  // Synthetic data: if the machine dies mid-seed, run it again with --force. The app itself
  // always runs with synchronous = FULL (src/lib/platform/server/db.ts).
  await client.execute('PRAGMA synchronous = OFF');
  await client.execute('PRAGMA cache_size = -262144');
  await client.execute('PRAGMA temp_store = MEMORY');
}

console.log(`Database: ${url}`);
await migrateDatabase(db, { log: console.log });
try {
  if ((await prepareForLargeSeed(db, { force })) === 'emptied') console.log('--force: deleted every row first.');
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  client.close();
  process.exit(1);
}

const started = performance.now();
const tty = process.stdout.isTTY;
let lastPrinted = -1;
const line = (written: number, total: number) => {
  const seconds = (performance.now() - started) / 1000;
  const percent = Math.floor((written / total) * 100);
  const rate = Math.round(written / Math.max(seconds, 0.001));
  return { percent, text: `  ${String(percent).padStart(3)}%  ${written.toLocaleString('en')} / ${total.toLocaleString('en')} rows  ${rate.toLocaleString('en')} rows/s  ${seconds.toFixed(0)} s` };
};

console.log(`Building a synthetic company (${learners.toLocaleString('en')} learners, ${quizAttempts.toLocaleString('en')} quiz attempts)…`);
try {
  const { rows } = await seedLargeOrganisation(db, {
    ...LARGE_DEFAULTS,
    learners,
    quizAttempts,
    teams,
    bigTeams,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    log: console.log,
    progress: (written, total, phase) => {
      const { percent, text } = line(written, total);
      if (tty) process.stdout.write(`\r${text}  ${phase.padEnd(10)}`);
      else if (percent >= lastPrinted + 5 || phase === 'done') {
        lastPrinted = percent;
        console.log(`${text}  ${phase}`);
      }
    },
  });
  if (tty) process.stdout.write('\n');
  console.log('Updating the query planner statistics (ANALYZE)…');
  await client.execute('ANALYZE');
  const seconds = (performance.now() - started) / 1000;
  console.log(`Done: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s. Log in as manager0001@large.academy (50-person team) with the demo password.`);
} catch (error) {
  if (tty) process.stdout.write('\n');
  console.error(`The seed stopped: ${error instanceof Error ? error.message : String(error)}. Run it again with --force to start over.`);
  process.exitCode = 1;
} finally {
  client.close();
}
