/**
 * The exercise half of answer-keys.spec.ts: before a learner submits, no page, script or action
 * response carries a correct order, bucket, skill effect, unreached role-play turn, issue flag,
 * tolerance, solution, explanation or debrief — in either language.
 */
import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { exerciseSchema, type Exercise } from '../../src/schemas/exercise';
import { logIn } from './helpers';

const placed = [
  { id: 'sales-cycle-order', path: 'sales-workflow/lead-to-after-sales' },
  { id: 'lead-grading-abc', path: 'sales-workflow/lead-grading' },
  { id: 'discount-floor-negotiation', path: 'sales-skills/negotiation-principles' },
  { id: 'contract-draft-review', path: 'sales-workflow/contract-review' },
  { id: 'visit-report-review', path: 'sales-workflow/reception-and-customer-info' },
  { id: 'annual-target-breakdown', path: 'sales-workflow/funnel-and-targets' },
];

/** Every text of an exercise that only a submission may reveal, in both languages. */
function secrets(exercise: Exercise): string[] {
  const both = (t: { zh: string; en: string } | undefined) => (t ? [t.zh, t.en] : []);
  const shared = both(exercise.debrief);
  switch (exercise.type) {
    case 'sequence':
      return [...shared, ...exercise.items.flatMap((i) => both(i.note))];
    case 'classify':
      return [...shared, ...exercise.cards.flatMap((c) => both(c.explanation))];
    case 'roleplay':
      return [
        ...shared,
        ...exercise.nodes.flatMap((n) => [
          ...both(n.debrief),
          ...(n.choices ?? []).flatMap((c) => both(c.feedback)),
          // Nothing past the opening turn has been reached yet.
          ...(n.id === exercise.start ? [] : [...both(n.customer), ...both(n.narration), ...(n.choices ?? []).flatMap((c) => both(c.text))]),
        ]),
      ];
    case 'spot-the-issue':
      return [...shared, ...exercise.segments.flatMap((s) => [...both(s.issue?.explanation), ...both(s.note)])];
    case 'calculation':
      return [...shared, ...exercise.questions.flatMap((q) => both(q.solution))];
  }
}

/** Keys of the server-side shapes that must never be serialised to the browser. */
const keyNames = ['bucket', 'effects', 'issue', 'criterion', 'tolerance', 'solution', 'explanation', 'feedback', 'rightPosition', 'inPlace'];
const leakedKey = new RegExp(keyNames.map((k) => `&quot;${k}&quot;|"${k}"\\s*:|\\\\"${k}\\\\"`).join('|'));

for (const lang of ['zh', 'en'] as const) {
  test(`no exercise answer key reaches the browser before submitting (${lang})`, async ({ page }) => {
    test.setTimeout(60_000);
    await logIn(page, 'manager.north@demo.academy');
    const bodies: { url: string; body: string }[] = [];
    page.on('response', async (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (/html|javascript|json|css|text/.test(type)) bodies.push({ url: response.url(), body: await response.text().catch(() => '') });
    });
    for (const { id, path } of placed) {
      const exercise = exerciseSchema.parse(parse(readFileSync(`content/exercises/${id}.yaml`, 'utf8')));
      bodies.length = 0;
      await page.goto(`/${lang}/courses/${path}/`);
      const region = page.getByRole('region', { name: exercise.title[lang], exact: true });
      await region.scrollIntoViewIfNeeded();
      // Hydrated: the island's scripts have loaded.
      await expect(region.getByRole('button').last()).toBeEnabled();
      await page.waitForLoadState('networkidle');

      expect(bodies.some((b) => /\.js/.test(b.url)), `${id}: scripts were loaded`).toBe(true);
      for (const { url, body } of bodies) {
        for (const text of secrets(exercise)) expect(body.includes(text), `${url} leaks "${text.slice(0, 60)}" of ${id}`).toBe(false);
        expect(body, `${url} leaks a key of ${id}`).not.toMatch(leakedKey);
      }
      if (exercise.type === 'sequence') {
        const shown = await region.getByRole('list').first().getByRole('listitem').allTextContents();
        const right = exercise.items.map((i) => i.text[lang]);
        expect(shown.map((row) => right.findIndex((t) => row.includes(t))), 'the steps are not shown in the right order').not.toEqual(right.map((_, i) => i));
      }
    }
  });
}
