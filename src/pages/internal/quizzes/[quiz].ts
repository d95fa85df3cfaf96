/**
 * A quiz with its keys, for the production server's submission lane (quiz-submission-lane.ts),
 * which grades from the same build as the pages. Only that process can ask: the request must
 * carry its per-process secret (the middleware then sets `locals.shell`); anyone else gets 404.
 * The modules placing the quiz come along, so the lane enforces their locks as the action does.
 */
import type { APIRoute } from 'astro';
import { findQuiz } from '../../../lib/content/server/curriculum';
import { workIndex } from '../../../lib/learning-records/server/work-index';
import { placementsOf } from '../../../lib/learning-records/work-locks';

export const GET: APIRoute = async ({ params, locals }) => {
  if (!locals.shell) return new Response('Not found.', { status: 404 });
  const quiz = await findQuiz(params.quiz ?? '');
  if (!quiz) return new Response('Not found.', { status: 404 });
  const placements = placementsOf(await workIndex(), 'quiz', quiz.id);
  return Response.json({ quiz: quiz.data, placements }, { headers: { 'cache-control': 'no-store' } });
};
