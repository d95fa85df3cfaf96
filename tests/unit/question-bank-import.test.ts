import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BankSyntaxError, importQuestionBank } from '../../src/lib/content/import';
import { readAiken } from '../../src/lib/content/import/aiken';
import { readGift } from '../../src/lib/content/import/gift';
import { readMoodleXml } from '../../src/lib/content/import/moodle-xml';
import { quizSchema } from '../../src/schemas/quiz';

const bank = (name: string) => readFileSync(`tests/fixtures/question-banks/${name}`, 'utf8');
const byId = (questions: { id: string }[], id: string) => questions.find((q) => q.id === id) as Record<string, any>;

describe('GIFT import', () => {
  const reading = readGift(bank('all-types.gift'));

  it('converts single choice with per-option feedback, and a default explanation where the bank has none', () => {
    const q = byId(reading.questions, 'first-step');
    expect(q.type).toBe('single');
    expect(q.options.map((o: any) => [o.id, o.correct === true])).toEqual([['a', true], ['b', false], ['c', false]]);
    expect(q.options[0].explanation.zh).toBe('对：先弄清原因，再谈方案。');
    expect(q.options[2].explanation).toEqual({ zh: '这不是正确答案。', en: 'This is not the right answer.' });
  });

  it('turns a missing-word question into single choice with a blank in the prompt', () => {
    const q = byId(reading.questions, 'blank-word');
    expect(q.prompt.zh).toContain('_____');
    expect(q.options.find((o: any) => o.correct).text.zh).toBe('信用');
  });

  it('keeps true/false feedback for each answer', () => {
    const q = byId(reading.questions, 'grade-a-is-intended');
    expect(q.answer).toBe(false);
    expect(q.explanation.true.zh).toContain('不对');
  });

  it('reads an exact numeric answer and a low..high range as answer and tolerance', () => {
    expect(byId(reading.questions, 'archive-days')).toMatchObject({ type: 'numeric', answer: 2, tolerance: 0 });
    expect(byId(reading.questions, 'margin-range')).toMatchObject({ type: 'numeric', answer: 15, tolerance: 5 });
  });

  it('converts matching pairs and weighted choices (multiple choice, every earning option right)', () => {
    expect(byId(reading.questions, 'stage-outputs').pairs).toHaveLength(3);
    const multi = byId(reading.questions, 'lead-criteria');
    expect(multi.type).toBe('multiple');
    expect(multi.options.filter((o: any) => o.correct)).toHaveLength(2);
  });

  it('lists every question it cannot ask, with its line and a reason', () => {
    expect(reading.skipped.map((s) => [s.line, s.title])).toEqual([
      [30, 'first-stage-name'],
      [32, 'visit-essay'],
      [34, 'two-pairs'],
      [39, 'pictured'],
      [41, '本节说明：以下题目用于入职第一周。'],
    ]);
    expect(reading.skipped.find((s) => s.title === 'pictured')!.reason).toMatch(/image/);
    expect(reading.skipped.find((s) => s.title === 'two-pairs')!.reason).toMatch(/at least three pairs/);
  });

  it('names the line of a syntax error and converts nothing', () => {
    expect(() => readGift(bank('broken.gift'))).toThrow(BankSyntaxError);
    try {
      readGift(bank('broken.gift'));
    } catch (error) {
      expect((error as BankSyntaxError).line).toBe(3);
    }
  });
});

describe('Moodle XML import', () => {
  const reading = readMoodleXml(bank('all-types.xml'));

  it('converts multichoice (single and multiple), true/false, numerical, matching and ordering', () => {
    expect(reading.questions.map((q) => [q.id, q.type])).toEqual([
      ['budget-objection', 'single'],
      ['lead-criteria', 'multiple'],
      ['grade-a-is-intended', 'true-false'],
      ['archive-days', 'numeric'],
      ['stage-outputs', 'matching'],
      ['workflow-order', 'ordering'],
    ]);
    expect(byId(reading.questions, 'budget-objection').prompt.en).toBe('A customer says the budget is too small. What do you do first?');
    expect(byId(reading.questions, 'grade-a-is-intended').answer).toBe(false);
    expect(byId(reading.questions, 'workflow-order').items.map((i: any) => i.text.en)).toEqual(['Lead', 'Needs', 'Quote and negotiation', 'Contract']);
  });

  it('says what it changed: negative marks, partial-mark numeric answers, matching distractors', () => {
    expect(reading.changed.map((c) => c.title)).toEqual(['Budget objection', 'Archive days', 'Stage outputs']);
  });

  it('skips every type the platform lacks, and questions with images, each with its line', () => {
    const skippedTypes = reading.skipped.map((s) => s.title);
    expect(skippedTypes).toEqual([
      'First stage', 'Last visit', 'About this bank', 'Cloze', 'Commission', 'Simple calc', 'Multi calc',
      'Random matching', 'Drag words', 'Select words', 'Drag onto image', 'Markers', 'Shelf photo',
    ]);
    expect(reading.skipped[0]!.line).toBe(53);
  });

  it('refuses XML that is not well-formed, naming the line', () => {
    expect(() => readMoodleXml(bank('broken.xml'))).toThrow(/line 5/);
  });
});

describe('Aiken import', () => {
  it('reads lettered options and the ANSWER line, with full-width or ) punctuation', () => {
    const reading = readAiken(bank('sample.aiken.txt'));
    expect(reading.questions).toHaveLength(2);
    expect(reading.questions[1]!.options).toHaveLength(3);
    expect((reading.questions[0] as any).options.find((o: any) => o.correct).text.zh).toBe('先问清预算卡在哪里');
  });

  it('refuses a question without an ANSWER line, naming where it starts', () => {
    expect(() => readAiken(bank('broken.aiken.txt'))).toThrow(/line 1:.*ANSWER/);
  });
});

describe('importQuestionBank', () => {
  it.each([
    ['all-types.gift', 'gift', 'zh'],
    ['all-types.xml', 'moodle-xml', 'en'],
    ['sample.aiken.txt', 'aiken', 'zh'],
  ] as const)('turns %s into a quiz that passes the quiz schema, in the bank’s language', (file, format, language) => {
    const imported = importQuestionBank(bank(file), format, { title: '导入的题库' });
    expect(quizSchema.safeParse(imported.quiz).success).toBe(true);
    expect(imported.language).toBe(language);
  });

  it('refuses a bank in which nothing converts', () => {
    expect(() => importQuestionBank('::e:: Tell us about yourself. {}\n', 'gift', { title: 'x' })).toThrow(/no question/);
  });
});
