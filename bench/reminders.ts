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
import { cpus, loadavg } from 'node:os';
import { inArray, sql } from 'drizzle-orm';
import { openDatabase } from '../src/lib/platform/server/db';
import { migrateDatabase } from '../src/lib/platform/server/migrations';
import { contentIndexFromFiles } from '../src/lib/content/server/content-index';
import { DEFAULT_COMPANY_TIME_ZONE as ZONE, addDays, dayKey, instantAt, parseDayKey } from '../src/lib/dates';
import { isoWeekday } from '../src/lib/reminders/schedule';
import { planReminders } from '../src/lib/reminders/server/scheduler';
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
  // The large seed spreads due dates from 15 days before the day it ran to 25 after, and dates every
  // assignment 20 days before that day: plan the Monday after it (the heaviest day: digests too)
  // and the Tuesday after that (assignments only).
  const [seeded] = await db.all<{ at: number }>(sql`SELECT max(created_at) AS at FROM assignments`);
  const monday = nextMonday(new Date(Number(seeded?.at ?? Date.now() - 20 * 86_400_000) + 20 * 86_400_000));
  const tuesday = new Date(monday.getTime() + 86_400_000);
  const options = { origin: 'https://academy.example', zone: ZONE, senders: { email: async () => {} }, content: async () => content };
  const timed = async (now: Date) => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const recorded = await planReminders(db, options, content, now);
    const used = process.cpuUsage(cpu);
    return { recorded, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  };
  const load = loadavg()[0]!;
  const first = await timed(monday);
  // Again, as after a restart: every reminder is already recorded, none is added.
  const again = await timed(monday);
  const weekday = await timed(tuesday);
  const loadAfter = loadavg()[0]!;
  for (const at of [monday, tuesday]) {
    const ids = (await db.select({ id: reminders.id }).from(reminders).where(sql`${reminders.createdAt} = ${at.getTime()}`)).map((r) => r.id);
    for (let i = 0; i < ids.length; i += 500) await db.delete(reminders).where(inArray(reminders.id, ids.slice(i, i + 500)));
  }
  db.$client.close();
  const count = (r: Record<string, number>) => `${Object.values(r).reduce((a, b) => a + b, 0).toLocaleString('en')} (${Object.entries(r).map(([k, n]) => `${k} ${n}`).join(', ')})`;
  const row = (name: string, t: Awaited<ReturnType<typeof timed>>) => `| ${name} | ${t.seconds.toFixed(2)} | ${t.cpuSeconds.toFixed(2)} | ${count(t.recorded)} |`;
  const seconds = first.seconds;
  const section = [
    "## Reminder planning (a day's reminders, large synthetic company)",
    '',
    `Database: ${Number(counts!.people).toLocaleString('en')} people, ${Number(counts!.assignments).toLocaleString('en')} assignments, ${counts!.managers} managers (\`npm run db:seed:large\`). Planned by \`planReminders()\` (src/lib/reminders/server/scheduler.ts) with mail on: each kind in a fixed number of set-based queries (never one per person), the digest through the team page's loader for every led team at once, then multi-row inserts of the reminders and their outbox rows. Load average ${load.toFixed(1)} → ${loadAfter.toFixed(1)} on ${cpus().length} cores.`,
    '',
    '| day | wall s | CPU s | reminders recorded |',
    '| --- | --- | --- | --- |',
    row(`Monday ${dayKey(monday, ZONE)} 10:00 (digest day), first plan`, first),
    row('the same Monday planned again (a restart)', again),
    row(`Tuesday ${dayKey(tuesday, ZONE)} 10:00 (assignments only)`, weekday),
    '',
    `**${first.seconds.toFixed(1)} s** to plan the heaviest day, ${first.cpuSeconds.toFixed(1)} s of it CPU (target < ${TARGET_SECONDS} s: ${first.seconds < TARGET_SECONDS ? '✅ met' : '❌ not met'}); **${weekday.seconds.toFixed(1)} s** on other days. Regenerate alone with \`DATABASE_URL=file:data/large.db npx tsx bench/reminders.ts\`.`,
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
