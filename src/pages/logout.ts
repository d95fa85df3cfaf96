import type { APIRoute } from 'astro';
import { invalidateSession } from '../lib/server/sessions';
import { deleteSessionCookie } from '../lib/server/session-cookies';

export const POST: APIRoute = async ({ locals, cookies, redirect }) => {
  if (locals.session) await invalidateSession(locals.db, locals.session.id);
  deleteSessionCookie(cookies);
  return redirect('/login', 303);
};
