import { describe, expect, it } from 'vitest';
import { encodeShell, fillShell, holeMarker, parseShell, UNCACHEABLE_MARKER } from '../../src/lib/lesson-shell/shell';
import { completionBoxHtml, escapeHtml, previewLinksHtml, progressBarHtml, siteNavHtml, userNameHtml } from '../../src/lib/lesson-shell/fragments';

describe('lesson shells', () => {
  it('fills every hole with its own fragment and keeps the text between them', () => {
    const shell = encodeShell(parseShell(`<a>${holeMarker('nav')}</a><b>${holeMarker('user-name')}</b>${holeMarker('nav')}!`)!);
    expect(fillShell(shell, { nav: 'N', 'user-name': '孙丽', preview: '', progress: 'P', completion: 'C' }).toString()).toBe('<a>N</a><b>孙丽</b>N!');
  });

  it('will not share a page that a component marked as personal, or that names an unknown hole', () => {
    expect(parseShell(`<p>${UNCACHEABLE_MARKER}</p>`)).toBeNull();
    expect(parseShell('<p><!--academy-hole:password--></p>')).toBeNull();
  });
});

describe('personal fragments', () => {
  it('escape whatever a person typed into their name', () => {
    expect(userNameHtml('<img src=x onerror=alert(1)>')).toBe('<span class="user-name">&lt;img src=x onerror=alert(1)&gt;</span>');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });

  it('give trainers and admins the links to preview a lesson as a learner, and nobody else', () => {
    const path = '/zh/courses/onboarding/welcome-and-department/';
    for (const role of ['learner', 'manager'] as const) expect(previewLinksHtml('zh', role, path)).toBe('');
    for (const role of ['trainer', 'admin'] as const) {
      expect(previewLinksHtml('zh', role, path)).toContain(`href="${path}?preview=locked"`);
      expect(previewLinksHtml('en', role, path)).toContain(`href="${path}?preview=in-progress"`);
    }
  });

  it('show the team link to managers and admins only, analytics to trainers and admins only', () => {
    expect(siteNavHtml('en', 'learner')).not.toMatch(/team|analytics|admin/);
    expect(siteNavHtml('en', 'manager')).toContain('href="/en/team/"');
    expect(siteNavHtml('en', 'manager')).not.toContain('analytics');
    expect(siteNavHtml('zh', 'trainer')).toContain('href="/zh/analytics/"');
    expect(siteNavHtml('zh', 'admin')).toContain('href="/zh/admin/"');
  });

  it('link every signed-in person to their own account, in their language', () => {
    for (const role of ['learner', 'trainer', 'manager', 'admin'] as const) {
      expect(siteNavHtml('en', role)).toContain('<a href="/en/account/">My account</a>');
      expect(siteNavHtml('zh', role)).toContain('<a href="/zh/account/">我的账号</a>');
    }
  });

  it('link everyone to their inbox without any personal count (the nav is shared by every learner’s cached shell)', () => {
    for (const role of ['learner', 'trainer', 'manager', 'admin'] as const) {
      expect(siteNavHtml('en', role)).toContain('<a href="/en/inbox/">Inbox</a>');
      expect(siteNavHtml('zh', role)).toContain('<a href="/zh/inbox/">提醒</a>');
      expect(siteNavHtml('zh', role)).not.toMatch(/\d/);
    }
  });

  it('report progress as an accessible progress bar', () => {
    expect(progressBarHtml(40, 'Course "A" progress')).toContain('role="progressbar" aria-label="Course &quot;A&quot; progress" aria-valuemin="0" aria-valuemax="100" aria-valuenow="40"');
  });

  it('offer the completion form until the module is done, then the date it was done', () => {
    const form = completionBoxHtml({ lang: 'en', moduleId: 'c/m', completedAt: null, formAction: '?_action=progress.completeModule', zone: 'Asia/Shanghai' });
    expect(form).toContain('<input type="hidden" name="moduleId" value="c/m">');
    expect(form).toContain('Mark as complete');
    const done = completionBoxHtml({ lang: 'en', moduleId: 'c/m', completedAt: new Date(Date.UTC(2026, 10, 2, 12)), formAction: '', zone: 'Asia/Shanghai' });
    expect(done).toContain('Module completed');
    expect(done).not.toContain('<form');
  });
});
