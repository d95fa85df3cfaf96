/**
 * Starts extra production servers from the build the suite already made, each on its own port and
 * database, for tests that kill, restart or multiply servers.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient, type Client } from '@libsql/client';

const tsx = resolve('node_modules/tsx/dist/cli.mjs');

export function freshDatabase(): { url: string; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'academy-instance-')), 'academy.db');
  return { url: `file:${path}`, path };
}

/** Migrates and seeds the demo organisation into a database, as `npm run db:seed` does. */
export function seedDatabase(url: string): void {
  const run = spawnSync(process.execPath, [tsx, 'scripts/db/seed.ts'], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`Seeding failed: ${run.stderr}`);
}

export interface Instance {
  url: string;
  process: ChildProcess;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export async function startInstance(port: number, databaseUrl: string, env: Record<string, string> = {}): Promise<Instance> {
  // The real production server: one Node process running Astro's standalone build.
  const child = spawn(process.execPath, [resolve('scripts/serve.mjs')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`Server on port ${port} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}

export function openDatabaseFile(url: string): Client {
  return createClient({ url });
}

/** Signs a demo user in and returns the session cookie header. */
export async function sessionCookie(baseUrl: string, email: string, password = 'xueyuan-demo-2026'): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email, password }),
    headers: { origin: baseUrl },
    redirect: 'manual',
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('session='));
  if (!cookie) throw new Error(`Login as ${email} failed with ${response.status}`);
  return cookie.split(';')[0]!;
}
