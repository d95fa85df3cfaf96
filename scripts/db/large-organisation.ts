/**
 * A synthetic company for measuring the app at scale: by default 10,000 learners in 500 teams
 * (the first 20 teams of 50 people, the rest of about 19), a manager per team, a million quiz
 * attempts against the real quizzes in content/, and the completions, learning events, KPI
 * evidence, sign-offs, promotions and assignments around them.
 *
 * Speed comes from multi-row INSERTs (hundreds of rows per statement) inside large transactions,
 * with rows written in key order (ids count up, each person's rows together) so every index grows
 * at its end. Everything is drawn from a seeded generator: with the same content/, two runs build
 * the same company.
 */
import type { InValue, Transaction } from '@libsql/client';
import { count } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Database } from '../../src/lib/platform/server/db';
import { readContentTree } from '../../src/lib/content/server/content-files';
import { wallTime } from '../../src/lib/dates';
import { readServerEnv } from '../../src/lib/platform/server/env';
import { parseModuleEntryId } from '../../src/lib/content/module-ids';
import { quizSchema, type Quiz } from '../../src/schemas/quiz';
import { moduleSchema } from '../../src/schemas/module';
import { levelSchema } from '../../src/schemas/level';

export interface LargeSeedOptions {
  learners: number;
  quizAttempts: number;
  teams: number;
  /** How many of the teams have 50 people (the benchmark loads one of them). */
  bigTeams: number;
  bigTeamSize: number;
  passwordHash: string;
  contentRoot?: string;
  now?: Date;
  /** Called after every statement with rows written so far and the total planned. */
  progress?: (written: number, total: number, phase: string) => void;
  log?: (line: string) => void;
}

export const LARGE_DEFAULTS = { learners: 10_000, quizAttempts: 1_000_000, teams: 500, bigTeams: 20, bigTeamSize: 50 } as const;
export const LARGE_EMAIL_DOMAIN = 'large.academy';
/** The team the dashboard benchmark loads: 50 people, led by manager0001@large.academy. */
export const BENCH_TEAM_ID = 'team-0001';

/** Small deterministic PRNG (mulberry32). */
function generator(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** UUID-shaped ids that count up, so inserts append to every index instead of splitting pages. */
const idOf = (kind: number, n: number) => `5eed${kind.toString(16).padStart(4, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞鑫波宇浩凯斌宁辉健婷倩雪琳晨欣悦佳怡子轩梓涵一诺思远博文雨桐浩然';
const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];

interface CurriculumModule {
  moduleId: string;
  quizId: string | undefined;
}

interface Curriculum {
  modules: CurriculumModule[];
  quizzes: Map<string, Quiz>;
  levels: { id: string; order: number }[];
  exerciseIds: string[];
}

function loadCurriculum(contentRoot: string): Curriculum {
  const files = readContentTree(contentRoot);
  const courseOrder = new Map<string, number>();
  for (const f of files) {
    const m = /^courses\/([^/]+)\/course\.yaml$/.exec(f.path);
    if (m) courseOrder.set(m[1]!, Number((f.data as { order?: number })?.order ?? 0));
  }
  const modules: (CurriculumModule & { courseOrder: number; order: number })[] = [];
  const quizzes = new Map<string, Quiz>();
  const levels: { id: string; order: number }[] = [];
  const exerciseIds: string[] = [];
  for (const f of files) {
    const quizMatch = /^quizzes\/([^/]+)\.yaml$/.exec(f.path);
    const quiz = quizMatch ? quizSchema.safeParse(f.data) : undefined;
    if (quizMatch && quiz?.success) quizzes.set(quizMatch[1]!, quiz.data);
    const levelMatch = /^levels\/([^/]+)\.yaml$/.exec(f.path);
    const level = levelMatch ? levelSchema.safeParse(f.data) : undefined;
    // The synthetic company runs the office ladder, the one every installation has switched on.
    if (levelMatch && level?.success && level.data.track === 'office') levels.push({ id: levelMatch[1]!, order: level.data.order });
    const exerciseMatch = /^exercises\/([^/]+)\.yaml$/.exec(f.path);
    if (exerciseMatch) exerciseIds.push(exerciseMatch[1]!);
    const id = f.path.startsWith('courses/') && f.path.endsWith('.zh.mdx') ? parseModuleEntryId(f.path.slice(8, -4)) : null;
    const frontmatter = id ? moduleSchema.safeParse(f.data) : undefined;
    if (id && frontmatter?.success) {
      modules.push({ moduleId: id.moduleId, quizId: frontmatter.data.quiz, courseOrder: courseOrder.get(id.courseId) ?? 0, order: frontmatter.data.order });
    }
  }
  modules.sort((a, b) => a.courseOrder - b.courseOrder || a.order - b.order);
  levels.sort((a, b) => a.order - b.order);
  if (modules.length === 0 || quizzes.size === 0 || levels.length === 0) {
    throw new Error(`No modules, quizzes or levels found under ${contentRoot}; the large seed draws on the real content.`);
  }
  return { modules: modules.map(({ moduleId, quizId }) => ({ moduleId, quizId: quizId && quizzes.has(quizId) ? quizId : undefined })), quizzes, levels, exerciseIds };
}

/**
 * Buffers rows per table and writes them as multi-row INSERTs, committing every `rowsPerCommit`
 * rows. SQLite allows 32,766 bound values per statement; 400 rows stay well inside that.
 */
class BulkWriter {
  #tx: Transaction | null = null;
  #buffers = new Map<string, { columns: readonly string[]; rows: InValue[][] }>();
  #sinceCommit = 0;
  written = 0;

  constructor(
    private readonly db: Database,
    private readonly onWritten: () => void,
    private readonly rowsPerCommit = 250_000,
  ) {}

  async add(table: string, columns: readonly string[], row: InValue[]): Promise<void> {
    let buffer = this.#buffers.get(table);
    if (!buffer) this.#buffers.set(table, (buffer = { columns, rows: [] }));
    buffer.rows.push(row);
    if (buffer.rows.length >= Math.min(400, Math.floor(32_000 / columns.length))) {
      await this.#flush(table);
      // Rows of one table never reference another table's rows of the same phase, so a
      // commit may fall between any two statements.
      if (this.#sinceCommit >= this.rowsPerCommit) await this.commit();
    }
  }

  async #flush(table: string): Promise<void> {
    const buffer = this.#buffers.get(table);
    if (!buffer || buffer.rows.length === 0) return;
    const rows = buffer.rows;
    buffer.rows = [];
    this.#tx ??= await this.db.$client.transaction('write');
    const tuple = `(${buffer.columns.map(() => '?').join(',')})`;
    await this.#tx.execute({
      sql: `INSERT INTO ${table} (${buffer.columns.join(',')}) VALUES ${new Array(rows.length).fill(tuple).join(',')}`,
      args: rows.flat(),
    });
    this.written += rows.length;
    this.#sinceCommit += rows.length;
    this.onWritten();
  }

  /** Writes everything buffered and commits: call between phases whose rows reference each other. */
  async commit(): Promise<void> {
    for (const table of this.#buffers.keys()) await this.#flush(table);
    if (this.#tx) await this.#tx.commit();
    this.#tx = null;
    this.#sinceCommit = 0;
  }

  close(): void {
    this.#tx?.close();
    this.#tx = null;
  }
}

const TABLES_CHILD_FIRST = [
  'audit_log', 'invites', 'assignments', 'promotions', 'sign_offs', 'kpi_evidence', 'learning_events', 'exercise_attempts',
  'quiz_attempts', 'module_completions', 'login_throttle', 'sessions', 'team_members', 'teams', 'users',
];

export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

/** Removes every row the app keeps, in one transaction (the --force path). */
export async function emptyDatabase(db: Database): Promise<void> {
  await db.$client.batch(TABLES_CHILD_FIRST.map((t) => `DELETE FROM ${t}`), 'write');
}

/**
 * The large seed only goes into an empty database: a real company's data must never be mixed
 * with synthetic people. With `force`, every row is deleted first. Says what it did.
 */
export async function prepareForLargeSeed(db: Database, { force }: { force: boolean }): Promise<'empty' | 'emptied'> {
  if (await isEmpty(db)) return 'empty';
  if (!force) {
    throw new Error('The database already has people, so nothing was added. Point DATABASE_URL at a new file, or add --force to delete every row first.');
  }
  await emptyDatabase(db);
  return 'emptied';
}

interface LearnerPlan {
  index: number;
  id: string;
  teamIndex: number;
  levelIndex: number;
  skill: number;
  /** Modules completed, in curriculum order. */
  completed: number;
  attempts: number;
  joinedAt: number;
}

/** Splits `total` into whole shares proportional to `weights` (largest remainder), summing exactly. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const raw = weights.map((w) => (w / sum) * total);
  const shares = raw.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    shares[i]! += 1;
  }
  return shares;
}

/** Team sizes: `bigTeams` teams of `bigTeamSize`, the rest of the learners spread over the others. */
export function teamSizes({ learners, teams, bigTeams, bigTeamSize }: Pick<LargeSeedOptions, 'learners' | 'teams' | 'bigTeams' | 'bigTeamSize'>): number[] {
  const big = Math.min(bigTeams, teams, Math.floor(learners / bigTeamSize));
  const rest = learners - big * bigTeamSize;
  const small = teams - big;
  return [...new Array<number>(big).fill(bigTeamSize), ...apportion(rest, new Array<number>(small).fill(1))];
}

const DAY = 24 * 60 * 60 * 1000;

export async function seedLargeOrganisation(db: Database, options: LargeSeedOptions): Promise<{ rows: number }> {
  const { contentRoot = process.env.CONTENT_DIR ?? 'content', now = new Date(), log = () => {}, progress = () => {} } = options;
  const random = generator(20_261_123);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const curriculum = loadCurriculum(contentRoot);
  const { modules, quizzes, levels } = curriculum;
  const quizQuestions = new Map([...quizzes].map(([id, q]) => [id, q.questions]));

  // Plan first, so the total is known and the progress display can say how far along it is.
  const sizes = teamSizes(options);
  const teamOf: number[] = sizes.flatMap((size, team) => new Array<number>(size).fill(team));
  const learnerLevels = levels.slice(0, Math.max(1, levels.length - 1));
  const plans: LearnerPlan[] = teamOf.map((teamIndex, index) => {
    const levelIndex = Math.min(learnerLevels.length - 1, Math.floor(random() ** 1.6 * learnerLevels.length));
    const progressShare = Math.min(1, random() ** 0.8 * (0.6 + levelIndex * 0.25));
    return {
      index,
      id: idOf(1, index + 1),
      teamIndex,
      levelIndex,
      skill: 0.5 + random() * 0.45,
      completed: Math.round(progressShare * modules.length),
      attempts: 0,
      joinedAt: now.getTime() - Math.round((30 + random() * 700) * DAY),
    };
  });
  // Attempts follow how far people got: someone who reached more quizzes took more of them.
  const reachedQuizzes = (p: LearnerPlan) => modules.slice(0, Math.min(modules.length, p.completed + 1)).filter((m) => m.quizId).length;
  apportion(options.quizAttempts, plans.map((p) => reachedQuizzes(p) * (0.5 + random()))).forEach((n, i) => (plans[i]!.attempts = n));

  const managers = sizes.length;
  const staff = 13; // 10 trainers, 3 admins
  const completions = plans.reduce((sum, p) => sum + p.completed, 0);
  const views = plans.reduce((sum, p) => sum + Math.min(modules.length, p.completed + 1), 0);
  const signOffShare = 0.15;
  const total =
    plans.length + managers + staff + managers + plans.length + completions * 2 + views + options.quizAttempts * 2 + plans.length * 4;
  let phase = 'people';
  const writer = new BulkWriter(db, () => progress(writer.written, Math.max(total, writer.written), phase));

  try {
    log(`  ${plans.length.toLocaleString('en')} learners in ${sizes.length} teams, ${options.quizAttempts.toLocaleString('en')} quiz attempts, ~${total.toLocaleString('en')} rows`);
    const userColumns = ['id', 'email', 'name', 'password_hash', 'role', 'level_id', 'level_since', 'locale', 'active', 'created_at'];
    const topLevel = levels[levels.length - 1]!.id;
    const nameOf = (n: number) => `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}${n % 3 === 0 ? GIVEN[(n * 13) % GIVEN.length] : ''}`;
    for (const p of plans) {
      const level = learnerLevels[p.levelIndex]!;
      const levelSince = Math.max(p.joinedAt, now.getTime() - Math.round(random() * 400 * DAY));
      await writer.add('users', userColumns, [
        p.id, `learner${String(p.index + 1).padStart(5, '0')}@${LARGE_EMAIL_DOMAIN}`, nameOf(p.index), options.passwordHash, 'learner',
        level.id, levelSince, random() < 0.1 ? 'en' : 'zh', 1, p.joinedAt,
      ]);
    }
    const managerId = (team: number) => idOf(2, team + 1);
    for (let team = 0; team < managers; team++) {
      await writer.add('users', userColumns, [
        managerId(team), `manager${String(team + 1).padStart(4, '0')}@${LARGE_EMAIL_DOMAIN}`, `经理 ${nameOf(team + 50_000)}`, options.passwordHash,
        'manager', topLevel, now.getTime() - 800 * DAY, 'zh', 1, now.getTime() - 900 * DAY,
      ]);
    }
    for (let s = 0; s < staff; s++) {
      const role = s < 10 ? 'trainer' : 'admin';
      await writer.add('users', userColumns, [
        idOf(3, s + 1), `${role}${s + 1}@${LARGE_EMAIL_DOMAIN}`, `${role === 'trainer' ? '培训师' : '管理员'} ${nameOf(s + 60_000)}`, options.passwordHash,
        role, topLevel, now.getTime() - 800 * DAY, 'zh', 1, now.getTime() - 900 * DAY,
      ]);
    }
    await writer.commit();

    phase = 'teams';
    for (let team = 0; team < managers; team++) {
      const region = REGIONS[team % REGIONS.length]!;
      await writer.add('teams', ['id', 'name', 'manager_id', 'created_at'], [
        `team-${String(team + 1).padStart(4, '0')}`, `${region}销售${String(team + 1).padStart(3, '0')}组 ${sizes[team]! >= options.bigTeamSize ? '(50)' : ''}`.trim(), managerId(team), now.getTime() - 900 * DAY,
      ]);
    }
    await writer.commit();
    for (const p of plans) {
      await writer.add('team_members', ['user_id', 'team_id', 'created_at'], [p.id, `team-${String(p.teamIndex + 1).padStart(4, '0')}`, p.joinedAt]);
    }
    await writer.commit();

    phase = 'activity';
    const attemptColumns = ['id', 'user_id', 'quiz_id', 'answers', 'result', 'seed', 'score', 'max_score', 'percent', 'passed', 'started_at', 'finished_at'];
    const eventColumns = ['user_id', 'type', 'subject', 'data', 'at'];
    let attemptNo = 0;
    for (const p of plans) {
      const span = now.getTime() - p.joinedAt;
      const reached = modules.slice(0, Math.min(modules.length, p.completed + 1));
      // Module j opens at step j of the person's time here; completed ones finish 40–140 minutes later.
      const openedAt = reached.map((_, j) => p.joinedAt + Math.round(((j + 0.2) / (reached.length + 1)) * span));
      const events: { at: number; row: InValue[] }[] = [];
      for (const [j, m] of reached.entries()) {
        events.push({ at: openedAt[j]!, row: [p.id, 'module.viewed', m.moduleId, null, openedAt[j]!] });
        if (j < p.completed) {
          const doneAt = openedAt[j]! + Math.round((40 + random() * 100) * 60_000);
          await writer.add('module_completions', ['user_id', 'module_id', 'completed_at'], [p.id, m.moduleId, doneAt]);
          events.push({ at: doneAt, row: [p.id, 'module.completed', m.moduleId, null, doneAt] });
        }
      }
      const quizModules = reached.map((m, j) => ({ quizId: m.quizId, at: openedAt[j]! })).filter((m): m is { quizId: string; at: number } => !!m.quizId);
      const fallbackQuiz = modules.find((m) => m.quizId)?.quizId;
      const times: { quizId: string; at: number }[] = [];
      for (let k = 0; k < p.attempts; k++) {
        const target = quizModules.length > 0 ? pick(quizModules) : { quizId: fallbackQuiz!, at: p.joinedAt };
        times.push({ quizId: target.quizId, at: target.at + Math.round(random() * Math.max(DAY, now.getTime() - target.at - DAY)) });
      }
      times.sort((a, b) => a.at - b.at);
      const triesSoFar = new Map<string, number>();
      for (const { quizId, at } of times) {
        const tries = (triesSoFar.get(quizId) ?? 0) + 1;
        triesSoFar.set(quizId, tries);
        const skill = Math.min(0.98, p.skill + (tries - 1) * 0.04);
        const quiz = quizzes.get(quizId)!;
        const result = quizQuestions.get(quizId)!.map((q) => {
          const correct = random() < skill;
          if (q.type === 'single' || q.type === 'multiple') {
            const right = q.options.filter((o) => o.correct).map((o) => o.id);
            const wrong = q.options.filter((o) => !o.correct).map((o) => o.id);
            return { questionId: q.id, correct, points: correct ? 1 : 0, chosen: correct || wrong.length === 0 ? right : [pick(wrong)] };
          }
          if (q.type === 'true-false') return { questionId: q.id, correct, points: correct ? 1 : 0, chosen: [String(correct ? q.answer : !q.answer)] };
          return { questionId: q.id, correct, points: correct ? 1 : 0, chosen: [] };
        });
        const score = result.filter((r) => r.correct).length;
        const percent = Math.round((score / result.length) * 1000) / 10;
        const id = idOf(4, ++attemptNo);
        const passed = percent >= quiz.passPercent;
        await writer.add('quiz_attempts', attemptColumns, [id, p.id, quizId, '{}', JSON.stringify(result), 0, score, result.length, percent, passed ? 1 : 0, at - 6 * 60_000, at]);
        events.push({ at, row: [p.id, 'quiz.submitted', quizId, JSON.stringify({ attemptId: id, percent, passed }), at] });
      }
      events.sort((a, b) => a.at - b.at);
      for (const e of events) await writer.add('learning_events', eventColumns, e.row);
    }
    await writer.commit();

    phase = 'evidence';
    const today = wallTime(now, readServerEnv().COMPANY_TIME_ZONE);
    const quarter = `${today.year}-Q${Math.floor((today.month - 1) / 3) + 1}`;
    const kpis = [
      ['target-attainment', 70, 60],
      ['customer-satisfaction', 75, 25],
      ['lead-conversion', 5, 40],
      ['growth-rate', -10, 40],
    ] as const;
    let n = 0;
    for (const p of plans) {
      const manager = managerId(p.teamIndex);
      for (const [metric, base, spread] of kpis) {
        if (random() < 0.35) continue;
        await writer.add('kpi_evidence', ['id', 'user_id', 'metric', 'value_percent', 'period', 'note', 'recorded_by', 'recorded_at'], [
          idOf(5, ++n), p.id, metric, Math.round((base + random() * spread) * 10) / 10, quarter, '', manager, now.getTime() - Math.round(random() * 60 * DAY),
        ]);
      }
      const next = levels[p.levelIndex + 1];
      if (next && random() < signOffShare) {
        await writer.add('sign_offs', ['id', 'user_id', 'level_id', 'manager_id', 'note', 'at'], [idOf(6, ++n), p.id, next.id, manager, '', now.getTime() - Math.round(random() * 30 * DAY)]);
      }
      if (p.levelIndex > 0 && random() < 0.3) {
        await writer.add('promotions', ['id', 'user_id', 'from_level_id', 'to_level_id', 'promoted_by', 'at'], [
          idOf(7, ++n), p.id, levels[p.levelIndex - 1]!.id, levels[p.levelIndex]!.id, manager, p.joinedAt + Math.round((now.getTime() - p.joinedAt) / 2),
        ]);
      }
      if (random() < 0.3) {
        const target = modules[Math.min(modules.length - 1, p.completed + Math.floor(random() * 3))]!;
        await writer.add('assignments', ['id', 'user_id', 'target_type', 'target_id', 'module_ids', 'due_at', 'assigned_by', 'created_at'], [
          idOf(8, ++n), p.id, 'module', target.moduleId, JSON.stringify([target.moduleId]), now.getTime() + Math.round((random() * 40 - 15) * DAY), manager, now.getTime() - 20 * DAY,
        ]);
      }
      if (curriculum.exerciseIds.length > 0 && p.completed > modules.length / 3) {
        const exerciseId = pick(curriculum.exerciseIds);
        const percent = Math.round(Math.min(100, p.skill * 100 + (random() - 0.5) * 30));
        const finished = now.getTime() - Math.round(random() * 90 * DAY);
        await writer.add(
          'exercise_attempts',
          ['id', 'user_id', 'exercise_id', 'status', 'state', 'result', 'score', 'max_score', 'percent', 'started_at', 'updated_at', 'finished_at', 'duration_ms'],
          [idOf(9, ++n), p.id, exerciseId, 'submitted', '{}', null, percent, 100, percent, finished - 600_000, finished, finished, 600_000],
        );
      }
    }
    await writer.commit();
  } finally {
    writer.close();
  }
  progress(writer.written, writer.written, 'done');
  return { rows: writer.written };
}
