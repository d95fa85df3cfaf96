import type { z } from 'astro/zod';
import { didYouMean } from './did-you-mean';
import { discriminatorValues, fieldsOf, schemaAt } from './schema-walk';

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
export function describeIssue(issue: z.core.$ZodIssue, data: unknown, schema?: z.ZodType): { field: string; message: string } {
  const field = fieldPath(issue.path, data) || '(whole file)';
  const value = valueAt(data, issue.path);
  if (issue.code === 'invalid_union') {
    const allowed = unionChoices(issue, data, schema);
    if (allowed) return allowed;
  }
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { field, message: `is missing; add "${field}" (expected ${issue.expected})` };
      return { field, message: `is ${show(value)}, but it must be a ${issue.expected}` };
    case 'unrecognized_keys': {
      const known = schema ? fieldsOf(schemaAt(schema, issue.path, data)) : [];
      const hints = issue.keys.map((k) => didYouMean(k, known)).filter(Boolean);
      // `{ zh: …, en: Quote, negotiate }` reads "negotiate" as a field with no value.
      const here = valueAt(data, issue.path) as Record<string, unknown> | undefined;
      if (known.includes('en') && issue.keys.every((k) => here?.[k] === null)) {
        return { field, message: `has ${issue.keys.map((k) => `"${k}"`).join(', ')} as a field of its own: a comma inside { zh: …, en: … } ends the text. Quote the text with the comma (en: "Quote, negotiate") or write zh: and en: on lines of their own` };
      }
      return {
        field,
        message: `has unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; ${hints.join('')}check the spelling or remove them${known.length ? ` (the fields here are ${known.join(', ')})` : ' (docs/authoring.md lists every field)'}`,
      };
    }
    case 'invalid_value':
      return {
        field,
        message: `is ${show(value)}, but it must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${typeof value === 'string' && didYouMean(value, issue.values.map(String)) ? `; ${didYouMean(value, issue.values.map(String)).trim()}` : ''}`,
      };
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

/** A wrong `type` (or other discriminator): the value given and the values allowed, with the nearest. */
function unionChoices(issue: z.core.$ZodIssue & { code: 'invalid_union' }, data: unknown, schema?: z.ZodType): { field: string; message: string } | undefined {
  const key = 'discriminator' in issue && issue.discriminator ? String(issue.discriminator) : undefined;
  if (!key || !schema) return undefined;
  const unionPath = issue.path[issue.path.length - 1] === key ? issue.path.slice(0, -1) : issue.path;
  const allowed = discriminatorValues(schemaAt(schema, unionPath, data));
  if (!allowed) return undefined;
  const given = valueAt(data, [...unionPath, allowed.key]);
  const hint = typeof given === 'string' ? didYouMean(given, allowed.values).trim() : '';
  return {
    field: fieldPath([...unionPath, allowed.key], data),
    message: `is ${show(given)}, but "${allowed.key}" must be one of ${allowed.values.map((v) => `"${v}"`).join(', ')}${hint ? `; ${hint}` : ''}`,
  };
}
