import type { z } from 'astro/zod';

/**
 * "questions[id=q3].options" from a zod path: an item of a list is named by its id, which a trainer
 * finds in the file at once, where counting to the 7th item is slow and error-prone. Items without an
 * id, or whose id is not unique in their list, keep their position: "prerequisites[0]".
 */
export function fieldPath(path: readonly PropertyKey[], data?: unknown): string {
  let out = '';
  let here: unknown = data;
  for (const key of path) {
    if (typeof key === 'number') {
      const list = Array.isArray(here) ? here : [];
      const id = idOf(list[key]);
      out += id !== null && list.filter((item) => idOf(item) === id).length === 1 ? `[id=${id}]` : `[${key}]`;
    } else {
      out += out ? `.${String(key)}` : String(key);
    }
    here = here !== null && typeof here === 'object' ? (here as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return out;
}

function idOf(item: unknown): string | null {
  const id = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? id : null;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Turns a zod issue into a sentence for a trainer: the field, what it holds, and what it should
 * hold. Messages written in the schemas (which already say the fix) are kept as they are.
 */
export function describeIssue(issue: z.core.$ZodIssue, data: unknown): { field: string; message: string } {
  const field = fieldPath(issue.path, data) || '(whole file)';
  const value = valueAt(data, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { field, message: `is missing; add "${field}" (expected ${issue.expected})` };
      return { field, message: `is ${show(value)}, but it must be a ${issue.expected}` };
    case 'unrecognized_keys':
      return {
        field,
        message: `has unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; check the spelling or remove them (docs/authoring.md lists every field)`,
      };
    case 'invalid_value':
      return { field, message: `is ${show(value)}, but it must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` };
    case 'invalid_union':
      return { field, message: `is ${show(value)}, which matches none of the allowed shapes${'discriminator' in issue && issue.discriminator ? ` (check "${String(issue.discriminator)}")` : ''}` };
    case 'too_small':
      return { field, message: issue.message.startsWith('Too small') ? `is too small or too short (minimum ${issue.minimum})` : issue.message };
    case 'too_big':
      return { field, message: issue.message.startsWith('Too big') ? `is too large or too long (maximum ${issue.maximum})` : issue.message };
    default:
      return { field, message: issue.message };
  }
}
