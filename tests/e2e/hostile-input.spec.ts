import { expect, test } from './fixtures';
import fc from 'fast-check';
import { freshDatabase, openDatabaseFile, seedDatabase, sessionCookie, startInstance, type Instance } from './server-instance';

/** Strings an attacker or a broken client might send. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom("'; DROP TABLE users; --", '" OR 1=1 --', '\u0000\u0007\u001b[2J', '𠜎𠜱𠝹😀', '../../etc/passwd', '<script>alert(1)</script>', 'lead-to-after-sales'.repeat(200)),
);
const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(nasty, { maxLength: 3 }), fc.dictionary(nasty, nasty, { maxKeys: 3 }));

/** A quiz submission broken in exactly one way, so that it can never be valid. */
const brokenSubmission = fc.oneof(
  fc.record({ quizId: wrongType, lang: fc.constant('zh'), answers: fc.constant({}) }),
  fc.record({ quizId: fc.constant('lead-to-after-sales'), lang: nasty.filter((s) => s !== 'zh' && s !== 'en'), answers: fc.constant({}) }),
  fc.record({ quizId: fc.constant('lead-to-after-sales'), lang: fc.constant('en'), answers: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), nasty, fc.dictionary(fc.constant('quote-timing'), fc.oneof(fc.integer(), fc.string(), fc.array(fc.integer(), { minLength: 1 })), { minKeys: 1 })) }),
  fc.record({ quizId: fc.constant('lead-to-after-sales'), lang: fc.constant('en'), answers: fc.constant({}), extra: wrongType }),
  fc.record({ quizId: fc.constant('lead-to-after-sales'), lang: fc.constant('en'), answers: fc.constant({ q: fc.sample(nasty, 1)[0] }) }),
  fc.record({ quizId: fc.constant('lead-to-after-sales'), lang: fc.constant('en'), answers: fc.constant({}), idempotencyKey: nasty }),
  fc.record({ quizId: nasty.filter((s) => !/^[a-z0-9-]{1,64}$/.test(s)), lang: fc.constant('zh'), answers: fc.constant({}) }),
);

/** An exercise action's payload broken in exactly one way; none may write or score anything. */
const exerciseIds = fc.constantFrom('sales-cycle-order', 'lead-grading-abc', 'price-objection', 'contract-draft-review', 'kpi-attainment');
const hostileId = nasty.filter((s) => !/^[a-z0-9-]{1,64}$/.test(s));
const brokenExerciseCall = fc.oneof(
  // Not an exercise id at all, or the wrong type of value.
  fc.record({ action: fc.constant('exercise.save'), body: fc.record({ exerciseId: fc.oneof(hostileId, wrongType), answer: fc.constant({ type: 'sequence', order: [] }) }) }),
  fc.record({ action: fc.constant('exercise.choose'), body: fc.record({ exerciseId: exerciseIds, lang: fc.constant('zh'), choiceId: fc.oneof(hostileId, wrongType) }) }),
  fc.record({ action: fc.constant('exercise.submit'), body: fc.record({ exerciseId: exerciseIds, lang: nasty.filter((s) => s !== 'zh' && s !== 'en') }) }),
  // Answers of the wrong shape, the wrong type for the exercise, or out of bounds.
  fc.record({
    action: fc.constant('exercise.save'),
    body: fc.record({
      exerciseId: exerciseIds,
      answer: fc.oneof(
        wrongType,
        fc.record({ type: fc.constant('roleplay'), choices: fc.array(fc.constantFrom('acknowledge-and-ask', 'instant-discount')) }),
        fc.record({ type: fc.constant('sequence'), order: fc.array(hostileId, { minLength: 1, maxLength: 3 }) }),
        fc.record({ type: fc.constant('sequence'), order: fc.array(fc.constant('market-development'), { minLength: 51, maxLength: 60 }) }),
        fc.record({ type: fc.constant('classify'), placements: fc.dictionary(hostileId, nasty, { minKeys: 1, maxKeys: 3 }) }),
        fc.record({ type: fc.constant('calculation'), values: fc.dictionary(fc.constant('target-attainment'), fc.oneof(nasty, fc.constant(1e300), fc.boolean()), { minKeys: 1 }) }),
        fc.record({ type: fc.constant('spot-the-issue'), flags: fc.constant(['payment']), extra: wrongType }),
      ),
    }),
  }),
  fc.record({ action: fc.constant('exercise.submit'), body: fc.record({ exerciseId: exerciseIds, lang: fc.constant('en'), answer: fc.constant({ type: 'spot-the-issue', flags: [] }), idempotencyKey: nasty }) }),
  fc.record({ action: fc.constant('exercise.start'), body: fc.record({ exerciseId: exerciseIds, lang: fc.constant('zh'), seed: fc.oneof(fc.constant(-1), fc.constant(2 ** 33), fc.double({ min: 0.1, max: 0.9 }), nasty) }) }),
);

let server: Instance;
let databaseUrl: string;
let cookie: string;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  const database = freshDatabase();
  databaseUrl = database.url;
  seedDatabase(databaseUrl);
  server = await startInstance(4482, databaseUrl);
  cookie = await sessionCookie(server.url, 'sun.li@demo.academy');
  // The payloads below must be refused for what they are, not for a missing session.
  expect((await fetch(`${server.url}/zh/`, { headers: { cookie }, redirect: 'manual' })).status).toBe(200);
});
test.afterAll(async () => server.stop());

async function tableCounts(): Promise<Record<string, number>> {
  const db = openDatabaseFile(databaseUrl);
  const counts: Record<string, number> = {};
  for (const table of ['users', 'quiz_attempts', 'exercise_attempts', 'module_completions', 'learning_events', 'kpi_evidence', 'audit_log']) {
    counts[table] = Number((await db.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
  }
  db.close();
  return counts;
}

const post = (path: string, body: string, contentType: string, withCookie = true) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType, origin: server.url, ...(withCookie ? { cookie } : {}) },
    body,
  });

test('malformed quiz submissions always get a 4xx with a message and change nothing', async () => {
  const before = await tableCounts();
  await fc.assert(
    fc.asyncProperty(brokenSubmission, async (payload) => {
      const response = await post('/_actions/quiz.submit', JSON.stringify(payload), 'application/json');
      expect(response.status, JSON.stringify(payload).slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect((await response.text()).length).toBeGreaterThan(0);
    }),
    { numRuns: 150 },
  );
  expect(await tableCounts()).toEqual(before);
});

test('malformed exercise calls always get a 4xx with a message and change nothing', async () => {
  const before = await tableCounts();
  await fc.assert(
    fc.asyncProperty(brokenExerciseCall, async ({ action, body }) => {
      const response = await post(`/_actions/${action}`, JSON.stringify(body), 'application/json');
      expect(response.status, `${action} ${JSON.stringify(body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect((await response.text()).length).toBeGreaterThan(0);
    }),
    { numRuns: 150 },
  );
  expect(await tableCounts()).toEqual(before);
});

test('arbitrary bytes as a JSON body never cause a 5xx', async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (body) => {
      const response = await post('/_actions/quiz.submit', body, 'application/json');
      expect(response.status).toBeLessThan(500);
      // Never "not found" for a route that exists: a body that is not JSON is the caller's mistake.
      expect(response.status).not.toBe(404);
    }),
    { numRuns: 100 },
  );
});

test('hostile module ids for completion get a 4xx and write nothing', async () => {
  const before = await tableCounts();
  await fc.assert(
    fc.asyncProperty(nasty, async (moduleId) => {
      const response = await post('/_actions/progress.completeModule', new URLSearchParams({ moduleId }).toString(), 'application/x-www-form-urlencoded');
      expect(response.status, moduleId.slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }),
    { numRuns: 100 },
  );
  expect(await tableCounts()).toEqual(before);
});

test('hostile login forms get 400, 401 or 429, never a 5xx', async () => {
  await fc.assert(
    fc.asyncProperty(nasty, nasty, async (email, password) => {
      const response = await post('/login', new URLSearchParams({ email, password }).toString(), 'application/x-www-form-urlencoded', false);
      expect([400, 401, 429]).toContain(response.status);
    }),
    { numRuns: 60 },
  );
});
