/** Small helpers shared by the benchmarks: load runs, a bare server to compare against, reports. */
import autocannon from 'autocannon';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomInt } from 'node:crypto';
import { createClient } from '@libsql/client';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export async function load(options: autocannon.Options): Promise<LoadResult> {
  const result = await autocannon({ duration: 8, connections: 64, ...options });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
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

/** Learners with live sessions, written straight into the database; returns their cookie headers. */
export async function createLoadLearners(databaseUrl: string, count: number): Promise<string[]> {
  const db = createClient({ url: databaseUrl });
  const now = Date.now();
  const cookies: string[] = [];
  const statements = [];
  for (let i = 0; i < count; i++) {
    const userId = `bench-${i}`;
    const [id, secret] = [randomToken(), randomToken()];
    statements.push(
      { sql: "INSERT INTO users (id, email, name, level_id, level_since) VALUES (?, ?, ?, 'junior', ?)", args: [userId, `${userId}@bench.test`, `Bench ${i}`, now] },
      { sql: 'INSERT INTO sessions (id, user_id, secret_hash, expires_at) VALUES (?, ?, ?, ?)', args: [id, userId, createHash('sha256').update(secret).digest(), now + 29 * 86_400_000] },
    );
    cookies.push(`session=${id}.${secret}`);
  }
  await db.batch(statements, 'write');
  db.close();
  return cookies;
}
