/**
 * The demo team's promotion story, so the manager's dashboard has something to decide: 刘洋 has
 * done every course, has KPI results above the bar and the manager's sign-off, so is ready for
 * 中级销售; the others are not, each for a different reason (tenure, a KPI under the bar, courses
 * left, no sign-off). Written through the same helpers the app uses, so the audit log has it too.
 */
import { auditLog, promotions } from '../../db/schema';
import type { Database } from '../../src/lib/platform/server/db';
import { recordKpiEvidence, signOff } from '../../src/lib/promotion/server/decisions';
import { assign } from '../../src/lib/learning-records/server/assignments';
import { contentIndexFromFiles } from '../../src/lib/content/server/content-index';
import { currentModules } from '../../src/lib/learning-records/assignments';
import type { KpiMetric } from '../../src/schemas/level';
import { exerciseSchema, type Exercise } from '../../src/schemas/exercise';
import { scoreExercise, type ExerciseAnswer } from '../../src/lib/exercises';
import { readContentTree } from '../../src/lib/content/server/content-files';
import { startOrResumeAttempt, submitOpenAttempt } from '../../src/lib/exercises/server/attempts';
import { wallTime } from '../../src/lib/dates';
import { readServerEnv } from '../../src/lib/platform/server/env';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The last full quarter before `now` on the company calendar, e.g. "2026-Q3" in November 2026, and the one before it. */
export function recentQuarters(now: Date, zone: string): [string, string] {
  const today = wallTime(now, zone);
  const quarter = Math.floor((today.month - 1) / 3); // 0-based current quarter
  const year = today.year;
  const last = quarter === 0 ? { year: year - 1, q: 4 } : { year, q: quarter };
  const before = last.q === 1 ? { year: last.year - 1, q: 4 } : { year: last.year, q: last.q - 1 };
  return [`${last.year}-Q${last.q}`, `${before.year}-Q${before.q}`];
}

type Evidence = [email: string, metric: KpiMetric, value: number, which: 0 | 1, note: string];

export async function seedPromotionEvidence(
  db: Database,
  { ids, now, lastCourseId, contentRoot }: { ids: ReadonlyMap<string, string>; now: Date; lastCourseId: string | undefined; contentRoot: string },
): Promise<void> {
  const id = (email: string) => ids.get(email)!;
  const manager = id('manager@demo.academy');
  const quarters = recentQuarters(now, readServerEnv().COMPANY_TIME_ZONE);
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);

  const evidence: Evidence[] = [
    ['liu.yang@demo.academy', 'target-attainment', 97, 1, 'CRM 季度报表'],
    ['liu.yang@demo.academy', 'target-attainment', 108, 0, 'CRM 季度报表'],
    ['liu.yang@demo.academy', 'customer-satisfaction', 92, 0, '客户回访问卷 42 份'],
    // Close, but the latest quarter is under the 100% bar.
    ['emma.wu@demo.academy', 'target-attainment', 96, 0, 'CRM quarterly report'],
    ['emma.wu@demo.academy', 'customer-satisfaction', 88, 0, 'Revisit survey, 30 replies'],
    // Strong sales, but lead conversion is under the 20% that 高级销售 asks for.
    ['zhao.lei@demo.academy', 'target-attainment', 115, 0, 'CRM 季度报表'],
    ['zhao.lei@demo.academy', 'customer-satisfaction', 93, 0, '客户回访问卷'],
    ['zhao.lei@demo.academy', 'lead-conversion', 18, 0, '线索台账：112 条线索，20 单'],
    ['he.tao@demo.academy', 'target-attainment', 118, 0, 'CRM 季度报表'],
    ['he.tao@demo.academy', 'growth-rate', 12, 0, '同比增长'],
  ];
  for (const [i, [email, metric, valuePercent, which, note]] of evidence.entries()) {
    await recordKpiEvidence(db, { actorId: manager, userId: id(email), metric, valuePercent, period: quarters[which], note, now: at(20 - i) });
  }
  await seedExerciseAttempts(db, { id, at, contentRoot });
  await signOff(db, { actorId: manager, userId: id('liu.yang@demo.academy'), levelId: 'mid', note: '独立跟进了三个重点客户，表现稳定。', now: at(3) });

  // Earlier promotions, so the history on "My path" and in the drill-down is not empty. The two
  // department managers were supervisors for five years first, as manager.yaml asks (handbook 004).
  const MONTH_MS = 30.44 * DAY_MS;
  const admin = id('admin@demo.academy');
  for (const [email, from, to, monthsBefore, by] of [
    ['zhao.lei@demo.academy', 'junior', 'mid', 0, manager],
    ['he.tao@demo.academy', 'mid', 'senior', 0, manager],
    ['manager@demo.academy', 'senior', 'supervisor', 62, admin],
    ['manager@demo.academy', 'supervisor', 'manager', 0, admin],
    ['manager.north@demo.academy', 'senior', 'supervisor', 61, admin],
    ['manager.north@demo.academy', 'supervisor', 'manager', 0, admin],
  ] as const) {
    const user = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, id(email)) });
    if (!user) continue;
    const promotedAt = new Date(user.levelSince.getTime() - monthsBefore * MONTH_MS);
    await db.transaction(async (tx) => {
      await tx.insert(promotions).values({ id: crypto.randomUUID(), userId: user.id, fromLevelId: from, toLevelId: to, promotedBy: by, at: promotedAt });
      await tx.insert(auditLog).values({
        actorId: by,
        action: 'promotion',
        subjectUserId: user.id,
        before: { levelId: from },
        after: { levelId: to, levelSince: promotedAt.toISOString() },
        at: promotedAt,
      });
    });
  }

  // Assignments: one overdue (the last course, which Emma has not reached), two still open.
  const dueIn = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const { curriculum } = contentIndexFromFiles(contentRoot);
  const course = (targetId: string) => ({ targetType: 'course' as const, targetId, moduleIds: currentModules('course', targetId, curriculum) });
  if (lastCourseId) {
    await assign(db, { actorId: manager, userIds: [id('emma.wu@demo.academy')], ...course(lastCourseId), dueAt: at(5), now: at(30) });
    // Due in two days: the demo's "due soon" reminder in 孙丽's inbox.
    await assign(db, { actorId: manager, userIds: [id('sun.li@demo.academy')], ...course(lastCourseId), dueAt: dueIn(2), now: at(3) });
  }
  await assign(db, { actorId: manager, userIds: [id('zhou.min@demo.academy')], ...course('onboarding'), dueAt: dueIn(14), now: at(1) });
  await assign(db, { actorId: manager, userIds: [id('chen.jie@demo.academy')], ...course('sales-skills'), dueAt: dueIn(7), now: at(2) });
}

/**
 * An answer with `mistakes` errors, built from the exercise's own key: a sequence with that many
 * steps moved to the end, a classification with that many cards in the wrong bucket.
 */
function answerWithMistakes(exercise: Exercise, mistakes: number): ExerciseAnswer | null {
  if (exercise.type === 'sequence') {
    const order = exercise.items.map((i) => i.id);
    const moved = order.splice(0, mistakes);
    return { type: 'sequence', order: [...order, ...moved.reverse()] };
  }
  if (exercise.type === 'classify') {
    const buckets = exercise.buckets.map((b) => b.id);
    const placements = Object.fromEntries(
      exercise.cards.map((c, i) => [c.id, i < mistakes ? buckets[(buckets.indexOf(c.bucket) + 1) % buckets.length]! : c.bucket]),
    );
    return { type: 'classify', placements };
  }
  return null;
}

type Practice = [email: string, exerciseId: string, mistakes: number, daysAgo: number];

/**
 * Practice exercises the ladder asks for, scored by the exercise engine: 刘洋 passes both that
 * 中级销售 needs (the sequence on a second go), Emma's classification is under the bar, 陈杰 has
 * tried the sequence once, and the two senior people have done one of theirs each.
 */
async function seedExerciseAttempts(
  db: Database,
  { id, at, contentRoot }: { id: (email: string) => string; at: (daysAgo: number) => Date; contentRoot: string },
): Promise<void> {
  const exercises = new Map<string, Exercise>();
  for (const f of readContentTree(contentRoot)) {
    const match = /^exercises\/([^/]+)\.yaml$/.exec(f.path);
    const parsed = match ? exerciseSchema.safeParse(f.data) : undefined;
    if (match && parsed?.success) exercises.set(match[1]!, parsed.data);
  }
  const practice: Practice[] = [
    ['liu.yang@demo.academy', 'sales-cycle-order', 2, 12],
    ['liu.yang@demo.academy', 'sales-cycle-order', 0, 11],
    ['liu.yang@demo.academy', 'lead-grading-abc', 1, 10],
    ['emma.wu@demo.academy', 'lead-grading-abc', 3, 9],
    ['chen.jie@demo.academy', 'sales-cycle-order', 3, 8],
    ['zhao.lei@demo.academy', 'complaint-handling-steps', 0, 7],
    ['he.tao@demo.academy', 'duties-to-posts', 1, 6],
  ];
  for (const [email, exerciseId, mistakes, daysAgo] of practice) {
    const exercise = exercises.get(exerciseId);
    const answer = exercise && answerWithMistakes(exercise, mistakes);
    const result = exercise && answer && scoreExercise(exercise, answer, 'zh');
    // Content that no longer has the exercise (or changed its type) just leaves the demo without it.
    if (!result) continue;
    const finishedAt = at(daysAgo);
    const startedAt = new Date(finishedAt.getTime() - 9 * 60 * 1000);
    const open = { userId: id(email), exerciseId, initialState: { seed: 1, answer } };
    await startOrResumeAttempt(db, { ...open, now: startedAt });
    await submitOpenAttempt(db, { ...open, now: finishedAt }, () => ({
      state: { seed: 1, answer },
      result,
      score: result.score,
      maxScore: result.maxScore,
      percent: result.percent,
      passed: result.passed,
    }));
  }
}
