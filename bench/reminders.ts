/**
 * The time to plan a day's reminders for the large synthetic company (`npm run db:seed:large`):
 * every registered kind (assignments due soon and overdue, and on a Monday every manager's digest,
 * which reads every led team's records like the team page) planned and recorded with its outbox
 * rows, as the scheduler does once a day. Measured on a Monday, the heaviest day, with mail on.
 *
 *   DATABASE_URL=file:data/large.db npx tsx bench/reminders.ts
 *
 * Standalone it writes its section into bench/RESULTS.md; `npm run bench` calls it too. The
 * reminders it records are deleted afterwards, so the database stays as seeded.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { inArray, sql } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db';
import { migrateDatabase } from '../src/lib/server/migrations';
import { contentIndexFromFiles } from '../src/lib/server/content-index';
import { DEFAULT_COMPANY_TIME_ZONE as ZONE, addDays, dayKey, instantAt, parseDayKey } from '../src/lib/dates';
import { isoWeekday } from '../src/lib/reminders/schedule';
import { planReminders } from '../src/lib/reminders/scheduler';
import { reminders } from '../db/schema';

export const TARGET_SECONDS = 10;

/** 10:00 in the company zone on the first Monday from `from` on. */
function nextMonday(from: Date): Date {
  let key = dayKey(from, ZONE);
  while (isoWeekday(key) !== 1) key = addDays(key, 1);
  const d = parseDayKey(key)!;
  return instantAt({ year: d.year, month: d.month, day: d.day, hour: 10, minute: 0, second: 0, millisecond: 0 }, ZONE);
}

export async function reminderPlanningSection(databaseUrl: string): Promise<{ seconds: number; section: string }> {
  const db = await openDatabase({ url: databaseUrl });
  await migrateDatabase(db);
  const [counts] = await db.all<{ people: number; assignments: number; managers: number }>(
    sql`SELECT (SELECT count(*) FROM users) AS people, (SELECT count(*) FROM assignments) AS assignments, (SELECT count(DISTINCT manager_id) FROM teams) AS managers`,
  );
  const { ladder, curriculum } = contentIndexFromFiles(process.env.CONTENT_DIR ?? 'content');
  const content = { ladder, curriculum, title: (_t: 'course' | 'module', id: string) => id };
  // The large seed spreads due dates around the day it ran; plan on the Monday after the newest activity.
  const [latest] = await db.all<{ at: number }>(sql`SELECT max(created_at) AS at FROM assignments`);
  const now = nextMonday(new Date(Number(latest?.at ?? Date.now())));
  const options = { origin: 'https://academy.example', zone: ZONE, senders: { email: async () => {} }, content: async () => content };
  const started = performance.now();
  const recorded = await planReminders(db, options, content, now);
  const seconds = (performance.now() - started) / 1000;
  // Again, as after a restart: every reminder is already recorded, none is added.
  const againStarted = performance.now();
  const again = await planReminders(db, options, content, now);
  const againSeconds = (performance.now() - againStarted) / 1000;
  const ids = (await db.select({ id: reminders.id }).from(reminders).where(sql`${reminders.createdAt} = ${now.getTime()}`)).map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) await db.delete(reminders).where(inArray(reminders.id, ids.slice(i, i + 500)));
  db.$client.close();
  const total = Object.values(recorded).reduce((a, b) => a + b, 0);
  const section = [
    '## Reminder planning (a day\'s reminders, large synthetic company)',
    '',
    `Database: ${Number(counts!.people).toLocaleString('en')} people, ${Number(counts!.assignments).toLocaleString('en')} assignments, ${counts!.managers} managers (\`npm run db:seed:large\`). Planned for Monday ${dayKey(now, ZONE)} 10:00 (${ZONE}), the digest day, with mail on, by \`planReminders()\` (src/lib/reminders/scheduler.ts): each kind in a fixed number of set-based queries, the digest through the team page's loader for every led team at once, then multi-row inserts of the reminders and their outbox rows.`,
    '',
    '| run | seconds | reminders recorded |',
    '| --- | --- | --- |',
    `| first plan of the day | ${seconds.toFixed(2)} | ${total.toLocaleString('en')} (${Object.entries(recorded).map(([k, n]) => `${k} ${n}`).join(', ')}) |`,
    `| planned again (a restart) | ${againSeconds.toFixed(2)} | ${Object.values(again).reduce((a, b) => a + b, 0)} |`,
    '',
    `**${seconds.toFixed(1)} s** to plan the day (target < ${TARGET_SECONDS} s: ${seconds < TARGET_SECONDS ? '✅ met' : '❌ not met'}). Regenerate alone with \`DATABASE_URL=file:data/large.db npx tsx bench/reminders.ts\`.`,
    '',
  ].join('\n');
  return { seconds, section };
}

/** Puts the section into bench/RESULTS.md, before the dashboard's section (which stays last). */
export function writeReminderSection(section: string, path = 'bench/RESULTS.md'): void {
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const without = previous.replace(/## Reminder planning[\s\S]*?(?=\n## |$)/, '').replace(/\n{3,}/g, '\n\n');
  const at = without.indexOf('## Manager dashboard');
  const next = at < 0 ? `${without.trimEnd()}\n\n${section}` : `${without.slice(0, at)}${section}\n${without.slice(at)}`;
  writeFileSync(path, next);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.env.DATABASE_URL ?? 'file:data/large.db';
  const { seconds, section } = await reminderPlanningSection(url);
  console.log(section);
  writeReminderSection(section);
  console.log(`Planned in ${seconds.toFixed(2)} s; written to bench/RESULTS.md`);
}
