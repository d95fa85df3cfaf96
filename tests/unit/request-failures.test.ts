import { describe, expect, it } from 'vitest';
import type { MiddlewareNext } from 'astro';
import { nextOrFailure } from '../../src/lib/http/server/failures';

const context = (path: string) => ({ request: new Request(`http://academy.test${path}`, { method: 'POST' }), url: new URL(`http://academy.test${path}`) });
const throwing = (error: unknown) => (async () => {
  throw error;
}) as MiddlewareNext;

describe('a request that fails underneath the middleware', () => {
  it('answers what went right as it was', async () => {
    const ok = new Response('fine');
    expect(await nextOrFailure(context('/zh/'), (async () => ok) as MiddlewareNext)).toBe(ok);
  });

  it('answers 500 with a plain bilingual sentence and logs the path, never the stack', async () => {
    const logged: string[] = [];
    const response = await nextOrFailure(context('/zh/coaching/replay/x'), throwing(new TypeError('secret stack detail')), (message) => logged.push(message));
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).toContain('请刷新页面再试一次');
    expect(body).toContain('Reload the page and try again');
    expect(body).not.toContain('secret stack detail');
    expect(logged).toEqual(['POST /zh/coaching/replay/x failed:']);
  });

  it('answers 400 to a body that is not JSON sent to an action', async () => {
    const response = await nextOrFailure(context('/_actions/review.answer'), throwing(new SyntaxError('Unexpected token')), () => {});
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe('BAD_REQUEST');
  });
});
