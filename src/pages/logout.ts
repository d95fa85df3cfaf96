import type { APIRoute } from 'astro';
import { invalidateSession } from '../lib/auth/server/sessions';
import { deleteSessionCookie } from '../lib/auth/server/session-cookies';

export const POST: APIRoute = async ({ locals, cookies, redirect }) => {
  if (locals.session) await invalidateSession(locals.db, locals.session.id);
  deleteSessionCookie(cookies);
  // The login page in the person's own language, not the browser's guess.
  return redirect(locals.user ? `/login?lang=${locals.user.locale}` : '/login', 303);
};
