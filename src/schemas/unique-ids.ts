import type { z } from 'astro/zod';

/**
 * Answers, stored attempts and keyed lists on screen name an item of a list by its id (an option,
 * a step, a card, a node…). Two items with one id make both "the" answer and confuse the screen,
 * so every such list is checked here, in the schema, where both the build and `content:check` see it.
 */

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
};

/** Each value that occurs more than once, with the 1-based positions where it occurs. */
export function duplicatesIn(values: readonly string[]): { value: string; positions: number[] }[] {
  const positions = new Map<string, number[]>();
  values.forEach((value, index) => positions.set(value, [...(positions.get(value) ?? []), index + 1]));
  return [...positions].filter(([, at]) => at.length > 1).map(([value, at]) => ({ value, positions: at }));
}

const listed = (positions: number[]) => positions.map(ordinal).join(' and ');

/**
 * Reports each id that more than one item of `list` carries, at the list's path (an item's own
 * path would be ambiguous: its id is the duplicate), naming the value, where it occurs and the fix.
 */
export function uniqueIds<T extends object>(
  list: readonly T[],
  key: keyof T & string,
  context: z.core.$RefinementCtx,
  { path, what }: { path: readonly PropertyKey[]; what: string },
): void {
  const values = list.map((item) => String(item[key]));
  for (const { value, positions } of duplicatesIn(values)) {
    context.addIssue({
      code: 'custom',
      path: [...path],
      message: `the ${listed(positions)} ${what}s share the ${key} "${value}"; give every ${what} its own ${key} (answers refer to it): rename all but one after their content`,
    });
  }
}

/** Reports a reference listed more than once (a module required twice, a KPI given two thresholds). */
export function noRepeats(values: readonly string[], context: z.core.$RefinementCtx, { path, what }: { path: readonly PropertyKey[]; what: string }): void {
  for (const { value, positions } of duplicatesIn(values)) {
    context.addIssue({
      code: 'custom',
      path: [...path],
      message: `lists ${what} "${value}" more than once (the ${listed(positions)} entries); keep one and remove the others`,
    });
  }
}
