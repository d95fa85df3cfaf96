import { describe, expect, it } from 'vitest';
import { attemptAvailability, countedPercent, type PastAttempt } from '../../src/lib/quiz/attempt-rules';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 9, minute));
const attempt = (minute: number, percent: number, passPercent = 70): PastAttempt => ({ finishedAt: at(minute), percent, passed: percent >= passPercent });
const rules = (maxAttempts: number | undefined, cooldownMinutes = 0) => ({ maxAttempts, cooldownMinutes });

describe('attemptAvailability', () => {
  it('opens the first attempt and counts what is left', () => {
    expect(attemptAvailability(rules(3), [], at(0))).toEqual({ status: 'open', attemptNumber: 0, attemptsLeft: 3 });
    expect(attemptAvailability(rules(undefined), [attempt(0, 10), attempt(1, 20)], at(5))).toEqual({ status: 'open', attemptNumber: 2, attemptsLeft: null });
  });

  it('closes once every attempt is spent, passed or not', () => {
    expect(attemptAvailability(rules(2), [attempt(0, 100), attempt(1, 100)], at(9))).toEqual({ status: 'limit', attemptNumber: 2, maxAttempts: 2 });
    expect(attemptAvailability(rules(1), [attempt(0, 0)], at(59)).status).toBe('limit');
  });

  it('makes a learner wait after an attempt below the pass mark, until the minute the cooldown ends', () => {
    const past = [attempt(0, 40)];
    expect(attemptAvailability(rules(3, 10), past, at(9))).toEqual({ status: 'cooldown', attemptNumber: 1, attemptsLeft: 2, until: at(10) });
    expect(attemptAvailability(rules(3, 10), past, at(10)).status).toBe('open');
  });

  it('lets a learner who passed try again at once', () => {
    expect(attemptAvailability(rules(3, 10), [attempt(0, 40), attempt(20, 90)], at(21)).status).toBe('open');
  });

  it('times the cooldown from the latest attempt, whatever order the attempts come in', () => {
    expect(attemptAvailability(rules(undefined, 10), [attempt(30, 40), attempt(0, 90)], at(35)).status).toBe('cooldown');
  });

  it('puts the limit before the cooldown: waiting does not help once attempts are spent', () => {
    expect(attemptAvailability(rules(1, 10), [attempt(0, 0)], at(1)).status).toBe('limit');
  });

  it('has no cooldown at 0 minutes', () => {
    expect(attemptAvailability(rules(undefined, 0), [attempt(0, 0)], at(0)).status).toBe('open');
  });
});

describe('countedPercent', () => {
  const past = [attempt(0, 60), attempt(10, 95), attempt(20, 70)];

  it('counts the best attempt under "best"', () => {
    expect(countedPercent(past, 'best')).toBe(95);
  });

  it('counts the most recent attempt under "last", even when it is worse', () => {
    expect(countedPercent(past, 'last')).toBe(70);
    expect(countedPercent([attempt(20, 70), attempt(0, 99)], 'last')).toBe(70);
  });

  it('is null before any attempt', () => {
    expect(countedPercent([], 'best')).toBeNull();
    expect(countedPercent([], 'last')).toBeNull();
  });
});
