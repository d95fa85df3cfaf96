/**
 * The guide's preview, as written in docs/authoring.md: `npm run dev` on a fresh database, log in
 * as trainer@demo.academy, open a lesson; then edits to quiz, exercise and level YAML show up in
 * the open page without reloading it by hand. Runs the dev server on a copy of content/ so the
 * edits never touch the real files.
 */
import { expect, test } from './fixtures';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from './helpers';

let dev: ChildProcess | undefined;
let base = '';
let content = '';
let log = '';

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

function edit(path: string, from: string, to: string) {
  const file = join(content, path);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const work = mkdtempSync(join(tmpdir(), 'academy-dev-preview-'));
  content = join(work, 'content');
  cpSync('content', content, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // A database file that does not exist yet: what a trainer has on a fresh checkout.
  dev = spawn('npm', ['run', 'dev', '--', '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, DATABASE_URL: `file:${join(work, 'fresh.db')}`, CONTENT_DIR: content, ASTRO_CACHE_DIR: join(work, 'cache') },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  dev.stdout!.on('data', (chunk) => (log += chunk));
  dev.stderr!.on('data', (chunk) => (log += chunk));
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dev server did not start:\n${log}`);
});

test.afterAll(() => {
  // npm → tsx → astro: end the whole group this spec started.
  if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
});

test('npm run dev on a fresh database lets a trainer log in as the guide says, and YAML edits reload the open page', async ({ page }) => {
  test.setTimeout(180_000);
  expect(log).toContain('adding the demo organisation');
  await page.goto(`${base}/login?lang=en`);
  await page.locator('input[name=email]').fill('trainer@demo.academy');
  await page.locator('input[name=password]').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await expect(page).not.toHaveURL(/\/login/);

  await page.goto(`${base}/en/courses/sales-workflow/lead-to-after-sales/`);
  await expect(page.locator('body')).toContainText('Put it in order: the whole sales cycle', { timeout: 60_000 });
  await page.waitForTimeout(1_000);

  edit('quizzes/lead-to-after-sales.yaml', 'en: The whole journey', 'en: The whole journey, edited live');
  await expect(page.locator('body')).toContainText('The whole journey, edited live', { timeout: 30_000 });

  edit('exercises/sales-cycle-order.yaml', 'the whole sales cycle"', 'the whole sales cycle, edited live"');
  await expect(page.locator('body')).toContainText('the whole sales cycle, edited live', { timeout: 30_000 });

  // Right after the YAML edits the dev server may still be re-syncing content, and a lesson
  // rendered in that moment fails; reloading once it settles is what a trainer would do.
  await expect(async () => {
    await page.goto(`${base}/en/courses/onboarding/using-the-platform/`);
    await expect(page.locator('table.ladder-table')).toContainText('Sales supervisor', { timeout: 10_000 });
  }).toPass({ timeout: 90_000 });
  await page.waitForTimeout(1_000);
  edit('levels/supervisor.yaml', 'en: Sales supervisor', 'en: Sales supervisor edited live');
  await expect(page.locator('table.ladder-table')).toContainText('Sales supervisor edited live', { timeout: 30_000 });
});
