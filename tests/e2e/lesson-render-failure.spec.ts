/**
 * A lesson whose content fails while rendering (here a placeholder `{客户姓名}` that content:check
 * would refuse, built with `astro build` alone, as a deploy that skipped the check would be) gives
 * the learner a plain page in their language with the site's layout and status 500; the log names
 * the file; the lesson's twin and the rest of the site are unaffected.
 */
import { expect, test } from './fixtures';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freshDatabase, seedDatabase, sessionCookie } from './server-instance';

const lesson = 'sales-workflow/after-sales-and-revisits';
let server: ChildProcess | undefined;
let base = '';
let log = '';

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const work = mkdtempSync(join(tmpdir(), 'academy-broken-lesson-'));
  const content = join(work, 'content');
  cpSync('content', content, { recursive: true });
  const file = join(content, `courses/${lesson}.zh.mdx`);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/\n## /, '\n{客户姓名}您好\n\n## '));
  const outDir = join(work, 'dist');
  const build = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
    env: { ...process.env, CONTENT_DIR: content, ASTRO_OUT_DIR: outDir, ASTRO_CACHE_DIR: join(work, 'cache') },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  symlinkSync(resolve('node_modules'), join(outDir, 'node_modules'), 'dir');
  const database = freshDatabase();
  seedDatabase(database.url);
  const port = await freePort();
  server = spawn(process.execPath, [join(outDir, 'server/entry.mjs')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: database.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (log += chunk));
  server.stderr!.on('data', (chunk) => (log += chunk));
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start: ${log}`);
});

test.afterAll(() => {
  server?.kill();
});

test('a lesson that fails to render answers 500 with a plain page in the site layout, logs its file, and nothing else breaks', async () => {
  const cookie = await sessionCookie(base, 'liu.yang@demo.academy');
  const broken = await fetch(`${base}/zh/courses/${lesson}/`, { headers: { cookie } });
  expect(broken.status).toBe(500);
  const html = await broken.text();
  expect(html).toContain('这一课暂时无法显示');
  expect(html).toContain('已记录并通知负责课程的培训师');
  expect(html).toContain('class="site-header"');
  expect(html).not.toContain('客户姓名 is not defined');
  expect(log).toContain(`[lesson-render-failed] `);
  expect(log).toMatch(new RegExp(`courses/${lesson}\\.zh\\.mdx .*ReferenceError: 客户姓名 is not defined`));

  for (const path of [`/en/courses/${lesson}/`, '/zh/courses/sales-workflow/', '/zh/']) {
    const fine = await fetch(`${base}${path}`, { headers: { cookie } });
    expect(fine.status, path).toBe(200);
    expect(await fine.text(), path).not.toContain('lesson-render-failed');
  }
});
