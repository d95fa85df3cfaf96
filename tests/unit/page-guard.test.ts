import { describe, expect, it } from 'vitest';
import { guardEndpoint, guardPage, type PageContext } from '../../src/lib/http/server/page-guard';
import type { SessionUser } from '../../src/lib/auth/server/sessions';
import type { Database } from '../../src/lib/platform/server/db';

const db = {} as Database;
const person = (role: SessionUser['role']): SessionUser => ({ id: `${role}-1`, email: `${role}@demo.academy`, name: role, role, levelId: 'junior', levelSince: new Date(0), locale: 'zh' });
const context = (lang: string | undefined, user: SessionUser | null, path = '/zh/admin/'): PageContext => ({
  params: { lang },
  url: new URL(`http://academy.test${path}`),
  locals: { user, db },
  response: {},
});

describe('guardPage', () => {
  it('answers 404 for a path whose first segment is not a language', () => {
    const page = guardPage(context('fr', person('admin')));
    expect(page).toBeInstanceOf(Response);
    expect((page as Response).status).toBe(404);
  });

  it('sends someone without a session to the login page, back to where they were going', () => {
    const page = guardPage(context('zh', null, '/zh/team/?q=王'));
    expect(page).toBeInstanceOf(Response);
    expect((page as Response).status).toBe(302);
    expect((page as Response).headers.get('location')).toBe(`/login?next=${encodeURIComponent('/zh/team/?q=%E7%8E%8B')}`);
  });

  it('lets a role in the list see the page with its language, person and database', () => {
    const admin = person('admin');
    const page = context('en', admin);
    expect(guardPage(page, { roles: ['admin'] })).toEqual({ lang: 'en', user: admin, db, allowed: true });
    expect(page.response.status).toBeUndefined();
  });

  it('marks the page 403 for a role outside the list, and still names the language and the person', () => {
    const page = context('zh', person('learner'));
    const guarded = guardPage(page, { roles: ['admin'] });
    expect(guarded).toMatchObject({ lang: 'zh', allowed: false });
    expect(page.response.status).toBe(403);
  });

  it('asks the domain rule when one is given', () => {
    const managersOnly = (u: SessionUser) => u.role === 'manager';
    expect(guardPage(context('zh', person('manager')), { may: managersOnly })).toMatchObject({ allowed: true });
    expect(guardPage(context('zh', person('trainer')), { may: managersOnly })).toMatchObject({ allowed: false });
  });

  it('lets every signed-in person see a page with no rule', () => {
    expect(guardPage(context('zh', person('learner')))).toMatchObject({ allowed: true });
  });
});

describe('guardEndpoint', () => {
  it('answers a role outside the list with a 403 in their language, since a download has no page to show', async () => {
    const refused = guardEndpoint(context('en', person('manager')), { roles: ['admin'] });
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(403);
    expect(await (refused as Response).text()).not.toBe('');
  });

  it('reads the context through getters, as Astro hands it over', () => {
    const admin = person('admin');
    const page = context('zh', admin);
    const astroLike = { get params() { return page.params; }, get url() { return page.url; }, get locals() { return page.locals; } };
    expect(guardEndpoint(astroLike, { roles: ['admin'] })).toEqual({ lang: 'zh', user: admin, db });
  });
});
