/** Small helpers shared by the benchmarks: load runs, a bare server to compare against, reports. */
import autocannon from 'autocannon';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomInt } from 'node:crypto';
import { createClient } from '@libsql/client';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
  errors: number;
  non2xx: number;
}

export async function load(options: autocannon.Options): Promise<LoadResult> {
  const result = await autocannon({ duration: 8, connections: 64, ...options });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    p999: result.latency.p99_9,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** A plain Node http server answering every request with the same bytes: the ceiling of this machine. */
export async function bareServer(body: Buffer | string, contentType: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export function verdict(met: boolean): string {
  return met ? '✅ met' : '❌ not met';
}

const TOKEN_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const randomToken = () => Array.from({ length: 24 }, () => TOKEN_ALPHABET[randomInt(TOKEN_ALPHABET.length)]).join('');

/**
 * People with live sessions, written straight into the database; returns their cookie headers.
 * Learners by default; `role: 'manager'` gives people who see every module unlocked.
 */
export async function createLoadLearners(databaseUrl: string, count: number, { role = 'learner', prefix = 'bench' }: { role?: string; prefix?: string } = {}): Promise<string[]> {
  const db = createClient({ url: databaseUrl });
  const now = Date.now();
  const cookies: string[] = [];
  const statements = [];
  for (let i = 0; i < count; i++) {
    const userId = `${prefix}-${i}`;
    const [id, secret] = [randomToken(), randomToken()];
    statements.push(
      { sql: "INSERT INTO users (id, email, name, role, level_id, level_since) VALUES (?, ?, ?, ?, 'junior', ?)", args: [userId, `${userId}@bench.test`, `Bench ${i}`, role, now] },
      { sql: 'INSERT INTO sessions (id, user_id, secret_hash, expires_at) VALUES (?, ?, ?, ?)', args: [id, userId, createHash('sha256').update(secret).digest(), now + 29 * 86_400_000] },
    );
    cookies.push(`session=${id}.${secret}`);
  }
  await db.batch(statements, 'write');
  db.close();
  return cookies;
}

/** Resident memory (MB) of a process and every process below it, from /proc; and how many there are. */
export function processTreeMemory(rootPid: number): { megabytes: number; processes: number } {
  const { readdirSync, readFileSync } = require('node:fs') as typeof import('node:fs');
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may contain spaces; the parent pid is the second field after it.
      const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(afterName[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) for (const [pid, parent] of parents) if (parent === tree[i]) tree.push(pid);
  let kilobytes = 0;
  for (const pid of tree) {
    try {
      kilobytes += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return { megabytes: Math.round(kilobytes / 1024), processes: tree.length };
}
