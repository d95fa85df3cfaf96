import type { APIRoute } from 'astro';
import { deleteSessionCookie, invalidateSession } from '../lib/server/sessions';

export const POST: APIRoute = async ({ locals, cookies, redirect }) => {
  if (locals.session) await invalidateSession(locals.db, locals.session.id);
  deleteSessionCookie(cookies);
  return redirect('/login', 303);
};
