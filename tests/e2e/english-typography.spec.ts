/**
 * Every English page a role can reach follows English typography: no Chinese full-width
 * punctuation (，。：；（）、) outside text that is itself Chinese (names such as 刘洋, quoted terms,
 * Chinese lines in a lesson) — the allow-rule is src/lib/typography/full-width.ts, unit-tested in
 * tests/unit/typography.test.ts. Crawls from /en/ through the links each role sees; lessons are
 * the same for everyone, so only the trainer (who sees every lesson unlocked) walks them.
 */
import { expect, test, type Page } from './fixtures';
import { DEMO_PASSWORD } from './helpers';
import { lopsidedSeparators, misplacedFullWidth } from '../../src/lib/typography/full-width';

const roles = ['emma.wu@demo.academy', 'manager@demo.academy', 'trainer@demo.academy', 'admin@demo.academy'];
const LESSON = /^\/en\/courses\/[^/]+\/[^/]+\/$/;

function visibleText(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

async function crawl(page: Page, walkLessons: boolean): Promise<{ visited: number; problems: string[] }> {
  const queue = ['/en/'];
  const seen = new Set(queue);
  const problems: string[] = [];
  let visited = 0;
  while (queue.length > 0 && visited < 200) {
    const path = queue.shift()!;
    const response = await page.request.get(path, { maxRedirects: 0 });
    visited++;
    if (!(response.headers()['content-type'] ?? '').includes('text/html')) continue;
    const html = await response.text();
    const text = visibleText(html);
    for (const found of [...misplacedFullWidth(text), ...lopsidedSeparators(text)]) problems.push(`${path}: "${found.mark}" in …${found.context}…`);
    for (const [, href] of html.matchAll(/href="(\/en\/[^"#?]*)"/g)) {
      const link = href!;
      if (seen.has(link) || /logout|\.(csv|xlsx|json|pdf)$|\/export/.test(link)) continue;
      if (!walkLessons && LESSON.test(link)) continue;
      seen.add(link);
      queue.push(link);
    }
  }
  return { visited, problems };
}

for (const email of roles) {
  test(`English pages ${email.split('@')[0]} can reach use English punctuation`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto('/login?lang=en');
    await page.locator('input[name=email]').fill(email);
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.locator('button[type=submit]').click();
    await expect(page).not.toHaveURL(/\/login/);
    const { visited, problems } = await crawl(page, email.startsWith('trainer'));
    console.log(`${email}: ${visited} English pages`);
    expect(visited).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });
}
