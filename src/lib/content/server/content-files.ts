/**
 * Reads trainer content straight from content/ without Astro, for scripts (seeding, the content
 * check) that run outside a build. Parsing only: validation is the schemas' job.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { yamlErrorAdvice, type YamlErrorLike } from '../check/yaml-advice';

export interface ContentFile {
  /** Path relative to the content root, e.g. "quizzes/lead-to-after-sales.yaml". */
  path: string;
  data: unknown;
  /** MDX body, for .mdx files. */
  body?: string;
  /** Line number of the body's first line in the file, so problems name the line an editor shows. */
  bodyLine?: number;
}

export interface ContentFileError {
  error?: string;
  /** The file's line the error is on, when the parser knows it. */
  errorLine?: number;
}

function walk(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Parses one file; a YAML syntax error is reported as `error` rather than thrown. */
export function readContentFile(root: string, fullPath: string): ContentFile & ContentFileError {
  const path = relative(root, fullPath).split('\\').join('/');
  const text = readFileSync(fullPath, 'utf8');
  try {
    if (path.endsWith('.mdx')) {
      const match = FRONTMATTER.exec(text);
      if (!match) return { path, data: undefined, body: text, error: 'the file must start with a frontmatter block between two "---" lines' };
      const bodyLine = text.slice(0, match[0].length - match[2]!.length).split('\n').length;
      return { path, data: parseYaml(match[1]!), body: match[2]!, bodyLine };
    }
    return { path, data: parseYaml(text) };
  } catch (error) {
    // Frontmatter starts on the file's second line, after "---".
    const { line, message } = yamlErrorAdvice(error instanceof Error ? (error as YamlErrorLike) : { message: String(error) }, path.endsWith('.mdx') ? 1 : 0);
    return { path, data: undefined, error: `YAML syntax error: ${message}`, errorLine: line };
  }
}

/** Every content file under `root` with one of the given extensions, sorted by path. */
export function readContentTree(root: string, extensions = ['.yaml', '.yml', '.mdx']) {
  return walk(root)
    .filter((f) => extensions.some((ext) => f.endsWith(ext)))
    .sort()
    .map((f) => readContentFile(root, f));
}
