/** Coaching rubrics: the schema trainers write against, content:check's messages, and the readiness criterion they feed. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { checkContent, formatProblem, type ContentFileInput } from '../../src/lib/content/check';
import { rubricSchema } from '../../src/schemas/rubric';
import { DEFAULT_COMPANY_TIME_ZONE as ZONE } from '../../src/lib/dates';
import { emptyRecord, readinessFor, rubricStanding, type ObservationRecord } from '../../src/lib/promotion/readiness';
import { criterionLabel, criterionValue, nextStep } from '../../src/lib/promotion/criterion-text';
import { criteria, curriculum, now, since } from './readiness-fixtures';

const text = (s: string) => ({ zh: `${s}（中）`, en: s });
const lvl = (s: string) => ({ label: text(s), description: text(`${s} described`) });
const rubric = (levels = 4, extra: Record<string, unknown> = {}) => ({
  name: text('Visit'),
  description: text('When riding along'),
  criteria: [
    { id: 'opening', name: text('Opening'), levels: Array.from({ length: levels }, (_, i) => lvl(`L${i + 1}`)) },
    { id: 'needs', name: text('Needs'), levels: Array.from({ length: levels }, (_, i) => lvl(`L${i + 1}`)) },
  ],
  ...extra,
});
const level = (id: string, order: number, extra: Record<string, unknown> = {}): ContentFileInput => ({
  path: `levels/${id}.yaml`,
  data: { order, name: text(id), description: text('D'), ...extra },
});
const problemsOf = (files: ContentFileInput[]) => checkContent(files).map(formatProblem);

describe('rubric schema', () => {
  it('accepts the rubrics in content/rubrics, each criterion with 3 to 5 levels in both languages', () => {
    const files = readdirSync('content/rubrics').filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const parsed = rubricSchema.parse(parseYaml(readFileSync(`content/rubrics/${f}`, 'utf8')));
      for (const c of parsed.criteria) {
        expect(c.levels.length).toBeGreaterThanOrEqual(3);
        expect(c.levels.length).toBeLessThanOrEqual(5);
      }
    }
  });

  it('names the file, the field and the fix for too few or too many levels, mixed scales and repeated ids', () => {
    const tooFew = rubric(2);
    const tooMany = rubric(6);
    const mixed = rubric(4);
    mixed.criteria[1]!.levels.pop();
    const repeated = rubric(3);
    repeated.criteria[1]!.id = 'opening';
    expect(problemsOf([{ path: 'rubrics/few.yaml', data: tooFew }])).toContain(
      'content/rubrics/few.yaml › criteria[id=opening].levels: describe at least 3 levels, lowest first (a criterion with fewer cannot tell progress from a pass)',
    );
    expect(problemsOf([{ path: 'rubrics/many.yaml', data: tooMany }]).join('\n')).toContain('describe at most 5 levels');
    expect(problemsOf([{ path: 'rubrics/mixed.yaml', data: mixed }])).toEqual([
      'content/rubrics/mixed.yaml › criteria[id=needs].levels: has 3 levels but the first criterion has 4; give every criterion of a rubric the same number of levels, so an average level means one thing',
    ]);
    expect(problemsOf([{ path: 'rubrics/repeated.yaml', data: repeated }]).join('\n')).toContain('share the id "opening"');
  });

  it('asks for the English text when a level has only Chinese', () => {
    const r = rubric(3);
    (r.criteria[0]!.levels[1]!.description as { en?: string }).en = undefined;
    expect(problemsOf([{ path: 'rubrics/half.yaml', data: r }]).join('\n')).toMatch(/rubrics\/half\.yaml › criteria\[id=opening\]\.levels\[1\]\.description\.en/);
  });

  it('flags a level criterion naming a missing rubric or an average above the rubric’s top level', () => {
    const files = [
      { path: 'rubrics/visit.yaml', data: rubric(4) },
      level('junior', 1),
      level('mid', 2, { criteria: { rubrics: [{ id: 'visit', minAverage: 4.5, last: 3 }, { id: 'vist', minAverage: 3, last: 3 }] } }),
    ];
    expect(problemsOf(files)).toEqual([
      'content/levels/mid.yaml › criteria.rubrics[0].minAverage: is 4.5, but rubric "visit" has only 4 levels; ask for 4 or less',
      'content/levels/mid.yaml › criteria.rubrics[1].id: names rubric "vist", but there is no content/rubrics/vist.yaml',
    ]);
  });
});

const obs = (rubricId: string, observedOn: string, averageLevel: number, createdAt = new Date(`${observedOn}T10:00:00Z`)): ObservationRecord => ({
  id: `${rubricId}-${observedOn}-${averageLevel}`,
  rubricId,
  observedOn,
  averageLevel,
  createdAt,
});

describe('rubric criterion: average level over the last n observations', () => {
  const target = { id: 'mid', criteria: criteria({ rubrics: [{ id: 'customer-visit', minAverage: 3, last: 3 }] }) };
  const readiness = (observations: ObservationRecord[]) => {
    const r = readinessFor(target, { ...emptyRecord('u', 'junior', since), observations }, curriculum, now, ZONE);
    return r.criteria.find((c) => c.key === 'rubric:customer-visit')!;
  };

  it('is not started without observations and in progress with fewer than n, however good', () => {
    expect(readiness([])).toMatchObject({ kind: 'rubric', status: 'not-started', value: null, counted: 0 });
    expect(readiness([obs('customer-visit', '2026-08-01', 4), obs('customer-visit', '2026-08-05', 4)])).toMatchObject({ status: 'in-progress', value: 4, counted: 2 });
  });

  it('averages only the latest n observations of that rubric, by day observed', () => {
    const history = [
      obs('customer-visit', '2026-03-01', 1),
      obs('customer-visit', '2026-08-01', 3),
      obs('customer-visit', '2026-08-10', 3.5),
      obs('customer-visit', '2026-08-20', 2.5),
      obs('phone-call', '2026-08-21', 1),
    ];
    expect(readiness(history)).toMatchObject({ status: 'met', value: 3, counted: 3, progress: 1 });
    expect(readiness([...history, obs('customer-visit', '2026-08-25', 1)])).toMatchObject({ status: 'in-progress', counted: 3 });
  });

  it('breaks ties on one day by when the observation was recorded', () => {
    const a = obs('r', '2026-08-01', 1, new Date('2026-08-01T09:00:00Z'));
    const b = obs('r', '2026-08-01', 5, new Date('2026-08-01T11:00:00Z'));
    expect(rubricStanding([a, b], 'r', 3, 1)).toMatchObject({ value: 5, met: true });
  });

  it('reads in both languages on the path', () => {
    const c = readiness([obs('customer-visit', '2026-08-01', 2.5)]);
    const titles = { course: (id: string) => id, module: (id: string) => id, exercise: (id: string) => id, rubric: () => '客户拜访' };
    expect(criterionLabel('zh', c, titles)).toBe('《客户拜访》最近 3 次观察的平均等级 ≥ 3');
    expect(criterionValue('zh', c, () => '')).toBe('平均 2.5 级（已有 1/3 次观察）');
    expect(criterionLabel('en', c, { ...titles, rubric: () => 'Customer visit' })).toBe('“Customer visit” average level ≥ 3 over the last 3 observations');
    expect(criterionValue('en', c, () => '')).toBe('Average level 2.5 (1 of 3 observations so far)');
    expect(nextStep('en', c, { ...titles, rubric: () => 'Customer visit' }, { moduleHref: () => null, exerciseModule: () => null })?.text).toBe(
      'Ask your manager to observe you with the “Customer visit” rubric',
    );
  });
});
