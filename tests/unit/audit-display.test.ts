import { describe, expect, it } from 'vitest';
import { auditActionKey, describeChange } from '../../src/lib/people/audit-display';
import { t, uiKeys } from '../../src/i18n/ui';
import { calendarFor } from '../../src/lib/dates';

const iso = (d: Date) => d.toISOString();

describe('audit entries on screen', () => {
  it('name the managers’ actions as well as the admins’, in both languages', () => {
    for (const action of ['kpi.recorded', 'sign-off.given', 'promotion', 'assignment.created', 'user.role-changed']) {
      const key = auditActionKey(action);
      expect(key, action).not.toBeNull();
      expect(uiKeys).toContain(key);
      expect(t('en', key!)).not.toBe(t('zh', key!));
    }
  });

  it('name password changes, reset links issued and used, and other sessions ended, in both languages', () => {
    for (const action of ['password.changed', 'password-reset.issued', 'password-reset.used', 'sessions.ended']) {
      const key = auditActionKey(action);
      expect(key, action).not.toBeNull();
      expect(t('en', key!)).not.toBe(t('zh', key!));
    }
  });

  it('show an action nobody named yet as its id', () => {
    expect(auditActionKey('something.new')).toBeNull();
  });

  it('show stored instants on the company calendar, whatever the server zone', () => {
    const calendar = calendarFor('zh', 'Asia/Shanghai');
    const change = describeChange({ dueAt: '2026-03-01T10:00:00.000Z' }, { dueAt: '2026-03-01T17:30:00.000Z' }, calendar.dateTime);
    expect(change).toBe(`dueAt: ${calendar.dateTime(new Date('2026-03-01T10:00:00Z'))} → ${calendar.dateTime(new Date('2026-03-01T17:30:00Z'))}`);
    expect(change).toContain('2026年3月2日 01:30');
    // Text that merely starts like a date stays as written.
    expect(describeChange(null, { note: '2026-03-01 review' }, calendar.dateTime)).toBe('note: 2026-03-01 review');
  });

  it('list what changed, before and after', () => {
    expect(describeChange({ role: 'learner' }, { role: 'manager' }, iso)).toContain('learner → manager');
  });
});
