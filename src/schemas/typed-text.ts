/** Zod fields for text people type into forms; see lib/forms/typed-text.ts for what is refused and why. */
import { z } from 'astro/zod';
import { hasHiddenCharacters } from '../lib/forms/typed-text';

const message = 'remove the invisible control characters (pasted from another program?) and type the text again';

/** A trimmed single-line string of at most `max` characters with nothing hidden in it. */
export const singleLine = (max: number) =>
  z.string().trim().max(max).refine((text) => !hasHiddenCharacters(text), message);

/** A trimmed multi-line string (notes, reasons) with nothing hidden in it but line breaks and tabs. */
export const multiLine = (max: number) =>
  z.string().trim().max(max).refine((text) => !hasHiddenCharacters(text, true), message);
