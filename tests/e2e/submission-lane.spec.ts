/**
 * Quiz submissions are taken by the production server's submission lane
 * (src/lib/server/quiz-submission-lane.ts) unless something is unusual; then Astro's own action
 * answers. Both must answer the same submission the same way, in the same wire format.
 */
import { expect, test, type APIResponse } from '@playwright/test';
import { parse } from 'devalue';
import { sessionCookie } from './server-instance';

const viaLane = (r: APIResponse) => r.headers()['server-timing'] === 'submission-lane';

test('the lane and Astro grade, store and answer a submission alike, and refuse alike', async ({ playwright, baseURL }) => {
  const cookie = await sessionCookie(baseURL!, 'zhao.lei@demo.academy');
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie, origin: baseURL! } });
  const submit = (path: string, data: object) => api.post(path, { data: JSON.stringify(data), headers: { 'content-type': 'application/json' } });
  const answers = { 'method-for-negotiation': ['coaching-visits'] };

  const lane = await submit('/_actions/quiz.submit', { quizId: 'learning-methods', lang: 'en', answers, idempotencyKey: crypto.randomUUID() });
  // A query string keeps the lane out of it, so Astro's action answers this one.
  const astro = await submit('/_actions/quiz.submit?via=astro', { quizId: 'learning-methods', lang: 'en', answers, idempotencyKey: crypto.randomUUID() });
  expect([viaLane(lane), viaLane(astro)]).toEqual([true, false]);
  for (const response of [lane, astro]) {
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/json+devalue');
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(response.headers()['set-cookie']).toMatch(/^session=/);
  }
  const [fromLane, fromAstro] = [parse(await lane.text()), parse(await astro.text())] as Record<string, unknown>[];
  expect(Object.keys(fromLane!).sort()).toEqual(Object.keys(fromAstro!).sort());
  expect(fromLane!.attemptId).not.toBe(fromAstro!.attemptId);
  const { attemptId: _a, next: _n, ...laneGrade } = fromLane!;
  const { attemptId: _b, next: _m, ...astroGrade } = fromAstro!;
  expect(laneGrade).toEqual(astroGrade);

  // The same retry lands once, whichever path the retry takes.
  const key = crypto.randomUUID();
  const first = await submit('/_actions/quiz.submit', { quizId: 'learning-methods', lang: 'en', answers, idempotencyKey: key });
  const retry = await submit('/_actions/quiz.submit?via=astro', { quizId: 'learning-methods', lang: 'en', answers, idempotencyKey: key });
  expect((parse(await retry.text()) as { attemptId: string }).attemptId).toBe((parse(await first.text()) as { attemptId: string }).attemptId);

  const stray = { quizId: 'learning-methods', lang: 'en', answers: { 'no-such-question': ['x'] } };
  const [laneRefusal, astroRefusal] = [await submit('/_actions/quiz.submit', stray), await submit('/_actions/quiz.submit?via=astro', stray)];
  expect([viaLane(laneRefusal), viaLane(astroRefusal)]).toEqual([true, false]);
  expect(laneRefusal.status()).toBe(400);
  expect(await laneRefusal.json()).toEqual(await astroRefusal.json());
  expect((await laneRefusal.json()).code).toBe('BAD_REQUEST');
});

test('the lane leaves a cross-site, signed-out or malformed submission to Astro, which refuses it', async ({ playwright, baseURL }) => {
  const cookie = await sessionCookie(baseURL!, 'zhao.lei@demo.academy');
  const body = JSON.stringify({ quizId: 'learning-methods', lang: 'en', answers: {} });
  const api = await playwright.request.newContext({ baseURL });
  const post = (headers: Record<string, string>, data = body) => api.post('/_actions/quiz.submit', { data, headers: { 'content-type': 'application/json', ...headers } });

  const crossSite = await post({ cookie, 'sec-fetch-site': 'cross-site' });
  expect(crossSite.status()).toBe(403);
  const signedOut = await post({ origin: baseURL! });
  expect(signedOut.status()).toBe(401);
  const malformed = await post({ cookie, origin: baseURL! }, '{"quizId": 42');
  expect(malformed.status()).toBeGreaterThanOrEqual(400);
  expect(malformed.status()).toBeLessThan(500);
  const wrongShape = await post({ cookie, origin: baseURL! }, JSON.stringify({ quizId: 'learning-methods', lang: 'fr', answers: {} }));
  expect(wrongShape.status()).toBe(400);
  const oversized = await post({ cookie, origin: baseURL! }, JSON.stringify({ quizId: 'learning-methods', lang: 'en', answers: { filler: ['a'.repeat(100_000)] } }));
  expect(oversized.status()).toBeGreaterThanOrEqual(400);
  expect(oversized.status()).toBeLessThan(500);
  for (const response of [crossSite, signedOut, malformed, wrongShape, oversized]) expect(viaLane(response)).toBe(false);

  // An upload far beyond any submission is refused without reading it to the end.
  const huge = await post({ cookie, origin: baseURL! }, 'x'.repeat(2 * 1024 * 1024));
  expect(huge.status()).toBe(413);
  expect((await huge.json()).code).toBe('CONTENT_TOO_LARGE');
  expect((await post({ cookie, origin: baseURL! }, body)).status()).toBe(200);
});
