import { expect, test } from '@playwright/test';
import { createHash, randomInt } from 'node:crypto';
import { freshDatabase, openDatabaseFile, seedDatabase, startInstance } from './server-instance';

const LEARNERS = 200;
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const randomToken = () => Array.from({ length: 24 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

test.describe.configure({ timeout: 120_000 });

test('every acknowledged submission survives a SIGKILL exactly once, and retries do not double-count', async () => {
  const database = freshDatabase();
  seedDatabase(database.url);
  const db = openDatabaseFile(database.url);
  // 200 learners with sessions made directly in the database: logging each in would only test argon2.
  const cookies: string[] = [];
  const now = Date.now();
  for (let i = 0; i < LEARNERS; i++) {
    const userId = `load-${i}`;
    const [id, secret] = [randomToken(), randomToken()];
    await db.batch([
      { sql: "INSERT INTO users (id, email, name, level_id, level_since) VALUES (?, ?, ?, 'junior', ?)", args: [userId, `${userId}@load.test`, `Learner ${i}`, now] },
      { sql: 'INSERT INTO sessions (id, user_id, secret_hash, expires_at) VALUES (?, ?, ?, ?)', args: [id, userId, createHash('sha256').update(secret).digest(), now + 86_400_000] },
    ]);
    cookies.push(`session=${id}.${secret}`);
  }
  db.close();

  let server = await startInstance(4481, database.url);
  const submit = (cookie: string, key: string) =>
    fetch(`${server.url}/_actions/quiz.submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: server.url },
      body: JSON.stringify({ quizId: 'lead-to-after-sales', lang: 'zh', answers: { 'quote-timing': ['after-needs'] }, idempotencyKey: key }),
    });

  const acknowledged: { cookie: string; key: string }[] = [];
  const unanswered: { cookie: string; key: string }[] = [];
  let killed = false;
  const learner = async (cookie: string) => {
    while (!killed) {
      const key = crypto.randomUUID();
      try {
        const response = await submit(cookie, key);
        if (response.ok) acknowledged.push({ cookie, key });
        else throw new Error(`status ${response.status}`);
      } catch {
        unanswered.push({ cookie, key });
        return;
      }
    }
  };
  const running = cookies.map(learner);
  await expect.poll(() => acknowledged.length, { timeout: 60_000 }).toBeGreaterThan(400);
  server.process.kill('SIGKILL');
  killed = true;
  await Promise.all(running);

  server = await startInstance(4481, database.url);
  try {
    // A client that never saw its answer retries; so does one that did, by mistake.
    const retries = [...unanswered, ...acknowledged.slice(0, 50)];
    for (const { cookie, key } of retries) expect((await submit(cookie, key)).status).toBe(200);
  } finally {
    await server.stop();
  }

  const check = openDatabaseFile(database.url);
  const stored = await check.execute("SELECT idempotency_key AS key, count(*) AS n FROM quiz_attempts WHERE user_id LIKE 'load-%' GROUP BY idempotency_key");
  const counts = new Map(stored.rows.map((r) => [String(r.key), Number(r.n)]));
  for (const { key } of acknowledged) expect(counts.get(key), key).toBe(1);
  for (const { key } of unanswered) expect(counts.get(key), key).toBe(1);
  expect(counts.size).toBe(acknowledged.length + unanswered.length);
  const events = await check.execute("SELECT count(*) AS n FROM learning_events WHERE type = 'quiz.submitted' AND user_id LIKE 'load-%'");
  expect(Number(events.rows[0]!.n)).toBe(counts.size);
  expect((await check.execute('PRAGMA integrity_check')).rows[0]).toMatchObject({ integrity_check: 'ok' });
  check.close();
});
