import { defineConfig, devices } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_WORKERS, e2eServers } from './tests/e2e/servers';

// Fresh databases per run, one per worker (tests/e2e/fixtures.ts): each server migrates and seeds
// the demo organisation into its own, so specs on one worker never see another's changes.
// Workers load this file again; the environment carries the folder made by the first load.
const rootDatabaseDir = process.env.E2E_ROOT_DB_DIR ?? process.env.E2E_DB_DIR ?? mkdtempSync(join(tmpdir(), 'academy-e2e-'));
process.env.E2E_ROOT_DB_DIR = rootDatabaseDir;
const servers = e2eServers(rootDatabaseDir);
for (const server of servers) mkdirSync(server.databaseDir, { recursive: true });

// This machine cannot download Playwright's browsers; Debian's chromium serves instead.
const systemChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: E2E_WORKERS,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: servers[0]!.baseURL,
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
  // The first server builds if the sources changed; the others wait until it answers (so the build
  // is done) before starting from the same build, or two builds would replace each other's files.
  webServer: servers.map((server, i) => ({
    // E2E_COMMAND lets a developer serve an existing build (e.g. "npm run db:seed && npm run serve").
    command: i === 0 ? (process.env.E2E_COMMAND ?? 'npm start') : `node scripts/wait-until-healthy.mjs ${servers[0]!.baseURL}/healthz && ${process.env.E2E_COMMAND ?? 'npm start'}`,
    url: `${server.baseURL}/healthz`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    // TZ=UTC: every page is exercised on a server whose own zone differs from the company's
    // (Asia/Shanghai), so any date read in the machine's zone instead of COMPANY_TIME_ZONE shows.
    env: { PORT: String(server.port), HOST: 'localhost', DATABASE_URL: `file:${join(server.databaseDir, 'e2e.db')}`, TZ: 'UTC' },
  })),
});
