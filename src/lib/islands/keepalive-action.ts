/**
 * Calls an Astro Action the way its own client does (POST JSON to /_actions/<name>), but with
 * `keepalive`, so a save sent as the learner leaves the page still reaches the server. The
 * server treats it like any other action call: the session cookie, the same-origin rule
 * (Sec-Fetch-Site: same-origin) and the input schema all apply. `navigator.sendBeacon` would do
 * too, but it cannot send `application/json`, which the action endpoint expects.
 */
import { getActionPath } from 'astro:actions';
import { parse } from 'devalue';
import type { SaveOutcome } from './autosave';

type AnyAction = ((input: never) => Promise<{ data?: unknown }>) & { toString(): string };
type ReplyOf<A extends AnyAction> = NonNullable<Awaited<ReturnType<A>>['data']>;

export async function callWithKeepalive<A extends AnyAction>(action: A, input: Parameters<A>[0]): Promise<SaveOutcome<ReplyOf<A>>> {
  let response: Response;
  try {
    response = await fetch(getActionPath(action as never), {
      method: 'POST',
      keepalive: true,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(input),
    });
  } catch {
    return { ok: false, code: 'NETWORK' };
  }
  const body = await response.text().catch(() => '');
  // Astro answers a handler's result as devalue, an error as JSON with the action error code.
  if (response.ok) return { ok: true, reply: (body ? parse(body) : undefined) as ReplyOf<A> };
  try {
    const error = JSON.parse(body) as { code?: unknown };
    return { ok: false, code: typeof error.code === 'string' ? error.code : String(response.status) };
  } catch {
    return { ok: false, code: response.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' };
  }
}
