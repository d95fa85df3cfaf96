import { describe, expect, it } from 'vitest';
import { longestIncreasingRun, scoreSequence, toPublicSequence, initialSequenceAnswer } from '../../src/lib/exercises/sequence';
import { scoreClassify, toPublicClassify } from '../../src/lib/exercises/classify';
import { scoreSpotTheIssue, toPublicSpotTheIssue } from '../../src/lib/exercises/spot-the-issue';
import { scoreCalculation, toPublicCalculation } from '../../src/lib/exercises/calculation';
import { advance, initialRoleplayState, RoleplayMoveError, scoreRoleplay, toPublicRoleplay } from '../../src/lib/exercises/roleplay';
import { restoreState, scoreExercise } from '../../src/lib/exercises';
import { learnerAnswerSchema } from '../../src/lib/exercises/answers';
import { exerciseStandings, exerciseTally } from '../../src/lib/exercises/progress';
import { calculationExercise, classifyExercise, roleplayExercise, sequenceExercise, spotExercise } from './exercise-fixtures';

const right = ['record', 'judge', 'assign', 'analyse', 'propose'];

describe('scoring a sequence', () => {
  const score = (order: string[]) => scoreSequence(sequenceExercise(), { type: 'sequence', order }, 'en');

  it('gives full marks for the right order', () => {
    expect(score(right)).toMatchObject({ score: 5, maxScore: 5, percent: 100, passed: true });
  });

  it('costs one point for one step moved to the wrong end, not a whole row', () => {
    const result = score(['propose', 'record', 'judge', 'assign', 'analyse']);
    expect(result.score).toBe(4);
    expect(result.steps.find((s) => s.id === 'propose')).toMatchObject({ inPlace: false, yourPosition: 1, rightPosition: 5 });
  });

  it('gives one point for a fully reversed order (one step is always in a run of itself)', () => {
    expect(score([...right].reverse()).score).toBe(1);
  });

  it('gives nothing for an empty answer and marks every step as not placed', () => {
    const result = score([]);
    expect(result).toMatchObject({ score: 0, percent: 0, passed: false });
    expect(result.steps.every((s) => s.yourPosition === null && !s.inPlace)).toBe(true);
  });

  it('counts a repeated step once, at its first place', () => {
    const result = score(['record', 'record', 'record', 'judge']);
    expect(result.score).toBe(2);
    expect(result.steps.find((s) => s.id === 'judge')!.yourPosition).toBe(2);
  });

  it('ignores ids that are not steps and gives a missing step no credit', () => {
    const result = score(['record', 'no-such-step', 'judge', 'assign', 'analyse']);
    expect(result.score).toBe(4);
    expect(result.steps.find((s) => s.id === 'propose')).toMatchObject({ yourPosition: null, inPlace: false });
  });

  it('finds a longest increasing run', () => {
    expect(longestIncreasingRun([])).toEqual([]);
    expect(longestIncreasingRun([3, 0, 1, 4, 2])).toHaveLength(3);
  });

  it('never shows the steps in the right order, whatever the seed', () => {
    for (let seed = 0; seed < 200; seed++) {
      const shown = toPublicSequence('s', sequenceExercise(), 'en', seed).items.map((i) => i.id);
      expect(shown).not.toEqual(right);
      expect([...shown].sort()).toEqual([...right].sort());
      expect(initialSequenceAnswer(sequenceExercise(), seed).order).toEqual(shown);
    }
  });
});

describe('scoring a classification', () => {
  const score = (placements: Record<string, string>) => scoreClassify(classifyExercise(), { type: 'classify', placements }, 'en');

  it('gives one point per card in its bucket', () => {
    expect(score({ 'cold-store': 'grade-a', school: 'grade-a', hardware: 'grade-b', startup: 'grade-c' })).toMatchObject({ score: 4, percent: 100 });
    expect(score({ 'cold-store': 'grade-a', school: 'grade-b', hardware: 'grade-b' })).toMatchObject({ score: 2, percent: 50, passed: false });
  });

  it('gives nothing for an empty answer', () => {
    const result = score({});
    expect(result.score).toBe(0);
    expect(result.cards.every((c) => c.chosen === null && !c.correct)).toBe(true);
  });

  it('treats a bucket that does not exist as unplaced and ignores cards that do not exist', () => {
    const result = score({ 'cold-store': 'grade-z', ghost: 'grade-a', school: 'grade-a' });
    expect(result.score).toBe(1);
    expect(result.cards.find((c) => c.id === 'cold-store')).toMatchObject({ chosen: null, correct: false, right: 'grade-a' });
    expect(result.cards.map((c) => c.id)).not.toContain('ghost');
  });

  it('is not fooled by inherited keys such as "__proto__" or "toString"', () => {
    const placements = JSON.parse('{"__proto__": "grade-a", "toString": "grade-a"}') as Record<string, string>;
    expect(score(placements).score).toBe(0);
  });

  it('sends the cards without their buckets or explanations', () => {
    const view = toPublicClassify('c', classifyExercise(), 'en', 7);
    expect(view.cards.every((c) => Object.keys(c).sort().join() === 'id,text')).toBe(true);
    expect(JSON.stringify(view)).not.toMatch(/All clear|Budget approved|"bucket"/);
  });
});

describe('scoring a document review', () => {
  const score = (flags: string[], penalty = 0.5) => scoreSpotTheIssue(spotExercise(penalty), { type: 'spot-the-issue', flags }, 'en');

  it('gives a point per real problem flagged, out of the number of problems', () => {
    expect(score(['price', 'acceptance'])).toMatchObject({ score: 2, maxScore: 2, percent: 100, found: 2, missed: 0, falseFlags: 0 });
    expect(score(['price'])).toMatchObject({ score: 1, percent: 50, missed: 1 });
  });

  it('takes points off for each sound segment flagged', () => {
    const result = score(['price', 'acceptance', 'disputes']);
    expect(result).toMatchObject({ score: 1.5, percent: 75, falseFlags: 1 });
    expect(result.segments.find((s) => s.id === 'disputes')).toMatchObject({ verdict: 'false-flag', explanation: 'Fine as written' });
  });

  it('never lets false flags push the score below zero', () => {
    expect(score(['parties', 'disputes'], 2)).toMatchObject({ score: 0, percent: 0 });
  });

  it('makes flagging everything cost points', () => {
    expect(score(['parties', 'price', 'acceptance', 'disputes']).percent).toBe(50);
  });

  it('gives nothing for no flags, counts a repeated flag once and ignores unknown ids', () => {
    expect(score([])).toMatchObject({ score: 0, missed: 2 });
    expect(score(['price', 'price', 'price', 'nowhere'])).toMatchObject({ score: 1, falseFlags: 0 });
  });

  it('sends the document without any sign of which segments have problems', () => {
    const view = toPublicSpotTheIssue('d', spotExercise(), 'en');
    expect(JSON.stringify(view)).not.toMatch(/"issue"|criterion|accuracy|Wrong total|Fine as written/);
  });
});

describe('scoring a calculation', () => {
  const score = (values: Record<string, number | null>) => scoreCalculation(calculationExercise(), { type: 'calculation', values }, 'en');

  it('accepts answers within the tolerance, including exactly at its edge', () => {
    expect(score({ 'close-rate': 33.33, quotes: 24 })).toMatchObject({ score: 2, percent: 100 });
    expect(score({ 'close-rate': 33.4, quotes: 24 }).score).toBe(2);
    expect(score({ 'close-rate': 33.2, quotes: 24 }).score).toBe(2);
  });

  it('refuses answers outside the tolerance, and a zero tolerance means exact', () => {
    expect(score({ 'close-rate': 33.5, quotes: 25 })).toMatchObject({ score: 0, percent: 0 });
    expect(score({ 'close-rate': 0.333, quotes: 24.001 }).score).toBe(0);
  });

  it('gives nothing for empty or missing answers and ignores unknown questions', () => {
    const result = score({ 'close-rate': null, extra: 5 });
    expect(result.score).toBe(0);
    expect(result.questions.map((q) => q.given)).toEqual([null, null]);
    expect(result.questions.map((q) => q.id)).toEqual(['close-rate', 'quotes']);
  });

  it('gives no credit for a value that is not a finite number', () => {
    expect(score({ 'close-rate': Number.NaN, quotes: Number.POSITIVE_INFINITY }).score).toBe(0);
  });

  it('sends the questions without answers, tolerances or solutions', () => {
    const view = toPublicCalculation('k', calculationExercise(), 'en');
    expect(JSON.stringify(view)).not.toMatch(/33\.3|tolerance|solution|6 ÷ 18/);
  });
});

describe('playing a role-play', () => {
  const scenario = roleplayExercise();
  const walk = (...choices: string[]) => choices.reduce((state, id) => advance(scenario, state, id).state, initialRoleplayState());

  it('scores the path taken against the best path, per skill', () => {
    const result = scoreRoleplay(scenario, walk('ask', 'record'), 'en')!;
    expect(result).toMatchObject({ outcome: 'success', score: 4, maxScore: 4, percent: 100, ending: 'Signed after review' });
    expect(result.skills.find((s) => s.skill === 'compliance')).toEqual({ skill: 'compliance', score: 2, best: 2 });
    expect(result.debrief).toContain('Well done');
    expect(result.debrief).toContain('What to take away');
  });

  it('shows a conversation that lost more points than it earned as 0, never a negative score', () => {
    const result = scoreRoleplay(scenario, walk('cave'), 'en')!;
    expect(result).toMatchObject({ outcome: 'failure', score: 0, percent: 0, passed: false });
  });

  it('gives partial credit for a partial ending', () => {
    expect(scoreRoleplay(scenario, walk('ask', 'rush'), 'en')).toMatchObject({ outcome: 'partial', score: 1, percent: 25 });
  });

  it('does not score a conversation that has not ended', () => {
    expect(scoreRoleplay(scenario, walk('ask'), 'en')).toBeNull();
    expect(scoreRoleplay(scenario, initialRoleplayState(), 'en')).toBeNull();
  });

  it('refuses a choice that is not open at the current node, or after the end', () => {
    expect(() => advance(scenario, initialRoleplayState(), 'record')).toThrow(RoleplayMoveError);
    expect(() => advance(scenario, walk('cave'), 'ask')).toThrow(expect.objectContaining({ reason: 'ended' }));
    expect(() => advance(scenario, { type: 'roleplay', choices: ['nonsense'] }, 'ask')).toThrow(expect.objectContaining({ reason: 'invalid-state' }));
  });

  it('shows only the current node: no targets, effects, feedback or unreached nodes', () => {
    const view = toPublicRoleplay('r', scenario, 'en', 1, initialRoleplayState());
    const json = JSON.stringify(view);
    expect(view.node.choices.map((c) => Object.keys(c).sort().join())).toEqual(['id,text', 'id,text']);
    for (const hidden of ['Our budget is capped', 'Signed after review', 'We go elsewhere', 'You asked', 'listening', 'effects', '"to"', 'Well done']) {
      expect(json).not.toContain(hidden);
    }
    const later = toPublicRoleplay('r', scenario, 'en', 1, walk('ask'));
    expect(later.transcript).toEqual([{ speaker: null, customer: '12% off or we walk', narration: null, chosen: 'Where does 12% come from?' }]);
    expect(later.node.customer).toBe('Our budget is capped');
  });
});

describe('role-play speakers and skills', () => {
  const walk = (...choices: string[]) => choices.reduce((state, id) => advance(roleplayExercise(), state, id).state, initialRoleplayState());
  it('names the speaker of each line: the node\'s own, or none for the default customer', () => {
    const scenario = roleplayExercise();
    const opening = scenario.nodes.find((n) => n.id === scenario.start)!;
    opening.speaker = { zh: '采购经理', en: 'Purchasing manager' };
    expect(toPublicRoleplay('r', scenario, 'en', 1, initialRoleplayState()).node.speaker).toBe('Purchasing manager');
    expect(toPublicRoleplay('r', scenario, 'en', 1, walk('ask')).transcript[0]!.speaker).toBe('Purchasing manager');
    expect(toPublicRoleplay('r', scenario, 'en', 1, walk('ask')).node.speaker).toBeNull();
  });

  it('scores the skills its choices name, whatever content/skills.yaml lists', () => {
    const result = scoreRoleplay(roleplayExercise(), walk('ask', 'rush'), 'en')!;
    expect(result.skills.map((s) => s.skill).length).toBeGreaterThan(0);
    expect(result.skills.every((s) => typeof s.skill === 'string')).toBe(true);
  });
});

describe('scoring through the engine', () => {
  it('refuses an answer of another type', () => {
    expect(scoreExercise(sequenceExercise(), { type: 'classify', placements: {} }, 'en')).toBeNull();
  });

  it('resumes a stored state that still fits, and starts over from one that does not', () => {
    const exercise = sequenceExercise();
    const stored = { seed: 42, answer: { type: 'sequence', order: ['judge', 'record'] } };
    expect(restoreState(exercise, stored, 1)).toEqual(stored);
    expect(restoreState(exercise, { seed: 42, answer: { type: 'classify', placements: {} } }, 1)).toEqual({ seed: 42, answer: initialSequenceAnswer(exercise, 42) });
    expect(restoreState(exercise, 'garbage', 9).seed).toBe(9);
    const scenario = roleplayExercise();
    expect(restoreState(scenario, { seed: 3, answer: { type: 'roleplay', choices: ['record'] } }, 1)).toEqual({ seed: 3, answer: initialRoleplayState() });
  });

  it('refuses answers from the browser that are out of bounds or carry role-play state', () => {
    expect(learnerAnswerSchema.safeParse({ type: 'roleplay', choices: [] }).success).toBe(false);
    expect(learnerAnswerSchema.safeParse({ type: 'sequence', order: Array.from({ length: 51 }, () => 'a') }).success).toBe(false);
    expect(learnerAnswerSchema.safeParse({ type: 'sequence', order: ['Not An Id'] }).success).toBe(false);
    expect(learnerAnswerSchema.safeParse({ type: 'calculation', values: { q: 1e13 } }).success).toBe(false);
    expect(learnerAnswerSchema.safeParse({ type: 'classify', placements: {}, extra: 1 }).success).toBe(false);
    expect(learnerAnswerSchema.safeParse({ type: 'spot-the-issue', flags: ['price'] }).success).toBe(true);
  });
});

describe('exercise progress', () => {
  const listings = [
    { id: 'seq', moduleId: 'sales-workflow/lead-grading', title: 'Seq', passPercent: 70 },
    { id: 'rp', moduleId: 'sales-workflow/lead-grading', title: 'RP', passPercent: 80 },
    { id: 'calc', moduleId: 'sales-workflow/funnel-and-targets', title: 'Calc', passPercent: 70 },
  ];
  const records = new Map([
    ['seq', { bestPercent: 70, inProgress: false }],
    ['rp', { bestPercent: 79.9, inProgress: true }],
  ]);

  it('passes an exercise whose best score reaches its pass mark, and keeps an open attempt visible', () => {
    const standings = exerciseStandings(listings, records);
    expect(standings.map((s) => [s.id, s.bestPercent, s.passed, s.inProgress])).toEqual([
      ['seq', 70, true, false],
      ['rp', 79.9, false, true],
      ['calc', null, false, false],
    ]);
  });

  it('counts only the exercises of the given modules', () => {
    const standings = exerciseStandings(listings, records);
    expect(exerciseTally(standings, new Set(['sales-workflow/lead-grading']))).toEqual({ total: 2, passed: 1 });
    expect(exerciseTally(standings, new Set(['sales-workflow/funnel-and-targets']))).toEqual({ total: 1, passed: 0 });
    expect(exerciseTally(standings, new Set())).toEqual({ total: 0, passed: 0 });
  });
});
