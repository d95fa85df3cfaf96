import { describe, expect, it } from 'vitest';
import { hardestQuestion, questionDefinitions, questionStats, type QuestionDefinition } from '../../src/lib/analytics/quiz-questions';
import { durationParts, median, moduleStats, weightedMedian } from '../../src/lib/analytics/module-funnel';
import { binOf, distributionOfScores, scoreDistribution } from '../../src/lib/analytics/score-distribution';
import { describeChange } from '../../src/lib/people/audit-display';
import { mayViewContentAnalytics } from '../../src/lib/analytics/access';
import { quizSchema } from '../../src/schemas/quiz';

const text = (s: string) => ({ zh: `${s}（中）`, en: s });

const questions: QuestionDefinition[] = [
  {
    id: 'pick',
    prompt: 'Pick b',
    options: [
      { id: 'a', text: 'A', correct: false },
      { id: 'b', text: 'B', correct: true },
      { id: 'c', text: 'C', correct: false },
    ],
  },
  {
    id: 'many',
    prompt: 'Pick a and b',
    options: [
      { id: 'a', text: 'A', correct: true },
      { id: 'b', text: 'B', correct: true },
      { id: 'c', text: 'C', correct: false },
    ],
  },
  { id: 'order', prompt: 'Put in order', options: [] },
];

describe('questionStats', () => {
  it('gives attempts, share right and the wrong option chosen most, in the quiz’s order', () => {
    const stats = questionStats(
      questions,
      [
        { questionId: 'many', attempts: 4, correct: 1 },
        { questionId: 'pick', attempts: 10, correct: 6 },
      ],
      [
        { questionId: 'pick', optionId: 'a', count: 1 },
        { questionId: 'pick', optionId: 'c', count: 3 },
      ],
    );
    expect(stats.map((s) => s.questionId)).toEqual(['pick', 'many', 'order']);
    expect(stats[0]).toMatchObject({ attempts: 10, correct: 6, shareCorrect: 0.6, topWrongOption: { id: 'c', text: 'C', count: 3, share: 0.3 } });
  });

  it('never names a right option as the most chosen wrong one', () => {
    // A multiple-choice answer that missed option b still chose the right option a.
    const [, many] = questionStats(questions, [{ questionId: 'many', attempts: 5, correct: 0 }], [
      { questionId: 'many', optionId: 'a', count: 5 },
      { questionId: 'many', optionId: 'c', count: 2 },
    ]);
    expect(many!.topWrongOption).toMatchObject({ id: 'c', count: 2 });
  });

  it('shows no share before anyone answered, and no wrong option when none was chosen', () => {
    const stats = questionStats(questions, [], []);
    expect(stats.every((s) => s.shareCorrect === null && s.topWrongOption === null && s.attempts === 0)).toBe(true);
    expect(hardestQuestion(stats)).toBeNull();
  });

  it('ignores tallies of questions the quiz no longer has, and breaks ties by option order', () => {
    const [pick] = questionStats(questions, [{ questionId: 'gone', attempts: 9, correct: 0 }, { questionId: 'pick', attempts: 2, correct: 0 }], [
      { questionId: 'pick', optionId: 'c', count: 1 },
      { questionId: 'pick', optionId: 'a', count: 1 },
    ]);
    expect(pick).toMatchObject({ attempts: 2, topWrongOption: { id: 'a' } });
  });

  it('picks the question with the lowest share right as the hardest', () => {
    const stats = questionStats(questions, [
      { questionId: 'pick', attempts: 10, correct: 9 },
      { questionId: 'many', attempts: 10, correct: 2 },
    ], []);
    expect(hardestQuestion(stats)?.questionId).toBe('many');
  });
});

describe('questionDefinitions', () => {
  it('turns true/false questions into two options with the right one marked, in the chosen language', () => {
    const quiz = quizSchema.parse({
      title: text('Q'),
      questions: [
        { id: 'fact', type: 'true-false', prompt: text('Sign first?'), answer: false, explanation: { true: text('no'), false: text('yes') } },
        { id: 'one', type: 'single', prompt: text('One'), options: [{ id: 'x', text: text('X'), correct: true, explanation: text('x') }, { id: 'y', text: text('Y'), explanation: text('y') }] },
      ],
    });
    const [fact, one] = questionDefinitions(quiz, 'zh', { true: '正确', false: '错误' });
    expect(fact).toEqual({ id: 'fact', prompt: 'Sign first?（中）', options: [{ id: 'true', text: '正确', correct: false }, { id: 'false', text: '错误', correct: true }] });
    expect(one!.options.map((o) => o.text)).toEqual(['X（中）', 'Y（中）']);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('gives the same answer from counted groups as from the values written out', () => {
    const groups = [{ value: 10, count: 3 }, { value: 2, count: 1 }, { value: 7, count: 2 }, { value: 99, count: 0 }];
    const expanded = groups.flatMap((g) => new Array<number>(g.count).fill(g.value));
    expect(weightedMedian(groups)).toBe(median(expanded));
    expect(weightedMedian([{ value: 1, count: 1 }, { value: 3, count: 1 }])).toBe(2);
  });
});

describe('moduleStats', () => {
  it('counts a completion without a recorded view as a start, so completion never exceeds 100%', () => {
    const stats = moduleStats({ moduleId: 'c/m', viewed: 3, completed: 4, viewToCompletionMinutes: [{ minutes: 1, count: 1 }, { minutes: 2, count: 1 }] });
    expect(stats).toMatchObject({ started: 5, completed: 4, completionRate: 0.8, medianMs: 120_000, timedCompletions: 2 });
  });

  it('leaves out negative durations (a view recorded only after completing) from the median', () => {
    const stats = moduleStats({ moduleId: 'c/m', viewed: 2, completed: 2, viewToCompletionMinutes: [{ minutes: -1, count: 1 }, { minutes: 30, count: 1 }] });
    expect(stats).toMatchObject({ medianMs: 30.5 * 60_000, timedCompletions: 1, started: 2 });
  });

  it('has no rate and no median when nobody started', () => {
    expect(moduleStats({ moduleId: 'c/m', viewed: 0, completed: 0, viewToCompletionMinutes: [] })).toMatchObject({ started: 0, completionRate: null, medianMs: null });
  });
});

describe('durationParts', () => {
  it('speaks in minutes, then hours, then days', () => {
    expect(durationParts(10_000)).toEqual({ unit: 'minutes', value: 1 });
    expect(durationParts(45 * 60_000)).toEqual({ unit: 'minutes', value: 45 });
    expect(durationParts(5 * 3_600_000)).toEqual({ unit: 'hours', value: 5 });
    expect(durationParts(3 * 86_400_000)).toEqual({ unit: 'days', value: 3 });
  });
});

describe('score distribution', () => {
  it('puts 100 into the top bin and scores below zero into the bottom one', () => {
    expect([0, 9.9, 10, 89.5, 90, 100, -3].map(binOf)).toEqual([0, 0, 1, 8, 9, 9, 0]);
  });

  it('counts scores into ten bins with shares and the mean', () => {
    const d = distributionOfScores([100, 95, 50, 55, 12]);
    expect(d.attempts).toBe(5);
    expect(d.mean).toBe(62.4);
    expect(d.bins.map((b) => b.count)).toEqual([0, 1, 0, 0, 0, 2, 0, 0, 0, 2]);
    expect(d.bins[9]).toMatchObject({ from: 90, to: 100, share: 0.4 });
    expect(d.bins.reduce((sum, b) => sum + b.count, 0)).toBe(d.attempts);
  });

  it('is empty without attempts and clamps stray bins instead of losing them', () => {
    expect(scoreDistribution([], 0)).toMatchObject({ attempts: 0, mean: null });
    expect(scoreDistribution([{ bin: 12, count: 2 }], 200).bins[9]!.count).toBe(2);
  });
});

describe('who sees content analytics', () => {
  it('opens them to trainers and admins only', () => {
    expect((['learner', 'trainer', 'manager', 'admin'] as const).filter(mayViewContentAnalytics)).toEqual(['trainer', 'admin']);
  });
});

const iso = (d: Date) => d.toISOString();

describe('describeChange', () => {
  it('shows only what changed, as before → after', () => {
    expect(describeChange({ role: 'learner', x: 1 }, { role: 'manager', x: 1 }, iso)).toBe('role: learner → manager');
    expect(describeChange({ teamId: null }, { teamId: 'team-east' }, iso)).toBe('teamId: — → team-east');
  });

  it('lists the new values of something created', () => {
    expect(describeChange(null, { email: 'a@b.cn', role: 'learner' }, iso)).toBe('email: a@b.cn; role: learner');
  });
});
