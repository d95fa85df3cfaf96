import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { quizSchema } from '../../src/schemas/quiz';
import { logIn } from './helpers';

const quiz = quizSchema.parse(parse(readFileSync('content/quizzes/lead-to-after-sales.yaml', 'utf8')));
/** Every explanation in both languages: none may reach the browser before submitting. */
const explanations = quiz.questions.flatMap((q) =>
  q.type === 'true-false'
    ? [q.explanation.true.zh, q.explanation.true.en, q.explanation.false.zh, q.explanation.false.en]
    : 'options' in q
      ? q.options.flatMap((o) => [o.explanation.zh, o.explanation.en])
      : [q.explanation.zh, q.explanation.en],
);

for (const lang of ['zh', 'en'] as const) {
  test(`no answer key or explanation reaches the browser before submitting (${lang})`, async ({ page }) => {
    await logIn(page, 'liu.yang@demo.academy');
    const bodies: { url: string; body: string }[] = [];
    page.on('response', async (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (/html|javascript|json|css|text/.test(type)) bodies.push({ url: response.url(), body: await response.text().catch(() => '') });
    });
    await page.goto(`/${lang}/courses/sales-workflow/lead-to-after-sales/`);
    const quiz = page.getByRole('region', { name: lang === 'zh' ? '测验：全流程总览' : 'Quiz: The whole journey' });
    const submit = quiz.getByRole('button', { name: lang === 'zh' ? '提交答案' : 'Submit answers' });
    // The island asks quiz.view for this learner's attempt once it scrolls into view.
    await quiz.scrollIntoViewIfNeeded();
    await expect(submit).toBeEnabled();
    await page.waitForLoadState('networkidle');
    await expect.poll(() => bodies.some((b) => b.url.includes('/_actions/quiz.view'))).toBe(true);

    expect(bodies.length).toBeGreaterThan(1);
    expect(bodies.some((b) => /\.js/.test(b.url))).toBe(true);
    for (const { url, body } of bodies) {
      for (const text of explanations) expect(body.includes(text), `${url} leaks "${text}"`).toBe(false);
      expect(body, `${url} leaks a correct flag`).not.toMatch(/&quot;correct&quot;|"correct"\s*:|\\"correct\\"/);
      expect(body, `${url} leaks a true/false answer`).not.toMatch(/&quot;answer&quot;|"answer"\s*:/);
    }
  });
}
