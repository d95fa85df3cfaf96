/**
 * xAPI end to end: a production server with XAPI_ENDPOINT forwards learning events to an LRS on
 * loopback (statements checked against the xAPI rules), survives a kill -9 without losing or
 * doubling a statement, and admins download statements for a date range.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import xapiValidation from 'xapi-validation';
import { freshDatabase, seedDatabase, sessionCookie, startInstance } from './server-instance';
import { logIn } from './helpers';

// A CommonJS package: Playwright's loader hands over its exports object as the default import.
const validateStatement: (statement: unknown) => unknown[] = (xapiValidation as unknown as { default?: typeof xapiValidation }).default ?? xapiValidation;

function startLrs() {
  const stored = new Map<string, Record<string, any>>();
  const invalid: unknown[] = [];
  let received = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const statements = JSON.parse(body) as Record<string, any>[];
      for (const s of statements) {
        received++;
        if (validateStatement(s).length > 0) invalid.push(s);
        stored.set(s.id, s);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(statements.map((s) => s.id)));
    });
  });
  return new Promise<{ url: string; stored: typeof stored; invalid: unknown[]; received: () => number; close: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/xapi/`,
        stored,
        invalid,
        received: () => received,
        close: () => server.close(),
      }),
    ),
  );
}

/** 周敏's completions of a module, as the LRS holds them. */
const completed = (stored: Map<string, Record<string, any>>, moduleId: string) =>
  [...stored.values()].filter(
    (s) => s.actor.mbox === 'mailto:zhou.min@demo.academy' && s.verb.id.endsWith('/completed') && s.object.id.endsWith(`/activities/module/${moduleId}`),
  );

test('learning events reach the LRS as valid statements, none lost or doubled across a kill -9', async () => {
  test.setTimeout(150_000);
  const lrs = await startLrs();
  const database = freshDatabase();
  seedDatabase(database.url);
  const env = { XAPI_ENDPOINT: lrs.url, XAPI_USERNAME: 'academy', XAPI_PASSWORD: 'secret' };
  let server = await startInstance(4491, database.url, env);
  try {
    const complete = async (moduleId: string) => {
      const cookie = await sessionCookie(server.url, 'zhou.min@demo.academy');
      const response = await fetch(`${server.url}/_actions/progress.completeModule`, {
        method: 'POST',
        body: new URLSearchParams({ moduleId }),
        headers: { cookie, origin: server.url },
        redirect: 'manual',
      });
      expect(response.status).toBeLessThan(400);
    };
    await complete('onboarding/welcome-and-department');
    await expect.poll(() => completed(lrs.stored, 'onboarding/welcome-and-department').length, { timeout: 30_000 }).toBe(1);
    // The demo organisation's history goes out too.
    expect(lrs.stored.size).toBeGreaterThan(10);
    expect(lrs.invalid).toEqual([]);

    await server.stop('SIGKILL');
    server = await startInstance(4491, database.url, env);
    await complete('onboarding/training-plan');
    // The killed instance's lease (30 s) must run out before the new one sends.
    await expect.poll(() => completed(lrs.stored, 'onboarding/training-plan').length, { timeout: 60_000 }).toBe(1);
    expect(completed(lrs.stored, 'onboarding/welcome-and-department')).toHaveLength(1);
    expect(lrs.invalid).toEqual([]);
  } finally {
    await server.stop();
    lrs.close();
  }
});

test('an admin downloads the statements of a date range; a bad range is a 400 that says why', async ({ page }) => {
  await logIn(page, 'admin@demo.academy');
  await page.goto('/en/admin/xapi/');
  await expect(page.getByText('XAPI_ENDPOINT is not set')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^xapi-statements-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.json$/);
  const statements = JSON.parse(await (await import('node:fs')).promises.readFile((await file.path())!, 'utf8')) as unknown[];
  expect(statements.length).toBeGreaterThan(0);
  for (const s of statements) expect(validateStatement(s)).toEqual([]);

  const bad = await page.request.get('/en/admin/xapi/statements.json?from=2026-11-30&to=2026-11-01');
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain('swap them');
});
