/**
 * Single sign-on end to end: a production server whose OIDC_* settings point at a real OpenID
 * Connect provider (the oidc-provider package) that this spec starts on loopback. A person signs
 * in through the provider's own login and consent pages in the browser; forged, replayed and
 * expired answers, unknown and deactivated people end on the login page with a sentence naming
 * the problem, never a 5xx, and write nothing. Ports: 4501 (app), 4502 (provider).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { expect, test, type Page } from './fixtures';
import { exportJWK, generateKeyPair, SignJWT, decodeJwt, decodeProtectedHeader, type JWK } from 'jose';
import Provider from 'oidc-provider';
import { freshDatabase, openDatabaseFile, seedDatabase, startInstance, type Instance } from './server-instance';

const APP_PORT = 4501;
const PROVIDER_PORT = 4502;
const APP = `http://127.0.0.1:${APP_PORT}`;
const ISSUER = `http://127.0.0.1:${PROVIDER_PORT}`;

test.describe.configure({ mode: 'serial', timeout: 90_000 });

/** People the provider knows, by the login typed on its page (its account id). */
const accounts: Record<string, Record<string, unknown>> = {
  'zhou.min': { email: 'zhou.min@demo.academy', email_verified: true, name: '周敏' },
  stranger: { email: 'stranger@demo.academy', email_verified: true, name: '陌生人' },
  unverified: { email: 'chen.jie@demo.academy', email_verified: false, name: '陈杰' },
  // Deactivated on this site (below); the provider says she is fine and an admin.
  'wu.hao': { email: 'wu.hao@demo.academy', email_verified: true, name: '吴昊', academy_role: 'admin' },
  'new.hire': {
    email: 'new.hire@demo.academy',
    email_verified: true,
    name: '新同事',
    locale: 'zh-CN',
    academy_role: 'manager',
    academy_level: '中级销售',
    academy_team: 'team-north',
  },
};

/** How the token endpoint's answer is altered on its way to the app: not at all, re-signed expired, or signed with another key. */
let tamper: 'none' | 'expired' | 'forged' = 'none';

async function startProvider(): Promise<{ close: () => Promise<void> }> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const stranger = (await generateKeyPair('RS256', { extractable: true })).privateKey;
  const provider = new Provider(ISSUER, {
    clients: [
      {
        client_id: 'academy',
        client_secret: 'academy-secret',
        redirect_uris: [`${APP}/login/oidc/callback`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['sso-spec-cookie-key'] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'locale'],
      academy: ['academy_role', 'academy_level', 'academy_team'],
    },
    scopes: ['openid', 'email', 'profile', 'academy'],
    features: { devInteractions: { enabled: true } },
    findAccount: async (_ctx: unknown, id: string) =>
      accounts[id] ? { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) } : undefined,
  });
  const handle = provider.callback();

  /** Re-signs the ID token in a token response: expired with the provider's own key, or valid-looking with a stranger's. */
  async function altered(body: Buffer): Promise<Buffer> {
    const json = JSON.parse(body.toString('utf8')) as { id_token?: string };
    if (!json.id_token) return body;
    const claims = decodeJwt(json.id_token);
    const header = decodeProtectedHeader(json.id_token);
    const past = Math.floor(Date.now() / 1000) - 3600;
    const payload = tamper === 'expired' ? { ...claims, iat: past - 600, exp: past } : claims;
    json.id_token = await new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: header.kid }).sign(tamper === 'expired' ? privateKey : stranger);
    return Buffer.from(JSON.stringify(json));
  }

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (tamper !== 'none' && req.method === 'POST' && req.url === '/token') {
      const chunks: Buffer[] = [];
      const end = res.end.bind(res);
      res.write = ((chunk: Buffer | string) => (chunks.push(Buffer.from(chunk)), true)) as typeof res.write;
      res.end = ((chunk?: Buffer | string) => {
        if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk));
        void altered(Buffer.concat(chunks)).then((body) => {
          res.setHeader('content-length', body.byteLength);
          end(body);
        });
        return res;
      }) as typeof res.end;
    }
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(PROVIDER_PORT, '127.0.0.1', resolve));
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const database = freshDatabase();
const baseEnv = {
  OIDC_ISSUER: ISSUER,
  OIDC_CLIENT_ID: 'academy',
  OIDC_CLIENT_SECRET: 'academy-secret',
  OIDC_SCOPES: 'openid email profile academy',
  OIDC_BUTTON_LABEL: 'Test IdP',
};
let provider: { close: () => Promise<void> };
let app: Instance;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  seedDatabase(database.url);
  const db = openDatabaseFile(database.url);
  await db.execute(`UPDATE users SET active = 0 WHERE email = 'wu.hao@demo.academy'`);
  db.close();
  provider = await startProvider();
  app = await startInstance(APP_PORT, database.url, baseEnv);
});

/** Every response any test's browser saw from the app or the provider: none may be a server error. */
const serverErrors: string[] = [];
test.beforeEach(({ context }) => {
  context.on('response', (r) => {
    if (r.status() >= 500) serverErrors.push(`${r.status()} ${r.url()}`);
  });
});
test.afterEach(() => {
  expect(serverErrors).toEqual([]);
});

test.afterAll(async () => {
  await app?.stop();
  await provider?.close();
});

/** From the app's login page through the provider's login and consent pages. */
async function signInAtProvider(page: Page, login: string, { lang = 'zh', next }: { lang?: string; next?: string } = {}) {
  await page.goto(`${APP}/login?lang=${lang}${next ? `&next=${encodeURIComponent(next)}` : ''}`);
  await page.getByRole('link', { name: /Test IdP/ }).click();
  await expect(page).toHaveURL(new RegExp(`^${ISSUER}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('anything');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Starts a sign-on in the page's browser (the flow cookie is set there) and returns its state, without going to the provider. */
async function startedState(page: Page): Promise<string> {
  const started = await page.context().request.get(`${APP}/login/oidc?lang=en`, { maxRedirects: 0 });
  expect(started.status()).toBe(303);
  return new URL(started.headers().location!).searchParams.get('state')!;
}

async function sessionsOf(email: string): Promise<number> {
  const db = openDatabaseFile(database.url);
  try {
    const rows = await db.execute({ sql: 'SELECT count(*) AS n FROM sessions JOIN users ON users.id = sessions.user_id WHERE users.email = ?', args: [email] });
    return Number(rows.rows[0]!.n);
  } finally {
    db.close();
  }
}

async function auditActions(email: string): Promise<string[]> {
  const db = openDatabaseFile(database.url);
  try {
    const rows = await db.execute({ sql: 'SELECT action FROM audit_log JOIN users ON users.id = audit_log.subject_user_id WHERE users.email = ? ORDER BY audit_log.id', args: [email] });
    return rows.rows.map((r) => String(r.action));
  } finally {
    db.close();
  }
}

/** The login page shows the problem in the person's language, and no server error happened on the way. */
async function expectProblem(page: Page, message: RegExp) {
  await expect(page).toHaveURL(/\/login\?/);
  await expect(page.getByRole('alert')).toContainText(message);
}

test('a person signs in through the provider and lands on their home page, signed in, with the sign-on audited', async ({ page }) => {
  const statuses: number[] = [];
  page.on('response', (r) => statuses.push(r.status()));
  await page.goto(`${APP}/login?lang=zh`);
  // Password login is still on: both ways are offered.
  await expect(page.getByLabel('密码')).toBeVisible();
  await signInAtProvider(page, 'zhou.min', { next: '/zh/courses/' });
  await expect(page).toHaveURL(`${APP}/zh/courses/`);
  await expect(page.getByRole('link', { name: '我的账号' })).toBeVisible();
  await page.goto(`${APP}/zh/account/`);
  await expect(page.getByRole('main')).toContainText('zhou.min@demo.academy');
  expect(statuses.filter((s) => s >= 500)).toEqual([]);
  expect(await auditActions('zhou.min@demo.academy')).toContain('sso.login');
  // The flow cookie is gone and the session cookie is the app's usual one.
  const cookies = await page.context().cookies(APP);
  expect(cookies.map((c) => c.name)).toContain('session');
  expect(cookies.map((c) => c.name)).not.toContain('oidc_flow');
  expect(cookies.find((c) => c.name === 'session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
});

test('a callback whose state is not the one this browser started is refused, naming the state', async ({ page }) => {
  await page.goto(`${APP}/login?lang=en`);
  await page.getByRole('link', { name: /Test IdP/ }).click();
  await expect(page).toHaveURL(new RegExp(`^${ISSUER}/interaction/`));
  const response = await page.goto(`${APP}/login/oidc/callback?code=forged-code&state=forged-state&iss=${encodeURIComponent(ISSUER)}`);
  expect(response!.status()).toBeLessThan(500);
  await expectProblem(page, /state does not match/);
  expect(await page.context().cookies(APP).then((c) => c.map((x) => x.name))).not.toContain('session');
});

test('a replayed callback (the same code twice) signs nobody in the second time', async ({ page, browser }) => {
  let callback = '';
  page.on('request', (r) => {
    if (r.url().startsWith(`${APP}/login/oidc/callback`)) callback = r.url();
  });
  await signInAtProvider(page, 'zhou.min', { lang: 'en' });
  // Her own language (zh), as after a password login, whatever the login page was in.
  await expect(page).toHaveURL(`${APP}/zh/`);
  expect(callback).toContain('code=');
  const before = await sessionsOf('zhou.min@demo.academy');

  // Someone who got hold of the callback address replays it in their own browser: no sign-on of theirs matches it.
  const thief = await browser.newPage();
  await thief.goto(callback);
  await expectProblem(thief, /这次登录已失效/);
  expect((await thief.context().cookies(APP)).map((c) => c.name)).not.toContain('session');
  await thief.close();
  // Another browser that started its own sign-on, handed the spent code with its own state: the provider refuses the code.
  const other = await browser.newPage();
  const state = await startedState(other);
  const replay = new URL(callback);
  replay.searchParams.set('state', state);
  await other.goto(replay.href);
  await expectProblem(other, /did not accept this sign-in’s code/);
  await other.close();
  expect(await sessionsOf('zhou.min@demo.academy')).toBe(before);
});

test('an unknown person is not let in while provisioning is off, and no account is made', async ({ page }) => {
  await signInAtProvider(page, 'stranger');
  await expectProblem(page, /还没有与您公司邮箱对应的账号/);
  const db = openDatabaseFile(database.url);
  const rows = await db.execute(`SELECT count(*) AS n FROM users WHERE email = 'stranger@demo.academy'`);
  db.close();
  expect(Number(rows.rows[0]!.n)).toBe(0);
});

test('an email the provider did not verify matches no account', async ({ page }) => {
  await signInAtProvider(page, 'unverified', { lang: 'en' });
  await expectProblem(page, /did not give a verified email/);
  expect(await sessionsOf('chen.jie@demo.academy')).toBe(0);
});

test('a deactivated person stays out whatever the provider says; the refusal is audited', async ({ page }) => {
  await signInAtProvider(page, 'wu.hao');
  await expectProblem(page, /账号已被停用/);
  expect(await sessionsOf('wu.hao@demo.academy')).toBe(0);
  expect(await auditActions('wu.hao@demo.academy')).toContain('sso.refused');
});

test('a forged ID token (signed with another key) and an expired one are refused, each named', async ({ browser }) => {
  const before = await sessionsOf('zhou.min@demo.academy');
  try {
    for (const [kind, message] of [
      ['forged', /identity token .* failed validation/],
      ['expired', /identity token .* had expired/],
    ] as const) {
      tamper = kind;
      // A browser of its own each time: the provider would otherwise remember the first sign-in.
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInAtProvider(page, 'zhou.min', { lang: 'en' });
      await expectProblem(page, message);
      expect((await context.cookies(APP)).map((c) => c.name)).not.toContain('session');
      await context.close();
    }
  } finally {
    tamper = 'none';
  }
  expect(await sessionsOf('zhou.min@demo.academy')).toBe(before);
});

test('a callback without a sign-on started, or with the provider’s refusal, says so on the login page', async ({ page }) => {
  const bare = await page.goto(`${APP}/login/oidc/callback?code=x&state=y`);
  expect(bare!.status()).toBe(200);
  await expectProblem(page, /这次登录已失效/);
  const state = await startedState(page);
  await page.goto(`${APP}/login/oidc/callback?error=access_denied&state=${state}`);
  // The language the sign-on was started in (en), not the browser's.
  await expectProblem(page, /refused this sign-in/);
});

test('hostile callback and start addresses get the login page with a message, never a server error', async ({ request }) => {
  const started = await request.get(`${APP}/login/oidc?lang=en&next=${encodeURIComponent('//evil.example/')}`, { maxRedirects: 0 });
  expect(started.status()).toBe(303);
  // The provider is asked to send the person back here only, and `next` was made safe before it was stored.
  expect(new URL(started.headers().location!).searchParams.get('redirect_uri')).toBe(`${APP}/login/oidc/callback`);
  for (const query of ['', '?state=%00%01', '?code[]=a&state[]=b', `?code=${'x'.repeat(6000)}&state=y`, '?error=%E2%80%AE&error_description=%3Cscript%3E']) {
    for (const cookie of ['', 'oidc_flow=%FF%FE', `oidc_flow=${'a'.repeat(43)}`]) {
      const response = await request.get(`${APP}/login/oidc/callback${query}`, { headers: cookie ? { cookie } : {}, maxRedirects: 0 });
      expect(response.status(), `${query} ${cookie}`).toBe(303);
      expect(response.headers().location).toMatch(/^\/login\?lang=(zh|en)&sso_error=/);
    }
  }
});

test('without OIDC settings the login page has no sign-on button, and the start address says it is not set up', async ({ page }) => {
  // The suite's own server (playwright.config.ts) runs without OIDC_*.
  await page.goto('/login?lang=en');
  await expect(page.getByLabel('Password')).toBeVisible();
  await expect(page.getByRole('link', { name: /Sign in with/ })).toHaveCount(0);
  await page.goto('/login/oidc?lang=en');
  await expectProblem(page, /not set up on this site/);
});

test.describe('with provisioning on and password login off', () => {
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    await app.stop();
    app = await startInstance(APP_PORT, database.url, {
      ...baseEnv,
      OIDC_PROVISION: '1',
      OIDC_ROLE_CLAIM: 'academy_role',
      OIDC_LEVEL_CLAIM: 'academy_level',
      OIDC_TEAM_CLAIM: 'academy_team',
      PASSWORD_LOGIN: 'off',
    });
  });

  test('a first sign-on creates the account with the role, level and team the claims name', async ({ page }) => {
    await signInAtProvider(page, 'new.hire');
    await expect(page).toHaveURL(`${APP}/zh/`);
    const db = openDatabaseFile(database.url);
    const user = await db.execute(
      `SELECT users.role, users.level_id, users.password_hash, team_members.team_id FROM users LEFT JOIN team_members ON team_members.user_id = users.id WHERE email = 'new.hire@demo.academy'`,
    );
    db.close();
    expect(user.rows[0]).toMatchObject({ role: 'manager', level_id: 'mid', password_hash: null, team_id: 'team-north' });
    expect(await auditActions('new.hire@demo.academy')).toEqual(['user.provisioned', 'sso.login']);
  });

  test('the password form is gone and a password login is refused with a clear message', async ({ page, request }) => {
    await page.goto(`${APP}/login?lang=en`);
    await expect(page.getByRole('link', { name: 'Sign in with Test IdP' })).toBeVisible();
    await expect(page.getByLabel('Password')).toHaveCount(0);
    const refused = await request.post(`${APP}/login?lang=en`, { form: { email: 'zhou.min@demo.academy', password: 'xueyuan-demo-2026' }, headers: { origin: APP }, maxRedirects: 0 });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain('Password sign-in is switched off');
  });

  test('a deactivated person is still not provisioned or let in', async ({ page }) => {
    await signInAtProvider(page, 'wu.hao', { lang: 'en' });
    await expectProblem(page, /deactivated/);
    expect(await sessionsOf('wu.hao@demo.academy')).toBe(0);
  });

  test('a provider that cannot be reached is named as such (the last test: it stops the provider)', async ({ page }) => {
    const state = await startedState(page);
    await provider.close();
    await page.goto(`${APP}/login/oidc/callback?code=some-code&state=${state}&iss=${encodeURIComponent(ISSUER)}`);
    await expectProblem(page, /cannot be reached/);
  });
});
