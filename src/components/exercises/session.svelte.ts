/**
 * What every exercise island shares: whether it is live, saving the work so far, submitting,
 * starting over, and turning action errors into the learner's language. Create it while the
 * component initialises (it registers an effect).
 *
 * Every write names the attempt revision this tab last saw, and each stored write returns the
 * next one; a write from a tab another tab has moved past is refused with CONFLICT, and this
 * tab then says so and stops saving instead of overwriting the other tab's work.
 */
import { actions, isInputError } from 'astro:actions';
import { errorMessageKey } from '../../lib/islands/action-messages';
import { Autosave, flushWhenPageHides, type AutosaveState } from '../../lib/islands/autosave';
import { callWithKeepalive } from '../../lib/islands/keepalive-action';
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
  /** The attempt revision the learner's work so far is at (exercise.open). */
  revision: number;
}

export interface SessionOptions {
  exerciseId: string;
  lang: 'zh' | 'en';
  seed: number;
  revision: number;
  strings: Record<string, string>;
}

const SAVE_DELAY_MS = 600;
/** Error codes with a message of their own on an exercise; the rest share the general ones. */
const errorKeys: Record<string, string> = { CONFLICT: 'exercise.conflict' };

export class ExerciseSession<R extends ExerciseResult = ExerciseResult> {
  /** Server-rendered inputs stay disabled until the island is live, so no early click is lost. */
  live = $state(false);
  busy = $state(false);
  errorText = $state('');
  result = $state<R | null>(null);
  saveState = $state<AutosaveState>({ status: 'idle' });
  /** The quiet line under the exercise: saved, or not saved and trying again. */
  readonly saveNote = $derived(
    this.saveState.status === 'saved' ? this.#text('exercise.saved') : this.saveState.status === 'retrying' ? this.#text('exercise.notSaved') : '',
  );
  #options: SessionOptions;
  #revision: number;
  #autosave: Autosave<LearnerAnswer, { attemptId: string; savedAt: number; revision: number }>;
  #idempotencyKey = crypto.randomUUID();

  constructor(options: SessionOptions) {
    this.#options = options;
    this.#revision = options.revision;
    this.#autosave = new Autosave({
      delayMs: SAVE_DELAY_MS,
      // Sent with keepalive, so the last move survives the learner leaving the page right after it.
      // A save sent behind one still in flight builds on the revision that one will store.
      send: (answer, { behind }) =>
        callWithKeepalive(actions.exercise.save, {
          exerciseId: this.#options.exerciseId,
          answer,
          seed: this.#options.seed,
          revision: behind ? this.#revision + 1 : this.#revision,
        }),
      onSaved: ({ revision }) => (this.#revision = Math.max(this.#revision, revision)),
      onState: (state) => {
        this.saveState = state;
        if (state.status === 'refused') this.#fail({ code: state.code });
      },
    });
    $effect(() => {
      this.live = true;
      const stopListening = flushWhenPageHides(this.#autosave);
      return () => {
        stopListening();
        // The island going away (not the page) still keeps the last change.
        this.#autosave.flushNow();
      };
    });
  }

  #text(key: string): string {
    return this.#options.strings[key] ?? '';
  }

  #fail(error: { code: string } | unknown) {
    const code = isInputError(error) ? 'BAD_REQUEST' : ((error as { code?: string }).code ?? 'INTERNAL_SERVER_ERROR');
    if (code === 'CONFLICT') this.#autosave.stop();
    this.errorText = this.#text(errorKeys[code] ?? errorMessageKey(code));
  }

  #network() {
    this.errorText = this.#options.strings['error.network'] ?? '';
  }

  /** Saves a little after the last change, so a burst of moves is one request. */
  scheduleSave(answer: LearnerAnswer) {
    this.#autosave.schedule($state.snapshot(answer) as LearnerAnswer);
  }

  async submit(answer?: LearnerAnswer): Promise<void> {
    this.busy = true;
    this.errorText = '';
    // The submission carries the work itself; it only has to wait for the revision a save in flight stores.
    await this.#autosave.cancel();
    try {
      const { exerciseId, lang, seed } = this.#options;
      const sent = answer ? ($state.snapshot(answer) as LearnerAnswer) : undefined;
      const { data, error } = await actions.exercise.submit({ exerciseId, lang, seed, answer: sent, revision: this.#revision, idempotencyKey: this.#idempotencyKey });
      if (error) {
        this.#fail(error);
        if (sent && error.code !== 'CONFLICT') this.#autosave.schedule(sent);
      } else {
        this.result = data.result as R;
        this.#autosave.stop();
      }
    } catch {
      this.#network();
      if (answer) this.#autosave.schedule($state.snapshot(answer) as LearnerAnswer);
    } finally {
      this.busy = false;
    }
  }

  async choose(choiceId: string): Promise<PublicRoleplayNode | null> {
    this.busy = true;
    this.errorText = '';
    try {
      const { exerciseId, lang, seed } = this.#options;
      const { data, error } = await actions.exercise.choose({ exerciseId, lang, seed, choiceId, revision: this.#revision });
      if (error) this.#fail(error);
      else {
        this.#revision = data.revision;
        return data.node;
      }
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
      this.#revision = data.revision;
      this.#idempotencyKey = crypto.randomUUID();
      this.result = null;
      this.#autosave.resume();
      return { view: data.view, answer: data.answer };
    } catch {
      this.#network();
      return null;
    } finally {
      this.busy = false;
    }
  }
}
