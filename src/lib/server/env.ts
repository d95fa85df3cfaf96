import { z } from 'astro/zod';
import { ladderTrackIds, type LadderTrack } from '../../schemas/level';

/**
 * LADDER_TRACKS as people type it: "office,field", "office, field", full-width commas or 、,
 * any case. Every name must be a known track and at least one must be on.
 */
export const ladderTracksSetting = z
  .string()
  .default('office')
  .transform((text, ctx) => {
    // `LADDER_TRACKS=` (set but empty) means the default, as for the other variables.
    if (text.trim() === '') return ['office'] as LadderTrack[];
    const names = text
      .normalize('NFKC')
      .split(/[,、\s]+/)
      .map((n) => n.trim().toLowerCase())
      .filter((n) => n !== '');
    const unknown = names.filter((n) => !(ladderTrackIds as readonly string[]).includes(n));
    if (unknown.length > 0 || names.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: `${unknown.length > 0 ? `"${unknown.join('", "')}" is not a track` : 'no track is switched on'}; use a comma-separated list of ${ladderTrackIds.join(', ')}, e.g. office,field`,
      });
      return z.NEVER;
    }
    return ladderTrackIds.filter((t) => names.includes(t)) as LadderTrack[];
  })
  .describe('Which career-ladder tracks are switched on: office (初级销售 … 销售经理), field (业务代表 … 大区经理)');

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .min(1)
    .default('file:data/academy.db')
    .describe('libSQL URL: file:path for an embedded database, libsql://, http(s):// or ws(s):// for a server'),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  NODE_ENV: z.string().default('development'),
  LADDER_TRACKS: ladderTracksSetting,
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
