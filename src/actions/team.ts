/**
 * A manager's writes about the people they lead: KPI evidence, sign-off, promotion, assignments.
 * Each action: validate input, refuse anyone who is not a manager or admin on the first line, check
 * the person is in the actor's teams, then one domain call (one transaction with its audit row).
 * Refusals carry a UI string key as their message, which the team pages translate.
 */
import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions';
import { z } from 'astro/zod';
import { multiLine } from '../schemas/typed-text';
import { kpiMetricIds } from '../schemas/level';
import { currentModules, dueAtFromDate } from '../lib/learning-records/assignments';
import { typedNumber } from '../lib/forms/typed-number';
import { companyTimeZone } from '../lib/platform/server/company-time';
import { levelById, nextLevel } from '../lib/promotion/ladder';
import { isPeriod, readinessFor } from '../lib/promotion/readiness';
import { assign as storeAssignment } from '../lib/learning-records/server/assignments';
import { loadCatalogue, loadLadder } from '../lib/promotion/server/ladder';
import { findPerson, loadRecords } from '../lib/promotion/server/learner-records';
import { promote as storePromotion, PromotionError, recordKpiEvidence, signOff as storeSignOff } from '../lib/promotion/server/decisions';
import { mayManagePerson, mayUseTeamPages, membersOf, teamsVisibleTo, teamWithDescendants } from '../lib/people/server/team-scope';
import { issuePromotionCertificates } from '../lib/certificates/server/certificates';
import { requireUser } from './guards';

/** The signed-in manager or admin; anyone else gets 403 (and anonymous callers 401). */
function requireTeamLead(context: ActionAPIContext) {
  const user = requireUser(context);
  if (!mayUseTeamPages(user)) throw new ActionError({ code: 'FORBIDDEN', message: 'error.forbidden' });
  return user;
}

/** The person, if the actor leads them; otherwise 404, so that people outside the team stay invisible. */
async function requireManagedPerson(context: ActionAPIContext, actor: ReturnType<typeof requireTeamLead>, userId: string) {
  const db = context.locals.db;
  const person = (await mayManagePerson(db, actor, userId)) ? await findPerson(db, userId) : undefined;
  if (!person) throw new ActionError({ code: 'NOT_FOUND', message: 'team.error.notFound' });
  return person;
}

const refusalOf = (error: unknown): never => {
  if (error instanceof PromotionError) {
    if (error.code === 'NOT_READY') throw new ActionError({ code: 'PRECONDITION_FAILED', message: 'team.error.notReady' });
    if (error.code === 'LEVEL_CHANGED') throw new ActionError({ code: 'CONFLICT', message: 'team.error.levelChanged' });
    throw new ActionError({ code: 'NOT_FOUND', message: 'team.error.notFound' });
  }
  throw error;
};

const userId = z.string().trim().min(1).max(64);
const levelId = z.string().trim().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(64);
// An empty optional field reaches the schema as null (Astro's form parsing).
const note = multiLine(500).nullish().transform((v) => v ?? '');

export const recordKpiInput = z.strictObject({
  userId,
  metric: z.enum(kpiMetricIds),
  /** As typed: "104", "104%", "１０４．５" (see numbers/read-number.ts). */
  valuePercent: typedNumber('%', 'write the value in percent, e.g. 104 or 104.5%').pipe(z.number().min(-100).max(1000)),
  period: z.string().trim().max(10).refine(isPeriod, 'write the period as 2026, 2026-H1, 2026-Q2 or 2026-05'),
  note,
});

export const recordKpi = defineAction({
  accept: 'form',
  input: recordKpiInput,
  handler: async (input, context) => {
    const actor = requireTeamLead(context);
    await requireManagedPerson(context, actor, input.userId);
    const row = await recordKpiEvidence(context.locals.db, { ...input, actorId: actor.id, now: new Date() }).catch(refusalOf);
    return { id: row.id };
  },
});

export const signOff = defineAction({
  accept: 'form',
  input: z.strictObject({ userId, note }),
  handler: async (input, context) => {
    const actor = requireTeamLead(context);
    const person = await requireManagedPerson(context, actor, input.userId);
    const target = nextLevel(await loadLadder(), person.levelId);
    if (!target) throw new ActionError({ code: 'CONFLICT', message: 'team.error.topLevel' });
    const { record } = (await loadRecords(context.locals.db, [person])).get(person.id)!;
    if (record.signOffs.some((s) => s.levelId === target.id && s.at.getTime() >= person.levelSince.getTime())) {
      throw new ActionError({ code: 'CONFLICT', message: 'team.error.alreadySigned' });
    }
    return storeSignOff(context.locals.db, { actorId: actor.id, userId: person.id, levelId: target.id, note: input.note, now: new Date() }).catch(refusalOf);
  },
});

export const promote = defineAction({
  accept: 'form',
  input: z.strictObject({ userId, fromLevelId: levelId, toLevelId: levelId }),
  handler: async (input, context) => {
    const actor = requireTeamLead(context);
    await requireManagedPerson(context, actor, input.userId);
    const [ladder, catalogue] = await Promise.all([loadLadder(), loadCatalogue()]);
    const target = nextLevel(ladder, input.fromLevelId);
    if (!target) throw new ActionError({ code: 'CONFLICT', message: 'team.error.topLevel' });
    if (target.id !== input.toLevelId) throw new ActionError({ code: 'BAD_REQUEST', message: 'team.error.levelChanged' });
    const now = new Date();
    const promotion = await storePromotion(context.locals.db, {
      actorId: actor.id,
      userId: input.userId,
      fromLevelId: input.fromLevelId,
      toLevelId: target.id,
      now,
      isReady: (record) => readinessFor(target, record, catalogue, now, companyTimeZone()).ready,
    }).catch(refusalOf);
    await issuePromotionCertificates(context.locals.db, input.userId, (id) => levelById(ladder, id)?.name, now).catch((error) =>
      console.error('Issuing the promotion certificate failed:', error),
    );
    return { id: promotion.id, levelId: target.id };
  },
});

export const assignInput = z.strictObject({
  /** "course:<course-id>" or "module:<course-id>/<module-id>". */
  target: z.string().trim().regex(/^(course:[a-z0-9-]+|module:[a-z0-9-]+\/[a-z0-9-]+)$/, 'choose a course or a module'),
  dueDate: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'choose a due date'),
  /** A person's id, or "team:<team-id>" for everyone in that team and the teams below it. */
  assignee: z.string().trim().min(1).max(80),
});

export const assign = defineAction({
  accept: 'form',
  input: assignInput,
  handler: async (input, context) => {
    const actor = requireTeamLead(context);
    const db = context.locals.db;
    let userIds: string[];
    if (input.assignee.startsWith('team:')) {
      const teamId = input.assignee.slice('team:'.length);
      const visible = await teamsVisibleTo(db, actor);
      if (!visible.some((t) => t.id === teamId)) throw new ActionError({ code: 'NOT_FOUND', message: 'team.error.notFound' });
      userIds = (await membersOf(db, await teamWithDescendants(db, teamId))).map((p) => p.id).filter((id) => id !== actor.id);
    } else {
      userIds = [(await requireManagedPerson(context, actor, input.assignee)).id];
    }
    const [kind, targetId] = input.target.split(/:(.*)/s) as ['course' | 'module', string];
    const catalogue = await loadCatalogue();
    const exists = kind === 'course' ? catalogue.courseModules.has(targetId) : catalogue.modules.has(targetId);
    if (!exists) throw new ActionError({ code: 'BAD_REQUEST', message: 'team.error.unknownTarget' });
    const dueAt = dueAtFromDate(input.dueDate, companyTimeZone());
    const now = new Date();
    if (!dueAt) throw new ActionError({ code: 'BAD_REQUEST', message: 'team.error.input' });
    // A due date must leave the person at least the rest of today, and not lie absurdly far ahead.
    if (dueAt.getTime() < now.getTime()) throw new ActionError({ code: 'BAD_REQUEST', message: 'team.error.duePast' });
    if (dueAt.getTime() > now.getTime() + 3 * 365 * 24 * 60 * 60 * 1000) throw new ActionError({ code: 'BAD_REQUEST', message: 'team.error.dueFar' });
    const moduleIds = currentModules(kind, targetId, catalogue);
    const result = await storeAssignment(db, { actorId: actor.id, userIds, targetType: kind, targetId, moduleIds, dueAt, now });
    return { ...result, count: result.created + result.updated };
  },
});
