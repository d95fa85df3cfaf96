/**
 * Learning events as xAPI 1.0.3 statements (https://github.com/adlnet/xAPI-Spec), with the ADL
 * verbs (http://adlnet.gov/expapi/verbs/…). Pure: the forwarder and the admins' download give it
 * the events and the content they refer to.
 *
 * Statement ids are derived from the event (UUID v5), so a statement sent again after a crash
 * carries the same id and the LRS keeps one copy.
 */
import { v5 as uuidv5 } from 'uuid';
import type { BilingualText } from '../../schemas/common';
import type { Question, Quiz } from '../../schemas/quiz';

/** UUID v5 namespace of Sales Academy's statements (a fixed, random UUID). */
const STATEMENT_NAMESPACE = '3a4f1f8e-6a55-4f43-9c1e-5d2b8f0f7a21';

const verbs = {
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  mastered: 'http://adlnet.gov/expapi/verbs/mastered',
} as const;
type Verb = keyof typeof verbs;

const activityTypes = {
  module: 'http://adlnet.gov/expapi/activities/module',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  simulation: 'http://adlnet.gov/expapi/activities/simulation',
  objective: 'http://adlnet.gov/expapi/activities/objective',
} as const;

export interface StatementPerson {
  id: string;
  email: string;
  name: string;
}

/** One row of learning_events with the person it is about. */
export interface LearningEventRow {
  id: number;
  type: string;
  subject: string;
  data: unknown;
  at: Date;
  person: StatementPerson;
}

/** A stored quiz attempt as the statements need it: answers as graded, per question. */
export interface AttemptForStatements {
  id: string;
  questions: { questionId: string; correct: boolean; answered: boolean; given: unknown }[];
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  durationMs: number;
}

export interface StatementContext {
  /** The site's public origin: activity ids and the account home page are under it. */
  origin: string;
  /** Identify people by email (mbox) or by their account id on this site. */
  actor: 'mbox' | 'account';
  titles: {
    module: (id: string) => BilingualText | undefined;
    quiz: (id: string) => BilingualText | undefined;
    exercise: (id: string) => BilingualText | undefined;
    level: (id: string) => BilingualText | undefined;
  };
  quiz: (id: string) => Quiz | undefined;
  attempt: (id: string) => AttemptForStatements | undefined;
}

export type Statement = Record<string, unknown> & { id: string };

const languageMap = (text: BilingualText) => ({ 'zh-CN': text.zh, 'en-US': text.en });
const verbOf = (verb: Verb) => ({ id: verbs[verb], display: { 'en-US': verb } });

function actorOf(person: StatementPerson, context: StatementContext) {
  return context.actor === 'mbox'
    ? { objectType: 'Agent', name: person.name, mbox: `mailto:${person.email}` }
    : { objectType: 'Agent', name: person.name, account: { homePage: context.origin, name: person.id } };
}

function activity(id: string, type: string, name: BilingualText | undefined, extra: Record<string, unknown> = {}) {
  return { objectType: 'Activity', id, definition: { type, ...(name ? { name: languageMap(name) } : {}), ...extra } };
}

/** ISO 8601 duration of whole and fractional seconds, e.g. PT95.5S. */
function isoDuration(ms: number): string {
  return `PT${Math.max(0, Math.round(ms / 100) / 10)}S`;
}

function score(raw: number, max: number) {
  return { scaled: max > 0 ? Math.round((raw / max) * 10000) / 10000 : 0, raw, min: 0, max };
}

const interactionTypes: Record<Question['type'], string> = {
  single: 'choice',
  multiple: 'choice',
  'true-false': 'true-false',
  ordering: 'sequencing',
  matching: 'matching',
  numeric: 'numeric',
};

/** The response in the interaction type's own format (ids joined by [,], pairs as a[.]b). */
function responseOf(question: Question, given: unknown): string {
  if (given === null || given === undefined) return '';
  if (question.type === 'true-false') return String(given);
  if (question.type === 'numeric') return String(given);
  if (question.type === 'matching') return Object.entries(given as Record<string, string>).map(([l, r]) => `${l}[.]${r}`).join('[,]');
  return (given as string[]).join('[,]');
}

/** What the learner chose, as words, in both languages. */
function responseText(question: Question, given: unknown): BilingualText {
  const join = (parts: BilingualText[], sep: BilingualText) => ({ zh: parts.map((p) => p.zh).join(sep.zh), en: parts.map((p) => p.en).join(sep.en) });
  if (given === null || given === undefined) return { zh: '（未作答）', en: '(not answered)' };
  switch (question.type) {
    case 'single':
    case 'multiple':
      return join((given as string[]).map((id) => question.options.find((o) => o.id === id)?.text ?? { zh: id, en: id }), { zh: '；', en: '; ' });
    case 'true-false':
      return given === true ? { zh: '对', en: 'true' } : { zh: '错', en: 'false' };
    case 'ordering':
      return join((given as string[]).map((id) => question.items.find((i) => i.id === id)?.text ?? { zh: id, en: id }), { zh: ' → ', en: ' → ' });
    case 'matching': {
      const pairs = Object.entries(given as Record<string, string>).map(([left, right]) => {
        const l = question.pairs.find((p) => p.id === left)?.left ?? { zh: left, en: left };
        const r = question.pairs.find((p) => p.id === right)?.right ?? { zh: right, en: right };
        return { zh: `${l.zh} — ${r.zh}`, en: `${l.en} — ${r.en}` };
      });
      return join(pairs, { zh: '；', en: '; ' });
    }
    case 'numeric':
      return { zh: String(given), en: String(given) };
  }
}

/** The statements one learning event makes: none for events that are not learning outcomes (e.g. a page view). */
export function statementsFor(event: LearningEventRow, context: StatementContext): Statement[] {
  const { origin } = context;
  const base = (key: string, verb: Verb, object: unknown, extra: Record<string, unknown> = {}): Statement => ({
    id: uuidv5(`${origin}|${event.id}|${key}`, STATEMENT_NAMESPACE),
    actor: actorOf(event.person, context),
    verb: verbOf(verb),
    object,
    timestamp: event.at.toISOString(),
    ...extra,
  });
  const data = (event.data ?? {}) as Record<string, unknown>;

  switch (event.type) {
    case 'module.completed':
      return [base('', 'completed', activity(`${origin}/activities/module/${event.subject}`, activityTypes.module, context.titles.module(event.subject)), { result: { completion: true } })];
    case 'exercise.submitted': {
      const percent = Number(data.percent ?? 0);
      return [
        base('', 'completed', activity(`${origin}/activities/exercise/${event.subject}`, activityTypes.simulation, context.titles.exercise(event.subject)), {
          result: {
            completion: true,
            ...(typeof data.passed === 'boolean' ? { success: data.passed } : {}),
            score: score(percent, 100),
            ...(typeof data.durationMs === 'number' ? { duration: isoDuration(data.durationMs) } : {}),
          },
        }),
      ];
    }
    case 'promotion':
      return [base('', 'mastered', activity(`${origin}/activities/level/${event.subject}`, activityTypes.objective, context.titles.level(event.subject)))];
    case 'quiz.submitted':
      return quizStatements(event, context, base, String(data.attemptId ?? ''));
    default:
      return [];
  }
}

function quizStatements(
  event: LearningEventRow,
  context: StatementContext,
  base: (key: string, verb: Verb, object: unknown, extra?: Record<string, unknown>) => Statement,
  attemptId: string,
): Statement[] {
  const attempt = context.attempt(attemptId);
  if (!attempt) return [];
  const quizActivityId = `${context.origin}/activities/quiz/${event.subject}`;
  const quizActivity = activity(quizActivityId, activityTypes.assessment, context.titles.quiz(event.subject));
  const overall = base('', attempt.passed ? 'passed' : 'failed', quizActivity, {
    result: { score: score(attempt.score, attempt.maxScore), success: attempt.passed, completion: true, duration: isoDuration(attempt.durationMs) },
  });
  const quiz = context.quiz(event.subject);
  const answers = attempt.questions.flatMap((graded) => {
    const question = quiz?.questions.find((q) => q.id === graded.questionId);
    if (!question) return [];
    const text = responseText(question, graded.given);
    return [
      base(`q:${graded.questionId}`, 'answered', activity(`${quizActivityId}/questions/${graded.questionId}`, activityTypes.interaction, question.prompt, { interactionType: interactionTypes[question.type] }), {
        result: {
          success: graded.correct,
          response: responseOf(question, graded.given),
          extensions: { [`${context.origin}/xapi/extensions/response-text`]: languageMap(text) },
        },
        context: { contextActivities: { parent: [{ objectType: 'Activity', id: quizActivityId }] } },
      }),
    ];
  });
  return [overall, ...answers];
}
