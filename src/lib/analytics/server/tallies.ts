/**
 * Counting queries for the trainers' content analytics. Every query groups in the database and
 * returns counts, sums or bare durations: no user id, name or email ever leaves this module, so a
 * trainer's page cannot show who did what.
 */
import type { Database } from '../../platform/server/db';
import type { QuestionTally, WrongChoiceTally } from '../quiz-questions';
import type { ModuleTally } from '../module-funnel';
import { scoreDistribution, type ScoreDistribution } from '../score-distribution';

export interface QuizOverview {
  quizId: string;
  attempts: number;
  meanPercent: number;
  passed: number;
}

export async function quizOverview(db: Database): Promise<QuizOverview[]> {
  const { rows } = await db.$client.execute(
    `SELECT quiz_id, count(*) AS attempts, avg(percent) AS mean, sum(passed) AS passed
       FROM quiz_attempts GROUP BY quiz_id`,
  );
  return rows.map((r) => ({
    quizId: String(r.quiz_id),
    attempts: Number(r.attempts),
    meanPercent: Math.round(Number(r.mean) * 10) / 10,
    passed: Number(r.passed),
  }));
}

/**
 * Per-question tallies of one quiz, read from each attempt's graded result
 * (`[{ questionId, correct, chosen: [optionId…] }]`, see recordQuizAttempt).
 */
export async function quizQuestionTallies(db: Database, quizId: string): Promise<{ tallies: QuestionTally[]; wrongChoices: WrongChoiceTally[] }> {
  const [tallies, wrong] = await Promise.all([
    db.$client.execute({
      sql: `SELECT json_extract(q.value, '$.questionId') AS question_id, count(*) AS attempts,
                   sum(CASE WHEN json_extract(q.value, '$.correct') THEN 1 ELSE 0 END) AS correct
              FROM quiz_attempts a, json_each(a.result) q
             WHERE a.quiz_id = ? AND json_valid(a.result)
             GROUP BY question_id`,
      args: [quizId],
    }),
    db.$client.execute({
      sql: `SELECT json_extract(q.value, '$.questionId') AS question_id, c.value AS option_id, count(*) AS n
              FROM quiz_attempts a, json_each(a.result) q, json_each(q.value, '$.chosen') c
             WHERE a.quiz_id = ? AND json_valid(a.result) AND NOT json_extract(q.value, '$.correct')
             GROUP BY question_id, option_id`,
      args: [quizId],
    }),
  ]);
  return {
    tallies: tallies.rows.map((r) => ({ questionId: String(r.question_id), attempts: Number(r.attempts), correct: Number(r.correct) })),
    wrongChoices: wrong.rows.map((r) => ({ questionId: String(r.question_id), optionId: String(r.option_id), count: Number(r.n) })),
  };
}

/** Views, completions and view-to-completion times (counted by minute) for every module anyone touched. */
export async function moduleTallies(db: Database): Promise<ModuleTally[]> {
  const [viewed, completed, durations] = await Promise.all([
    db.$client.execute(
      `SELECT subject AS module_id, count(*) AS n FROM learning_events WHERE type = 'module.viewed' GROUP BY subject`,
    ),
    db.$client.execute(`SELECT module_id, count(*) AS n FROM module_completions GROUP BY module_id`),
    // Whole minutes, negative ones (view recorded after completing) as -1: a few thousand groups
    // even for hundreds of thousands of completions.
    db.$client.execute(
      `SELECT module_id, minutes, count(*) AS n FROM (
         SELECT c.module_id, CASE WHEN c.completed_at < e.at THEN -1 ELSE (c.completed_at - e.at) / 60000 END AS minutes
           FROM module_completions c
           JOIN learning_events e ON e.type = 'module.viewed' AND e.subject = c.module_id AND e.user_id = c.user_id)
        GROUP BY module_id, minutes`,
    ),
  ]);
  const tallies = new Map<string, { viewed: number; completed: number; viewToCompletionMinutes: { minutes: number; count: number }[] }>();
  const tallyOf = (moduleId: string) => {
    let t = tallies.get(moduleId);
    if (!t) tallies.set(moduleId, (t = { viewed: 0, completed: 0, viewToCompletionMinutes: [] }));
    return t;
  };
  for (const r of viewed.rows) tallyOf(String(r.module_id)).viewed = Number(r.n);
  for (const r of completed.rows) tallyOf(String(r.module_id)).completed = Number(r.n);
  for (const r of durations.rows) tallyOf(String(r.module_id)).viewToCompletionMinutes.push({ minutes: Number(r.minutes), count: Number(r.n) });
  return [...tallies].map(([moduleId, t]) => ({ moduleId, ...t }));
}

/** Score distribution of submitted attempts, per exercise. */
export async function exerciseDistributions(db: Database): Promise<Map<string, ScoreDistribution>> {
  const [bins, sums] = await Promise.all([
    db.$client.execute(
      `SELECT exercise_id, min(9, max(0, CAST(percent / 10 AS INTEGER))) AS bin, count(*) AS n
         FROM exercise_attempts WHERE status = 'submitted' AND percent IS NOT NULL
        GROUP BY exercise_id, bin`,
    ),
    db.$client.execute(
      `SELECT exercise_id, sum(percent) AS total FROM exercise_attempts
        WHERE status = 'submitted' AND percent IS NOT NULL GROUP BY exercise_id`,
    ),
  ]);
  const binsOf = new Map<string, { bin: number; count: number }[]>();
  for (const r of bins.rows) {
    const id = String(r.exercise_id);
    binsOf.set(id, [...(binsOf.get(id) ?? []), { bin: Number(r.bin), count: Number(r.n) }]);
  }
  return new Map(sums.rows.map((r) => [String(r.exercise_id), scoreDistribution(binsOf.get(String(r.exercise_id)) ?? [], Number(r.total))]));
}
