/**
 * What a request that fails answers. Without this, an error thrown by a page or an action reaches
 * Astro's app, which answers 404 with an empty body: the person is told the page does not exist,
 * and monitoring never sees a failure. Here a body that is not JSON sent to an action is the
 * caller's mistake (400, saying so); anything else is logged with the path and answered 500 with
 * a plain sentence in both languages. No stack or SQL reaches the response.
 */
import type { APIContext, MiddlewareNext } from 'astro';

const FAILED_TEXT =
  '出了点问题，这次请求没有完成。请刷新页面再试一次；如果一直这样，请告诉管理员。\n' +
  'Something went wrong and this request was not completed. Reload the page and try again; if it keeps happening, tell your administrator.';

/** `next()`, or the plain answer for a request that failed underneath it. */
export async function nextOrFailure(context: Pick<APIContext, 'request' | 'url'>, next: MiddlewareNext, log: (message: string, error: unknown) => void = console.error): Promise<Response> {
  try {
    return await next();
  } catch (error) {
    if (error instanceof SyntaxError && context.url.pathname.startsWith('/_actions/')) {
      return Response.json(
        { type: 'AstroActionError', code: 'BAD_REQUEST', status: 400, message: 'The request body is not valid JSON. Send the action its input as a JSON object.' },
        { status: 400 },
      );
    }
    log(`${context.request.method} ${context.url.pathname} failed:`, error);
    return new Response(FAILED_TEXT, { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
}
