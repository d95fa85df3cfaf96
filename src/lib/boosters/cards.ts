/**
 * Which review cards a learner should have: every quiz question they have met in a module they
 * completed, and every key term of those modules. Pure: the curriculum and the learner's record
 * in, card ids out. Ids are stable strings, so a card keeps its schedule across content releases.
 */

export type CardRef = { kind: 'question'; quizId: string; questionId: string } | { kind: 'term'; termId: string };

const SLUG = '[a-z0-9][a-z0-9-]*';
const QUESTION_CARD = new RegExp(`^question:(${SLUG})/(${SLUG})$`);
const TERM_CARD = new RegExp(`^term:(${SLUG})$`);

export function cardId(ref: CardRef): string {
  return ref.kind === 'question' ? `question:${ref.quizId}/${ref.questionId}` : `term:${ref.termId}`;
}

/** A card id read back; null for anything that is not one (a forged or mistyped id). */
export function parseCardId(id: string): CardRef | null {
  const question = QUESTION_CARD.exec(id);
  if (question) return { kind: 'question', quizId: question[1]!, questionId: question[2]! };
  const term = TERM_CARD.exec(id);
  return term ? { kind: 'term', termId: term[1]! } : null;
}

/** What card derivation needs of one completed module. */
export interface CompletedModule {
  moduleId: string;
  quizId: string | undefined;
  /** `<KeyTerm id>`s of the module body, in order. */
  keyTerms: readonly string[];
}

export interface CardSources {
  completed: readonly CompletedModule[];
  /** Question ids each quiz asked this learner in any stored attempt. */
  metQuestions: ReadonlyMap<string, ReadonlySet<string>>;
  /** Question ids each quiz has today: a question removed by a trainer makes no card. */
  quizQuestions: ReadonlyMap<string, ReadonlySet<string>>;
  /** Glossary ids that exist today. */
  glossary: ReadonlySet<string>;
}

/** Every card the learner should have, each once, in module order (questions, then terms). */
export function cardsToHave(sources: CardSources): string[] {
  const ids: string[] = [];
  for (const module of sources.completed) {
    if (module.quizId) {
      const exists = sources.quizQuestions.get(module.quizId) ?? new Set<string>();
      for (const questionId of sources.metQuestions.get(module.quizId) ?? []) {
        if (exists.has(questionId)) ids.push(cardId({ kind: 'question', quizId: module.quizId, questionId }));
      }
    }
    for (const termId of module.keyTerms) if (sources.glossary.has(termId)) ids.push(cardId({ kind: 'term', termId }));
  }
  return [...new Set(ids)];
}
