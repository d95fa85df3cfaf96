import { describe, expect, it } from 'vitest';
import {
  batches,
  checkImportRow,
  checkImportRows,
  importLookups,
  parseCsv,
  readImportFile,
  type RawImportRow,
} from '../../src/lib/people/user-import';
import { passwordProblem } from '../../src/lib/auth/password-policy';

const lookups = importLookups(
  [
    { id: 'junior', order: 1, names: ['初级销售', 'Junior sales'] },
    { id: 'mid', order: 2, names: ['中级销售', 'Mid-level sales'] },
  ],
  [{ id: 'team-east', name: '华东销售一组' }],
);

const raw = (overrides: Partial<RawImportRow> = {}): RawImportRow => ({
  line: 2,
  email: 'wang.fang@example.com',
  name: '王芳',
  role: 'learner',
  level: 'junior',
  team: '',
  ...overrides,
});

describe('parseCsv', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    const reading = parseCsv('a,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n');
    expect(reading.ok && reading.records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', 'z'],
    ]);
  });

  it('numbers each record by the line it starts on, counting line breaks inside quotes', () => {
    const reading = parseCsv('h\r\n"a\r\nb"\n\nc\r"d\ne"\nf');
    expect(reading.ok && reading.records.map((r) => r.line)).toEqual([1, 2, 4, 5, 6, 8]);
  });

  it('drops a byte-order mark and reports a quote that never closes', () => {
    const withBom = parseCsv('\uFEFFemail\nx');
    expect(withBom.ok && withBom.records[0]!.cells).toEqual(['email']);
    expect(parseCsv('email\nfine\n"open,\nstill open')).toEqual({ ok: false, problem: { code: 'file.unclosedQuote', line: 3 } });
  });

  it('reads the stray quotes and spaces spreadsheet programs and people leave', () => {
    const reading = parseCsv('email,name\n "a@b.cn" ,5" screen\n');
    expect(reading.ok && reading.records[1]!.cells).toEqual(['a@b.cn', '5" screen']);
  });
});

describe('readImportFile', () => {
  it('accepts the columns in any order and case, ignores extra columns and blank lines', () => {
    const read = readImportFile('Team,NAME,email,level,role,note\n\n华东销售一组,王芳, Wang@Example.com ,junior,,hi\n');
    expect(read).toEqual({ ok: true, rows: [{ line: 3, email: 'Wang@Example.com', name: '王芳', role: '', level: 'junior', team: '华东销售一组' }] });
  });

  it('names the missing columns', () => {
    expect(readImportFile('email,name\nx@y.z,X')).toEqual({ ok: false, problem: { code: 'file.missingColumns', columns: ['role', 'level', 'team'] } });
  });

  it('refuses an empty file and one over the row limit', () => {
    expect(readImportFile('\n\n')).toEqual({ ok: false, problem: { code: 'file.empty' } });
    const big = 'email,name,role,level,team\n' + 'a@b.c,A,,,\n'.repeat(4);
    expect(readImportFile(big, 3)).toEqual({ ok: false, problem: { code: 'file.tooManyRows', max: 3 } });
  });
});

describe('checkImportRow', () => {
  it('fills blank role, level and team with learner, the entry level and no team', () => {
    expect(checkImportRow(raw({ role: '', level: '', team: '' }), lookups)).toEqual({
      ok: true,
      row: { line: 2, email: 'wang.fang@example.com', name: '王芳', role: 'learner', levelId: 'junior', teamId: null, employeeNumber: null },
    });
  });

  it('understands levels, roles and teams by their Chinese or English names, in any case', () => {
    const check = checkImportRow(raw({ email: ' Li.Lei@Example.COM ', role: '经理', level: 'mid-level SALES', team: '华东销售一组' }), lookups);
    expect(check).toEqual({ ok: true, row: expect.objectContaining({ email: 'li.lei@example.com', role: 'manager', levelId: 'mid', teamId: 'team-east' }) });
  });

  it('reports every problem of a row, with the field and the value', () => {
    const check = checkImportRow(raw({ email: 'not-an-email', name: ' ', role: 'boss', level: 'ceo', team: 'nowhere' }), lookups);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toEqual([
      { field: 'email', code: 'email.invalid', value: 'not-an-email' },
      { field: 'name', code: 'name.missing', value: ' ' },
      { field: 'role', code: 'role.unknown', value: 'boss' },
      { field: 'level', code: 'level.unknown', value: 'ceo' },
      { field: 'team', code: 'team.unknown', value: 'nowhere' },
    ]);
  });

  it('counts a name’s length in characters, so a long Chinese name is measured fairly', () => {
    expect(checkImportRow(raw({ name: '王'.repeat(100) }), lookups).ok).toBe(true);
    expect(checkImportRow(raw({ name: '王'.repeat(101) }), lookups)).toMatchObject({ ok: false, problems: [{ code: 'name.tooLong' }] });
  });
});

describe('checkImportRows', () => {
  it('lets the first row with an email land and reports the later repeats and emails already taken', () => {
    const checks = checkImportRows(
      [raw({ line: 2, email: 'a@x.cn' }), raw({ line: 3, email: 'A@x.cn' }), raw({ line: 4, email: 'taken@x.cn' })],
      lookups,
      new Set(['taken@x.cn']),
    );
    expect(checks.map((c) => (c.ok ? 'ok' : c.problems[0]!.code))).toEqual(['ok', 'email.duplicate', 'email.taken']);
  });
});

describe('batches', () => {
  it('cuts at the row limit and keeps every row, in order', () => {
    const rows = Array.from({ length: 250 }, (_, i) => i);
    const parts = batches(rows, 100);
    expect(parts.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(parts.flat()).toEqual(rows);
  });

  it('cuts early when the rows are large, so no request outgrows the body limit', () => {
    const rows = Array.from({ length: 10 }, () => 'x'.repeat(1000));
    const parts = batches(rows, 100, 3000);
    expect(parts.every((p) => JSON.stringify(p).length <= 3100)).toBe(true);
    expect(parts.flat()).toHaveLength(10);
  });
});

describe('passwordProblem', () => {
  it('asks for at least 12 characters, counting Chinese characters as one each', () => {
    expect(passwordProblem('short-pass1')).toBe('password.tooShort');
    expect(passwordProblem('twelve chars')).toBeNull();
    expect(passwordProblem('销售学院的密码要足够长')).toBe('password.tooShort');
    expect(passwordProblem('销售学院的密码要足够长才行')).toBeNull();
  });

  it('asks for the confirmation to match and refuses absurd lengths', () => {
    expect(passwordProblem('correct horse battery', 'correct horse battery!')).toBe('password.mismatch');
    expect(passwordProblem('x'.repeat(2000))).toBe('password.tooLong');
  });
});

describe('invite links and admin messages', () => {
  it('opens invite links to people without a session, and nothing else under that name', async () => {
    const { isPublicPath } = await import('../../src/lib/http/server/request-guards');
    expect(isPublicPath('/invite/abc')).toBe(true);
    expect(isPublicPath('/invites')).toBe(false);
    expect(isPublicPath('/zh/admin/')).toBe(false);
  });

  it('translates refusals, names the fields of bad input, and never shows server text', async () => {
    const { actionErrorText } = await import('../../src/lib/people/admin-messages');
    expect(actionErrorText('en', { code: 'CONFLICT', message: 'admin.error.emailTaken' }, false)).toMatch(/already has an account/);
    expect(actionErrorText('zh', { code: 'BAD_REQUEST', message: 'password.tooShort' }, false)).toContain('12');
    expect(actionErrorText('en', { code: 'BAD_REQUEST', message: 'x', fields: { email: ['bad'] } }, true)).toMatch(/Check: Email\./);
    expect(actionErrorText('en', { code: 'INTERNAL_SERVER_ERROR', message: 'SQLITE_CONSTRAINT: users.email' }, false)).not.toContain('SQLITE');
  });
});
