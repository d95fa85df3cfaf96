import { z } from 'astro/zod';
import { DEFAULT_COMPANY_TIME_ZONE, isTimeZone } from '../dates/zone';

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .min(1)
    .default('file:data/academy.db')
    .describe('libSQL URL: file:path for an embedded database, libsql://, http(s):// or ws(s):// for a server'),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  NODE_ENV: z.string().default('development'),
  COMPANY_TIME_ZONE: z
    .string()
    .trim()
    .default(DEFAULT_COMPANY_TIME_ZONE)
    .refine(isTimeZone, { message: 'not a time zone this server knows; use an IANA name such as Asia/Shanghai or Europe/Berlin' })
    .describe('IANA time zone in which the company reads dates: completion days, due dates, tenure, KPI periods'),
});

export type ServerEnv = z.infer<typeof envSchema>;

/** Reads the server's environment once; a bad value stops start-up with a message saying which. */
export function readServerEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment (${problems}). Fix the variable and start again.`);
  }
  return parsed.data;
}
