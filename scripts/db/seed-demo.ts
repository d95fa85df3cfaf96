import { count } from 'drizzle-orm';
import { teamMembers, teams, users } from '../../db/schema';
import type { Database } from '../../src/lib/platform/server/db';
import { hashPassword } from '../../src/lib/auth/server/passwords';
import { readContentTree } from '../../src/lib/content/server/content-files';
import { levelSchema } from '../../src/schemas/level';
import { quizSchema, type Quiz } from '../../src/schemas/quiz';
import { moduleSchema } from '../../src/schemas/module';
import { gradeQuiz, type Answers } from '../../src/lib/quiz/grading';
import { parseModuleEntryId } from '../../src/lib/content/module-ids';
import { completeModule, recordModuleView } from '../../src/lib/learning-records/server/progress';
import { recordQuizAttempt } from '../../src/lib/quiz/server/attempts';
import { DEMO_PASSWORD, demoPeople, demoSecondTeam, demoTeam } from './demo-organisation';
import { demoCompletableModules } from './demo-completions';
import { seedPromotionEvidence } from './seed-promotion';
import { seedBoosterHistory } from './seed-boosters';
import { seedCoaching } from './seed-coaching';
import { readServerEnv } from '../../src/lib/platform/server/env';

/** Small deterministic PRNG so every demo database looks the same. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface CurriculumModule {
  moduleId: string;
  courseOrder: number;
  order: number;
  quizId: string | undefined;
}

function loadCurriculum(contentRoot: string) {
  const files = readContentTree(contentRoot);
  const courseOrder = new Map<string, number>();
  for (const f of files) {
    const m = /^courses\/([^/]+)\/course\.yaml$/.exec(f.path);
    if (m) courseOrder.set(m[1]!, Number((f.data as { order?: number })?.order ?? 0));
  }
  const modules: CurriculumModule[] = [];
  const quizzes = new Map<string, Quiz>();
  for (const f of files) {
    const quizMatch = /^quizzes\/([^/]+)\.yaml$/.exec(f.path);
    // Invalid files are skipped: content:check reports them, and the demo should still start.
    const quiz = quizMatch ? quizSchema.safeParse(f.data) : undefined;
    if (quizMatch && quiz?.success) quizzes.set(quizMatch[1]!, quiz.data);
    const id = f.path.startsWith('courses/') && f.path.endsWith('.zh.mdx') ? parseModuleEntryId(f.path.slice(8, -4)) : null;
    const frontmatter = id ? moduleSchema.safeParse(f.data) : undefined;
    if (id && frontmatter?.success) {
      const data = frontmatter.data;
      modules.push({ moduleId: id.moduleId, courseOrder: courseOrder.get(id.courseId) ?? 0, order: data.order, quizId: data.quiz });
    }
  }
  modules.sort((a, b) => a.courseOrder - b.courseOrder || a.order - b.order);
  // Demo people work through what the ladder asks of them first; an elective no level requires
  // (such as the auto-parts course) comes after it, so adding one changes nobody's story except
  // that those who have done everything have done it too.
  const required = new Set<string>();
  for (const f of files) {
    const level = /^levels\/[^/]+\.yaml$/.test(f.path) ? levelSchema.safeParse(f.data) : undefined;
    if (!level?.success) continue;
    for (const c of level.data.criteria.courses) required.add(c);
    for (const m of level.data.criteria.modules) required.add(m);
  }
  const isRequired = (m: CurriculumModule) => required.has(m.moduleId) || required.has(m.moduleId.split('/')[0]!);
  const onLadder = modules.filter(isRequired);
  return { modules: [...onLadder, ...modules.filter((m) => !isRequired(m))], ladderModuleCount: onLadder.length || modules.length, quizzes, files };
}

/** Answers a quiz the way a learner of the given skill might: each question right with that chance. */
function simulatedAnswers(quiz: Quiz, skill: number, random: () => number): Answers {
  const answers: Answers = {};
  for (const q of quiz.questions) {
    const right = random() < skill;
    if (q.type === 'true-false') answers[q.id] = right ? q.answer : !q.answer;
    else if (q.type === 'ordering') answers[q.id] = right ? q.items.map((i) => i.id) : q.items.map((i) => i.id).reverse();
    else if (q.type === 'matching') answers[q.id] = Object.fromEntries(q.pairs.map((p, i) => [p.id, right ? p.id : q.pairs[(i + 1) % q.pairs.length]!.id]));
    else if (q.type === 'numeric') answers[q.id] = String(right ? q.answer : q.answer + q.tolerance + 1);
    else {
      const correct = q.options.filter((o) => o.correct).map((o) => o.id);
      const wrong = q.options.filter((o) => !o.correct).map((o) => o.id);
      answers[q.id] = right ? correct : [wrong[Math.floor(random() * wrong.length)] ?? correct[0]!];
    }
  }
  return answers;
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

/**
 * Fills an empty database with the demo organisation. Progress goes to `log` step by step;
 * refuses to touch a database that already has users.
 */
export async function seedDemoOrganisation(
  db: Database,
  { contentRoot = process.env.CONTENT_DIR ?? 'content', now = new Date(), log = (_line: string) => {} } = {},
): Promise<void> {
  if (!(await isDatabaseEmpty(db))) {
    throw new Error('The database already has users, so the demo organisation was not added. To start over, stop the server and delete the database file (data/academy.db by default).');
  }
  const random = mulberry32(20261123);
  const { modules, ladderModuleCount, quizzes, files } = loadCurriculum(contentRoot);
  const monthMs = 30 * 24 * 60 * 60 * 1000;

  log(`  1/3 people: ${demoPeople.length} accounts`);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (const p of demoPeople) {
      const id = crypto.randomUUID();
      ids.set(p.email, id);
      await tx.insert(users).values({
        id, email: p.email, name: p.name, role: p.role, passwordHash, levelId: p.levelId,
        levelSince: new Date(now.getTime() - p.monthsAtLevel * monthMs), locale: p.locale,
      });
    }
    log('  2/3 teams: two managers, nine learners');
    const managerId = ids.get('manager@demo.academy')!;
    await tx.insert(teams).values({ id: demoTeam.id, name: demoTeam.name, managerId });
    await tx.insert(teams).values({ id: demoSecondTeam.id, name: demoSecondTeam.name, managerId: ids.get(demoSecondTeam.managerEmail)! });
    for (const p of demoPeople.filter((p) => p.onTeam)) {
      await tx.insert(teamMembers).values({ userId: ids.get(p.email)!, teamId: p.teamId ?? demoTeam.id });
    }
  });

  const learners = demoPeople.filter((p) => p.progress > 0);
  // Its own generator, so view times do not shift the quiz answers drawn from `random`.
  const viewRandom = mulberry32(5);
  for (const [i, p] of learners.entries()) {
    log(`  3/3 progress ${i + 1}/${learners.length}: ${p.name}`);
    const userId = ids.get(p.email)!;
    // Completions come from a fixed list, never "every module that exists": a new module stays new.
    const completable = modules.filter((m) => demoCompletableModules.has(m.moduleId));
    const done = p.progress >= 1 ? completable : completable.slice(0, Math.round(Math.min(ladderModuleCount, completable.length) * p.progress));
    for (const [j, m] of done.entries()) {
      const at = new Date(now.getTime() - (done.length - j) * 2 * 24 * 60 * 60 * 1000);
      const quiz = m.quizId ? quizzes.get(m.quizId) : undefined;
      if (m.quizId && quiz) {
        // A weaker learner often needs a second go; the better attempt is what counts.
        const tries = random() > p.skill ? 2 : 1;
        for (let k = 0; k < tries; k++) {
          const answers = simulatedAnswers(quiz, Math.min(1, p.skill + k * 0.2), random);
          const startedAt = new Date(at.getTime() - (tries - k) * 15 * 60 * 1000);
          await recordQuizAttempt(db, {
            userId, quizId: m.quizId, answers, result: gradeQuiz(quiz, answers, p.locale),
            startedAt, finishedAt: new Date(startedAt.getTime() + 6 * 60 * 1000),
          });
        }
      }
      // Opened 40 to 140 minutes before finishing: what content analytics times.
      const viewedAt = new Date(at.getTime() - (40 + Math.round(viewRandom() * 100)) * 60 * 1000);
      await recordModuleView(db, userId, m.moduleId, viewedAt);
      await completeModule(db, userId, m.moduleId, at);
    }
    // Partway through: the next module is open but not finished.
    const next = completable[done.length];
    const last = done.length > 0 ? now.getTime() - 2 * 24 * 60 * 60 * 1000 : now.getTime();
    if (next) await recordModuleView(db, userId, next.moduleId, new Date(last + 10 * 60 * 1000));
  }

  log('  + promotion evidence: KPIs, a sign-off, past promotions, assignments (one overdue)');
  await seedPromotionEvidence(db, { ids, now, lastCourseId: modules[ladderModuleCount - 1]?.moduleId.split('/')[0], contentRoot });

  log('  + boosters: 孙丽 has reviewed for twelve days; what she missed is due again today');
  await seedBoosterHistory(db, ids.get('sun.li@demo.academy')!, { files, now, skill: 0.75 });
  log('  + coaching: observations of 陈杰 (one waiting for him) and 赵磊');
  await seedCoaching(db, { ids, now, contentRoot, zone: readServerEnv().COMPANY_TIME_ZONE });
}
