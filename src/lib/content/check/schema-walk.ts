/**
 * Finds the part of a zod schema that describes one place in a file, so a message can list what is
 * allowed there: the fields an object takes ("did you mean …") and the values a `type` may have.
 * Reads zod 4's definitions; anything it does not recognise gives `undefined` (the message then
 * simply goes without the list).
 */
import type { z } from 'astro/zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType | undefined): Def | undefined => (schema as unknown as { _zod?: { def?: Def } })?._zod?.def;

/** Unwraps optional, default, pipe, lazy … down to the schema that holds the structure. */
function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  for (let i = 0; i < 20 && schema; i++) {
    const def = defOf(schema);
    if (!def) return undefined;
    const next = def.innerType ?? (def.type === 'pipe' ? def.in : undefined) ?? (def.type === 'lazy' ? def.getter?.() : undefined);
    if (!next) return schema;
    schema = next;
  }
  return schema;
}

/** The values each option of a discriminated union gives its discriminator, e.g. type: single, multiple, … */
export function discriminatorValues(union: z.ZodType | undefined): { key: string; values: string[] } | undefined {
  const def = defOf(unwrap(union));
  if (!def || def.type !== 'union' || !def.options || !def.discriminator) return undefined;
  const values = def.options.flatMap((option) => {
    const shape = defOf(unwrap(option))?.shape;
    const literal = defOf(unwrap(shape?.[def.discriminator!]));
    const raw = (literal as unknown as { values?: unknown[] })?.values ?? [];
    return raw.map(String);
  });
  return values.length ? { key: def.discriminator, values } : undefined;
}

/** The (unwrapped) schema at `path` in `data`, choosing a union's option by the data's discriminator. */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[], data: unknown): z.ZodType | undefined {
  let here: z.ZodType | undefined = schema;
  let value: unknown = data;
  const pick = () => {
    here = unwrap(here);
    const def = defOf(here);
    if (def?.type === 'union' && def.options) {
      const option = def.discriminator && value && typeof value === 'object'
        ? def.options.find((o) => (defOf(unwrap(defOf(unwrap(o))?.shape?.[def.discriminator!])) as unknown as { values?: unknown[] })?.values?.includes((value as Record<string, unknown>)[def.discriminator!]))
        : undefined;
      if (option) here = unwrap(option);
    }
  };
  for (const key of path) {
    pick();
    const def = defOf(here);
    if (!def) return undefined;
    if (def.type === 'array' && typeof key === 'number') here = def.element;
    else if (def.type === 'object' && typeof key === 'string') here = def.shape?.[key];
    else if (def.type === 'record') here = (def as unknown as { valueType?: z.ZodType }).valueType;
    else return undefined;
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  pick();
  return here;
}

/** The field names an object schema takes. */
export function fieldsOf(schema: z.ZodType | undefined): string[] {
  const def = defOf(unwrap(schema));
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}
