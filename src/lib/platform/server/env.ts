import { z } from 'astro/zod';
import { proxyMatcher, trustedProxiesProblem, type ProxyMatcher } from '../../http/server/client-address';
import { DEFAULT_COMPANY_TIME_ZONE, isTimeZone } from '../../dates/zone';
import { ladderTrackIds, type LadderTrack } from '../../../schemas/level';
import { oidcEnvShape, oidcSettingsProblems } from '../../auth/oidc/config';

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
  PUBLIC_URL: z
    .url('PUBLIC_URL must be a full URL such as https://academy.example.com')
    .optional()
    .describe('The address people reach the site at; certificates and their credentials name it. Default: the address of the request'),
  XAPI_ENDPOINT: z
    .url('XAPI_ENDPOINT must be the LRS endpoint URL, e.g. https://lrs.example.com/xapi/')
    .optional()
    .describe('xAPI endpoint of a learning record store; when set, learning events are forwarded as statements'),
  XAPI_USERNAME: z.string().optional().describe('Basic-auth key for the LRS'),
  XAPI_PASSWORD: z.string().optional().describe('Basic-auth secret for the LRS'),
  XAPI_ACTOR: z.enum(['mbox', 'account']).default('mbox').describe('Identify people in statements by email (mbox) or by account id'),
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .superRefine((value, ctx) => {
      const problem = trustedProxiesProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .describe('comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed'),
  SESSION_MAX_AGE_DAYS: z.coerce
    .number()
    .int('a whole number of days')
    .min(1)
    .max(365)
    .default(30)
    .describe('a session ends this many days after login however active it is'),
  COMPANY_TIME_ZONE: z
    .string()
    .trim()
    .default(DEFAULT_COMPANY_TIME_ZONE)
    .refine(isTimeZone, { message: 'not a time zone this server knows; use an IANA name such as Asia/Shanghai or Europe/Berlin' })
    .describe('IANA time zone in which the company reads dates: completion days, due dates, tenure, KPI periods'),
  LADDER_TRACKS: ladderTracksSetting,
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\//, 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtps://user:pass@smtp.example.com:465')
    .optional()
    .describe('Mail server for reminder mails; without it reminders reach the in-app inbox only'),
  SMTP_FROM: z.string().trim().min(3).default('Sales Academy <no-reply@localhost>').describe('Sender of reminder mails, e.g. 销售学院 <academy@example.com>'),
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default('')
    .describe('Hosts besides WeCom, DingTalk and Feishu that group-robot webhook URLs may point at (comma-separated)'),
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(10).describe('A group robot that has not answered in this time counts as failed and is retried later'),
  RETENTION_MONTHS: z
    .string()
    .optional()
    .transform((text, ctx) => {
      // Unset or empty: keep deactivated accounts until an admin erases them.
      if (text === undefined || text.trim() === '') return undefined;
      const months = Number(text.normalize('NFKC').trim());
      if (!Number.isInteger(months) || months < 1 || months > 1200) {
        ctx.addIssue({ code: 'custom', message: 'RETENTION_MONTHS must be a whole number of months from 1 to 1200, e.g. 24' });
        return z.NEVER;
      }
      return months;
    })
    .describe('erase the personal data of accounts deactivated longer than this many months ago'),
  // Single sign-on (OIDC_*, PASSWORD_LOGIN): src/lib/auth/oidc/config.ts.
  ...oidcEnvShape,
}).superRefine((env, ctx) => {
  for (const { variable, message } of oidcSettingsProblems(env)) ctx.addIssue({ code: 'custom', path: [variable], message });
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

/** The site's public origin (no trailing slash): PUBLIC_URL when set, else the request's own. */
export function publicOrigin(requestUrl: URL, env: Pick<ServerEnv, 'PUBLIC_URL'> = serverEnv()): string {
  return env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : requestUrl.origin;
}

let current: ServerEnv | undefined;
/** The running server's environment, read on first use (start-up already refused bad values). */
export function serverEnv(): ServerEnv {
  return (current ??= readServerEnv());
}

let proxies: ProxyMatcher | undefined;
/** Whether an address is one of the operator's reverse proxies (TRUSTED_PROXIES; none by default). */
export function trustedProxies(): ProxyMatcher {
  return (proxies ??= proxyMatcher(serverEnv().TRUSTED_PROXIES));
}
