import { defineConfig, devices } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.E2E_PORT ?? 4455);
// A fresh database per run: the server migrates and seeds the demo organisation into it.
const databaseDir = process.env.E2E_DB_DIR ?? mkdtempSync(join(tmpdir(), 'academy-e2e-'));
process.env.E2E_DB_DIR = databaseDir;

// This machine cannot download Playwright's browsers; Debian's chromium serves instead.
const systemChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    locale: 'zh-CN',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: existsSync(systemChromium) ? systemChromium : undefined,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
  ],
  webServer: {
    // E2E_COMMAND lets a developer serve an existing build (e.g. "npm run db:seed && npm run serve").
    command: process.env.E2E_COMMAND ?? 'npm start',
    url: `http://localhost:${port}/healthz`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    // TZ=UTC: every page is exercised on a server whose own zone differs from the company's
    // (Asia/Shanghai), so any date read in the machine's zone instead of COMPANY_TIME_ZONE shows.
    env: { PORT: String(port), HOST: 'localhost', DATABASE_URL: `file:${join(databaseDir, 'e2e.db')}`, TZ: 'UTC' },
  },
});
