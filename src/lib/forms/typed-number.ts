/**
 * A form field that holds a number as a person typed it, read by the one number reader. Astro's
 * form parsing hands a `z.number()` field to `Number()`, which refuses "104%" and reads "1,200" as
 * NaN; a union with a string keeps the text for the reader instead, and a JSON client may still
 * send a plain number.
 */
import { z } from 'astro/zod';
import { readNumber, type UnitText } from '../numbers/read-number';

export function typedNumber(unit: UnitText, hint: string) {
  return z
    .union([z.number(), z.string().max(40)])
    .transform((typed, context) => {
      const reading = readNumber(typed, unit);
      if (reading.ok) return reading.value;
      context.addIssue({ code: 'custom', message: hint });
      return z.NEVER;
    });
}
