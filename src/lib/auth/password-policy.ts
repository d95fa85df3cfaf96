/**
 * What a new password must be. Length is the rule that matters (NIST SP 800-63B §5.1.1.2): no
 * composition rules, but at least 12 characters, and an upper bound only so hashing stays cheap.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;
export const MIN_DISTINCT_CHARACTERS = 4;

export type PasswordProblem = 'password.tooShort' | 'password.tooLong' | 'password.tooSimple' | 'password.mismatch';

/** Counts what a person sees as characters, so "密码" is two, not six bytes. */
function characterCount(password: string): number {
  return [...password].length;
}

/** The first problem with a new password and its confirmation, or null when it is acceptable. */
export function passwordProblem(password: string, confirmation: string = password): PasswordProblem | null {
  if (characterCount(password) < MIN_PASSWORD_LENGTH) return 'password.tooShort';
  if (password.length > MAX_PASSWORD_LENGTH) return 'password.tooLong';
  // Length only counts when there is something to guess: twelve spaces or "aaaaaaaaaaaa" is not a
  // password (SP 800-63B asks verifiers to refuse repetitive ones).
  if (new Set(password.normalize('NFKC').replace(/\s/g, '')).size < MIN_DISTINCT_CHARACTERS) return 'password.tooSimple';
  if (password !== confirmation) return 'password.mismatch';
  return null;
}
