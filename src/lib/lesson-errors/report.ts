/**
 * A lesson that fails while rendering (content:check should have caught it) is one page's
 * problem: the learner gets a plain page, the log gets the file and the reason, and nothing else
 * on the site notices.
 */
export interface LessonRenderFailure {
  /** Content file of the lesson, e.g. "content/courses/sales-workflow/lead-to-after-sales.zh.mdx". */
  file: string;
  url: string;
  reason: string;
}

export function describeRenderFailure(file: string, url: string, error: unknown): LessonRenderFailure {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { file, url, reason };
}

/** One log line a trainer or operator can search for and act on. */
export function renderFailureLogLine(failure: LessonRenderFailure): string {
  return `[lesson-render-failed] ${failure.file} (${failure.url}): ${failure.reason}. Run "npm run content:check" to find the line, fix it and redeploy.`;
}

/**
 * Written into the page by LessonBoundary when the lesson failed. A page's status is fixed before
 * its components render, so the response is given status 500 afterwards, where the HTML is read
 * anyway (src/lib/http/server/island-styles.ts). An HTML comment cannot come from lesson text: MDX
 * escapes "<" in text and has no HTML comments.
 */
export const LESSON_FAILED_MARKER = '<!--lesson-render-failed-->';

export function statusAfterRender(html: string, status: number): number {
  return html.includes(LESSON_FAILED_MARKER) ? 500 : status;
}
