import { describe, expect, it } from 'vitest';
import { auditActionKey, describeChange } from '../../src/lib/admin/audit-display';
import { t, uiKeys } from '../../src/i18n/ui';

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

  it('list what changed, before and after', () => {
    expect(describeChange({ role: 'learner' }, { role: 'manager' })).toContain('learner → manager');
  });
});
