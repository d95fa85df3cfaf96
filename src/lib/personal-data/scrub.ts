/**
 * What erasure leaves of a person: a placeholder name and address, and answers without their own
 * words. Pure, so the same rules serve the admin's erasure, the retention job and a restore that
 * re-applies the erasure ledger.
 */

/** A short, stable tag from the person's id: the same person is always "#a1b2", and nothing of their name is in it. */
export async function erasureTag(userId: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`erased:${userId}`)));
  return [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The name an erased person is shown by, in both languages, since one name column serves every page. */
export const erasedName = (tag: string) => `已删除的人员 #${tag.slice(0, 4)} / Erased person #${tag.slice(0, 4)}`;

/** An address on the reserved `.invalid` domain (RFC 2606): unique per person, and no mail can ever reach it. */
export const erasedEmail = (tag: string) => `erased-${tag}@erased.invalid`;

export const isErasedEmail = (email: string) => /^erased-[0-9a-f]{16}@erased\.invalid$/.test(email);

// Option, card and step ids in content are lower-case words with hyphens; what a learner picked is not their own words.
const CONTENT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
// Numbers, as a number question or calculation stores them, are scores' raw material, not prose.
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * A stored answer or exercise state with every piece of free text replaced by null: ids of chosen
 * options, booleans, numbers and the shape stay (so reports over choices still add up), while
 * anything the person typed in their own words goes.
 */
export function withoutFreeText(value: unknown): unknown {
  if (typeof value === 'string') return CONTENT_ID.test(value) || PLAIN_NUMBER.test(value) ? value : null;
  if (Array.isArray(value)) return value.map(withoutFreeText);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutFreeText(v)]));
  return value;
}

/** Fields of audit entries that may hold a name, an address or a note about the person. */
// `body` is the text of an observation reply or a replay comment; `note` also sits in an observation's scores.
const PERSONAL_AUDIT_KEYS = new Set(['name', 'email', 'note', 'body', 'reason', 'recipientName', 'employeeNumber', 'revokeReason']);

/** An audit entry's before/after with the personal fields nulled; what changed, and when, stays. */
export function auditWithoutPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(auditWithoutPersonalData);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, PERSONAL_AUDIT_KEYS.has(k) ? null : auditWithoutPersonalData(v)]));
  }
  return value;
}

/**
 * A stored quiz result without the learner's words. It is a list of per-question verdicts
 * (`[{ questionId, correct, chosen, given, key }]`, see recordQuizAttempt), or an older graded
 * result with a `questions` list: each question's `given` loses its free text as in
 * `withoutFreeText`; the verdicts and chosen option ids stay, so the trainers' per-question
 * tallies (server/analytics.ts) still count this attempt.
 */
export function resultWithoutFreeText(result: unknown): unknown {
  const scrubQuestion = (q: unknown) => (q && typeof q === 'object' && 'given' in q ? { ...q, given: withoutFreeText((q as { given: unknown }).given) } : q);
  if (Array.isArray(result)) return result.map(scrubQuestion);
  if (!result || typeof result !== 'object') return result;
  const questions = (result as { questions?: unknown }).questions;
  return Array.isArray(questions) ? { ...result, questions: questions.map(scrubQuestion) } : result;
}

/** An observation's per-criterion scores with the manager's notes emptied; criteria and levels stay (readiness reads them). */
export function scoresWithoutNotes(scores: unknown): unknown {
  if (!Array.isArray(scores)) return scores;
  return scores.map((s) => (s && typeof s === 'object' && 'note' in s ? { ...s, note: '' } : s));
}
