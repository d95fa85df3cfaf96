import { z } from 'astro/zod';
import { bilingualText, slug } from './common';

/** One entry of `content/glossary.yaml`: the single definition of a term that lessons show with `<KeyTerm id>`. */
export const glossaryTermSchema = z.strictObject({
  id: slug.describe('Stable id that lessons name in <KeyTerm id="…" />, e.g. "close-rate"'),
  term: bilingualText.describe('The term itself, e.g. 成交率 / Close rate'),
  definition: bilingualText.describe('What it means, with the formula where there is one; plain text'),
});
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

/** `content/glossary.yaml`: a list of terms, each id once. */
export const glossarySchema = z.array(glossaryTermSchema).superRefine((terms, ctx) => {
  const seen = new Map<string, number>();
  terms.forEach((term, i) => {
    const first = seen.get(term.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `is "${term.id}", already used by entry [${first}]; one term, one definition: merge the two entries` });
    } else seen.set(term.id, i);
  });
});
