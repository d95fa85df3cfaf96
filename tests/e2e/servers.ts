/** The e2e servers, one per worker: ports E2E_PORT, E2E_PORT + 1, … with databases under E2E_DB_DIR. */
import { join } from 'node:path';

export const E2E_WORKERS = 2;

export function e2eServers(root = process.env.E2E_ROOT_DB_DIR!): { port: number; baseURL: string; databaseDir: string }[] {
  const first = Number(process.env.E2E_PORT ?? 4455);
  return Array.from({ length: E2E_WORKERS }, (_, i) => ({
    port: first + i,
    baseURL: `http://localhost:${first + i}`,
    databaseDir: join(root, `worker-${i}`),
  }));
}
