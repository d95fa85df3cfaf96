/**
 * The e2e `test` with one server and database per worker: playwright.config.ts starts one
 * production server per worker slot, each on its own port with its own freshly seeded database,
 * and this fixture points a worker's `baseURL` (and `E2E_DB_DIR`, which own-people.ts and the
 * specs that read the server's database use) at its own. Specs import `test` from here.
 */
import { test as base } from '@playwright/test';
import { e2eServers } from './servers';

export * from '@playwright/test';

export const test = base.extend<object, { workerServer: { baseURL: string; databaseDir: string } }>({
  workerServer: [
    async ({}, use, workerInfo) => {
      const servers = e2eServers();
      const server = servers[workerInfo.parallelIndex % servers.length]!;
      process.env.E2E_DB_DIR = server.databaseDir;
      process.env.E2E_BASE_URL = server.baseURL;
      await use(server);
    },
    { scope: 'worker', auto: true },
  ],
  baseURL: async ({ workerServer }, use) => use(workerServer.baseURL),
});
