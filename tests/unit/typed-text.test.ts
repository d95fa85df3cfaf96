import { describe, expect, it } from 'vitest';
import { hasHiddenCharacters } from '../../src/lib/forms/typed-text';
import { multiLine, singleLine } from '../../src/schemas/typed-text';

describe('text as people type it', () => {
  it('refuses NUL, escape sequences, the bell and bidi overrides in a single line', () => {
    for (const text of ['ab\u0000cd', '\u0000\u0007\u001b[2J', 'Team\u202e evil', 'a\u2066b', 'a\u0085b', 'line\nbreak']) {
      expect(hasHiddenCharacters(text), JSON.stringify(text)).toBe(true);
      expect(singleLine(100).safeParse(text).success, JSON.stringify(text)).toBe(false);
    }
  });

  it('keeps Chinese, accents, emoji and full-width punctuation', () => {
    for (const text of ['周敏', 'Émile Dupont', '华东销售一组（East）', '刘洋 😀', 'o’Brien']) {
      expect(singleLine(100).safeParse(text)).toEqual({ success: true, data: text });
    }
  });

  it('allows line breaks and tabs in multi-line text only', () => {
    expect(multiLine(500).safeParse('第一行\n第二行\tok').success).toBe(true);
    expect(multiLine(500).safeParse('bad\u0000').success).toBe(false);
  });
});

describe('passwords and addresses as people type them', async () => {
  const { passwordProblem } = await import('../../src/lib/auth/password-policy');
  const { normaliseEmail } = await import('../../src/lib/auth/server/login');

  it('refuses a password of spaces or one repeated character, however long', () => {
    expect(passwordProblem(' '.repeat(12))).toBe('password.tooSimple');
    expect(passwordProblem('aaaaaaaaaaaaaa')).toBe('password.tooSimple');
    expect(passwordProblem('correct horse battery')).toBeNull();
  });

  it('reads a full-width address as the one it is', () => {
    expect(normaliseEmail(' ｌｉ．ｐｉｎｇ＠ｄｅｍｏ．ａｃａｄｅｍｙ ')).toBe('li.ping@demo.academy');
  });
});
