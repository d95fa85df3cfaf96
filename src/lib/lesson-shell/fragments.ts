/**
 * The parts of a page that differ from one person to the next, as HTML strings. Astro pages
 * render them with `set:html`, and lesson-shells.ts fills a cached page with the very same
 * functions, so both produce identical bytes.
 */
import { t, type Language } from '../../i18n/ui';
import { formatDate } from '../dates/format';
import { previewStates } from '../lesson-preview/preview';

type Role = 'learner' | 'trainer' | 'manager' | 'admin';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}

/** The site navigation: everyone's links (their own account last), plus the team, analytics and admin areas by role. */
export function siteNavHtml(lang: Language, role: Role): string {
  const link = (path: string, label: string) => `<a href="/${lang}/${path}">${escapeHtml(label)}</a>`;
  const links = [
    link('', t(lang, 'nav.myLearning')),
    link('courses/', t(lang, 'nav.courses')),
    link('path/', t(lang, 'nav.path')),
    link('review/', t(lang, 'nav.review')),
    link('coaching/', t(lang, 'nav.coaching')),
    role === 'manager' || role === 'admin' ? link('team/', t(lang, 'nav.team')) : '',
    link('glossary/', t(lang, 'nav.glossary')),
    link('certificates/', t(lang, 'nav.certificates')),
    role === 'trainer' || role === 'admin' ? link('analytics/', t(lang, 'nav.analytics')) : '',
    role === 'admin' ? link('admin/', t(lang, 'nav.admin')) : '',
    link('inbox/', t(lang, 'nav.inbox')),
    link('account/', t(lang, 'nav.account')),
  ];
  return `<nav aria-label="${escapeHtml(t(lang, 'site.name'))}">${links.join('')}</nav>`;
}

export function userNameHtml(name: string): string {
  return `<span class="user-name">${escapeHtml(name)}</span>`;
}

export function progressBarHtml(percent: number, label: string): string {
  return (
    `<div class="progress-track" role="progressbar" aria-label="${escapeHtml(label)}" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${percent}">` +
    `<div class="progress-fill" style="width: ${percent}%"></div></div>`
  );
}

export interface CompletionBox {
  lang: Language;
  moduleId: string;
  completedAt: Date | null;
  /** Where the "mark complete" form posts (the Astro Action's form URL). */
  formAction: string;
  /** The last submission of the form was refused. */
  refused?: boolean;
  /** The company time zone, in which "completed on" names the day. */
  zone: string;
}

/** Either "completed on …" or the form that marks the module complete. */
export function completionBoxHtml({ lang, moduleId, completedAt, formAction, refused = false, zone }: CompletionBox): string {
  if (completedAt) {
    const date = formatDate(completedAt, lang, zone);
    return `<p class="alert success" role="status">✓ ${escapeHtml(t(lang, 'module.completed'))} · ${escapeHtml(t(lang, 'module.completedAt', { date }))}</p>`;
  }
  return (
    `<form method="post" action="${escapeHtml(formAction)}">` +
    `<input type="hidden" name="moduleId" value="${escapeHtml(moduleId)}">` +
    (refused ? `<p class="alert error" role="alert">${escapeHtml(t(lang, 'error.badRequest'))}</p>` : '') +
    `<button type="submit">${escapeHtml(t(lang, 'module.markComplete'))}</button></form>`
  );
}

/** Whether a role sees the "preview as a learner" links on lessons. */
export function seesPreviewLinks(role: Role): boolean {
  return role === 'trainer' || role === 'admin';
}

/**
 * For trainers and admins on a lesson: links to see it as a learner would (locked, not started,
 * in progress). Empty for everyone else. The banner shown while previewing is PreviewBanner.astro
 * (a preview always has a query string, so it is never served from a shell).
 */
export function previewLinksHtml(lang: Language, role: Role, path: string): string {
  if (!seesPreviewLinks(role)) return '';
  const label = { locked: t(lang, 'preview.locked'), new: t(lang, 'preview.new'), 'in-progress': t(lang, 'preview.inProgress') } as const;
  const links = previewStates.map((s) => `<a href="${escapeHtml(`${path}?preview=${s}`)}">${escapeHtml(label[s])}</a>`).join('');
  return `<nav class="preview-banner" aria-label="${escapeHtml(t(lang, 'preview.label'))}" data-preview><p class="muted">${escapeHtml(t(lang, 'preview.seeAs'))}${links}</p></nav>`;
}
