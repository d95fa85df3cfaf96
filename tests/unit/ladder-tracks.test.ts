/** Two ladders side by side (office and field) and the setting that switches them on. */
import { describe, expect, it } from 'vitest';
import { enabledLadder, nextLevel, trackChainProblems, tracksOf, type LadderLevel } from '../../src/lib/promotion/ladder';
import { levelSchema } from '../../src/schemas/level';
import { readServerEnv } from '../../src/lib/platform/server/env';
import { criteria } from './readiness-fixtures';

const level = (id: string, order: number, track: LadderLevel['track']): LadderLevel => ({
  id,
  track,
  order,
  name: { zh: id, en: id },
  description: { zh: id, en: id },
  criteria: criteria(),
});
const all = [
  level('provincial-manager', 3, 'field'),
  level('junior', 1, 'office'),
  level('field-rep', 1, 'field'),
  level('mid', 2, 'office'),
  level('county-manager', 2, 'field'),
];

describe('ladder tracks', () => {
  it('keeps a person on their own track: the level above a county manager is the provincial manager, not an office rung', () => {
    const ladder = enabledLadder(all, ['office', 'field']);
    expect(ladder.map((l) => l.id)).toEqual(['junior', 'mid', 'field-rep', 'county-manager', 'provincial-manager']);
    expect(nextLevel(ladder, 'field-rep')?.id).toBe('county-manager');
    expect(nextLevel(ladder, 'county-manager')?.id).toBe('provincial-manager');
    expect(nextLevel(ladder, 'junior')?.id).toBe('mid');
    expect(nextLevel(ladder, 'mid')).toBeNull();
  });

  it('shows only the tracks that are switched on', () => {
    const office = enabledLadder(all, ['office']);
    expect(office.map((l) => l.id)).toEqual(['junior', 'mid']);
    expect(tracksOf(office)).toEqual(['office']);
    expect(nextLevel(office, 'county-manager')).toBeNull();
  });

  it('accepts each track numbered 1, 2, 3 … on its own', () => {
    expect(trackChainProblems(all)).toEqual([]);
  });

  it('names a level that shares a rung or leaves a gap on its track', () => {
    const problems = trackChainProblems([...all, level('regional-manager', 5, 'field'), level('senior', 2, 'office')]);
    expect(problems).toEqual([
      { id: 'senior', message: 'is 2 on the office track, the same as "mid"; each level needs its own rung' },
      { id: 'regional-manager', message: 'is 5, but the field track has no level at 4; number the rungs of a track 1, 2, 3 … without gaps' },
    ]);
  });
});

describe('the level schema', () => {
  const base = { order: 1, name: { zh: '县级经理', en: 'County manager' }, description: { zh: '管一个县', en: 'Runs a county' } };

  it('puts a level on the office track unless it says otherwise', () => {
    expect(levelSchema.parse(base).track).toBe('office');
    expect(levelSchema.parse({ ...base, track: 'field' }).track).toBe('field');
  });

  it('refuses an unknown track and a tenure that lists no level', () => {
    expect(levelSchema.safeParse({ ...base, track: 'online' }).success).toBe(false);
    expect(levelSchema.safeParse({ ...base, criteria: { tenure: { months: 60, in: [] } } }).success).toBe(false);
    expect(levelSchema.parse({ ...base, criteria: { tenure: { months: 60, in: ['supervisor', 'manager'] } } }).criteria.tenure).toEqual({
      months: 60,
      in: ['supervisor', 'manager'],
    });
  });
});

describe('LADDER_TRACKS', () => {
  it('switches on the office track alone by default', () => {
    expect(readServerEnv({}).LADDER_TRACKS).toEqual(['office']);
    expect(readServerEnv({ LADDER_TRACKS: '' }).LADDER_TRACKS).toEqual(['office']);
  });

  it('reads the list as people type it: spaces, full-width commas, 、 and capitals', () => {
    expect(readServerEnv({ LADDER_TRACKS: 'office,field' }).LADDER_TRACKS).toEqual(['office', 'field']);
    expect(readServerEnv({ LADDER_TRACKS: ' Field ， office ' }).LADDER_TRACKS).toEqual(['office', 'field']);
    expect(readServerEnv({ LADDER_TRACKS: 'field、office' }).LADDER_TRACKS).toEqual(['office', 'field']);
    expect(readServerEnv({ LADDER_TRACKS: 'field' }).LADDER_TRACKS).toEqual(['field']);
  });

  it('stops start-up on a track it does not know, naming the value and the choices', () => {
    expect(() => readServerEnv({ LADDER_TRACKS: 'office,feild' })).toThrow(/LADDER_TRACKS: "feild" is not a track; use a comma-separated list of office, field/);
    expect(() => readServerEnv({ LADDER_TRACKS: ' , ' })).toThrow(/no track is switched on/);
  });
});
