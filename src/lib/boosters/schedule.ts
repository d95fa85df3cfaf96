/**
 * The one place booster cards are scheduled: a thin wrapper round ts-fsrs (FSRS), so the rest of
 * the code speaks "right" and "wrong" and never the library's types. Pure: `now` is passed in.
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card } from 'ts-fsrs';

/** A card's memory state as stored in review_cards. */
export interface CardState {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}

// Why these settings: a booster is a once-a-day habit, not a cramming session, so a miss comes
// back the next day rather than in a minute (no short-term steps), and there is no fuzz, so the
// same history always gives the same due date (tests and the learner see a stable plan).
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));

const toState = (card: Card): CardState => ({
  due: card.due,
  stability: card.stability,
  difficulty: card.difficulty,
  elapsedDays: card.elapsed_days,
  scheduledDays: card.scheduled_days,
  learningSteps: card.learning_steps,
  reps: card.reps,
  lapses: card.lapses,
  state: card.state,
  lastReview: card.last_review ?? null,
});

const toCard = (state: CardState): Card => ({
  due: state.due,
  stability: state.stability,
  difficulty: state.difficulty,
  elapsed_days: state.elapsedDays,
  scheduled_days: state.scheduledDays,
  learning_steps: state.learningSteps,
  reps: state.reps,
  lapses: state.lapses,
  state: state.state,
  ...(state.lastReview ? { last_review: state.lastReview } : {}),
});

/** A card never reviewed: due at once. */
export function newCardState(now: Date): CardState {
  return toState(createEmptyCard(now));
}

/**
 * The state after one answer. A right answer rates Good, a wrong one Again: the learner is not
 * asked to rate themselves, since the server already knows whether they were right.
 */
export function scheduleAnswer(state: CardState, correct: boolean, now: Date): CardState {
  return toState(scheduler.next(toCard(state), now, correct ? Rating.Good : Rating.Again).card);
}
