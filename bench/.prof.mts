import { openDatabase } from '../src/lib/server/db';
import { migrateDatabase } from '../src/lib/server/migrations';
import { submitQuizAttempt } from '../src/lib/server/quiz-submission';
import { quizSchema } from '../src/schemas/quiz';
import { parse } from 'yaml';
import { readFileSync, rmSync } from 'node:fs';
rmSync('/tmp/prof.db', { force: true });
const db = await openDatabase({ url: 'file:/tmp/prof.db' });
await migrateDatabase(db);
const quiz = quizSchema.parse(parse(readFileSync('content/quizzes/lead-to-after-sales.yaml', 'utf8')));
const now = Date.now();
await db.$client.batch(Array.from({ length: 500 }, (_, i) => ({ sql: "INSERT INTO users (id, email, name, level_id, level_since) VALUES (?, ?, ?, 'junior', ?)", args: [`u${i}`, `u${i}@x`, 'x', now] })), 'write');
let n = 0;
const t = performance.now();
await Promise.all(Array.from({ length: 64 }, async () => {
  while (n < 3000) {
    const i = n++;
    await submitQuizAttempt(db, `u${i % 500}`, quiz, { quizId: 'lead-to-after-sales', lang: 'zh', answers: { 'quote-timing': ['after-needs'] }, idempotencyKey: crypto.randomUUID() }, new Date());
  }
}));
console.log('per second', Math.round(3000 / ((performance.now() - t) / 1000)));
