/**
 * What every exercise island shares: whether it is live, saving the work so far, submitting,
 * starting over, and turning action errors into the learner's language. Create it while the
 * component initialises (it registers an effect).
 */
import { actions, isInputError } from 'astro:actions';
import { errorMessageKey } from '../../lib/island-messages';
import type { ExerciseResult, LearnerAnswer, PublicExercise, PublicRoleplayNode } from '../../lib/exercises';

/** What every exercise island starts from: the learner's start as exercise.open returns it. */
export interface ExerciseIslandProps<View, Saved> {
  view: View;
  /** The learner's own work from an attempt left half-done. */
  savedWork: Saved | null;
  lang: 'zh' | 'en';
  seed: number;
  strings: Record<string, string>;
  lastPercent: number | null;
  bestPercent: number | null;
  resumed: boolean;
}

export interface SessionOptions {
  exerciseId: string;
  lang: 'zh' | 'en';
  seed: number;
  strings: Record<string, string>;
}

const SAVE_DELAY_MS = 600;

export class ExerciseSession<R extends ExerciseResult = ExerciseResult> {
  /** Server-rendered inputs stay disabled until the island is live, so no early click is lost. */
  live = $state(false);
  busy = $state(false);
  errorText = $state('');
  result = $state<R | null>(null);
  saved = $state(false);
  #options: SessionOptions;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #pending: LearnerAnswer | null = null;
  #idempotencyKey = crypto.randomUUID();

  constructor(options: SessionOptions) {
    this.#options = options;
    $effect(() => {
      this.live = true;
      return () => clearTimeout(this.#saveTimer);
    });
  }

  #fail(error: { code: string } | unknown) {
    const code = isInputError(error) ? 'BAD_REQUEST' : ((error as { code?: string }).code ?? 'INTERNAL_SERVER_ERROR');
    this.errorText = this.#options.strings[errorMessageKey(code)] ?? '';
  }

  #network() {
    this.errorText = this.#options.strings['error.network'] ?? '';
  }

  /** Saves a little after the last change, so a burst of moves is one request. */
  scheduleSave(answer: LearnerAnswer) {
    this.#pending = $state.snapshot(answer) as LearnerAnswer;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => void this.#flush(), SAVE_DELAY_MS);
  }

  async #flush() {
    const answer = this.#pending;
    this.#pending = null;
    if (!answer) return;
    try {
      const { error } = await actions.exercise.save({ exerciseId: this.#options.exerciseId, answer, seed: this.#options.seed });
      if (error) this.#fail(error);
      else this.saved = true;
    } catch {
      this.#network();
    }
  }

  async submit(answer?: LearnerAnswer): Promise<void> {
    clearTimeout(this.#saveTimer);
    this.#pending = null;
    this.busy = true;
    this.errorText = '';
    try {
      const { exerciseId, lang, seed } = this.#options;
      const sent = answer ? ($state.snapshot(answer) as LearnerAnswer) : undefined;
      const { data, error } = await actions.exercise.submit({ exerciseId, lang, seed, answer: sent, idempotencyKey: this.#idempotencyKey });
      if (error) this.#fail(error);
      else this.result = data.result as R;
    } catch {
      this.#network();
    } finally {
      this.busy = false;
    }
  }

  async choose(choiceId: string): Promise<PublicRoleplayNode | null> {
    this.busy = true;
    this.errorText = '';
    try {
      const { exerciseId, lang, seed } = this.#options;
      const { data, error } = await actions.exercise.choose({ exerciseId, lang, seed, choiceId });
      if (error) this.#fail(error);
      else return data.node;
    } catch {
      this.#network();
    } finally {
      this.busy = false;
    }
    return null;
  }

  /** Starts a new attempt after a submission: a fresh view (new shuffle) and a fresh answer. */
  async restart(): Promise<{ view: PublicExercise; answer: LearnerAnswer | null } | null> {
    this.busy = true;
    this.errorText = '';
    try {
      const { data, error } = await actions.exercise.start({ exerciseId: this.#options.exerciseId, lang: this.#options.lang });
      if (error) {
        this.#fail(error);
        return null;
      }
      this.#options.seed = data.seed;
      this.#idempotencyKey = crypto.randomUUID();
      this.result = null;
      this.saved = false;
      return { view: data.view, answer: data.answer };
    } catch {
      this.#network();
      return null;
    } finally {
      this.busy = false;
    }
  }
}
