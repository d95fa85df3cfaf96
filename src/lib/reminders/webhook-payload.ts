/**
 * Group-robot webhooks: WeCom (企业微信), DingTalk (钉钉) and Feishu/Lark (飞书) each take a JSON
 * post in their own shape and answer 200 with an error code inside when they refuse it. Pure.
 */
export const webhookFormats = ['wecom', 'dingtalk', 'feishu'] as const;
export type WebhookFormat = (typeof webhookFormats)[number];

/** The robot a URL belongs to, by its host; anything else gets WeCom's shape (the most common here). */
export function webhookFormat(url: string): WebhookFormat {
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    return 'wecom';
  }
  if (host.endsWith('dingtalk.com')) return 'dingtalk';
  if (host.endsWith('feishu.cn') || host.endsWith('larksuite.com')) return 'feishu';
  const forced = /[?&]format=(wecom|dingtalk|feishu)\b/.exec(url)?.[1];
  return (forced as WebhookFormat | undefined) ?? 'wecom';
}

export interface WebhookMessage {
  title: string;
  text: string;
  link: string;
}

export function webhookBody(format: WebhookFormat, m: WebhookMessage): unknown {
  const markdown = `### ${m.title}\n${m.text}\n[${m.link}](${m.link})`;
  switch (format) {
    case 'wecom':
      return { msgtype: 'markdown', markdown: { content: markdown } };
    case 'dingtalk':
      return { msgtype: 'markdown', markdown: { title: m.title, text: markdown } };
    case 'feishu':
      return { msg_type: 'text', content: { text: `${m.title}\n${m.text}\n${m.link}` } };
  }
}

/** Whether the robot took the message: a 2xx whose body carries no error code (errcode / code ≠ 0). */
export function webhookAccepted(status: number, body: string): { ok: true } | { ok: false; error: string } {
  if (status < 200 || status > 299) return { ok: false, error: `The webhook answered ${status}: ${body.slice(0, 200)}` };
  try {
    const parsed = JSON.parse(body) as { errcode?: unknown; code?: unknown; errmsg?: unknown; msg?: unknown };
    const code = parsed.errcode ?? parsed.code;
    if (typeof code === 'number' && code !== 0) return { ok: false, error: `The webhook refused the message (code ${code}: ${String(parsed.errmsg ?? parsed.msg ?? '')})` };
  } catch {
    // A plain "ok" body is a success too.
  }
  return { ok: true };
}

/**
 * Why a webhook URL is refused, or null. The server posts to it, so only the robots' own hosts
 * (and any the operator adds in WEBHOOK_ALLOWED_HOSTS) are allowed: a URL may not point the
 * server at internal addresses.
 */
export function webhookUrlProblem(url: string, allowedHosts: readonly string[]): 'format' | 'host' | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'format';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'format';
  if (parsed.username || parsed.password) return 'format';
  const host = parsed.hostname.toLowerCase();
  return allowedHosts.some((h) => host === h || host.endsWith(`.${h}`)) ? null : 'host';
}

export const DEFAULT_WEBHOOK_HOSTS = ['qyapi.weixin.qq.com', 'oapi.dingtalk.com', 'open.feishu.cn', 'open.larksuite.com'];

/** WEBHOOK_ALLOWED_HOSTS as typed: commas, full-width commas, 、 or spaces; case ignored. */
export function allowedWebhookHosts(setting: string | undefined): string[] {
  const extra = (setting ?? '')
    .normalize('NFKC')
    .split(/[,、\s]+/)
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set([...DEFAULT_WEBHOOK_HOSTS, ...extra])];
}
