/**
 * Whatever a learner sends, in whatever order — reused and foreign idempotency keys, other
 * quizzes' ids, wrong seeds, locked modules — no reply carries an answer key or explanation of a
 * quiz or exercise that learner has not submitted yet, and a graded quiz reply is always a stored
 * attempt of that very quiz by that learner.
 *
 * The actions themselves import `astro:*` modules, which only exist inside Astro, so each entry of
 * LEARNER_ACTIONS calls the same server functions as its action, in the same order, with the same
 * lock guard first (requireUnlocked → lockedWorkRefusal). To cover a new action, add one entry:
 * its name, an arbitrary for its input and the calls its handler makes.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { quizSchema, type Quiz } from '../../src/schemas/quiz';
import { exerciseSchema, type Exercise } from '../../src/schemas/exercise';
import type { Language } from '../../src/schemas/common';
import { workIndexFromFiles } from '../../src/lib/content/server/content-index';
import { lockedWorkRefusal } from '../../src/lib/learning-records/server/work-access';
import { quizSubmitInput, SubmissionRefused, submitQuizAttempt, type QuizSubmission } from '../../src/lib/quiz/server/submission';
import { pastAttempts } from '../../src/lib/quiz/server/attempts';
import { draftAnswersFor, quizDraftInput, saveQuizDraft } from '../../src/lib/quiz/server/drafts';
import { attemptView } from '../../src/lib/quiz/attempt';
import { attemptSeed, planAttempt } from '../../src/lib/quiz/draw';
import { toPublicQuiz, type PublicQuestion } from '../../src/lib/quiz/public';
import { openExercise } from '../../src/lib/exercises/server/opening';
import { changeOpenAttempt, IdempotencyKeyReusedError, startOrResumeAttempt, submitOpenAttempt } from '../../src/lib/exercises/server/attempts';
import {
  advance,
  initialAnswer,
  publicAnswer,
  restoreState,
  RoleplayMoveError,
  scoreExercise,
  toPublicExercise,
  toPublicNode,
  type AttemptState,
  type ExerciseAnswer,
} from '../../src/lib/exercises';
import { boosterContentFromFiles } from '../../src/lib/boosters/server/content-files';
import { answerCard, ReviewRefused, reviewAnswerInput, setDailyCap, todaysReview } from '../../src/lib/boosters/server/reviews';
import { gradePractice, practiceRound } from '../../src/lib/boosters/server/practice';
import { markAllRead, markRead, preferencesOf, savePreferences } from '../../src/lib/reminders/server/store';
import { kindsOffered, preferencesFrom, preferencesInput } from '../../src/lib/reminders/server/preferences-input';
import { reminderKindRegistry } from '../../src/lib/reminders/server/kinds';
import { allowedWebhookHosts } from '../../src/lib/reminders/webhook-payload';
import { reminderKinds } from '../../db/schema';
import { completedModuleIds, completeModule } from '../../src/lib/learning-records/server/progress';
import { bypassesLocks, missingPrerequisites } from '../../src/lib/learning-records/module-locks';
import { exerciseAttempts, observations, quizAttempts, teamMembers, teams } from '../../db/schema';
import { acknowledgeInput, replyInput } from '../../src/lib/coaching/inputs';
import { acknowledgeObservation, CoachingError, replyToObservation } from '../../src/lib/coaching/server/store';
import type { WorkKind } from '../../src/lib/learning-records/work-locks';
const CONTENT = resolve('content');
const index = workIndexFromFiles(CONTENT);
const boosters = boosterContentFromFiles(CONTENT);

// Unlocked from the start, locked until sales-workflow/lead-to-after-sales, and further away.
const QUIZ_IDS = ['lead-to-after-sales', 'department-posts', 'contract-review', 'lead-grading'] as const;
const EXERCISE_IDS = ['sales-cycle-order', 'duties-to-posts', 'contract-draft-review', 'gatekeeper-first-call', 'funnel-conversion'] as const;
const MODULE_IDS = ['sales-workflow/lead-to-after-sales', 'roles/department-posts', 'sales-workflow/contract-review', 'sales-workflow/market-development'] as const;

const quizzes = new Map<string, Quiz>(QUIZ_IDS.map((id) => [id, quizSchema.parse(parseYaml(readFileSync(`${CONTENT}/quizzes/${id}.yaml`, 'utf8')))]));
const exercises = new Map<string, Exercise>(
  EXERCISE_IDS.map((id) => [id, exerciseSchema.parse(parseYaml(readFileSync(`${CONTENT}/exercises/${id}.yaml`, 'utf8')))]),
);

/** Every string inside a value, recursively. */
function strings(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, into);
  return into;
}

/**
 * An item's secrets: the texts of its file (explanations, debriefs, feedback…) that no public view
 * of it shows, whatever the seed. Short strings are left out: "true" or "A" prove nothing.
 */
function secretsOf(file: unknown, publicViews: unknown[]): string[] {
  const shown = strings(publicViews);
  // Ids and references ("sales-workflow/lead-grading") are names, not keys.
  return [...strings(file)].filter((s) => s.length >= 12 && !/^[a-z0-9/.-]+$/.test(s) && ![...shown].some((p) => p.includes(s)));
}
const SEEDS = Array.from({ length: 120 }, (_, i) => i * 7919);
const LANGS: Language[] = ['zh', 'en'];
const secrets = new Map<string, string[]>();
for (const [id, quiz] of quizzes) {
  secrets.set(`quiz:${id}`, secretsOf(quiz, LANGS.flatMap((lang) => SEEDS.map((seed) => toPublicQuiz(id, quiz, lang, planAttempt(quiz, seed))))));
}
for (const [id, exercise] of exercises) {
  const views = LANGS.flatMap((lang) =>
    SEEDS.slice(0, 20).flatMap((seed) => [
      toPublicExercise(id, exercise, lang, { seed, answer: initialAnswer(exercise, seed) }),
      ...(exercise.type === 'roleplay' ? exercise.nodes.map((node) => toPublicNode(node, lang, seed)) : []),
    ]),
  );
  secrets.set(`exercise:${id}`, secretsOf(exercise, views));
}

// --- One learner's world --------------------------------------------------------------------

interface World {
  t: TestDatabase;
  user: { id: string; role: string; locale: Language };
  now: Date;
  /** Observations of this learner by their manager, and one of another learner (never theirs to touch). */
  observationIds: { mine: string; others: string };
}

/** A refusal as the island sees it: an action error code and message. */
class Refusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** requireUnlocked() of src/actions/guards.ts. */
async function guard(w: World, kind: WorkKind, workId: string, lang?: Language) {
  const refusal = await lockedWorkRefusal(w.t.db, w.user, index, kind, workId, lang ?? w.user.locale);
  if (refusal) throw new Refusal('FORBIDDEN', refusal);
}

function quizOr404(quizId: string): Quiz {
  const quiz = quizzes.get(quizId);
  if (!quiz) throw new Refusal('NOT_FOUND', `There is no quiz "${quizId}".`);
  return quiz;
}
function exerciseOr404(exerciseId: string): Exercise {
  const exercise = exercises.get(exerciseId);
  if (!exercise) throw new Refusal('NOT_FOUND', `There is no exercise "${exerciseId}".`);
  return exercise;
}
const freshState = (exercise: Exercise, seed: number | undefined): AttemptState => ({ seed: seed ?? 1, answer: initialAnswer(exercise, seed ?? 1) });

/** Answers in the public ids of the attempt the learner is on: the first option everywhere. */
function someAnswers(questions: PublicQuestion[]): QuizSubmission['answers'] {
  const answers: QuizSubmission['answers'] = {};
  for (const q of questions) {
    if (q.type === 'single' || q.type === 'multiple') answers[q.id] = [q.options[0]!.id];
    else if (q.type === 'true-false') answers[q.id] = true;
    else if (q.type === 'ordering') answers[q.id] = q.items.map((i) => i.id);
    else if (q.type === 'matching') answers[q.id] = Object.fromEntries(q.left.map((l, i) => [l.id, q.right[i]!.id]));
    else answers[q.id] = '12';
  }
  return answers;
}

// --- The actions --------------------------------------------------------------------------------

interface LearnerAction<I> {
  name: string;
  input: fc.Arbitrary<I>;
  run: (w: World, input: I) => Promise<unknown>;
}
const observationOf = (w: World, which: 'mine' | 'others' | 'missing') =>
  which === 'mine' ? w.observationIds.mine : which === 'others' ? w.observationIds.others : 'no-such-observation';

const action = <I>(name: string, input: fc.Arbitrary<I>, run: (w: World, input: I) => Promise<unknown>): LearnerAction<I> => ({ name, input, run });

/** A few keys per run, so that keys get reused across quizzes and exercises; KEY_OF_OTHER is another learner's. */
const KEYS = ['7d6f2a4e-1b3c-4d5e-8f90-a1b2c3d4e5f6', '0c1d2e3f-4a5b-4c6d-9e7f-8a9b0c1d2e3f', '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d'];
const KEY_OF_OTHER = 'ffffffff-1111-4222-8333-444444444444';
const key = fc.option(fc.constantFrom(...KEYS, KEY_OF_OTHER), { nil: undefined });
const lang = fc.constantFrom<Language>('zh', 'en');
const quizId = fc.constantFrom<string>(...QUIZ_IDS, 'no-such-quiz');
const exerciseId = fc.constantFrom<string>(...EXERCISE_IDS, 'no-such-exercise');
const seed = fc.option(fc.constantFrom(0, 1, 12345, 2 ** 32 - 1), { nil: undefined });

/** ReviewRefused as the review actions turn it into an action error. */
async function reviewCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ReviewRefused) throw new Refusal(error.code, error.message);
    throw error;
  }
}

const LEARNER_ACTIONS = [
  action('quiz.view', fc.record({ quizId, lang }), async (w, input) => {
    await guard(w, 'quiz', input.quizId, input.lang);
    const quiz = quizOr404(input.quizId);
    const view = attemptView(input.quizId, quiz, input.lang, w.user.id, await pastAttempts(w.t.db, w.user.id, input.quizId), w.now);
    const draft = view.status === 'open' ? await draftAnswersFor(w.t.db, w.user.id, input.quizId, quiz, view.seed) : null;
    return { ...view, draft };
  }),

  action(
    'quiz.saveDraft',
    fc.record({ quizId, lang, seedMode: fc.constantFrom('right', 'wrong'), answerMode: fc.constantFrom('empty', 'some') }),
    async (w, input) => {
      const past = await pastAttempts(w.t.db, w.user.id, input.quizId).catch(() => []);
      const right = attemptSeed(w.user.id, input.quizId, past.length);
      const quizForAnswers = quizzes.get(input.quizId);
      const answers = input.answerMode === 'some' && quizForAnswers ? someAnswers(toPublicQuiz(input.quizId, quizForAnswers, input.lang, planAttempt(quizForAnswers, right)).questions) : {};
      const draft = quizDraftInput.parse({ quizId: input.quizId, seed: input.seedMode === 'right' ? right : (right + 1) % 2 ** 32, answers });
      await guard(w, 'quiz', draft.quizId);
      const quiz = quizOr404(draft.quizId);
      try {
        return await saveQuizDraft(w.t.db, w.user.id, quiz, draft, w.now);
      } catch (error) {
        if (error instanceof SubmissionRefused) throw new Refusal(error.code, error.message);
        throw error;
      }
    },
  ),

  action(
    'quiz.submit',
    fc.record({ quizId, lang, key, seedMode: fc.constantFrom('right', 'none', 'wrong'), answerMode: fc.constantFrom('empty', 'some') }),
    async (w, input) => {
      const past = await pastAttempts(w.t.db, w.user.id, input.quizId).catch(() => []);
      const right = attemptSeed(w.user.id, input.quizId, past.length);
      const quizForAnswers = quizzes.get(input.quizId);
      const answers = input.answerMode === 'some' && quizForAnswers ? someAnswers(toPublicQuiz(input.quizId, quizForAnswers, input.lang, planAttempt(quizForAnswers, right)).questions) : {};
      const submission = quizSubmitInput.parse({
        quizId: input.quizId,
        lang: input.lang,
        answers,
        seed: input.seedMode === 'right' ? right : input.seedMode === 'wrong' ? (right + 1) % 2 ** 32 : undefined,
        idempotencyKey: input.key,
      });
      await guard(w, 'quiz', submission.quizId, submission.lang);
      const quiz = quizOr404(submission.quizId);
      try {
        return await submitQuizAttempt(w.t.db, w.user.id, quiz, submission, w.now);
      } catch (error) {
        if (error instanceof SubmissionRefused) throw new Refusal(error.code, error.message);
        throw error;
      }
    },
  ),

  action('exercise.open', fc.record({ exerciseId, lang }), async (w, input) => {
    await guard(w, 'exercise', input.exerciseId, input.lang);
    return openExercise(w.t.db, w.user.id, input.exerciseId, exerciseOr404(input.exerciseId), input.lang);
  }),

  action('exercise.start', fc.record({ exerciseId, lang, seed }), async (w, input) => {
    await guard(w, 'exercise', input.exerciseId, input.lang);
    const exercise = exerciseOr404(input.exerciseId);
    const initial = freshState(exercise, input.seed);
    const { attempt, resumed } = await startOrResumeAttempt(w.t.db, { userId: w.user.id, exerciseId: input.exerciseId, now: w.now, initialState: initial });
    const state = restoreState(exercise, attempt.state, initial.seed);
    return { attemptId: attempt.id, resumed, seed: state.seed, view: toPublicExercise(input.exerciseId, exercise, input.lang, state), answer: publicAnswer(state.answer) };
  }),

  action('exercise.save', fc.record({ exerciseId, seed }), async (w, input) => {
    await guard(w, 'exercise', input.exerciseId);
    const exercise = exerciseOr404(input.exerciseId);
    if (exercise.type === 'roleplay') throw new Refusal('BAD_REQUEST', 'A role-play is not saved.');
    const initial = freshState(exercise, input.seed);
    const { attempt } = await changeOpenAttempt(w.t.db, { userId: w.user.id, exerciseId: input.exerciseId, now: w.now, initialState: initial }, (open) => ({
      state: { seed: restoreState(exercise, open.state, initial.seed).seed, answer: initialAnswer(exercise, initial.seed) },
      value: null,
    }));
    return { attemptId: attempt.id, savedAt: attempt.updatedAt.getTime() };
  }),

  action('exercise.choose', fc.record({ exerciseId, lang, pick: fc.nat(3) }), async (w, input) => {
    await guard(w, 'exercise', input.exerciseId, input.lang);
    const exercise = exerciseOr404(input.exerciseId);
    if (exercise.type !== 'roleplay') throw new Refusal('BAD_REQUEST', 'Not a role-play.');
    const initial = freshState(exercise, undefined);
    try {
      const { attempt, value } = await changeOpenAttempt(w.t.db, { userId: w.user.id, exerciseId: input.exerciseId, now: w.now, initialState: initial }, (open) => {
        const state = restoreState(exercise, open.state, initial.seed);
        const current = state.answer.type === 'roleplay' ? state.answer : { type: 'roleplay' as const, choices: [] };
        const here = toPublicExercise(input.exerciseId, exercise, input.lang, { seed: state.seed, answer: current });
        const choices = here.type === 'roleplay' ? here.node.choices : [];
        const moved = advance(exercise, current, choices[input.pick % Math.max(1, choices.length)]?.id ?? 'none');
        return { state: { seed: state.seed, answer: moved.state }, value: toPublicNode(moved.node, input.lang, state.seed) };
      });
      return { attemptId: attempt.id, node: value };
    } catch (error) {
      if (error instanceof RoleplayMoveError) throw new Refusal('BAD_REQUEST', error.reason);
      throw error;
    }
  }),

  action('exercise.submit', fc.record({ exerciseId, lang, key, seed }), async (w, input) => {
    await guard(w, 'exercise', input.exerciseId, input.lang);
    const exercise = exerciseOr404(input.exerciseId);
    const initial = freshState(exercise, input.seed);
    const sent: ExerciseAnswer | undefined = exercise.type === 'roleplay' ? undefined : initialAnswer(exercise, initial.seed);
    try {
      const { attempt, duplicate } = await submitOpenAttempt(
        w.t.db,
        { userId: w.user.id, exerciseId: input.exerciseId, now: w.now, initialState: initial, idempotencyKey: input.key },
        (open) => {
          const state = restoreState(exercise, open.state, initial.seed);
          const answer = sent ?? state.answer;
          const result = scoreExercise(exercise, answer, input.lang);
          if (!result) throw new Refusal('BAD_REQUEST', 'Finish the conversation before submitting it.');
          return { state: { seed: state.seed, answer }, result, score: result.score, maxScore: result.maxScore, percent: result.percent, passed: result.passed };
        },
      );
      return { attemptId: attempt.id, duplicate, result: attempt.result };
    } catch (error) {
      if (error instanceof IdempotencyKeyReusedError) throw new Refusal('CONFLICT', 'key reused');
      throw error;
    }
  }),

  // The review page's cards are part of the reply: what the page shows is checked with what the action answers.
  action(
    'review.answer',
    fc.record({ lang, card: fc.constantFrom('first', 'last', 'unknown'), due: fc.constantFrom('shown', 'stale'), twice: fc.boolean() }),
    async (w, input) => {
      const page = await todaysReview(w.t.db, w.user.id, boosters, input.lang, w.now, 'Asia/Shanghai');
      const prompt = input.card === 'first' ? page.prompts[0] : input.card === 'last' ? page.prompts.at(-1) : undefined;
      const sent = reviewAnswerInput.parse({
        cardId: prompt?.cardId ?? 'term:no-such-term',
        dueAt: (prompt?.dueAt ?? 0) + (input.due === 'stale' ? 1 : 0),
        lang: input.lang,
        answer: prompt ? Object.values(someAnswers([prompt.question]))[0]! : ['definition-1'],
      });
      const reply = await reviewCall(() => answerCard(w.t.db, w.user.id, boosters, sent, w.now));
      return { page, reply, again: input.twice ? await reviewCall(() => answerCard(w.t.db, w.user.id, boosters, sent, w.now)) : null };
    },
  ),

  action('review.setDailyCap', fc.record({ dailyCap: fc.integer({ min: 1, max: 100 }) }), async (w, input) => ({
    dailyCap: await setDailyCap(w.t.db, w.user.id, input.dailyCap),
  })),

  action('review.practice', fc.record({ quizId, lang }), async (w, input) => {
    await guard(w, 'quiz', input.quizId, input.lang);
    const quiz = quizOr404(input.quizId);
    return reviewCall(() => practiceRound(w.t.db, w.user.id, quiz, input.quizId, input.lang));
  }),

  action('review.practiceAnswer', fc.record({ quizId, lang, which: fc.constantFrom('missed', 'any') }), async (w, input) => {
    const round = await practiceRound(w.t.db, w.user.id, quizzes.get(input.quizId) ?? quizzes.get(QUIZ_IDS[0])!, input.quizId, input.lang).catch(() => null);
    const question = input.which === 'missed' ? round?.questions[0] : undefined;
    const questionId = question?.id ?? quizzes.get(input.quizId)?.questions[0]?.id ?? 'q';
    const answer = question ? Object.values(someAnswers([question]))[0]! : true;
    await guard(w, 'quiz', input.quizId, input.lang);
    const quiz = quizOr404(input.quizId);
    return reviewCall(() => gradePractice(w.t.db, w.user.id, quiz, { quizId: input.quizId, questionId, lang: input.lang, answer }));
  }),

  // src/actions/reminders.ts: a learner's own inbox and settings; no reply carries content.
  action('reminders.markRead', fc.record({ id: fc.constantFrom('missing', '00000000-0000-4000-8000-000000000000', '') }), async (w, input) => {
    if (!(await markRead(w.t.db, w.user.id, input.id, w.now))) throw new Refusal('NOT_FOUND', 'reminders.error.notFound');
    return { id: input.id };
  }),

  action('reminders.markAllRead', fc.record({}), async (w) => ({ read: await markAllRead(w.t.db, w.user.id, w.now) })),

  action(
    'reminders.setPreferences',
    fc.record({ email: fc.boolean(), kinds: fc.subarray([...reminderKinds]), webhookUrl: fc.constantFrom('', 'https://oapi.dingtalk.com/robot/send?access_token=x', 'http://127.0.0.1/x') }),
    async (w, input) => {
      const parsed = preferencesInput.parse(input);
      const previous = await preferencesOf(w.t.db, w.user.id);
      const prefs = preferencesFrom(parsed, w.user.role as never, allowedWebhookHosts(''), kindsOffered(reminderKindRegistry, w.user.role as never), previous.mutedKinds);
      if (typeof prefs === 'string') throw new Refusal(prefs === 'reminders.error.webhookRole' ? 'FORBIDDEN' : 'BAD_REQUEST', prefs);
      await savePreferences(w.t.db, w.user.id, prefs, w.now);
      return { saved: true };
    },
  ),

  // Coaching, learner side (src/actions/coaching.ts): the same input schema, then the store call.
  action('coaching.acknowledge', fc.record({ which: fc.constantFrom('mine', 'others', 'missing') }), async (w, input) => {
    const { observationId } = acknowledgeInput.parse({ observationId: observationOf(w, input.which) });
    try {
      const result = await acknowledgeObservation(w.t.db, { id: w.user.id, role: 'learner' }, observationId, w.now);
      return { acknowledgedAt: result.acknowledgedAt.getTime(), already: result.already };
    } catch (error) {
      if (error instanceof CoachingError) throw new Refusal(error.code, error.key);
      throw error;
    }
  }),

  action('coaching.reply', fc.record({ which: fc.constantFrom('mine', 'others', 'missing'), body: fc.constantFrom('谢谢，收到。', 'Thanks!', '  ') }), async (w, input) => {
    const parsed = replyInput.safeParse({ observationId: observationOf(w, input.which), body: input.body });
    if (!parsed.success) throw new Refusal('BAD_REQUEST', 'coaching.error.input');
    try {
      return await replyToObservation(w.t.db, { id: w.user.id, role: 'learner' }, parsed.data.observationId, parsed.data.body, w.now);
    } catch (error) {
      if (error instanceof CoachingError) throw new Refusal(error.code, error.key);
      throw error;
    }
  }),

  action('progress.completeModule', fc.record({ moduleId: fc.constantFrom<string>(...MODULE_IDS) }), async (w, input) => {
    const prerequisites = index.modules.get(input.moduleId)?.prerequisites ?? [];
    if (!bypassesLocks(w.user.role)) {
      const missing = missingPrerequisites(prerequisites, new Set((await completedModuleIds(w.t.db, w.user.id)).keys()));
      if (missing.length > 0) throw new Refusal('PRECONDITION_FAILED', `Finish ${missing.join(', ')} first.`);
    }
    return { moduleId: input.moduleId, newlyCompleted: await completeModule(w.t.db, w.user.id, input.moduleId, w.now) };
  }),
];

/** One step of a run: an action with its input, and minutes that pass before it (cooldowns end). */
const step = fc.oneof(
  ...LEARNER_ACTIONS.map((a) => fc.record({ name: fc.constant(a.name), input: a.input as fc.Arbitrary<unknown>, minutes: fc.constantFrom(0, 1, 90, 2000) })),
);
const byName = new Map(LEARNER_ACTIONS.map((a) => [a.name, a as LearnerAction<unknown>]));

// --- The oracle ----------------------------------------------------------------------------------

/** What this learner has submitted so far: only these items' keys may appear in a reply. */
async function submittedItems(w: World): Promise<Set<string>> {
  const quizRows = await w.t.db.select({ id: quizAttempts.quizId }).from(quizAttempts).where(eq(quizAttempts.userId, w.user.id));
  const exerciseRows = await w.t.db
    .select({ id: exerciseAttempts.exerciseId })
    .from(exerciseAttempts)
    .where(and(eq(exerciseAttempts.userId, w.user.id), eq(exerciseAttempts.status, 'submitted')));
  return new Set([...quizRows.map((r) => `quiz:${r.id}`), ...exerciseRows.map((r) => `exercise:${r.id}`)]);
}

async function checkReply(w: World, name: string, input: unknown, reply: unknown, refused: boolean) {
  const submitted = await submittedItems(w);
  const text = JSON.stringify(reply);
  for (const [item, itemSecrets] of secrets) {
    if (submitted.has(item)) continue;
    const leaked = itemSecrets.find((s) => text.includes(s));
    expect(leaked, `${name} ${JSON.stringify(input)} revealed a key of ${item}, which this learner has not submitted`).toBeUndefined();
  }
  // A graded quiz reply is a stored attempt of that quiz by this learner, with the stored score.
  if (name === 'quiz.submit' && !refused) {
    const graded = reply as { attemptId: string; percent: number };
    const row = await w.t.db.select().from(quizAttempts).where(eq(quizAttempts.id, graded.attemptId)).get();
    expect(row, `quiz.submit ${JSON.stringify(input)} answered with an attempt that is not stored`).toMatchObject({
      userId: w.user.id,
      quizId: (input as { quizId: string }).quizId,
      percent: graded.percent,
    });
  }
}

/** The learner's locks as they stand, worked out independently of the guard. */
async function isLocked(w: World, kind: WorkKind, workId: string): Promise<boolean> {
  const placing = (kind === 'quiz' ? index.quizzes : index.exercises).get(workId) ?? [];
  if (placing.length === 0) return false;
  const completed = await completedModuleIds(w.t.db, w.user.id);
  return placing.every((m) => (index.modules.get(m)?.prerequisites ?? []).some((p) => !completed.has(p)));
}

async function runSteps(steps: { name: string; input: unknown; minutes: number }[]) {
  const t = await createTestDatabase();
  try {
    const learner = await insertUser(t.db, { role: 'learner' });
    const other = await insertUser(t.db, { role: 'learner' });
    // Their manager has observed both learners: one observation is this learner's, one is not.
    const manager = await insertUser(t.db, { role: 'manager' });
    await t.db.insert(teams).values({ id: 'team', name: 'Team', managerId: manager.id });
    await t.db.insert(teamMembers).values([
      { userId: learner.id, teamId: 'team' },
      { userId: other.id, teamId: 'team' },
    ]);
    const observed = (userId: string) => ({
      id: crypto.randomUUID(), userId, managerId: manager.id, rubricId: 'customer-visit', kind: 'ride-along' as const, observedOn: '2026-11-20',
      scores: [{ criterionId: 'opening', level: 3, note: '' }], averageLevel: 3, createdAt: new Date('2026-11-20T10:00:00Z'),
    });
    const [mine, others] = [observed(learner.id), observed(other.id)];
    await t.db.insert(observations).values([mine, others]);
    const w: World = {
      t,
      user: { id: learner.id, role: 'learner', locale: 'zh' },
      now: new Date('2026-11-23T02:00:00Z'),
      observationIds: { mine: mine.id, others: others.id },
    };
    // Another learner already spent KEY_OF_OTHER on a quiz this learner has not taken.
    const otherQuiz = quizzes.get('lead-to-after-sales')!;
    await submitQuizAttempt(t.db, other.id, otherQuiz, { quizId: 'lead-to-after-sales', lang: 'zh', answers: {}, idempotencyKey: KEY_OF_OTHER }, w.now);

    for (const s of steps) {
      w.now = new Date(w.now.getTime() + s.minutes * 60_000);
      const act = byName.get(s.name)!;
      const target = s.input as { quizId?: string; exerciseId?: string };
      const kind: WorkKind | null = target.quizId ? 'quiz' : target.exerciseId ? 'exercise' : null;
      const lockedBefore = kind ? await isLocked(w, kind, (target.quizId ?? target.exerciseId)!) : false;
      let reply: unknown;
      try {
        reply = await act.run(w, s.input);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        reply = error;
      }
      await checkReply(w, s.name, s.input, reply instanceof Refusal ? { code: reply.code, message: reply.message } : reply, reply instanceof Refusal);
      if (lockedBefore) expect(reply instanceof Refusal && reply.code, `${s.name} ${JSON.stringify(s.input)} worked on a locked module`).toBe('FORBIDDEN');
    }
  } finally {
    t.close();
  }
}

describe('replies to a learner', () => {
  it('every action has its input generator and runner', () => {
    // Every action a learner's pages call, as registered in src/actions/index.ts: a new one fails here until it has a runner.
    const registry = readFileSync(resolve('src/actions/index.ts'), 'utf8');
    const learnerActions = [...registry.matchAll(/^\s*(quiz|exercise|progress|review|reminders|coaching): \{([^}]*)\}/gm)].flatMap(([, group, members]) =>
      [...members!.matchAll(/(\w+):/g)].map(([, name]) => `${group}.${name}`),
    );
    expect(learnerActions.length).toBeGreaterThan(8);
    expect([...byName.keys()].sort()).toEqual(learnerActions.sort());
    for (const item of secrets.keys()) expect(secrets.get(item)!.length, `${item} has no secrets to look for`).toBeGreaterThan(0);
  });

  it('a quiz submitted with a key spent on another quiz gets a 409, not that quiz’s answer key', async () => {
    const k = KEYS[0]!;
    await expect(
      runSteps([
        { name: 'quiz.submit', input: { quizId: 'department-posts', lang: 'en', key: k, seedMode: 'right', answerMode: 'some' }, minutes: 0 },
        { name: 'quiz.submit', input: { quizId: 'lead-to-after-sales', lang: 'en', key: k, seedMode: 'right', answerMode: 'empty' }, minutes: 0 },
      ]),
    ).resolves.toBeUndefined();
  });

  it('never contain a key or explanation of anything the learner has not submitted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), (steps) => runSteps(steps)),
      { numRuns: 100 },
    );
  }, 240_000);
});
