/**
 * Takes quiz submissions off Astro's request pipeline in the production server: the same input
 * schema, session rules and submitQuizAttempt() as the quiz.submit action, answered in the same
 * wire format (Astro Actions' devalue body or its error JSON), so the island cannot tell which
 * path answered. Anything unusual — another content type, a cross-site request, a session that
 * needs renewing, input the schema refuses — is handed to Astro, body and all, to answer as usual.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stringify } from 'devalue';
import type { Database } from '../platform/server/db';
import type { Quiz } from '../../schemas/quiz';
import { SESSION_COOKIE } from '../auth/server/sessions';
import { readLessonVisitor } from './lesson-visitor';
import { lockedWorkMessage, type Placement } from '../learning-records/work-locks';
import { readCookie, sessionCookieHeader } from '../auth/server/session-cookies';
import { SHELL_REQUEST_HEADER } from '../lesson-shell/shell';
import { quizSubmitInput, SubmissionRefused, submitQuizAttempt } from '../quiz/server/submission';
import { securityHeaders, signedInHeaders } from '../http/server/security-headers';
import { servedOverHttps } from '../http/server/client-address';
import { trustedProxies } from '../platform/server/env';

const SUBMIT_PATH = '/_actions/quiz.submit';
/** Astro's actionBodySizeLimit (astro.config.mjs); larger bodies go to Astro, which refuses them. */
const MAX_BODY_BYTES = 64 * 1024;
/** Beyond this the lane stops reading and refuses the upload itself. */
const MAX_READ_BYTES = 1024 * 1024;
const STATUS: Record<SubmissionRefused['code'], number> = { BAD_REQUEST: 400, FORBIDDEN: 403, TOO_MANY_REQUESTS: 429, CONFLICT: 409 };

export interface SubmissionLaneOptions {
  db: Database;
  selfOrigin: () => string;
  shellSecret: string;
  secureCookies: boolean;
}

/** Handing over to Astro after the body was read: its Node adapter takes a buffered `req.body`. */
type BufferedRequest = IncomingMessage & { body?: Buffer };

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_READ_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Browsers say where a write comes from; only this site's own pages may submit. */
function isSameSiteWrite(req: IncomingMessage): boolean {
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite) return fetchSite === 'same-origin' || fetchSite === 'none';
  const origin = req.headers.origin;
  return !origin || origin === `http://${req.headers.host}`;
}

export function createQuizSubmissionLane({ db, selfOrigin, shellSecret, secureCookies }: SubmissionLaneOptions) {
  type PlacedQuiz = { quiz: Quiz; placements: Placement[] };
  const quizzes = new Map<string, Promise<PlacedQuiz | null>>();
  const MAX_QUIZZES = 1_000;

  function quizFor(id: string): Promise<PlacedQuiz | null> {
    let quiz = quizzes.get(id);
    if (!quiz) {
      quiz = fetch(`${selfOrigin()}/internal/quizzes/${id}`, { headers: { [SHELL_REQUEST_HEADER]: shellSecret } })
        .then(async (response) => (response.ok ? ((await response.json()) as PlacedQuiz) : null))
        .catch(() => null);
      if (quizzes.size < MAX_QUIZZES) quizzes.set(id, quiz);
      void quiz.then((found) => found ?? quizzes.delete(id));
    }
    return quiz;
  }

  function answer(req: IncomingMessage, res: ServerResponse, status: number, contentType: string, body: string, cookie: string) {
    const bytes = Buffer.from(body);
    const https = servedOverHttps(new URL('http://submission.lane/'), req.socket.remoteAddress, req.headers['x-forwarded-proto'] as string | undefined, trustedProxies());
    res.writeHead(status, { ...securityHeaders, ...signedInHeaders(https), 'content-type': contentType, 'content-length': bytes.byteLength, 'set-cookie': cookie, 'server-timing': 'submission-lane' });
    res.end(bytes);
  }

  /**
   * Answers the submission and returns true, or returns false for Astro to answer (with the body
   * already read stored on `req.body`, which Astro's Node adapter reads instead of the stream).
   */
  return async function submitQuiz(req: BufferedRequest, res: ServerResponse): Promise<boolean> {
    if (req.method !== 'POST' || req.url !== SUBMIT_PATH) return false;
    if (!(req.headers['content-type'] ?? '').startsWith('application/json') || !isSameSiteWrite(req)) return false;
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (!token) return false;
    const now = new Date();
    const visitor = await readLessonVisitor(db, token, now);
    if (!visitor) return false;

    const body = await readBody(req);
    if (!body) {
      const message = 'The submission is far too large. Reload the page and submit your answers again.';
      res.writeHead(413, { ...securityHeaders, 'cache-control': 'no-store', 'content-type': 'application/json', connection: 'close' });
      res.end(JSON.stringify({ type: 'AstroActionError', code: 'CONTENT_TOO_LARGE', status: 413, message }));
      return true;
    }
    // Astro reads a buffered body from here, and applies its own size limit to it.
    req.body = body;
    if (body.byteLength > MAX_BODY_BYTES) return false;
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      return false;
    }
    const input = quizSubmitInput.safeParse(json);
    if (!input.success) return false;
    const placed = await quizFor(input.data.quizId);
    if (!placed) return false;

    const cookie = sessionCookieHeader(token, visitor.expiresAt, secureCookies);
    try {
      // The same lock as the quiz.submit action (requireUnlocked): a locked module's quiz is refused.
      const locked = lockedWorkMessage(placed.placements, new Set(visitor.completed.keys()), visitor.user.role, input.data.lang);
      if (locked) throw new SubmissionRefused('FORBIDDEN', locked);
      const result = await submitQuizAttempt(db, visitor.user.id, placed.quiz, input.data, now);
      answer(req, res, 200, 'application/json+devalue', stringify(result), cookie);
    } catch (error) {
      // Never handed to Astro from here: the attempt may have been stored, and a second run could count it twice.
      const refused = error instanceof SubmissionRefused;
      if (!refused) console.error('Quiz submission failed:', error);
      const code = refused ? error.code : 'INTERNAL_SERVER_ERROR';
      const status = refused ? STATUS[error.code] : 500;
      const message = refused ? error.message : 'The submission could not be stored. Try again in a moment.';
      answer(req, res, status, 'application/json', JSON.stringify({ type: 'AstroActionError', code, status, message }), cookie);
    }
    return true;
  };
}
