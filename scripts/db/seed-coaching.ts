/**
 * The demo organisation's coaching: observations by 李强 of his team, scored against the rubrics in
 * content/rubrics/. 陈杰's latest customer visit is waiting for him, unacknowledged; 赵磊 has three
 * acknowledged visits behind him (the senior level's rubric criterion), one with a reply.
 */
import { observationReplies, observations } from '../../db/schema';
import type { Database } from '../../src/lib/platform/server/db';
import { readContentTree } from '../../src/lib/content/server/content-files';
import { rubricSchema, type Rubric } from '../../src/schemas/rubric';
import { addDays, dayKey, startOfDay } from '../../src/lib/dates';

interface DemoObservation {
  email: string;
  rubricId: string;
  kind: 'ride-along' | 'role-play' | 'call-review';
  daysAgo: number;
  levels: number[];
  notes: { zh: string; en: string };
  acknowledged: boolean;
  reply?: string;
}

const demoObservations: DemoObservation[] = [
  {
    email: 'chen.jie@demo.academy',
    rubricId: 'customer-visit',
    kind: 'ride-along',
    daysAgo: 2,
    levels: [3, 3, 2, 2, 2, 3],
    notes: { zh: '提问偏少，客户的采购流程没有问清楚；下次先准备三个开放式问题。', en: 'Few questions; the buying process stayed unclear. Prepare three open questions next time.' },
    acknowledged: false,
  },
  ...[40, 25, 10].map((daysAgo, i) => ({
    email: 'zhao.lei@demo.academy',
    rubricId: 'customer-visit',
    kind: 'ride-along' as const,
    daysAgo,
    levels: [3, 3 + (i % 2), 3, 3, 2 + i, 3],
    notes: { zh: '准备充分，收尾时约定了明确的下一步。', en: 'Well prepared; closed with a clear next step.' },
    acknowledged: true,
    reply: i === 2 ? '谢谢，下次拜访我会试着先请客户讲讲他们的审批流程。' : undefined,
  })),
];

export async function seedCoaching(db: Database, { ids, now, contentRoot, zone }: { ids: Map<string, string>; now: Date; contentRoot: string; zone: string }) {
  const rubrics = new Map<string, Rubric>();
  for (const f of readContentTree(contentRoot)) {
    const m = /^rubrics\/([^/]+)\.yaml$/.exec(f.path);
    const parsed = m ? rubricSchema.safeParse(f.data) : undefined;
    if (m && parsed?.success) rubrics.set(m[1]!, parsed.data);
  }
  const managerId = ids.get('manager@demo.academy');
  if (!managerId) return;
  for (const [i, o] of demoObservations.entries()) {
    const rubric = rubrics.get(o.rubricId);
    const userId = ids.get(o.email);
    if (!rubric || !userId) continue;
    const observedOn = addDays(dayKey(now, zone), -o.daysAgo);
    const createdAt = new Date(startOfDay(observedOn, zone)!.getTime() + 18 * 60 * 60 * 1000);
    const scores = rubric.criteria.map((c, j) => ({
      criterionId: c.id,
      level: Math.min(c.levels.length, o.levels[j] ?? 2),
      note: j === 2 ? o.notes.zh : '',
    }));
    const id = `demo-observation-${i + 1}`;
    await db.insert(observations).values({
      id,
      userId,
      managerId,
      rubricId: o.rubricId,
      kind: o.kind,
      observedOn,
      scores,
      averageLevel: scores.reduce((s, x) => s + x.level, 0) / scores.length,
      acknowledgedAt: o.acknowledged ? new Date(createdAt.getTime() + 20 * 60 * 60 * 1000) : null,
      createdAt,
    });
    if (o.reply) {
      await db.insert(observationReplies).values({ id: `${id}-reply`, observationId: id, authorId: userId, body: o.reply, at: new Date(createdAt.getTime() + 21 * 60 * 60 * 1000) });
    }
  }
}
