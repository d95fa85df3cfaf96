/**
 * `npm run bench`: measures the production build on loopback and writes bench/RESULTS.md.
 * Each server figure is taken beside a bare Node http server sending the same bytes in the same
 * run, so the ratio survives a noisy machine. Numbers only: nothing here is a pass/fail test.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { freshDatabase, seedDatabase, sessionCookie, startInstance } from '../tests/e2e/server-instance';
import { bareServer, createLoadLearners, load, verdict } from './lib';
import { randomUUID } from 'node:crypto';
import { reminderPlanningSection } from './reminders';

const lines: string[] = [];
const out = (line = '') => {
  console.log(line);
  lines.push(line);
};

function buildTimeSeconds(): number {
  const started = performance.now();
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'ignore', env: { ...process.env, ASTRO_OUT_DIR: '.builds/bench/dist', ASTRO_CACHE_DIR: '.builds/bench/cache' } });
  if (build.status !== 0) throw new Error('The build failed; run npm run build to see why.');
  return (performance.now() - started) / 1000;
}

/** Every JavaScript file a page pulls in (scripts, islands and their static imports), gzip-sized. */
async function shippedJavaScriptKb(baseUrl: string, path: string, cookie: string): Promise<number> {
  const html = await (await fetch(baseUrl + path, { headers: { cookie } })).text();
  const queue = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => new URL(m[1]!, baseUrl + path).href);
  // Inline scripts count too (Astro's island loader).
  let bytes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + gzipSync(m[1]!).length, 0);
  const seen = new Set<string>();
  while (queue.length) {
    const url = queue.pop()!;
    if (seen.has(url) || !url.endsWith('.js')) continue;
    seen.add(url);
    const code = await (await fetch(url, { headers: { cookie } })).text();
    bytes += gzipSync(code).length;
    for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) queue.push(new URL(m[1]!, url).href);
  }
  return bytes / 1024;
}

const database = freshDatabase();
process.env.ASTRO_OUT_DIR = '.builds/bench/dist';
out('# Benchmark results');
out();
out(`Run ${new Date().toISOString()} on ${(await import('node:os')).cpus().length} cores, Node ${process.version}. Production build on loopback; load from autocannon (64 connections, 8 s) in the same process tree. Regenerate with \`npm run bench\`.`);
out();
const buildSeconds = buildTimeSeconds();
seedDatabase(database.url);
const server = await startInstance(4490, database.url);
const cookie = await sessionCookie(server.url, 'liu.yang@demo.academy');

out('## JavaScript shipped per page type (gzip)');
out();
out('| page | JS (KB gzip) | target | |');
out('| --- | --- | --- | --- |');
const pages: [string, string, number][] = [
  ['login', '/login', 0],
  ['my learning', '/zh/', 0],
  ['catalogue', '/zh/courses/', 0],
  ['course page', '/zh/courses/sales-workflow/', 0],
  ['glossary', '/zh/glossary/', 0],
  ['lesson with a quiz', '/zh/courses/career/learning-methods/', 25],
  ['lesson with a quiz and an exercise ¹', '/zh/courses/sales-workflow/lead-grading/', 25],
];
for (const [name, path, target] of pages) {
  const kb = await shippedJavaScriptKb(server.url, path, cookie);
  out(`| ${name} | ${kb.toFixed(1)} | ${target === 0 ? '0' : `< ${target}`} | ${verdict(target === 0 ? kb === 0 : kb < target)} |`);
}
out();
out('¹ Static imports only. The exercise island then loads the code of its own type when it comes into view (1.7–2.3 KB gzip, plus 1.9 KB shared by all types).');
out();
out(`Build of the whole curriculum (content check + astro build + search index): **${buildSeconds.toFixed(1)} s**.`);
out();

const lessonPath = '/zh/courses/sales-workflow/lead-grading/';
const lessonResponse = await fetch(server.url + lessonPath, { headers: { cookie }, redirect: 'manual' });
if (lessonResponse.status !== 200) throw new Error(`The lesson page answered ${lessonResponse.status}; the benchmark needs a signed-in 200.`);
const lessonHtml = await lessonResponse.text();
const bareLesson = await bareServer(lessonHtml, 'text/html; charset=utf-8');
const bare = await load({ url: bareLesson.url });
const lesson = await load({ url: server.url + lessonPath, headers: { cookie } });
bareLesson.server.close();
out('## Authenticated lesson page (64 connections)');
out();
out('| server | req/s | p50 ms | p99 ms | errors / non-2xx |');
out('| --- | --- | --- | --- | --- |');
out(`| bare Node http, same bytes | ${bare.requestsPerSecond} | ${bare.p50} | ${bare.p99} | ${bare.errors} / ${bare.non2xx} |`);
out(`| Sales Academy | ${lesson.requestsPerSecond} | ${lesson.p50} | ${lesson.p99} | ${lesson.errors} / ${lesson.non2xx} |`);
const ratio = lesson.requestsPerSecond / bare.requestsPerSecond;
out();
out(`Throughput ratio **${(ratio * 100).toFixed(1)} %** of bare (target ≥ 50 %: ${verdict(ratio >= 0.5)}); p99 **${lesson.p99} ms** (target < 25 ms: ${verdict(lesson.p99 < 25)}).`);
out();
out(
  `The lesson (${(Buffer.byteLength(lessonHtml) / 1024).toFixed(0)} KB of HTML, with a quiz and an exercise) comes from a shell rendered once per page; ` +
    'each request is one indexed read (session, user and completions) and a string fill (README › How it stays fast). ' +
    `The p99 target sits below the bare server's own p99 (${bare.p99} ms) on this machine, where autocannon shares the two cores with the server.`,
);
out();

// Many learners submit at once, as in a class taking a quiz together: each request comes from one
// of 2,000 signed-in learners (sessions made directly in the database; logging each in would only
// measure argon2) and carries its own idempotency key, as the island sends it.
const learnerCookies = await createLoadLearners(database.url, 2_000);
const submissionFor = () =>
  JSON.stringify({ quizId: 'lead-to-after-sales', lang: 'zh', answers: { 'quote-timing': ['after-needs'] }, idempotencyKey: randomUUID() });
const bareSubmit = await bareServer('{"ok":true}', 'application/json');
const bareWrite = await load({ url: bareSubmit.url, method: 'POST', body: submissionFor(), headers: { 'content-type': 'application/json' } });
bareSubmit.server.close();
let next = 0;
const write = await load({
  url: `${server.url}/_actions/quiz.submit`,
  requests: [
    {
      method: 'POST',
      setupRequest: (request) => ({
        ...request,
        body: submissionFor(),
        headers: { 'content-type': 'application/json', origin: server.url, cookie: learnerCookies[next++ % learnerCookies.length]! },
      }),
    },
  ],
});
out('## Quiz submission (a write: attempt + learning event in one transaction)');
out();
out('| server | req/s | p50 ms | p99 ms | errors / non-2xx |');
out('| --- | --- | --- | --- | --- |');
out(`| bare Node http | ${bareWrite.requestsPerSecond} | ${bareWrite.p50} | ${bareWrite.p99} | ${bareWrite.errors} / ${bareWrite.non2xx} |`);
out(`| Sales Academy | ${write.requestsPerSecond} | ${write.p50} | ${write.p99} | ${write.errors} / ${write.non2xx} |`);
out();
out(`**${write.requestsPerSecond} submissions/s** (target ≥ 1,500: ${verdict(write.requestsPerSecond >= 1500)}), p99 **${write.p99} ms** (target < 50 ms: ${verdict(write.p99 < 50)}).`);
out();
out(
  '2,000 learners, each request with its own session and idempotency key, through the submission lane and group commit (README › How it stays fast). ' +
    'What still limits it: the embedded libSQL driver is synchronous, so every statement (five per submission) and each commit’s fsync ' +
    '(`synchronous = FULL`, milliseconds on this disk) run on the event loop; a CPU profile under this load shows statement preparation and execution, ' +
    'then the devalue encoding of the graded result, on top. The next step would be a writer thread with its own connection.',
);
out();
await server.stop();

// The dashboard benchmark needs the large synthetic company; it keeps its own section.
const previous = existsSync('bench/RESULTS.md') ? readFileSync('bench/RESULTS.md', 'utf8') : '';
const dashboard = /## Manager dashboard[\s\S]*$/.exec(previous)?.[0];
// So does reminder planning (bench/reminders.ts): measured when that company is at hand
// (data/large.db, or BENCH_LARGE_DATABASE_URL), else the last measurement is kept.
const largeUrl = process.env.BENCH_LARGE_DATABASE_URL ?? (existsSync('data/large.db') ? 'file:data/large.db' : undefined);
const reminderPlanning = largeUrl ? (await reminderPlanningSection(largeUrl)).section : /## Reminder planning[\s\S]*?(?=\n## |$)/.exec(previous)?.[0];
if (reminderPlanning) console.log(`\n${reminderPlanning}`);
writeFileSync('bench/RESULTS.md', `${lines.join('\n')}\n${reminderPlanning ? `\n${reminderPlanning.trimEnd()}\n` : ''}${dashboard ? `\n${dashboard}` : ''}`);
console.log('\nWritten to bench/RESULTS.md');
