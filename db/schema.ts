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
 * Boosters: one spaced-repetition card per learner and thing to remember (a quiz question met in
 * a completed module, `question:<quiz>/<question>`, or a key term of one, `term:<id>`), with the
 * FSRS memory state ts-fsrs schedules from (src/lib/boosters/schedule.ts).
 */
export const reviewCards = sqliteTable(
  'review_cards',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cardId: text('card_id').notNull(),
    due: integer('due', { mode: 'timestamp_ms' }).notNull(),
    stability: real('stability').notNull(),
    difficulty: real('difficulty').notNull(),
    elapsedDays: real('elapsed_days').notNull(),
    scheduledDays: real('scheduled_days').notNull(),
    learningSteps: integer('learning_steps').notNull(),
    reps: integer('reps').notNull(),
    lapses: integer('lapses').notNull(),
    /** FSRS state: 0 new, 1 learning, 2 review, 3 relearning. */
    state: integer('state').notNull(),
    lastReview: integer('last_review', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('review_cards_user_card_idx').on(t.userId, t.cardId), index('review_cards_user_due_idx').on(t.userId, t.due)],
);

/**
 * Every review answer. `dueAt` is the due time of the review it answered: the unique index makes a
 * second answer to the same due review land nowhere, so a card is never scheduled twice for one.
 */
export const reviewLogs = sqliteTable(
  'review_logs',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cardId: text('card_id').notNull(),
    dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
    correct: integer('correct', { mode: 'boolean' }).notNull(),
    /** The answer as sent (public ids of that review), so the reply to a repeat is the stored one. */
    answer: text('answer', { mode: 'json' }).notNull().$type<unknown>(),
    reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('review_logs_user_card_due_idx').on(t.userId, t.cardId, t.dueAt), index('review_logs_user_at_idx').on(t.userId, t.reviewedAt)],
);

/** A learner's own booster settings: how many cards a day's review shows at most. */
export const reviewSettings = sqliteTable('review_settings', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  dailyCap: integer('daily_cap').notNull(),
});

export const reminderKinds = ['assignment-due', 'assignment-overdue', 'manager-digest', 'boosters-waiting', 'observation-new'] as const;
export type ReminderKindId = (typeof reminderKinds)[number];

/**
 * A reminder for one person: their inbox entry and the record, written before anything goes out,
 * that it exists. The unique key (kind, person, subject, period) makes planning idempotent: the
 * same reminder for the same person and day or due date is one row, however often it is planned.
 */
export const reminders = sqliteTable(
  'reminders',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: reminderKinds }).notNull(),
    /** What it is about: an assignment id, a team digest, … */
    subject: text('subject').notNull(),
    /** Which occurrence: the due day, the week, the day (a company-zone day key). */
    period: text('period').notNull(),
    /** The facts the templates render, in either language (JSON). */
    data: text('data', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('reminders_once_idx').on(t.kind, t.userId, t.subject, t.period), index('reminders_user_idx').on(t.userId, t.createdAt)],
);

export const reminderChannels = ['email', 'webhook'] as const;
export type ReminderChannel = (typeof reminderChannels)[number];

/** The outbox: one row per reminder and channel it goes out on, retried with backoff until sent. */
export const reminderDeliveries = sqliteTable(
  'reminder_deliveries',
  {
    reminderId: text('reminder_id')
      .notNull()
      .references(() => reminders.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: reminderChannels }).notNull(),
    status: text('status', { enum: ['pending', 'sent', 'skipped'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    lastError: text('last_error'),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('reminder_deliveries_pk').on(t.reminderId, t.channel), index('reminder_deliveries_due_idx').on(t.status, t.nextAttemptAt)],
);

/** How a person wants reminders beyond the inbox (which always has them). No row: the defaults. */
export const reminderPreferences = sqliteTable('reminder_preferences', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  email: integer('email', { mode: 'boolean' }).notNull().default(true),
  /** A group robot's URL (WeCom, DingTalk, Feishu); managers' and admins' only. */
  webhookUrl: text('webhook_url'),
  /** Kinds switched off for email and webhook (JSON array), e.g. by an unsubscribe link. */
  mutedKinds: text('muted_kinds', { mode: 'json' }).notNull().$type<string[]>().default(sql`'[]'`),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Server secrets made on first use and shared by every instance (e.g. the unsubscribe-link key). */
export const appSecrets = sqliteTable('app_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});

/**
 * A single sign-on in progress: what the callback must check (state, nonce) and send (the PKCE
 * verifier), keyed by the SHA-256 of a random id the browser holds in a short-lived cookie. Kept
 * here rather than in the cookie so that a flow works once (the callback deletes its row before
 * anything else) and on any instance, with no signing key to configure.
 */
export const oidcFlows = sqliteTable(
  'oidc_flows',
  {
    idHash: text('id_hash').primaryKey(),
    state: text('state').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    redirectUri: text('redirect_uri').notNull(),
    nextPath: text('next_path').notNull(),
    locale: text('locale', { enum: ['zh', 'en'] }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('oidc_flows_expires_idx').on(t.expiresAt)],
);

/**
 * Coaching (issue #11 part 2): a manager's observation of a team member against a rubric in
 * content/rubrics/. Levels and notes per criterion are kept as recorded (JSON), with the rubric
 * id, so a later edit of the rubric never rewrites what was observed.
 */
export const observationKinds = ['ride-along', 'role-play', 'call-review'] as const;

export const observations = sqliteTable(
  'observations',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    managerId: text('manager_id')
      .notNull()
      .references(() => users.id),
    rubricId: text('rubric_id').notNull(),
    kind: text('kind', { enum: observationKinds }).notNull(),
    /** The day observed on the company's calendar, "YYYY-MM-DD". */
    observedOn: text('observed_on').notNull(),
    /** One entry per rubric criterion: { criterionId, level, note }. */
    scores: text('scores', { mode: 'json' }).notNull().$type<{ criterionId: string; level: number; note: string }[]>(),
    /** Mean level over the criteria, kept so readiness reads one number per observation. */
    averageLevel: real('average_level').notNull(),
    acknowledgedAt: integer('acknowledged_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('observations_user_idx').on(t.userId, t.rubricId, t.observedOn)],
);

/** The conversation under an observation: the learner's replies (and the manager's answers). */
export const observationReplies = sqliteTable(
  'observation_replies',
  {
    id: text('id').primaryKey(),
    observationId: text('observation_id')
      .notNull()
      .references(() => observations.id, { onDelete: 'cascade' }),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('observation_replies_observation_idx').on(t.observationId, t.at)],
);

/** A manager's comment on one step (0-based) of a submitted role-play attempt's replay. */
export const replayComments = sqliteTable(
  'replay_comments',
  {
    id: text('id').primaryKey(),
    attemptId: text('attempt_id')
      .notNull()
      .references(() => exerciseAttempts.id, { onDelete: 'cascade' }),
    step: integer('step').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('replay_comments_attempt_idx').on(t.attemptId, t.step)],
);
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
