/** content:check on the career ladder: each track a chain, tenure counted on levels that exist on the same track. */
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem, type ContentFileInput } from '../../src/lib/content/check';

const text = (s: string) => ({ zh: `${s}（中）`, en: s });
const level = (id: string, order: number, extra: Record<string, unknown> = {}): ContentFileInput => ({
  path: `levels/${id}.yaml`,
  data: { order, name: text(id), description: text('D'), ...extra },
});

function ladder(): ContentFileInput[] {
  return [
    level('junior', 1),
    level('supervisor', 2),
    level('manager', 3, { criteria: { tenure: { months: 60, in: ['supervisor', 'manager'] } } }),
    level('field-rep', 1, { track: 'field' }),
    level('county-manager', 2, { track: 'field' }),
  ];
}

const problemsOf = (files: ContentFileInput[]) => checkContent(files).map(formatProblem);

describe('content check of the ladder', () => {
  it('accepts two tracks each numbered from 1, and tenure counted on levels of the same track', () => {
    expect(problemsOf(ladder())).toEqual([]);
  });

  it('flags a track with a gap or two levels on one rung', () => {
    const files = [...ladder(), level('regional-manager', 4, { track: 'field' }), level('senior', 2)];
    expect(problemsOf(files)).toEqual([
      'content/levels/senior.yaml › order: is 2 on the office track, the same as "supervisor"; each level needs its own rung',
      'content/levels/regional-manager.yaml › order: is 4, but the field track has no level at 3; number the rungs of a track 1, 2, 3 … without gaps',
    ]);
  });

  it('flags a tenure that counts a level that does not exist or sits on another track', () => {
    const files = ladder();
    (files[2]!.data as { criteria: { tenure: { in: string[] } } }).criteria.tenure.in = ['supervisr', 'county-manager'];
    expect(problemsOf(files)).toEqual([
      'content/levels/manager.yaml › criteria.tenure.in[0]: names level "supervisr", but there is no content/levels/supervisr.yaml',
      'content/levels/manager.yaml › criteria.tenure.in[1]: names "county-manager" on the field track, but this level is on the office track; count time on one track',
    ]);
  });

  it('explains an unknown track', () => {
    const files = [...ladder(), level('online-rep', 1, { track: 'online' })];
    expect(problemsOf(files).join('\n')).toMatch(/^content\/levels\/online-rep\.yaml › track: .*office.*field/m);
  });
});
