import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem, type ContentFileInput } from '../../src/lib/content/check';

const text = (s: string) => ({ zh: `${s}（中）`, en: s });
const option = (id: string, correct = false) => ({ id, text: text(id), correct, explanation: text(`why ${id}`) });
const moduleData = (extra: Record<string, unknown> = {}) => ({ title: 'T', order: 1, minutes: 10, objectives: ['o'], quiz: 'q', ...extra });

/** A small valid content tree; each test breaks one thing. */
function validTree(): ContentFileInput[] {
  return [
    { path: 'courses/c/course.yaml', data: { title: text('C'), summary: text('S'), order: 1 } },
    { path: 'courses/c/m.zh.mdx', data: moduleData(), body: '正文\n\n<Quiz id="q" />\n' },
    { path: 'courses/c/m.en.mdx', data: { ...moduleData(), title: 'M' }, body: 'Body\n\n<Quiz id="q" />\n' },
    {
      path: 'quizzes/q.yaml',
      data: { title: text('Q'), questions: [{ id: 'one', type: 'single', prompt: text('P'), options: [option('a', true), option('b')] }] },
    },
    { path: 'levels/junior.yaml', data: { order: 1, name: text('Junior'), description: text('D') } },
    { path: 'levels/mid.yaml', data: { order: 2, name: text('Mid'), description: text('D'), criteria: { modules: ['c/m'] } } },
  ];
}

function problemsAfter(change: (files: ContentFileInput[]) => void): string[] {
  const files = validTree();
  change(files);
  return checkContent(files).map(formatProblem);
}

const file = (files: ContentFileInput[], path: string) => files.find((f) => f.path === path)!;

describe('content check', () => {
  it('passes a valid tree', () => {
    expect(checkContent(validTree())).toEqual([]);
  });

  it('names file, field, value and expectation for bad frontmatter', () => {
    const problems = problemsAfter((f) => ((file(f, 'courses/c/m.zh.mdx').data as Record<string, unknown>).minutes = 'ten'));
    expect(problems).toContain('content/courses/c/m.zh.mdx › minutes: is "ten", but it must be a number');
  });

  it('says how to add a missing required field', () => {
    const problems = problemsAfter((f) => delete (file(f, 'courses/c/m.en.mdx').data as Record<string, unknown>).objectives);
    expect(problems).toContain('content/courses/c/m.en.mdx › objectives: is missing; add "objectives" (expected array)');
  });

  it('flags a misspelt field', () => {
    const problems = problemsAfter((f) => ((file(f, 'courses/c/m.zh.mdx').data as Record<string, unknown>).minuets = 5));
    expect(problems.join('\n')).toMatch(/m\.zh\.mdx › \(whole file\): has unknown field\(s\) "minuets"/);
  });

  it('flags a quiz id that does not exist, in frontmatter and in the body', () => {
    const problems = problemsAfter((f) => {
      (file(f, 'courses/c/m.zh.mdx').data as Record<string, unknown>).quiz = 'nope';
      file(f, 'courses/c/m.zh.mdx').body = '<Quiz id="nope" />';
    });
    expect(problems).toContain('content/courses/c/m.zh.mdx › quiz: names quiz "nope", but there is no content/quizzes/nope.yaml');
    expect(problems).toContain('content/courses/c/m.zh.mdx › line 1: <Quiz id="nope" /> names something that does not exist; add content/quizzes/nope.yaml or fix the id');
  });

  it('reports one mistake in a quiz once, in the quiz, and never calls a file that exists missing', () => {
    const problems = problemsAfter((f) => {
      (file(f, 'quizzes/q.yaml').data as { questions: { type: string }[] }).questions[0]!.type = 'singel';
      (file(f, 'courses/c/m.en.mdx').data as Record<string, unknown>).minutes = 'ten';
      (file(f, 'courses/c/m.zh.mdx').data as Record<string, unknown>).prerequisites = [];
    });
    expect(problems.filter((p) => p.includes('quizzes/q.yaml'))).toHaveLength(1);
    expect(problems.join('\n')).not.toMatch(/there is no content|does not exist|has no English twin/);
  });

  it('lists the allowed values for a wrong question type, and suggests the nearest', () => {
    const problems = problemsAfter((f) => ((file(f, 'quizzes/q.yaml').data as { questions: { type: string }[] }).questions[0]!.type = 'singel'));
    expect(problems).toEqual([
      'content/quizzes/q.yaml › questions[id=one].type: is "singel", but "type" must be one of "single", "multiple", "true-false", "ordering", "matching", "numeric"; did you mean "single"?',
    ]);
  });

  it('suggests the field a misspelt field was meant to be, and lists the fields of that place', () => {
    const problems = problemsAfter((f) => {
      const question = (file(f, 'quizzes/q.yaml').data as { questions: Record<string, unknown>[] }).questions[0]!;
      question.promt = question.prompt;
      delete question.prompt;
    });
    expect(problems).toContain('content/quizzes/q.yaml › questions[id=one]: has unknown field(s) "promt"; did you mean "prompt"? check the spelling or remove them (the fields here are id, kind, prompt, options, type)');
  });

  it('suggests the nearest component name', () => {
    expect(problemsAfter((f) => (file(f, 'courses/c/m.en.mdx').body = '<Calout>x</Calout>\n\n<Quiz id="q" />'))[0]).toMatch(/line 1: uses <Calout>, which is not an authoring component; did you mean "Callout"\?/);
  });

  it('explains a comma inside { zh, en } that split the English text', () => {
    const problems = problemsAfter((f) => {
      (file(f, 'quizzes/q.yaml').data as { questions: { prompt: unknown }[] }).questions[0]!.prompt = { zh: '报价', en: 'Quote', negotiate: null };
    });
    expect(problems).toEqual([
      'content/quizzes/q.yaml › questions[id=one].prompt: has "negotiate" as a field of its own: a comma inside { zh: …, en: … } ends the text. Quote the text with the comma (en: "Quote, negotiate") or write zh: and en: on lines of their own',
    ]);
  });

  it('flags a lesson whose frontmatter names a quiz it never shows', () => {
    expect(problemsAfter((f) => (file(f, 'courses/c/m.en.mdx').body = 'Body only\n'))).toEqual([
      'content/courses/c/m.en.mdx › quiz: is "q", but this lesson never shows it; add <Quiz id="q" /> where learners should take it (usually at the end)',
    ]);
  });

  it('flags a Callout type that does not exist, listing the allowed types', () => {
    expect(problemsAfter((f) => (file(f, 'courses/c/m.en.mdx').body = '<Callout type="danger">\n\nCareful.\n\n</Callout>\n\n<Quiz id="q" />'))).toEqual([
      'content/courses/c/m.en.mdx › line 1: <Callout> type: is "danger", but it must be one of "note", "tip", "warning", "case"',
    ]);
  });

  it('flags a KeyTerm shown in one language only', () => {
    const problems = problemsAfter((f) => {
      f.push({ path: 'glossary.yaml', data: [{ id: 'close-rate', term: text('Close rate'), definition: text('D') }] });
      file(f, 'courses/c/m.zh.mdx').body = '<KeyTerm id="close-rate" />\n\n<Quiz id="q" />';
    });
    expect(problems).toEqual([
      'content/courses/c/m.en.mdx › (body): has no <KeyTerm id="close-rate" />, which the Chinese twin shows; the twins show the same terms, so add it where the English text explains that term',
    ]);
  });

  it('flags two modules of one course at the same order', () => {
    const problems = problemsAfter((f) => {
      f.push({ path: 'courses/c/n.zh.mdx', data: moduleData(), body: '<Quiz id="q" />' }, { path: 'courses/c/n.en.mdx', data: moduleData(), body: '<Quiz id="q" />' });
    });
    expect(problems).toEqual(['content/courses/c/n.zh.mdx › order: is 1, the same as courses/c/m in the same course; give every module of a course its own order (and change it in both twins)']);
  });

  it('flags an exercise id that does not exist', () => {
    const problems = problemsAfter((f) => (file(f, 'courses/c/m.en.mdx').body = '<Exercise id="ghost" />'));
    expect(problems).toContain('content/courses/c/m.en.mdx › line 1: <Exercise id="ghost" /> names something that does not exist; add content/exercises/ghost.yaml or fix the id');
  });

  it('flags a prerequisite that does not exist', () => {
    const problems = problemsAfter((f) => {
      for (const lang of ['zh', 'en']) (file(f, `courses/c/m.${lang}.mdx`).data as Record<string, unknown>).prerequisites = ['c/missing'];
    });
    expect(problems).toContain('content/courses/c/m.zh.mdx › prerequisites[0]: names module "c/missing", which does not exist; use course-id/module-id of an existing module');
  });

  it('flags a level that requires a module that does not exist', () => {
    const problems = problemsAfter((f) => ((file(f, 'levels/mid.yaml').data as { criteria: { modules: string[] } }).criteria.modules = ['c/gone']));
    expect(problems).toContain('content/levels/mid.yaml › criteria.modules[0]: names module "c/gone", which does not exist');
  });

  it('flags a module missing its other-language twin', () => {
    const problems = problemsAfter((f) => f.splice(f.findIndex((x) => x.path === 'courses/c/m.en.mdx'), 1));
    expect(problems).toContain('content/courses/c/m.zh.mdx › (file): has no English twin; add courses/c/m.en.mdx');
  });

  it('flags twins that disagree on shared fields', () => {
    const problems = problemsAfter((f) => ((file(f, 'courses/c/m.en.mdx').data as Record<string, unknown>).minutes = 12));
    expect(problems).toContain('content/courses/c/m.en.mdx › minutes: is 12 but the Chinese twin says 10; the twins must agree');
  });

  it('flags a single-choice question with no correct answer', () => {
    const problems = problemsAfter((f) => {
      (file(f, 'quizzes/q.yaml').data as { questions: { options: { correct: boolean }[] }[] }).questions[0]!.options[0]!.correct = false;
    });
    expect(problems).toContain('content/quizzes/q.yaml › questions[id=one].options: a single-choice question needs exactly one option with "correct: true"');
  });

  it('flags an option id that gives the answer away', () => {
    const problems = problemsAfter((f) => {
      (file(f, 'quizzes/q.yaml').data as { questions: { options: { id: string }[] }[] }).questions[0]!.options[0]!.id = 'correct-one';
    });
    expect(problems.join('\n')).toMatch(/quizzes\/q\.yaml › questions\[id=one\]\.options\[id=correct-one\]\.id: an option id reaches the browser/);
  });

  it('reports a YAML syntax error as it was read', () => {
    const problems = problemsAfter((f) => Object.assign(file(f, 'quizzes/q.yaml'), { data: undefined, error: 'YAML syntax error: bad indentation' }));
    expect(problems).toContain('content/quizzes/q.yaml › (file): YAML syntax error: bad indentation');
  });

  it('rejects MDX that does not compile, unknown components and code', () => {
    expect(problemsAfter((f) => (file(f, 'courses/c/m.zh.mdx').body = '<Callout>\n未闭合\n')).join('\n')).toMatch(/m\.zh\.mdx › line 1: <Callout> is never closed: add <\/Callout>.*closing tag/);
    expect(problemsAfter((f) => (file(f, 'courses/c/m.zh.mdx').body = '<Chart id="x" />'))).toContain(
      'content/courses/c/m.zh.mdx › line 1: uses <Chart>, which is not an authoring component; use one of Callout, Steps, Flow, RoleCard, KeyTerm, LadderRule, LadderTable, QuestionTypes, Quiz, Exercise',
    );
    expect(problemsAfter((f) => (file(f, 'courses/c/m.zh.mdx').body = 'export const x = process.exit(1)\n\n正文')).join('\n')).toMatch(/import or export line/);
    expect(problemsAfter((f) => (file(f, 'courses/c/m.zh.mdx').body = '<script>alert(1)</script>')).join('\n')).toMatch(/<script> tag/);
  });

  describe('what would fail while the lesson renders', () => {
    const bodyProblems = (body: string, bodyLine?: number) =>
      problemsAfter((f) => Object.assign(file(f, 'courses/c/m.zh.mdx'), { body: `${body}\n\n<Quiz id="q" />\n`, bodyLine }));

    it('refuses a placeholder in braces in prose, naming the line of the file and how to write braces as text', () => {
      const problems = bodyProblems('## 开场\n\n{客户姓名}您好，我是……', 7);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^content\/courses\/c\/m\.zh\.mdx › line 9: "\{客户姓名\}" is read as code: .*fail to render \(客户姓名 is not defined\)/);
      expect(problems[0]).toContain("write \\{客户姓名\\} or {'{客户姓名}'}");
    });

    it('accepts braces written as text, literal strings and plain-data props', () => {
      expect(bodyProblems("\\{客户姓名\\}您好 {'{客户姓名}'} {/* note */}\n\n<RoleCard title=\"主管\" duties={[\"a\", 'b']} />")).toEqual([]);
    });

    it('refuses code in a prop and a prop the component does not take, with the nearest name', () => {
      const problems = bodyProblems('<RoleCard title="主管" duties={dutyList} />\n\n<Callout titel="x">y</Callout>');
      expect(problems).toContain('content/courses/c/m.zh.mdx › line 1: <RoleCard duties={dutyList}> is code the lesson cannot run (dutyList is not defined), so the page would fail to render. Write the value itself: text in double quotes, or a list such as duties={["first item", "second item"]}');
      expect(problems).toContain('content/courses/c/m.zh.mdx › line 3: <Callout> has no prop "titel"; did you mean "title"? its props are type, title');
    });

    it('refuses props that would make a component throw: a missing required list and a broken flow', () => {
      const problems = bodyProblems('<RoleCard title="主管" />\n\n<Flow title="F" steps={[{ id: "a", label: "A", next: "zz" }]} />');
      expect(problems).toContain('content/courses/c/m.zh.mdx › line 1: <RoleCard> duties: is missing; add "duties" (expected array)');
      expect(problems).toContain('content/courses/c/m.zh.mdx › line 3: <Flow title="F">: step "a" leads to "zz", which is not a step id in this flow');
    });

    it('accepts the documented double-quoted lists with apostrophes, and explains a single-quoted one in plain words', () => {
      expect(bodyProblems('<RoleCard\n  title="Team lead"\n  duties={["Protect the managers\' time", "Don\'t skip reviews"]}\n/>')).toEqual([]);
      const [inList] = bodyProblems("<RoleCard\n  title=\"Team lead\"\n  duties={['Protect the managers' time']}\n/>", 5);
      expect(inList).toMatch(/^content\/courses\/c\/m\.zh\.mdx › line 7: a prop written in \{…\} cannot be read\. .*write text in props in double quotes \(title="managers' time"\), and lists as duties=\{\["first", "second"\]\}: an apostrophe inside single quotes \('managers' time'\) ends the text early/);
      const [inTitle] = bodyProblems("<Callout title='The managers' time'>\n\nx\n\n</Callout>");
      expect(inTitle).toMatch(/line 1: a component's props cannot be read\. Check that every quote is closed, and write text in props in double quotes/);
    });

    it('explains a "<" in prose in plain words', () => {
      const [problem] = bodyProblems('价格 <5% 时要审批');
      expect(problem).toMatch(/line 1: in MDX "<" starts a component; to show "<" as text write \\</);
    });
  });

  describe('exercises', () => {
    const exerciseFile = (data: Record<string, unknown>): ContentFileInput => ({
      path: 'exercises/e.yaml',
      data: { title: text('E'), instructions: text('I'), module: 'c/m', practises: text('P'), debrief: text('D'), ...data },
    });
    const sequence = { type: 'sequence', items: ['record', 'judge', 'assign'].map((id) => ({ id, text: text(id) })) };
    const placed = (files: ContentFileInput[]) => {
      file(files, 'courses/c/m.zh.mdx').body += '\n<Exercise id="e" />\n';
      file(files, 'courses/c/m.en.mdx').body += '\n<Exercise id="e" />\n';
    };
    const problemsWith = (data: Record<string, unknown>, place = true) =>
      problemsAfter((f) => {
        f.push(exerciseFile(data));
        if (place) placed(f);
      });

    it('passes a valid exercise placed in both lessons of its module', () => {
      expect(problemsWith(sequence)).toEqual([]);
    });

    it('flags an exercise its module does not place, naming the lesson and the tag to add', () => {
      expect(problemsWith(sequence, false)).toEqual([
        'content/exercises/e.yaml › module: is "c/m", but courses/c/m.zh.mdx does not place it; add <Exercise id="e" /> to that lesson',
        'content/exercises/e.yaml › module: is "c/m", but courses/c/m.en.mdx does not place it; add <Exercise id="e" /> to that lesson',
      ]);
    });

    it('flags an exercise tied to a module that does not exist', () => {
      expect(problemsWith({ ...sequence, module: 'c/ghost' })).toEqual([
        'content/exercises/e.yaml › module: names module "c/ghost", which does not exist; use course-id/module-id of the module the exercise practises',
      ]);
    });

    it('flags a step id that would give its position away', () => {
      const items = [{ id: 'step-1', text: text('a') }, { id: 'judge', text: text('b') }, { id: 'assign', text: text('c') }];
      expect(problemsWith({ type: 'sequence', items }).join('\n')).toMatch(/exercises\/e\.yaml › items\[id=step-1\]\.id: this id reaches the browser, so it must not carry a number/);
    });

    it('flags a card sorted into a bucket that does not exist, and a card id that names its bucket', () => {
      const problems = problemsWith({
        type: 'classify',
        buckets: [{ id: 'grade-a', label: text('A') }, { id: 'grade-b', label: text('B') }],
        cards: [
          { id: 'school', text: text('s'), bucket: 'grade-z', explanation: text('x') },
          { id: 'grade-a-lead', text: text('l'), bucket: 'grade-a', explanation: text('x') },
          { id: 'factory', text: text('f'), bucket: 'grade-b', explanation: text('x') },
        ],
      });
      expect(problems).toContain('content/exercises/e.yaml › cards[id=school].bucket: names bucket "grade-z", which is not in "buckets"; use one of "grade-a", "grade-b"');
      expect(problems.join('\n')).toMatch(/cards\[id=grade-a-lead\]\.id: card id "grade-a-lead" contains its bucket id "grade-a"/);
    });

    it('flags a document review with no sound segment, so flagging everything cannot win', () => {
      const issue = { criterion: 'accuracy', explanation: text('x') };
      const problems = problemsWith({
        type: 'spot-the-issue',
        document: { kind: 'quotation', heading: text('Q') },
        segments: ['price', 'delivery', 'validity'].map((id) => ({ id, text: text(id), issue })),
      });
      expect(problems.join('\n')).toMatch(/segments: every segment has an "issue", so flagging everything would score full marks; add sound segments too/);
    });

    it('flags a calculation with a negative tolerance', () => {
      const problems = problemsWith({
        type: 'calculation',
        scenario: text('S'),
        givens: [{ label: text('L'), value: text('1') }],
        questions: [{ id: 'rate', prompt: text('P'), answer: 5, tolerance: -1, solution: text('x') }],
      });
      expect(problems.join('\n')).toMatch(/questions\[id=rate\]\.tolerance: .*a tolerance cannot be negative/);
    });

    it('checks the skills a role-play scores against content/skills.yaml, which trainers extend', () => {
      const skills = { path: 'skills.yaml', data: [{ id: 'listening', label: text('Listening') }, { id: 'rapport', label: text('Rapport') }] };
      const end = (id: string, outcome: string) => ({ id, outcome, narration: text('end'), debrief: text('d') });
      const roleplay = (effects: Record<string, number>) => ({
        type: 'roleplay',
        persona: text('p'),
        start: 'open',
        nodes: [
          { id: 'open', customer: text('hi'), choices: [{ id: 'go-done', text: text('done'), to: 'done', effects, feedback: text('f') }, { id: 'go-lost', text: text('lost'), to: 'lost', effects: {}, feedback: text('f') }] },
          end('done', 'success'),
          end('lost', 'failure'),
        ],
      });
      const withSkills = (effects: Record<string, number>) =>
        problemsAfter((f) => {
          f.push(exerciseFile(roleplay(effects)), skills);
          placed(f);
        });
      expect(withSkills({ rapport: 2 })).toEqual([]);
      expect(withSkills({ listenning: 2 })).toEqual([
        'content/exercises/e.yaml › nodes[id=open].choices[id=go-done].effects: scores skill "listenning", which content/skills.yaml does not list; did you mean "listening"? use one of listening, rapport, or add the skill there with its zh and en label',
      ]);
    });

    it('flags a role-play that can loop, or whose best path earns nothing', () => {
      const node = (id: string, to: string[], effects = {}) => ({
        id,
        customer: text(id),
        choices: to.map((t) => ({ id: `go-${t}`, text: text(t), to: t, effects, feedback: text('f') })),
      });
      const end = (id: string) => ({ id, outcome: 'success', narration: text('end'), debrief: text('d') });
      const looping = problemsWith({ type: 'roleplay', persona: text('p'), start: 'open', nodes: [node('open', ['back', 'done']), node('back', ['open']), end('done')] });
      expect(looping.join('\n')).toMatch(/nodes: the conversation can loop \(open → back → open\)/);
      const pointless = problemsWith({ type: 'roleplay', persona: text('p'), start: 'open', nodes: [node('open', ['done', 'other']), end('done'), end('other')] });
      expect(pointless.join('\n')).toMatch(/nodes: no path earns any skill points/);
    });
  });

  it('flags a file outside the known folders', () => {
    expect(problemsAfter((f) => f.push({ path: 'notes/todo.yaml', data: {} })).join('\n')).toMatch(/notes\/todo\.yaml › \(file\): is not where content belongs/);
  });
});
