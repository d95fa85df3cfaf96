/**
 * A stored quiz attempt as it was graded, and as the current key would grade it. Reviews print the
 * stored verdicts, because the stored score was computed from them and readiness reads that score:
 * re-grading on view against a corrected key once showed "5/5 100%" above a ✗. A trainer who
 * corrects a key re-grades stored attempts explicitly (server/regrade.ts), which rewrites the
 * stored verdicts, score and pass, audited. Pure.
 */
import type { Language } from '../../schemas/common';
import type { Quiz } from '../../schemas/quiz';
import { gradeQuiz, keyFingerprint, type Answer, type Answers, type QuestionResult } from './grading';

export { keyFingerprint };

/** One question of a stored attempt as graded (quiz_attempts.result). */
export interface StoredVerdict {
  questionId: string;
  correct: boolean;
  points?: number;
  /** Option ids chosen (choice questions): what analytics tally. */
  chosen: string[];
  /** The answer in the quiz file's ids; missing on attempts stored before reviews existed. */
  given?: Answer | null;
  /** The key this verdict was reached with (`keyFingerprint`); missing on attempts stored before it was kept. */
  key?: string;
}

/** A stored attempt as reviews and re-grading read it. */
export interface StoredAttempt {
  answers: unknown;
  result: unknown;
}

/** The stored rows, skipping anything that is not one (a hand-edited or truncated row). */
export function storedVerdicts(stored: StoredAttempt): StoredVerdict[] {
  const rows = Array.isArray(stored.result) ? (stored.result as Partial<StoredVerdict>[]) : [];
  return rows.filter((row): row is StoredVerdict => typeof row?.questionId === 'string' && typeof row.correct === 'boolean');
}

/**
 * Each asked question's answer in the quiz file's ids. Attempts stored before `given` existed only
 * had choice and true/false questions, whose browser ids are the file's ids, so their raw answers serve.
 */
function answerOf(row: StoredVerdict, raw: Answers): Answer | undefined {
  const given = 'given' in row ? row.given : Object.hasOwn(raw, row.questionId) ? raw[row.questionId] : undefined;
  return given ?? undefined;
}

/** The current key's grading of a stored attempt's answers, question by question, in `lang`. */
function regradeRows(quiz: Quiz, stored: StoredAttempt, lang: Language) {
  const rows = storedVerdicts(stored);
  const raw = (typeof stored.answers === 'object' && stored.answers !== null ? stored.answers : {}) as Answers;
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const asked = rows.filter((row) => byId.has(row.questionId));
  const answers: Answers = Object.fromEntries(asked.map((row) => [row.questionId, answerOf(row, raw)]));
  const graded = gradeQuiz(quiz, answers, lang, asked.map((row) => row.questionId)).questions;
  const now = new Map(graded.map((q) => [q.questionId, q]));
  return rows.map((row) => {
    const question = byId.get(row.questionId);
    return { row, question, current: question ? now.get(row.questionId)! : null };
  });
}

export interface ReviewedQuestion {
  /** Today's wording and explanations; `correct` and `points` are the stored verdict. */
  result: QuestionResult;
  /** The question's key is not the one this attempt was graded with. */
  keyChanged: boolean;
  /** What the current key says about the same answer. */
  correctNow: boolean;
}

export interface AttemptReview {
  questions: ReviewedQuestion[];
  /** Questions since removed from the quiz, with the verdict they were graded with. */
  removed: { questionId: string; correct: boolean }[];
}

/** A stored attempt for review: every verdict as stored, flagged where the key has changed since. */
export function reviewStoredAttempt(quiz: Quiz, stored: StoredAttempt, lang: Language): AttemptReview {
  const questions: ReviewedQuestion[] = [];
  const removed: AttemptReview['removed'] = [];
  for (const { row, question, current } of regradeRows(quiz, stored, lang)) {
    if (!question || !current) {
      removed.push({ questionId: row.questionId, correct: row.correct });
      continue;
    }
    // Without a stored fingerprint, a verdict the current key contradicts is the only sign of a change.
    const keyChanged = row.key !== undefined ? row.key !== keyFingerprint(question) : current.correct !== row.correct;
    questions.push({ result: { ...current, correct: row.correct, points: row.correct ? 1 : 0 }, keyChanged, correctNow: current.correct });
  }
  return { questions, removed };
}

export interface Score {
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
}

export interface RegradedAttempt {
  before: Score;
  after: Score;
  /** The rows to store: verdicts under the current key, with its fingerprint. */
  result: StoredVerdict[];
  /** Any verdict or the score differs from what is stored. */
  changed: boolean;
}

/**
 * Grades a stored attempt's answers against the current key, as if submitted now. A question since
 * removed from the quiz keeps the verdict it was graded with: there is no key left to grade it by,
 * and dropping it would change the attempt's length under the learner.
 */
export function regradeStoredAttempt(quiz: Quiz, stored: StoredAttempt & Score): RegradedAttempt {
  const before = { score: stored.score, maxScore: stored.maxScore, percent: stored.percent, passed: stored.passed };
  // An attempt that stored no verdicts has nothing to re-grade from; its score stays as it is.
  if (storedVerdicts(stored).length === 0) return { before, after: before, result: [], changed: false };
  const result: StoredVerdict[] = regradeRows(quiz, stored, 'zh').map(({ row, question, current }) => {
    if (!question || !current) return row;
    return {
      questionId: row.questionId,
      correct: current.correct,
      points: current.points,
      chosen: 'options' in current ? current.options.filter((o) => o.chosen).map((o) => o.id) : [],
      given: current.given,
      key: keyFingerprint(question),
    };
  });
  const score = result.reduce((sum, q) => sum + (q.correct ? 1 : 0), 0);
  const maxScore = result.length;
  const percent = maxScore === 0 ? 0 : Math.round((score / maxScore) * 1000) / 10;
  const after = { score, maxScore, percent, passed: percent >= quiz.passPercent };
  const verdicts = new Map(storedVerdicts(stored).map((row) => [row.questionId, row.correct]));
  const changed =
    result.some((q) => verdicts.get(q.questionId) !== q.correct) ||
    (['score', 'maxScore', 'percent', 'passed'] as const).some((k) => before[k] !== after[k]);
  return { before, after, result, changed };
}
