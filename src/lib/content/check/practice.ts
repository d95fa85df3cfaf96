/**
 * How much of the curriculum is practice: which modules place an exercise, and what share of each
 * quiz puts the learner in a situation (`kind: scenario`) or makes them apply a rule to given facts
 * (`kind: application`) rather than recall a fact. Pure: the same file list content:check reads,
 * figures out. Files that do not parse are skipped here; content:check reports them.
 */
import type { ContentFileInput } from './index';

export interface QuizPracticeShare {
  quizId: string;
  questions: number;
  scenario: number;
  application: number;
  recall: number;
  /** Questions without a `kind`; they never count as practice. */
  unmarked: number;
  /** (scenario + application) / questions, 0–1. */
  practiceShare: number;
  /** How many questions one attempt asks: `draw` when set, else all. */
  asked: number;
}

export interface PracticeReport {
  modules: { total: number; withExercise: number; without: string[] };
  quizzes: QuizPracticeShare[];
  overall: { questions: number; practice: number; recall: number; unmarked: number; practiceShare: number };
}

const modulePath = /^courses\/([^/]+)\/([^/]+)\.(zh|en)\.mdx$/;
const quizPath = /^quizzes\/([^/]+)\.ya?ml$/;
const placesExercise = /<Exercise\s[^>]*id=["'][^"']+["']/;

export function practiceReport(files: readonly ContentFileInput[]): PracticeReport {
  // A module counts when either language twin places an exercise; content:check already insists
  // that an exercise is placed in both.
  const modules = new Map<string, boolean>();
  for (const file of files) {
    const match = modulePath.exec(file.path);
    if (!match) continue;
    const id = `${match[1]}/${match[2]}`;
    modules.set(id, (modules.get(id) ?? false) || placesExercise.test(file.body ?? ''));
  }
  const without = [...modules].filter(([, has]) => !has).map(([id]) => id).sort();

  const quizzes: QuizPracticeShare[] = [];
  for (const file of files) {
    const match = quizPath.exec(file.path);
    const data = file.data as { draw?: unknown; questions?: unknown } | null;
    if (!match || !data || !Array.isArray(data.questions)) continue;
    const kinds = data.questions.map((q) => (q as { kind?: unknown } | null)?.kind);
    const count = (k: string) => kinds.filter((x) => x === k).length;
    const [scenario, application, recall] = [count('scenario'), count('application'), count('recall')];
    const questions = kinds.length;
    quizzes.push({
      quizId: match[1]!,
      questions,
      scenario,
      application,
      recall,
      unmarked: questions - scenario - application - recall,
      practiceShare: questions === 0 ? 0 : (scenario + application) / questions,
      asked: typeof data.draw === 'number' ? Math.min(data.draw, questions) : questions,
    });
  }
  quizzes.sort((a, b) => a.quizId.localeCompare(b.quizId));

  const sum = (pick: (q: QuizPracticeShare) => number) => quizzes.reduce((total, q) => total + pick(q), 0);
  const questions = sum((q) => q.questions);
  const practice = sum((q) => q.scenario + q.application);
  return {
    modules: { total: modules.size, withExercise: modules.size - without.length, without },
    quizzes,
    overall: { questions, practice, recall: sum((q) => q.recall), unmarked: sum((q) => q.unmarked), practiceShare: questions === 0 ? 0 : practice / questions },
  };
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** The report as plain lines for the terminal (and for pasting into a release note). */
export function formatPracticeReport(report: PracticeReport): string[] {
  const { modules, quizzes, overall } = report;
  const lines = [
    `Modules with an exercise: ${modules.withExercise}/${modules.total} (${percent(modules.total ? modules.withExercise / modules.total : 0)})`,
    ...(modules.without.length ? [`  without: ${modules.without.join(', ')}`] : []),
    `Scenario/application questions overall: ${overall.practice}/${overall.questions} (${percent(overall.practiceShare)}); recall ${overall.recall}; unmarked ${overall.unmarked}`,
    'Per quiz (scenario + application / questions; asked per attempt):',
  ];
  for (const q of quizzes) {
    const flag = q.practiceShare < 0.5 ? '  ← below half' : '';
    lines.push(
      `  ${q.quizId}: ${q.scenario + q.application}/${q.questions} (${percent(q.practiceShare)}) — scenario ${q.scenario}, application ${q.application}, recall ${q.recall}${q.unmarked ? `, unmarked ${q.unmarked}` : ''}; asks ${q.asked}${flag}`,
    );
  }
  return lines;
}
