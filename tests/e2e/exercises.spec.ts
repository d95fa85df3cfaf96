/**
 * The exercise engine end to end: one exercise of each type completed by mouse and one only by
 * keyboard, in both languages; resuming work left half-done; progress on the course page; and
 * an accessibility scan of each type at phone width. Each test works on its own account and
 * exercise pair, because an open attempt is per learner and exercise, whatever the language.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from './fixtures';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { exerciseSchema, type Exercise, type RoleplayExercise } from '../../src/schemas/exercise';
import { bestPathTotal } from '../../src/lib/exercises/roleplay-graph';
import { logIn } from './helpers';

type Lang = 'zh' | 'en';

function load(id: string): Exercise {
  return exerciseSchema.parse(parse(readFileSync(`content/exercises/${id}.yaml`, 'utf8')));
}

/** One exercise per type, each on the lesson page that places it. */
const byType = {
  sequence: { id: 'order-processing-steps', path: 'sales-workflow/order-and-delivery' },
  classify: { id: 'lead-grading-abc', path: 'sales-workflow/lead-grading' },
  roleplay: { id: 'discount-floor-negotiation', path: 'sales-skills/negotiation-principles' },
  'spot-the-issue': { id: 'quotation-review', path: 'sales-workflow/presentation-and-negotiation' },
  calculation: { id: 'funnel-conversion', path: 'sales-workflow/funnel-and-targets' },
} as const;
type Type = keyof typeof byType;
const types = Object.keys(byType) as Type[];

const ui = {
  zh: { submit: '提交', finish: '提交并查看讲解', moveUp: '上移：', full: '（100%）', passed: '通过！', saved: '进度已自动保存', resumed: '已恢复你上次未完成的进度。' },
  en: { submit: 'Submit', finish: 'Submit and see the debrief', moveUp: 'Move up: ', full: '(100%)', passed: 'Passed!', saved: 'Progress is saved automatically', resumed: 'Picked up where you left off.' },
};

/** Accounts that see every lesson unlocked (all done, or reviewers), one per way of working. */
const accounts = { mouse: { zh: 'liu.yang@demo.academy', en: 'trainer@demo.academy' }, keyboard: { zh: 'admin@demo.academy', en: 'manager@demo.academy' } };

async function openExercise(page: Page, type: Type, lang: Lang): Promise<{ exercise: Exercise; region: Locator }> {
  const { id, path } = byType[type];
  const exercise = load(id);
  await page.goto(`/${lang}/courses/${path}/`);
  const region = page.getByRole('region', { name: exercise.title[lang], exact: true });
  // The island hydrates when it scrolls into view; its controls stay disabled until then.
  await region.scrollIntoViewIfNeeded();
  const ready = type === 'roleplay' ? region.getByRole('button').first() : region.getByRole('button', { name: ui[lang].submit, exact: true });
  await expect(ready).toBeEnabled();
  return { exercise, region };
}

/** The choices along a path that earns the most skill points. */
function bestChoices(scenario: RoleplayExercise): string[] {
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const total = (c: { effects: Record<string, number | undefined> }) => Object.values(c.effects).reduce<number>((s, v) => s + (v ?? 0), 0);
  const path: string[] = [];
  let node = byId.get(scenario.start)!;
  while (node.choices) {
    const best = [...node.choices].sort((a, b) => total(b) + bestPathTotal(scenario.nodes, b.to, total) - (total(a) + bestPathTotal(scenario.nodes, a.to, total)))[0]!;
    path.push(best.id);
    node = byId.get(best.to)!;
  }
  return path;
}

async function expectFullMarks(region: Locator, lang: Lang) {
  const status = region.getByRole('status');
  await expect(status).toContainText(ui[lang].full);
  await expect(status).toContainText(ui[lang].passed);
}

/** Completes the exercise right, with mouse clicks and drags only. */
async function completeByMouse(lang: Lang, exercise: Exercise, region: Locator) {
  switch (exercise.type) {
    case 'sequence': {
      const rows = region.getByRole('list').first().getByRole('listitem');
      for (const [target, item] of exercise.items.entries()) {
        // One row up per drag, so both rows are on screen together: a drag whose target needs the
        // page to scroll first is lost in Chromium's drag and drop, though a person would
        // simply drag again.
        for (let current = (await rows.allTextContents()).findIndex((row) => row.includes(item.text[lang])); current > target; current--) {
          await rows.nth(current).dragTo(rows.nth(current - 1));
          await expect(rows.nth(current - 1)).toContainText(item.text[lang]);
        }
      }
      break;
    }
    case 'classify': {
      const labels = new Map(exercise.buckets.map((b) => [b.id, b.label[lang]]));
      for (const card of exercise.cards) {
        await region.getByRole('group', { name: card.text[lang], exact: true }).getByRole('radio', { name: labels.get(card.bucket)!, exact: true }).click();
      }
      await expect(region.getByRole('radio', { checked: true })).toHaveCount(exercise.cards.length);
      break;
    }
    case 'spot-the-issue': {
      for (const segment of exercise.segments.filter((s) => s.issue)) await region.getByRole('checkbox', { name: segment.text[lang] }).check();
      await expect(region.getByRole('checkbox', { checked: true })).toHaveCount(exercise.segments.filter((s) => s.issue).length);
      break;
    }
    case 'calculation': {
      for (const q of exercise.questions) {
        await region.getByLabel(q.prompt[lang], { exact: true }).click();
        await region.getByLabel(q.prompt[lang], { exact: true }).fill(String(q.answer));
      }
      break;
    }
    case 'roleplay': {
      await playRoleplay(region, lang, exercise, async (button) => button.click());
      await region.getByRole('button', { name: ui[lang].finish }).click();
      return;
    }
  }
  await region.getByRole('button', { name: ui[lang].submit, exact: true }).click();
}

async function playRoleplay(region: Locator, lang: Lang, scenario: RoleplayExercise, press: (button: Locator) => Promise<void>) {
  const choices = new Map(scenario.nodes.flatMap((n) => n.choices ?? []).map((c) => [c.id, c.text[lang]]));
  for (const id of bestChoices(scenario)) {
    const button = region.getByRole('button', { name: choices.get(id)!, exact: true });
    await expect(button).toBeEnabled();
    await press(button);
    // The server answers with the next turn; the chosen line moves into the transcript.
    await expect(region.getByRole('button', { name: choices.get(id)!, exact: true })).toHaveCount(0);
  }
  await expect(region.getByRole('button', { name: ui[lang].finish })).toBeEnabled();
}

/** Completes the exercise right without a mouse: focus, arrows, Space, Enter and typing. */
async function completeByKeyboard(page: Page, lang: Lang, exercise: Exercise, region: Locator) {
  const submitButton = region.getByRole('button', { name: ui[lang].submit, exact: true });
  switch (exercise.type) {
    case 'sequence': {
      const rows = region.getByRole('list').first().getByRole('listitem');
      for (const [target, item] of exercise.items.entries()) {
        const current = (await rows.allTextContents()).findIndex((row) => row.includes(item.text[lang]));
        if (current === target) continue;
        await region.getByRole('button', { name: ui[lang].moveUp + item.text[lang], exact: true }).focus();
        // Focus stays with the moved step, so Enter keeps moving the same one.
        for (let at = current; at > target; at--) {
          await page.keyboard.press('Enter');
          await expect(rows.nth(at - 1)).toContainText(item.text[lang]);
        }
        // Screen readers hear where the step went.
        await expect(region).toContainText(lang === 'zh' ? `“${item.text.zh}”已移到第 ${target + 1} 位` : `“${item.text.en}” moved to position ${target + 1}`);
      }
      break;
    }
    case 'classify': {
      const order = exercise.buckets.map((b) => b.id);
      for (const card of exercise.cards) {
        const group = region.getByRole('group', { name: card.text[lang], exact: true });
        await group.getByRole('radio').first().focus();
        await page.keyboard.press('Space');
        // Arrow keys move through a radio group, choosing as they go.
        for (let i = 0; i < order.indexOf(card.bucket); i++) await page.keyboard.press('ArrowRight');
        await expect(group.getByRole('radio', { name: exercise.buckets.find((b) => b.id === card.bucket)!.label[lang], exact: true })).toBeChecked();
      }
      break;
    }
    case 'spot-the-issue': {
      for (const segment of exercise.segments.filter((s) => s.issue)) {
        const box = region.getByRole('checkbox', { name: segment.text[lang] });
        await box.focus();
        await page.keyboard.press('Space');
        await expect(box).toBeChecked();
      }
      break;
    }
    case 'calculation': {
      for (const q of exercise.questions) {
        await region.getByLabel(q.prompt[lang], { exact: true }).focus();
        await page.keyboard.type(String(q.answer));
      }
      break;
    }
    case 'roleplay': {
      await playRoleplay(region, lang, exercise, async (button) => {
        await button.focus();
        await page.keyboard.press('Enter');
      });
      await region.getByRole('button', { name: ui[lang].finish }).focus();
      await page.keyboard.press('Enter');
      return;
    }
  }
  await submitButton.focus();
  await page.keyboard.press('Enter');
}

for (const lang of ['zh', 'en'] as const) {
  for (const type of types) {
    test(`a ${type} exercise can be completed by mouse (${lang})`, async ({ page }) => {
      await logIn(page, accounts.mouse[lang]);
      const { exercise, region } = await openExercise(page, type, lang);
      await completeByMouse(lang, exercise, region);
      await expectFullMarks(region, lang);
      // The debrief appears only now, in the learner's language.
      await expect(region).toContainText(exercise.debrief[lang].slice(0, 20));
    });

    test(`a ${type} exercise can be completed by keyboard alone (${lang})`, async ({ page }) => {
      await logIn(page, accounts.keyboard[lang]);
      const { exercise, region } = await openExercise(page, type, lang);
      await completeByKeyboard(page, lang, exercise, region);
      await expectFullMarks(region, lang);
    });
  }
}

test('the best score shows on the course page and the exercise counts on My learning', async ({ page }) => {
  await logIn(page, 'sun.li@demo.academy');
  const exercise = load('sales-cycle-order');
  await page.goto('/en/courses/sales-workflow/lead-to-after-sales/');
  const region = page.getByRole('region', { name: exercise.title.en, exact: true });
  await region.scrollIntoViewIfNeeded();
  await expect(region.getByRole('button', { name: ui.en.submit, exact: true })).toBeEnabled();
  await completeByMouse('en', exercise, region);
  await expectFullMarks(region, 'en');

  await page.goto('/en/courses/sales-workflow/');
  const line = page.getByRole('list', { name: 'Exercises' }).getByRole('listitem').filter({ hasText: exercise.title.en });
  await expect(line).toContainText('best 100%');
  await expect(line).toContainText('passed');
  await page.goto('/en/');
  await expect(page.locator('[data-course="sales-workflow"]')).toContainText(/[1-9]\d* of \d+ exercises passed/);
  await page.goto('/en/courses/sales-workflow/lead-to-after-sales/');
  const again = page.getByRole('region', { name: exercise.title.en, exact: true });
  // The island fetches the learner's results once it scrolls into view.
  await again.scrollIntoViewIfNeeded();
  await expect(again).toContainText('Your best: 100%');
});

test('a sequence left half-done resumes in the order the learner left it', async ({ page }) => {
  await logIn(page, 'zhou.min@demo.academy');
  const sequence = load('sales-cycle-order');
  if (sequence.type !== 'sequence') throw new Error('sales-cycle-order is a sequence');
  await page.goto('/zh/courses/sales-workflow/lead-to-after-sales/');
  const region = page.getByRole('region', { name: sequence.title.zh, exact: true });
  await region.scrollIntoViewIfNeeded();
  const rows = region.getByRole('list').first().getByRole('listitem');
  const lastText = (await rows.last().textContent())!;
  const item = sequence.items.find((i) => lastText.includes(i.text.zh))!;
  const moveUp = region.getByRole('button', { name: ui.zh.moveUp + item.text.zh, exact: true });
  await expect(moveUp).toBeEnabled();
  await moveUp.click();
  await expect(region).toContainText(ui.zh.saved);
  const before = await rows.allTextContents();

  await page.reload();
  await region.scrollIntoViewIfNeeded();
  await expect(region).toContainText(ui.zh.resumed);
  await expect(rows).toHaveText(before);
});

test('a role-play left half-way resumes at the turn the learner reached', async ({ page }) => {
  await logIn(page, 'manager.north@demo.academy');
  const { exercise, region } = await openExercise(page, 'roleplay', 'en');
  if (exercise.type !== 'roleplay') throw new Error('not a role-play');
  const [firstChoice] = bestChoices(exercise);
  const text = exercise.nodes[0]!.choices!.find((c) => c.id === firstChoice)!.text.en;
  await region.getByRole('button', { name: text, exact: true }).click();
  const next = exercise.nodes.find((n) => n.id === exercise.nodes[0]!.choices!.find((c) => c.id === firstChoice)!.to)!;
  await expect(region).toContainText(next.customer!.en);

  await page.reload();
  await region.scrollIntoViewIfNeeded();
  await expect(region).toContainText(ui.en.resumed);
  // What was said stays on screen; the next choices are those of the node reached.
  await expect(region.getByRole('list').first()).toContainText(text);
  await expect(region).toContainText(next.customer!.en);
  await expect(region.getByRole('button', { name: next.choices![0]!.text.en, exact: true })).toBeEnabled();
});

test('a choice the role-play has not reached is refused by the server', async ({ page }) => {
  await logIn(page, 'he.tao@demo.academy');
  const scenario = load('discount-floor-negotiation');
  if (scenario.type !== 'roleplay') throw new Error('not a role-play');
  const later = scenario.nodes.find((n) => n.id !== scenario.start && n.choices)!.choices![0]!.id;
  const response = await page.request.post('/_actions/exercise.choose', {
    data: JSON.stringify({ exerciseId: 'discount-floor-negotiation', lang: 'en', choiceId: later }),
    headers: { 'content-type': 'application/json', origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(400);
  const submit = await page.request.post('/_actions/exercise.submit', {
    data: JSON.stringify({ exerciseId: 'discount-floor-negotiation', lang: 'en' }),
    headers: { 'content-type': 'application/json', origin: new URL(page.url()).origin },
  });
  expect(submit.status(), 'an unfinished conversation cannot be scored').toBe(400);
});

for (const type of types) {
  test(`a ${type} exercise passes an accessibility scan and fits a phone screen`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await logIn(page, 'manager.north@demo.academy');
    const { region } = await openExercise(page, type, 'zh');
    const results = await new AxeBuilder({ page }).include(`[data-exercise="${byType[type].id}"]`).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'no horizontal scrolling at 375px').toBeLessThanOrEqual(0);
    const box = await region.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  });
}
