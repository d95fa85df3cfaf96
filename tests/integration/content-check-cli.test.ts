import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

function runCheck(dir: string, ...flags: string[]) {
  return spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/content-check.ts', dir, ...flags], { encoding: 'utf8' });
}

describe('npm run content:check', () => {
  it('fails on broken content, naming each file, field and fix', () => {
    const run = runCheck('tests/fixtures/broken-content');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('tests/fixtures/broken-content/courses/demo/intro.zh.mdx › minutes: is "ten", but it must be a number');
    expect(run.stderr).toContain('tests/fixtures/broken-content/quizzes/demo-quiz.yaml › questions[id=only].options: a single-choice question needs exactly one option with "correct: true"');
    expect(run.stderr).toContain('tests/fixtures/broken-content/exercises/demo-roleplay.yaml › nodes[id=opening].choices[id=ask-why].to: leads to node "nowhere", which does not exist; use the id of a node in "nodes"');
    // Two options of one question share an id: both would grade as the right answer.
    expect(run.stderr).toContain(
      'tests/fixtures/broken-content/quizzes/demo-quiz.yaml › questions[id=pick].options: the 1st and 3rd options share the id "gamma"; give every option its own id (answers refer to it): rename all but one after their content',
    );
    expect(run.stderr).toContain('docs/authoring.md');
  });

  it('fails a placeholder in braces that would make the lesson answer 500, naming the line counted from the top of the file', () => {
    const run = runCheck('tests/fixtures/broken-content');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `tests/fixtures/broken-content/courses/demo/greeting.zh.mdx › line 11: "{客户姓名}" is read as code: in MDX, "{" and "}" run JavaScript, and this lesson would fail to render (客户姓名 is not defined). To show the braces as text, write \\{客户姓名\\} or {'{客户姓名}'}`,
    );
    // The quiz it places has a mistake of its own, reported once in the quiz, not as a missing file.
    expect(run.stderr).not.toContain('there is no content/quizzes/demo-quiz.yaml');
    expect(run.stderr).not.toContain('<Quiz id="demo-quiz" /> names something that does not exist');
    // The English twin writes its braces as text, which is fine.
    expect(run.stderr).not.toMatch(/greeting\.en\.mdx › line 11/);
  });

  it('explains a YAML syntax error as advice with the line and the rule, not the parser\'s words alone', () => {
    const run = runCheck('tests/fixtures/broken-content');
    expect(run.stderr).toContain(
      'tests/fixtures/broken-content/quizzes/colon-in-text.yaml › line 7: YAML syntax error: YAML read ": " in this line\'s text as the start of another field. Put text that contains ": "',
    );
    expect(run.stderr).toContain('in quotes: en: "Note: this is it"');
  });

  it('passes the real curriculum', () => {
    const run = runCheck('content');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Content OK: \d+ files checked/);
  });

  it('reports modules with an exercise and the scenario share per quiz, and every quiz of the curriculum is at least half practice', () => {
    const run = runCheck('content', '--practice');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Modules with an exercise: \d+\/\d+ \(\d+(\.\d)?%\)/);
    expect(run.stdout).toMatch(/Scenario\/application questions overall: \d+\/\d+/);
    expect(run.stdout).toMatch(/ {2}lead-to-after-sales: \d+\/\d+ .*asks \d+/);
    expect(run.stdout).not.toContain('below half');
    expect(run.stdout).not.toMatch(/unmarked [1-9]/);
  });
});
