/**
 * The authorization matrix: every page, endpoint and action of the app, requested as each kind of
 * person, with the status each must get. A learner sees only themselves; a manager only their own
 * team (another team's people are a 404, as if they did not exist); trainers see content analytics;
 * admins everything. The last tests check that the table lists every route file in src/pages and
 * every action in src/actions/index.ts, so a new route cannot ship without a row here.
 *
 * Cast (demo organisation): the subject is 吴昊 (wu.hao), a learner in 华北销售二组 (team-north).
 */
import { expect, request as playwrightRequest, test, type APIRequestContext } from './fixtures';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEMO_PASSWORD } from './helpers';

const roles = ['anonymous', 'learner', 'otherLearner', 'teamManager', 'otherManager', 'trainer', 'admin'] as const;
type Role = (typeof roles)[number];

const accounts: Record<Exclude<Role, 'anonymous'>, string> = {
  learner: 'wu.hao@demo.academy',
  otherLearner: 'lin.na@demo.academy',
  teamManager: 'manager.north@demo.academy',
  otherManager: 'manager@demo.academy',
  trainer: 'trainer@demo.academy',
  admin: 'admin@demo.academy',
};

type Expected = Record<Role, number>;
/** Shorthands for the common shapes of a row. */
const everyone = (status: number, anonymous = 302): Expected => ({
  anonymous, learner: status, otherLearner: status, teamManager: status, otherManager: status, trainer: status, admin: status,
});
const only = (allowed: Partial<Record<Role, number>>, otherwise = 403, anonymous = 302): Expected => ({
  ...everyone(otherwise, anonymous),
  ...allowed,
});

interface Context {
  baseURL: string;
  subjectId: string;
}

interface Row {
  /** The route file (relative to src/pages) or action ("group.name") this row covers. */
  covers: string;
  name: string;
  send: (api: APIRequestContext, c: Context) => Promise<{ status: () => number }>;
  expected: Expected;
}

const get = (path: string | ((c: Context) => string)) => (api: APIRequestContext, c: Context) =>
  api.get(typeof path === 'string' ? path : path(c), { maxRedirects: 0 });

/** Form actions get a form post, the others JSON, as their pages and islands send them. */
const action = (name: string, body: (c: Context) => Record<string, unknown>, { json = false } = {}) =>
  (api: APIRequestContext, c: Context) =>
    api.post(`/_actions/${name}`, {
      ...(json
        ? { data: JSON.stringify(body(c)), headers: { 'content-type': 'application/json', origin: c.baseURL } }
        : { form: body(c) as Record<string, string | number>, headers: { origin: c.baseURL } }),
      maxRedirects: 0,
    });

const inThirtyDays = () => new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

const pages: Row[] = [
  { covers: 'index.astro', name: 'GET / sends people to their language', send: get('/'), expected: everyone(302) },
  { covers: 'login.astro', name: 'GET /login', send: get('/login'), expected: everyone(302, 200) },
  // Single sign-on is not configured on the e2e server: both ends send everyone back to the login page with the reason.
  { covers: 'login/oidc.ts', name: 'GET /login/oidc (SSO off)', send: get('/login/oidc'), expected: everyone(303, 303) },
  { covers: 'login/oidc/callback.ts', name: 'GET /login/oidc/callback with junk (SSO off)', send: get('/login/oidc/callback?code=x&state=y'), expected: everyone(303, 303) },
  { covers: 'healthz.ts', name: 'GET /healthz', send: get('/healthz'), expected: everyone(200, 200) },
  { covers: '[lang]/index.astro', name: 'GET /zh/ (my learning)', send: get('/zh/'), expected: everyone(200) },
  { covers: '[lang]/courses/index.astro', name: 'GET /zh/courses/', send: get('/zh/courses/'), expected: everyone(200) },
  { covers: '[lang]/courses/[course]/index.astro', name: 'GET a course', send: get('/zh/courses/sales-workflow/'), expected: everyone(200) },
  {
    covers: '[lang]/courses/[course]/[module].astro',
    name: 'GET a module',
    send: get('/zh/courses/sales-workflow/lead-to-after-sales/'),
    expected: everyone(200),
  },
  { covers: '[lang]/glossary.astro', name: 'GET /zh/glossary/', send: get('/zh/glossary/'), expected: everyone(200) },
  { covers: '[lang]/search.astro', name: 'GET /zh/search', send: get('/zh/search?q=%E7%BA%BF%E7%B4%A2'), expected: everyone(200) },
  { covers: 'pagefind/[...file].ts', name: 'GET the search index', send: get('/pagefind/pagefind.js'), expected: everyone(200) },
  { covers: '[lang]/path.astro', name: 'GET /zh/path/ (my own path only)', send: get('/zh/path/'), expected: everyone(200) },
  {
    covers: '[lang]/quizzes/[quiz]/attempts.astro',
    name: 'GET my own attempts at a quiz',
    send: get('/zh/quizzes/lead-to-after-sales/attempts/'),
    expected: everyone(200),
  },
  { covers: '[lang]/review/index.astro', name: 'GET /zh/review/ (my own cards only)', send: get('/zh/review/'), expected: everyone(200) },
  {
    covers: '[lang]/quizzes/[quiz]/practice.astro',
    name: 'GET practice of my own missed questions',
    send: get('/zh/quizzes/lead-to-after-sales/practice/'),
    expected: everyone(200),
  },
  { covers: '[lang]/team/index.astro', name: 'GET /zh/team/', send: get('/zh/team/'), expected: only({ teamManager: 200, otherManager: 200, admin: 200 }) },
  {
    covers: '[lang]/team/index.astro',
    name: 'GET team-north’s dashboard',
    send: get('/zh/team/?team=team-north'),
    expected: only({ teamManager: 200, otherManager: 404, admin: 200 }),
  },
  {
    covers: '[lang]/team/[userId].astro',
    name: 'GET the subject’s record',
    send: get((c) => `/zh/team/${c.subjectId}`),
    expected: only({ teamManager: 200, otherManager: 404, admin: 200 }),
  },
  {
    covers: '[lang]/team/export.csv.ts',
    name: 'GET team-north as CSV',
    send: get('/zh/team/export.csv?team=team-north'),
    expected: only({ teamManager: 200, otherManager: 404, admin: 200 }),
  },
  {
    covers: '[lang]/team/export.xlsx.ts',
    name: 'GET team-north as XLSX',
    send: get('/zh/team/export.xlsx?team=team-north'),
    expected: only({ teamManager: 200, otherManager: 404, admin: 200 }),
  },
  { covers: '[lang]/analytics/index.astro', name: 'GET content analytics', send: get('/zh/analytics/'), expected: only({ trainer: 200, admin: 200 }) },
  {
    covers: '[lang]/analytics/quizzes/[quiz].astro',
    name: 'GET one quiz’s analytics',
    send: get('/zh/analytics/quizzes/lead-to-after-sales/'),
    expected: only({ trainer: 200, admin: 200 }),
  },
  { covers: '[lang]/admin/index.astro', name: 'GET /zh/admin/', send: get('/zh/admin/'), expected: only({ admin: 200 }) },
  { covers: '[lang]/admin/new.astro', name: 'GET /zh/admin/new/', send: get('/zh/admin/new/'), expected: only({ admin: 200 }) },
  { covers: '[lang]/admin/teams.astro', name: 'GET /zh/admin/teams/', send: get('/zh/admin/teams/'), expected: only({ admin: 200 }) },
  { covers: '[lang]/admin/import.astro', name: 'GET /zh/admin/import/', send: get('/zh/admin/import/'), expected: only({ admin: 200 }) },
  { covers: '[lang]/admin/audit.astro', name: 'GET /zh/admin/audit/', send: get('/zh/admin/audit/'), expected: only({ admin: 200 }) },
  { covers: '[lang]/admin/xapi/index.astro', name: 'GET /zh/admin/xapi/', send: get('/zh/admin/xapi/'), expected: only({ admin: 200 }) },
  {
    covers: '[lang]/admin/xapi/statements.json.ts',
    name: 'GET xAPI statements for a day',
    send: get('/zh/admin/xapi/statements.json?from=2026-11-01&to=2026-11-02'),
    expected: only({ admin: 200 }),
  },
  { covers: '[lang]/admin/certificates.astro', name: 'GET /zh/admin/certificates/', send: get('/zh/admin/certificates/'), expected: only({ admin: 200 }) },
  { covers: '[lang]/certificates/index.astro', name: 'GET /zh/certificates/ (my own only)', send: get('/zh/certificates/'), expected: everyone(200) },
  { covers: '[lang]/certificates/[id].astro', name: 'GET a certificate that does not exist', send: get('/zh/certificates/AAAAAAAAAAAAAAAAAAAAAA/'), expected: everyone(404) },
  {
    covers: 'certificates/[id]/credential.jwt.ts',
    name: 'GET the credential of a certificate that does not exist',
    send: get('/certificates/AAAAAAAAAAAAAAAAAAAAAA/credential.jwt'),
    expected: everyone(404),
  },
  { covers: 'verify/[id].astro', name: 'GET /verify/ of an unknown certificate (public)', send: get('/verify/AAAAAAAAAAAAAAAAAAAAAA'), expected: everyone(404, 404) },
  { covers: '.well-known/jwks.json.ts', name: 'GET the issuer key set (public)', send: get('/.well-known/jwks.json'), expected: everyone(200, 200) },
  { covers: 'issuer.json.ts', name: 'GET the issuer profile (public)', send: get('/issuer.json'), expected: everyone(200, 200) },
  {
    covers: '[lang]/admin/users/[id].astro',
    name: 'GET the subject in admin',
    send: get((c) => `/zh/admin/users/${c.subjectId}/`),
    expected: only({ admin: 200 }),
  },
  { covers: 'invite/[token].astro', name: 'GET an invite link that does not exist', send: get(`/invite/${'x'.repeat(43)}`), expected: everyone(404, 404) },
  { covers: '[lang]/account/index.astro', name: 'GET /zh/account/ (my own account only)', send: get('/zh/account/'), expected: everyone(200) },
  { covers: '[lang]/inbox/index.astro', name: 'GET /zh/inbox/ (my own reminders only)', send: get('/zh/inbox/'), expected: everyone(200) },
  // The signed token is the credential: a forged one is refused whoever asks, signed in or not.
  { covers: 'unsubscribe/[token].astro', name: 'GET an unsubscribe link with a forged token', send: get('/unsubscribe/WyJ4IiwibWFuYWdlci1kaWdlc3QiXQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), expected: everyone(400, 400) },
  { covers: '[lang]/account/my-data.astro', name: 'GET /zh/account/my-data/ (my own data only)', send: get('/zh/account/my-data/'), expected: everyone(200) },
  { covers: '[lang]/account/my-data.json.ts', name: 'GET /zh/account/my-data.json (my own data only)', send: get('/zh/account/my-data.json'), expected: everyone(200) },
  {
    covers: '[lang]/team/kpi-import.astro',
    name: 'GET /zh/team/kpi-import/',
    send: get('/zh/team/kpi-import/'),
    expected: only({ teamManager: 200, otherManager: 200, admin: 200 }),
  },
  {
    covers: '[lang]/team/kpi-import.astro',
    name: 'POST a file that is no spreadsheet to /zh/team/kpi-import/',
    send: (api, c) =>
      api.post('/zh/team/kpi-import/', {
        multipart: { intent: 'preview', file: { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]) } },
        headers: { origin: c.baseURL },
        maxRedirects: 0,
      }),
    expected: only({ teamManager: 415, otherManager: 415, admin: 415 }),
  },
  {
    covers: 'reset-password/[token].astro',
    name: 'GET a password reset link that does not exist',
    send: get(`/reset-password/${'x'.repeat(43)}`),
    expected: everyone(404, 404),
  },
  // Coaching: everyone has their own page; a team member's coaching page is their manager's.
  { covers: '[lang]/coaching/index.astro', name: 'GET /zh/coaching/ (my own observations only)', send: get('/zh/coaching/'), expected: everyone(200) },
  {
    covers: '[lang]/team/[userId]/coaching.astro',
    name: 'GET the subject’s coaching page',
    send: get((c) => `/zh/team/${c.subjectId}/coaching`),
    expected: only({ teamManager: 200, otherManager: 404, admin: 200 }),
  },
  {
    covers: '[lang]/coaching/replay/[attemptId].astro',
    name: 'GET the replay of an attempt that does not exist',
    send: get('/zh/coaching/replay/no-such-attempt'),
    expected: everyone(404),
  },
  // Only the production server itself may read a quiz with its keys (it sends a per-process secret).
];

// Inputs are valid, so the answer shows who may call the action: 401 without a session, 403 for
// the wrong role, 404 for someone outside the caller's reach. Where a caller is allowed, the
// input is chosen to be harmless (a missing target, an email already taken) or only touches the
// subject, whom no other test reads.
const actions: Row[] = [
  {
    covers: 'quiz.view',
    name: 'quiz.view (unknown quiz)',
    send: action('quiz.view', () => ({ quizId: 'no-such-quiz', lang: 'zh' }), { json: true }),
    expected: everyone(404, 401),
  },
  {
    covers: 'quiz.saveDraft',
    name: 'quiz.saveDraft (unknown quiz)',
    send: action('quiz.saveDraft', () => ({ quizId: 'no-such-quiz', seed: 1, answers: {} }), { json: true }),
    expected: everyone(404, 401),
  },
  {
    covers: 'quiz.submit',
    name: 'quiz.submit (unknown quiz)',
    send: action('quiz.submit', () => ({ quizId: 'no-such-quiz', lang: 'zh', answers: {} }), { json: true }),
    expected: everyone(404, 401),
  },
  {
    covers: 'progress.completeModule',
    name: 'progress.completeModule (unknown module)',
    send: action('progress.completeModule', () => ({ moduleId: 'no-such/module' })),
    expected: everyone(404, 401),
  },
  {
    covers: 'review.answer',
    name: 'review.answer (a card nobody has)',
    send: action('review.answer', () => ({ cardId: 'term:no-such-term', dueAt: 0, lang: 'zh', answer: ['definition-1'] }), { json: true }),
    expected: everyone(404, 401),
  },
  {
    covers: 'review.setDailyCap',
    // The default cap: the call changes nothing anyone else reads.
    name: 'review.setDailyCap (to the default)',
    send: action('review.setDailyCap', () => ({ dailyCap: 10 })),
    expected: everyone(200, 401),
  },
  {
    covers: 'review.practice',
    name: 'review.practice (unknown quiz)',
    send: action('review.practice', () => ({ quizId: 'no-such-quiz', lang: 'zh' }), { json: true }),
    expected: everyone(404, 401),
  },
  {
    covers: 'review.practiceAnswer',
    name: 'review.practiceAnswer (unknown quiz)',
    send: action('review.practiceAnswer', () => ({ quizId: 'no-such-quiz', questionId: 'q', lang: 'zh', answer: true }), { json: true }),
    expected: everyone(404, 401),
  },
  {
    covers: 'exercise.open',
    name: 'exercise.open (unknown exercise)',
    send: action('exercise.open', () => ({ exerciseId: 'no-such-exercise', lang: 'zh' }), { json: true }),
    expected: everyone(404, 401),
  },
  {
    covers: 'exercise.start',
    name: 'exercise.start (unknown exercise)',
    send: action('exercise.start', () => ({ exerciseId: 'no-such-exercise', lang: 'zh' }), { json: true }),
    expected: everyone(404, 401),
  },
  {
    covers: 'exercise.start',
    // Everyone signed in may practise; an attempt belongs to the caller's session, never to an id they send.
    name: 'exercise.start (a real exercise: opens the caller’s own attempt)',
    send: action('exercise.start', () => ({ exerciseId: 'sales-cycle-order', lang: 'zh' }), { json: true }),
    expected: everyone(200, 401),
  },
  {
    covers: 'exercise.save',
    name: 'exercise.save (unknown exercise)',
    send: action('exercise.save', () => ({ exerciseId: 'no-such-exercise', answer: { type: 'sequence', order: [] } }), { json: true }),
    expected: everyone(404, 401),
  },
  {
    covers: 'exercise.choose',
    name: 'exercise.choose (unknown exercise)',
    send: action('exercise.choose', () => ({ exerciseId: 'no-such-exercise', lang: 'zh', choiceId: 'any' }), { json: true }),
    expected: everyone(404, 401),
  },
  {
    covers: 'exercise.submit',
    name: 'exercise.submit (unknown exercise)',
    send: action('exercise.submit', () => ({ exerciseId: 'no-such-exercise', lang: 'zh' }), { json: true }),
    expected: everyone(404, 401),
  },
  {
    covers: 'team.recordKpi',
    name: 'team.recordKpi for the subject',
    send: action('team.recordKpi', (c) => ({ userId: c.subjectId, metric: 'customer-satisfaction', valuePercent: 91, period: '2026-Q3', note: 'matrix' })),
    expected: only({ teamManager: 200, otherManager: 404, admin: 200 }, 403, 401),
  },
  {
    covers: 'team.signOff',
    name: 'team.signOff for the subject',
    send: action('team.signOff', (c) => ({ userId: c.subjectId, note: 'matrix' })),
    // Roles run in order: the team's manager signs off first, so the admin finds it already given.
    expected: only({ teamManager: 200, otherManager: 404, admin: 409 }, 403, 401),
  },
  {
    covers: 'team.promote',
    name: 'team.promote the subject (not ready)',
    send: action('team.promote', (c) => ({ userId: c.subjectId, fromLevelId: 'junior', toLevelId: 'mid' })),
    expected: only({ teamManager: 412, otherManager: 404, admin: 412 }, 403, 401),
  },
  {
    covers: 'team.assign',
    name: 'team.assign a module to the subject',
    send: action('team.assign', (c) => ({ target: 'module:sales-workflow/lead-to-after-sales', dueDate: inThirtyDays(), assignee: c.subjectId })),
    expected: only({ teamManager: 200, otherManager: 404, admin: 200 }, 403, 401),
  },
  {
    covers: 'team.observe',
    name: 'team.observe the subject (a customer visit)',
    send: (api, c) => {
      // Several fields repeat (one per rubric criterion), so the form is built by hand.
      const criteria = ['preparation', 'opening', 'needs-discovery', 'proposal', 'objections', 'next-step'];
      const form = new URLSearchParams({ userId: c.subjectId, rubricId: 'customer-visit', kind: 'ride-along', observedOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()) });
      for (const id of criteria) {
        form.append('criterionIds', id);
        form.append('levels', '3');
        form.append('notes', 'matrix');
      }
      return api.post('/_actions/team.observe', {
        data: form.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: c.baseURL },
        maxRedirects: 0,
      });
    },
    expected: only({ teamManager: 200, otherManager: 404, admin: 200 }, 403, 401),
  },
  {
    covers: 'team.commentStep',
    name: 'team.commentStep on an attempt that does not exist',
    send: action('team.commentStep', () => ({ attemptId: 'no-such-attempt', step: '0', body: 'matrix' })),
    expected: only({ teamManager: 404, otherManager: 404, admin: 404 }, 403, 401),
  },
  {
    covers: 'coaching.acknowledge',
    name: 'coaching.acknowledge an observation that does not exist',
    send: action('coaching.acknowledge', () => ({ observationId: 'no-such-observation' })),
    expected: everyone(404, 401),
  },
  {
    covers: 'coaching.reply',
    name: 'coaching.reply to an observation that does not exist',
    send: action('coaching.reply', () => ({ observationId: 'no-such-observation', body: 'matrix' })),
    expected: everyone(404, 401),
  },
  {
    covers: 'trainer.regradeQuiz',
    name: 'trainer.regradeQuiz (a preview, which writes nothing)',
    send: action('trainer.regradeQuiz', () => ({ quizId: 'lead-to-after-sales', dryRun: 'true' })),
    expected: only({ trainer: 200, admin: 200 }, 403, 401),
  },
  {
    covers: 'admin.createUser',
    name: 'admin.createUser (email taken)',
    send: action('admin.createUser', () => ({ email: 'admin@demo.academy', name: 'X', role: 'learner', levelId: 'junior', locale: 'zh' })),
    expected: only({ admin: 409 }, 403, 401),
  },
  {
    covers: 'admin.invite',
    name: 'admin.invite (email taken)',
    send: action('admin.invite', () => ({ email: 'admin@demo.academy', name: 'X', role: 'learner', levelId: 'junior' })),
    expected: only({ admin: 409 }, 403, 401),
  },
  {
    covers: 'admin.issueReset',
    name: 'admin.issueReset (unknown person)',
    send: action('admin.issueReset', () => ({ userId: 'nobody' })),
    expected: only({ admin: 404 }, 403, 401),
  },
  {
    covers: 'account.changePassword',
    // The new passwords differ, so a signed-in caller is refused before anything is checked or stored.
    name: 'account.changePassword (new passwords differ)',
    send: action('account.changePassword', () => ({ currentPassword: DEMO_PASSWORD, newPassword: 'one new password here', newPasswordConfirm: 'another one entirely' })),
    expected: everyone(400, 401),
  },
  {
    covers: 'account.setLocale',
    // Every account in the matrix already prefers Chinese: the call changes nothing.
    name: 'account.setLocale (to the language already chosen)',
    send: action('account.setLocale', () => ({ locale: 'zh' })),
    expected: everyone(200, 401),
  },
  {
    covers: 'account.signOutOthers',
    // Run for real it would end the demo accounts' sessions that other specs hold at the same
    // time; sent as JSON, the form action refuses before it runs. tests/e2e/account.spec.ts runs it.
    name: 'account.signOutOthers (as JSON: refused unrun)',
    send: action('account.signOutOthers', () => ({}), { json: true }),
    expected: everyone(415, 415),
  },
  { covers: 'reminders.markRead', name: 'reminders.markRead (a reminder that is not mine)', send: action('reminders.markRead', () => ({ id: 'not-mine' })), expected: everyone(404, 401) },
  { covers: 'reminders.markAllRead', name: 'reminders.markAllRead (my own only)', send: action('reminders.markAllRead', () => ({})), expected: everyone(200, 401) },
  {
    covers: 'reminders.setPreferences',
    // Learners and trainers may not set a group robot at all; managers and admins only to robot hosts.
    name: 'reminders.setPreferences (a robot URL on an internal address)',
    send: action('reminders.setPreferences', () => ({ email: 'on', kinds: 'assignment-due', webhookUrl: 'http://10.0.0.1/hook' })),
    expected: only({ teamManager: 400, otherManager: 400, admin: 400 }, 403, 401),
  },
  { covers: 'admin.setRole', name: 'admin.setRole (unknown person)', send: action('admin.setRole', () => ({ userId: 'nobody', role: 'admin' })), expected: only({ admin: 404 }, 403, 401) },
  { covers: 'admin.setLevel', name: 'admin.setLevel (unknown person)', send: action('admin.setLevel', () => ({ userId: 'nobody', levelId: 'junior' })), expected: only({ admin: 404 }, 403, 401) },
  { covers: 'admin.moveTeam', name: 'admin.moveTeam (unknown person)', send: action('admin.moveTeam', () => ({ userId: 'nobody', teamId: 'team-east' })), expected: only({ admin: 404 }, 403, 401) },
  { covers: 'admin.setActive', name: 'admin.setActive (unknown person)', send: action('admin.setActive', () => ({ userId: 'nobody', active: 'false' })), expected: only({ admin: 404 }, 403, 401) },
  {
    covers: 'certificate.revoke',
    name: 'certificate.revoke (unknown certificate)',
    send: action('certificate.revoke', () => ({ certificateId: 'AAAAAAAAAAAAAAAAAAAAAA', reason: 'matrix check' })),
    expected: only({ admin: 404 }, 403, 401),
  },
  {
    covers: 'admin.createTeam',
    name: 'admin.createTeam (a learner as manager)',
    send: action('admin.createTeam', (c) => ({ name: 'Matrix team', managerId: c.subjectId })),
    expected: only({ admin: 400 }, 403, 401),
  },
  {
    covers: 'admin.setTeamManager',
    name: 'admin.setTeamManager (unknown team)',
    send: action('admin.setTeamManager', () => ({ teamId: 'no-such-team', managerId: '' })),
    expected: only({ admin: 400 }, 403, 401),
  },
  {
    covers: 'personalData.erase',
    name: 'personalData.erase (unknown person)',
    send: action('personalData.erase', () => ({ userId: 'nobody', confirm: 'yes' })),
    expected: only({ admin: 404 }, 403, 401),
  },
  {
    covers: 'admin.importUsers',
    name: 'admin.importUsers (a row whose email is taken)',
    send: action(
      'admin.importUsers',
      () => ({ rows: [{ line: 2, email: 'admin@demo.academy', name: 'X', role: '', level: '', team: '' }] }),
      { json: true },
    ),
    expected: only({ admin: 200 }, 403, 401),
  },
];

let sessions: Record<Role, APIRequestContext>;
let context: Context;

test.beforeAll(async ({ baseURL }) => {
  const base = baseURL!;
  const entries = await Promise.all(
    roles.map(async (role) => {
      const api = await playwrightRequest.newContext({ baseURL: base });
      if (role !== 'anonymous') {
        const response = await api.post('/login', { form: { email: accounts[role], password: DEMO_PASSWORD }, headers: { origin: base }, maxRedirects: 0 });
        expect(response.status(), `${role} logs in`).toBe(303);
      }
      return [role, api] as const;
    }),
  );
  sessions = Object.fromEntries(entries) as Record<Role, APIRequestContext>;
  const list = await (await sessions.admin.get('/zh/admin/?q=wu.hao%40demo.academy')).text();
  const subjectId = /\/zh\/admin\/users\/([0-9a-f-]{36})\//.exec(list)?.[1];
  expect(subjectId, 'the subject, wu.hao, is in the demo organisation').toBeTruthy();
  context = { baseURL: base, subjectId: subjectId! };
});

test.afterAll(async () => {
  await Promise.all(Object.values(sessions ?? {}).map((api) => api.dispose()));
});

for (const row of [...pages, ...actions]) {
  test(`${row.name} answers each role as it should`, async () => {
    const actual = {} as Expected;
    for (const role of roles) actual[role] = (await row.send(sessions[role], context)).status();
    expect(actual).toEqual(row.expected);
  });
}

// Last, because it ends the sessions the rows above use.
test('POST /logout ends the session of everyone signed in (and sends the anonymous to log in)', async () => {
  const actual = {} as Expected;
  for (const role of roles) {
    actual[role] = (await sessions[role].post('/logout', { headers: { origin: context.baseURL }, maxRedirects: 0 })).status();
    expect((await sessions[role].get('/zh/', { maxRedirects: 0 })).status(), `${role} is logged out`).toBe(302);
  }
  expect(actual).toEqual(everyone(303, 302));
});

test('the matrix covers every route file in src/pages', () => {
  const root = 'src/pages';
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  const routes = walk(root).map((f) => relative(root, f).split('\\').join('/'));
  const covered = new Set([...pages.map((r) => r.covers), 'logout.ts']);
  const missing = routes.filter((r) => !covered.has(r));
  expect(missing, 'add a row for each of these to tests/e2e/authorization.spec.ts').toEqual([]);
});

test('the matrix covers every action in src/actions/index.ts', () => {
  const source = readFileSync('src/actions/index.ts', 'utf8');
  const body = source.slice(source.indexOf('export const server'));
  const names = [...body.matchAll(/(\w+):\s*\{([^}]*)\}/g)].flatMap(([, group, inner]) =>
    [...inner!.matchAll(/(\w+)\s*:/g)].map(([, name]) => `${group}.${name}`),
  );
  expect(names.length).toBeGreaterThan(0);
  const covered = new Set(actions.map((r) => r.covers));
  expect(names.filter((n) => !covered.has(n)), 'add a row for each of these to tests/e2e/authorization.spec.ts').toEqual([]);
});
