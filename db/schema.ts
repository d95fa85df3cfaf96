/**
 * The data model of Sales Academy. Content (courses, modules, quizzes, exercises, levels) lives
 * in files under content/; the database holds people, their sessions and everything they did.
 * Content is referenced by its stable string id ("course/module", quiz id, level id).
 */
import { sql } from 'drizzle-orm';
import { blob, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const roles = ['learner', 'trainer', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash'),
  role: text('role', { enum: roles }).notNull().default('learner'),
  levelId: text('level_id').notNull(),
  levelSince: integer('level_since', { mode: 'timestamp_ms' }).notNull(),
  locale: text('locale', { enum: ['zh', 'en'] }).notNull().default('zh'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** The HR/CRM employee number (工号), when known: KPI files from a CRM name people by it. */
  employeeNumber: text('employee_number').unique(),
  createdAt: createdAt(),
});

export const teams = sqliteTable(
  'teams',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    managerId: text('manager_id').references(() => users.id),
    parentTeamId: text('parent_team_id'),
    createdAt: createdAt(),
  },
  (t) => [index('teams_manager_idx').on(t.managerId)],
);

/** A learner belongs to at most one team. */
export const teamMembers = sqliteTable(
  'team_members',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    joinedAt: createdAt(),
  },
  (t) => [index('team_members_team_idx').on(t.teamId)],
);

/** Lucia-style sessions: the token is "id.secret"; only the secret's SHA-256 is kept. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed logins per key ("account:<email>" or "ip:<address>") within the current window. */
export const loginThrottle = sqliteTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: integer('window_started_at', { mode: 'timestamp_ms' }).notNull(),
});

export const moduleCompletions = sqliteTable(
  'module_completions',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('module_completions_user_module_idx').on(t.userId, t.moduleId)],
);

export const quizAttempts = sqliteTable(
  'quiz_attempts',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    quizId: text('quiz_id').notNull(),
    /** Every answer as given, keyed by question id (JSON). */
    answers: text('answers', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    /** Per-question outcome as graded (JSON), so a past attempt can be reviewed as it was. */
    result: text('result', { mode: 'json' }).notNull().$type<unknown>(),
    /** Seed of the per-attempt shuffle and question draw. */
    seed: integer('seed').notNull().default(0),
    score: real('score').notNull(),
    maxScore: real('max_score').notNull(),
    percent: real('percent').notNull(),
    passed: integer('passed', { mode: 'boolean' }).notNull(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }).notNull(),
    /** Client-chosen key that makes a retried submission land once. */
    idempotencyKey: text('idempotency_key'),
    /** When a trainer last re-graded this attempt against a corrected key (audit-logged); null if never. */
    regradedAt: integer('regraded_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    // Covering indexes: the manager dashboard's best/average/latest per person and quiz, and the
    // trainers' per-quiz totals, are answered from the index alone (see bench/RESULTS.md).
    index('quiz_attempts_user_quiz_score_idx').on(t.userId, t.quizId, t.percent, t.finishedAt),
    index('quiz_attempts_quiz_score_idx').on(t.quizId, t.percent, t.passed),
    uniqueIndex('quiz_attempts_idempotency_idx').on(t.userId, t.idempotencyKey),
  ],
);

export const exerciseAttempts = sqliteTable(
  'exercise_attempts',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    exerciseId: text('exercise_id').notNull(),
    status: text('status', { enum: ['in-progress', 'submitted'] }).notNull(),
    /** The learner's work so far (JSON): resumable while in progress, the full answer once submitted. */
    state: text('state', { mode: 'json' }).notNull().$type<unknown>(),
    result: text('result', { mode: 'json' }).$type<unknown>(),
    score: real('score'),
    maxScore: real('max_score'),
    percent: real('percent'),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
    durationMs: integer('duration_ms'),
    idempotencyKey: text('idempotency_key'),
    /** Bumped by every stored save; a save that names an older revision came from a stale tab. */
    revision: integer('revision').notNull().default(0),
  },
  (t) => [
    index('exercise_attempts_user_exercise_idx').on(t.userId, t.exerciseId),
    index('exercise_attempts_exercise_idx').on(t.exerciseId),
    uniqueIndex('exercise_attempts_idempotency_idx').on(t.userId, t.idempotencyKey),
  ],
);

/** Append-only record of what learners did; never updated or deleted by the application. */
export const learningEvents = sqliteTable(
  'learning_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    subject: text('subject').notNull(),
    data: text('data', { mode: 'json' }).$type<unknown>(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('learning_events_user_at_idx').on(t.userId, t.at),
    index('learning_events_subject_idx').on(t.subject),
    // Content analytics: who opened which module, and when, without reading the table.
    index('learning_events_type_subject_idx').on(t.type, t.subject, t.userId, t.at),
  ],
);

export const kpiMetrics = ['target-attainment', 'customer-satisfaction', 'lead-conversion', 'growth-rate'] as const;

export const kpiEvidence = sqliteTable(
  'kpi_evidence',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    metric: text('metric', { enum: kpiMetrics }).notNull(),
    valuePercent: real('value_percent').notNull(),
    period: text('period').notNull(),
    note: text('note').notNull().default(''),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('kpi_evidence_user_idx').on(t.userId)],
);

export const signOffs = sqliteTable(
  'sign_offs',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    levelId: text('level_id').notNull(),
    managerId: text('manager_id')
      .notNull()
      .references(() => users.id),
    note: text('note').notNull().default(''),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sign_offs_user_idx').on(t.userId)],
);

export const promotions = sqliteTable(
  'promotions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fromLevelId: text('from_level_id').notNull(),
    toLevelId: text('to_level_id').notNull(),
    promotedBy: text('promoted_by')
      .notNull()
      .references(() => users.id),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('promotions_user_idx').on(t.userId)],
);

export const assignments = sqliteTable(
  'assignments',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    targetType: text('target_type', { enum: ['course', 'module'] }).notNull(),
    targetId: text('target_id').notNull(),
    dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
    assignedBy: text('assigned_by')
      .notNull()
      .references(() => users.id),
    /** The module ids the target held when it was assigned (JSON); null for assignments made before this was kept. */
    moduleIds: text('module_ids', { mode: 'json' }).$type<string[]>(),
    createdAt: createdAt(),
  },
  (t) => [index('assignments_user_idx').on(t.userId)],
);

/** Who changed what about whom: before and after, never edited. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actorId: text('actor_id')
      .notNull()
      .references(() => users.id),
    action: text('action').notNull(),
    subjectUserId: text('subject_user_id'),
    before: text('before', { mode: 'json' }).$type<unknown>(),
    after: text('after', { mode: 'json' }).$type<unknown>(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('audit_log_subject_idx').on(t.subjectUserId, t.at)],
);

export const invites = sqliteTable('invites', {
  tokenHash: text('token_hash').primaryKey(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: text('role', { enum: roles }).notNull(),
  levelId: text('level_id').notNull(),
  teamId: text('team_id').references(() => teams.id),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
});

/**
 * A learner's unsubmitted answers to the attempt a quiz page shows, saved as they answer so a
 * reload, a navigation or a new login finds them as left. One per learner and quiz; the seed ties
 * it to one attempt, and it is deleted when that attempt is submitted.
 */
export const quizDrafts = sqliteTable(
  'quiz_drafts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    quizId: text('quiz_id').notNull(),
    seed: integer('seed').notNull(),
    answers: text('answers', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('quiz_drafts_user_quiz_idx').on(t.userId, t.quizId)],
);

/** Admin-issued set-a-new-password links: single use, expiring; only the token's hash is kept. */
export const passwordResets = sqliteTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

/**
 * A certificate for finishing a course or reaching a level. The id is the public verification
 * handle (/verify/<id>), so it is random and unguessable. Names and titles are kept as issued:
 * a certificate states what was true on the day, whatever changes later.
 */
export const certificates = sqliteTable(
  'certificates',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['course', 'level'] }).notNull(),
    /** Course id or level id. */
    subjectId: text('subject_id').notNull(),
    recipientName: text('recipient_name').notNull(),
    /** The achievement's name in both languages when issued (JSON { zh, en }). */
    title: text('title', { mode: 'json' }).notNull().$type<{ zh: string; en: string }>(),
    achievedAt: integer('achieved_at', { mode: 'timestamp_ms' }).notNull(),
    issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    revokedBy: text('revoked_by').references(() => users.id),
    revokeReason: text('revoke_reason'),
  },
  (t) => [uniqueIndex('certificates_user_subject_idx').on(t.userId, t.kind, t.subjectId)],
);

/** The issuer's signing key for certificates' verifiable credentials; the first instance to need one makes it. */
export const signingKeys = sqliteTable('signing_keys', {
  kid: text('kid').primaryKey(),
  privateJwk: text('private_jwk', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
  publicJwk: text('public_jwk', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
  createdAt: createdAt(),
});

/**
 * Who runs a background job now. Several instances may serve one database; a job runs only in the
 * instance holding its unexpired lease, which renews it while it lives.
 */
export const jobLeases = sqliteTable('job_leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * How far learning events have been forwarded to the learning record store as xAPI statements:
 * every event up to `lastEventId` has been acknowledged by the LRS. Moved only after it answers.
 */
export const xapiForwarding = sqliteTable('xapi_forwarding', {
  name: text('name').primaryKey(),
  lastEventId: integer('last_event_id').notNull().default(0),
  lastSuccessAt: integer('last_success_at', { mode: 'timestamp_ms' }),
  failures: integer('failures').notNull().default(0),
  lastError: text('last_error'),
  nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
});

/**
 * A checked KPI file waiting for its uploader's confirmation: the rows as read (JSON), the file's
 * SHA-256, and an expiry. Kept in the database, not in memory, so that with several instances the
 * confirming request may land on another one than the preview did.
 */
export const kpiImportDrafts = sqliteTable('kpi_import_drafts', {
  id: text('id').primaryKey(),
  actorId: text('actor_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  fileHash: text('file_hash').notNull(),
  rows: text('rows', { mode: 'json' }).notNull().$type<unknown>(),
  createdAt: createdAt(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * The erasure ledger: whose personal data was erased, and when. Ids only, so it holds nothing
 * personal itself; restoring a backup taken before an erasure re-applies every erasure listed here.
 */
export const erasures = sqliteTable('erasures', {
  userId: text('user_id').primaryKey(),
  erasedAt: integer('erased_at', { mode: 'timestamp_ms' }).notNull(),
});
