/**
 * The originality check: no course, quiz, exercise, level, glossary or rubric text may share a
 * run of 15 or more Chinese characters with a source handbook (docs/authoring.md, "Our own
 * words"). Pure: handbook and content texts in, findings out; the caller reads the files and
 * passes the Traditional→Simplified converter.
 */
import { hanRuns, stripPinyinGlosses, type HanRun } from './text';
import { indexHandbooks, sharedRuns, type HandbookIndex, type SharedRun } from './shared-runs';

export { stripPinyinGlosses, enumerationOffsets, hanRuns } from './text';

/** Fifteen characters is a clause: shorter shared runs are set phrases and terms of the trade. */
export const MIN_SHARED_CHARACTERS = 15;

export interface TextFile {
  /** Path shown in findings, e.g. "content/quizzes/lead-grading.yaml". */
  path: string;
  text: string;
}

export interface OriginalityFinding extends SharedRun {
  file: string;
  /** The whole line of the course file where the shared run starts. */
  lineText: string;
}

/** Handbook text as compared: glosses removed, Simplified, one run per file (lines kept for reports). */
export function prepareHandbooks(files: readonly TextFile[], toSimplified: (text: string) => string, minLength = MIN_SHARED_CHARACTERS): HandbookIndex {
  return indexHandbooks(
    files.map((f) => ({ name: f.path, runs: hanRuns(toSimplified(stripPinyinGlosses(f.text)).split('\n')) })),
    minLength,
  );
}

/**
 * A content file is compared as one stretch of Chinese characters: line breaks, punctuation,
 * English and YAML keys do not interrupt it, so a sentence wrapped over two lines, a duty list in
 * a RoleCard or a flow's step labels on consecutive lines are found as one copied run. Only plain
 * 、-enumerations of terms break it (see `enumerationOffsets`).
 */
export function contentRuns(file: TextFile): HanRun[] {
  return hanRuns(file.text.split('\n'), 1, true);
}

export function checkOriginality(files: readonly TextFile[], handbooks: HandbookIndex): OriginalityFinding[] {
  return files.flatMap((file) => {
    const lines = file.text.split('\n');
    return contentRuns(file).flatMap((run) =>
      sharedRuns(run, handbooks).map((shared) => ({ ...shared, file: file.path, lineText: lines[shared.line - 1]!.trim() })),
    );
  });
}

export function formatFinding(f: OriginalityFinding): string {
  const line = f.lineText.length > 160 ? `${f.lineText.slice(0, 157)}…` : f.lineText;
  return [
    `${f.file}:${f.line}${f.endLine > f.line ? `–${f.endLine}` : ''} shares ${[...f.text].length} characters with the handbook ${f.handbook} (line ${f.handbookLine}): "${f.text}"`,
    `    course:   ${line}`,
    `    handbook: ${f.handbookExcerpt}`,
  ].join('\n');
}
