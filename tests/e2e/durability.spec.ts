import { expect, test } from './fixtures';
import { createHash, randomInt } from 'node:crypto';
import { freshDatabase, openDatabaseFile, seedDatabase, startInstance } from './server-instance';

const LEARNERS = 200;
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const randomToken = () => Array.from({ length: 24 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

test.describe.configure({ timeout: 120_000 });

test('every acknowledged quiz and exercise submission survives a SIGKILL exactly once, and retries do not double-count', async () => {
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
  // Learners alternate between a quiz attempt and an exercise attempt, each with its own key.
  type Kind = 'quiz' | 'exercise';
  const order = ['market-development', 'lead-screening', 'opening-contact', 'needs-analysis', 'quote-and-negotiation', 'contract-signing', 'delivery-and-service'];
  const submit = (cookie: string, key: string, kind: Kind) =>
    fetch(`${server.url}/_actions/${kind}.submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: server.url },
      body: JSON.stringify(
        kind === 'quiz'
          ? { quizId: 'lead-to-after-sales', lang: 'zh', answers: { 'quote-timing': ['after-needs'] }, idempotencyKey: key }
          : { exerciseId: 'sales-cycle-order', lang: 'zh', answer: { type: 'sequence', order }, idempotencyKey: key },
      ),
    });

  const acknowledged: { cookie: string; key: string; kind: Kind }[] = [];
  const unanswered: { cookie: string; key: string; kind: Kind }[] = [];
  let killed = false;
  const learner = async (cookie: string, index: number) => {
    for (let round = index; !killed; round++) {
      const key = crypto.randomUUID();
      const kind: Kind = round % 2 === 0 ? 'quiz' : 'exercise';
      try {
        const response = await submit(cookie, key, kind);
        if (response.ok) acknowledged.push({ cookie, key, kind });
        else throw new Error(`status ${response.status}`);
      } catch {
        unanswered.push({ cookie, key, kind });
        return;
      }
    }
  };
  const running = cookies.map((cookie, i) => learner(cookie, i));
  await expect.poll(() => acknowledged.length, { timeout: 60_000 }).toBeGreaterThan(400);
  expect(acknowledged.some((a) => a.kind === 'exercise')).toBe(true);
  server.process.kill('SIGKILL');
  killed = true;
  await Promise.all(running);

  server = await startInstance(4481, database.url);
  try {
    // A client that never saw its answer retries; so does one that did, by mistake.
    const retries = [...unanswered, ...acknowledged.slice(0, 50)];
    for (const { cookie, key, kind } of retries) expect((await submit(cookie, key, kind)).status).toBe(200);
  } finally {
    await server.stop();
  }

  const check = openDatabaseFile(database.url);
  for (const [kind, table] of [['quiz', 'quiz_attempts'], ['exercise', 'exercise_attempts']] as const) {
    const stored = await check.execute(`SELECT idempotency_key AS key, count(*) AS n FROM ${table} WHERE user_id LIKE 'load-%' AND idempotency_key IS NOT NULL GROUP BY idempotency_key`);
    const counts = new Map(stored.rows.map((r) => [String(r.key), Number(r.n)]));
    const mine = (list: typeof acknowledged) => list.filter((s) => s.kind === kind);
    for (const { key } of mine(acknowledged)) expect(counts.get(key), key).toBe(1);
    for (const { key } of mine(unanswered)) expect(counts.get(key), key).toBe(1);
    expect(counts.size).toBe(mine(acknowledged).length + mine(unanswered).length);
    const events = await check.execute(`SELECT count(*) AS n FROM learning_events WHERE type = '${kind}.submitted' AND user_id LIKE 'load-%'`);
    expect(Number(events.rows[0]!.n)).toBe(counts.size);
  }
  expect((await check.execute('PRAGMA integrity_check')).rows[0]).toMatchObject({ integrity_check: 'ok' });
  check.close();
});
