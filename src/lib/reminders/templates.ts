/**
 * What a reminder says, in the reader's language: the inbox line, the mail (text and HTML, with the
 * kind's unsubscribe link) and the robot message are all built from one rendering. Pure.
 */
import { t, type Language, type UiKey } from '../../i18n/ui';
import { formatDate } from '../dates';
import { escapeHtml } from '../lesson-shell/fragments';
import type { DigestContents, DigestList } from './digest';
import type { ReminderKindId } from '../../../db/schema';

export interface AssignmentReminderData {
  assignmentId: string;
  targetType: 'course' | 'module';
  targetId: string;
  /** Epoch milliseconds. */
  dueAt: number;
}
export interface DigestReminderData {
  week: string;
  contents: DigestContents;
}
export interface BoostersReminderData {
  count: number;
}
export interface ObservationReminderData {
  observationId: string;
  by: string;
}

export interface RenderContext {
  zone: string;
  /** A course's or module's title in `lang`; the id when content no longer has it. */
  title: (targetType: 'course' | 'module', id: string, lang: Language) => string;
}

export interface RenderedReminder {
  title: string;
  lines: string[];
  /** Site path the reminder leads to. */
  path: string;
}

function digestLine(lang: Language, key: UiKey, l: DigestList, extra: Record<string, number> = {}): string {
  const names = l.names.join(lang === 'zh' ? '、' : ', ') + (l.count > l.names.length ? (lang === 'zh' ? ' 等' : ' …') : '');
  return t(lang, key, { count: l.count, names: l.count === 0 ? t(lang, 'reminders.digest.nobody') : names, ...extra });
}

export function renderReminder(kind: ReminderKindId, data: Record<string, unknown>, lang: Language, ctx: RenderContext): RenderedReminder {
  switch (kind) {
    case 'assignment-due':
    case 'assignment-overdue': {
      const a = data as unknown as AssignmentReminderData;
      const values = { title: ctx.title(a.targetType, a.targetId, lang), date: formatDate(new Date(a.dueAt), lang, ctx.zone) };
      const due = kind === 'assignment-due';
      return {
        title: t(lang, due ? 'reminders.assignmentDue.title' : 'reminders.assignmentOverdue.title', values),
        lines: [t(lang, due ? 'reminders.assignmentDue.body' : 'reminders.assignmentOverdue.body', values)],
        path: `/${lang}/courses/${a.targetId}/`,
      };
    }
    case 'manager-digest': {
      const d = data as unknown as DigestReminderData;
      const c = d.contents;
      return {
        title: t(lang, 'reminders.digest.title', { week: d.week, people: c.people }),
        lines: [
          digestLine(lang, 'reminders.digest.ready', c.ready),
          digestLine(lang, 'reminders.digest.close', c.close),
          digestLine(lang, 'reminders.digest.stuck', c.stuck),
          digestLine(lang, 'reminders.digest.overdue', c.overdue, { assignments: c.overdue.assignments }),
        ],
        path: `/${lang}/team/`,
      };
    }
    case 'boosters-waiting': {
      const b = data as unknown as BoostersReminderData;
      return { title: t(lang, 'reminders.boosters.title', { count: b.count }), lines: [t(lang, 'reminders.boosters.body')], path: `/${lang}/` };
    }
    case 'observation-new': {
      const o = data as unknown as ObservationReminderData;
      return { title: t(lang, 'reminders.observation.title', { by: o.by }), lines: [t(lang, 'reminders.observation.body')], path: `/${lang}/inbox/` };
    }
  }
}

export interface ReminderEmail {
  subject: string;
  text: string;
  html: string;
}

/** The mail for a rendered reminder; `origin` makes its links absolute. */
export function reminderEmail(r: RenderedReminder, lang: Language, origin: string, unsubscribeUrl: string): ReminderEmail {
  const link = origin + r.path;
  const text = [
    r.title,
    '',
    ...r.lines,
    '',
    t(lang, 'reminders.email.open', { link }),
    '',
    '—',
    t(lang, 'reminders.email.footer'),
    `${t(lang, 'reminders.email.unsubscribe')}: ${unsubscribeUrl}`,
  ].join('\n');
  const html =
    `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><body>` +
    `<h1 style="font-size:1.2em">${escapeHtml(r.title)}</h1>` +
    r.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('') +
    `<p><a href="${escapeHtml(link)}">${escapeHtml(t(lang, 'reminders.email.openLabel'))}</a></p>` +
    `<hr><p style="color:#666;font-size:0.9em">${escapeHtml(t(lang, 'reminders.email.footer'))} ` +
    `<a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(t(lang, 'reminders.email.unsubscribe'))}</a></p></body></html>`;
  return { subject: `${t(lang, 'reminders.email.subjectPrefix')}${r.title}`, text, html };
}
