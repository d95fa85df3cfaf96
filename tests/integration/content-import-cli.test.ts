import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const tsx = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', script, ...args], { encoding: 'utf8' });

describe('npm run content:import', () => {
  it.each(['all-types.gift', 'all-types.xml', 'sample.aiken.txt'])('writes quiz YAML from %s that content:check accepts', (file) => {
    const content = join(mkdtempSync(join(tmpdir(), 'academy-import-')), 'content');
    cpSync('content', content, { recursive: true });
    const run = tsx('scripts/content-import.ts', [`tests/fixtures/question-banks/${file}`, '--id', 'imported-bank', '--title', '导入题库', '--out', join(content, 'quizzes')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('imported-bank.yaml');
    const check = tsx('scripts/content-check.ts', [content]);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('writes nothing for a bank with broken syntax and names the line', () => {
    const out = mkdtempSync(join(tmpdir(), 'academy-import-'));
    const run = tsx('scripts/content-import.ts', ['tests/fixtures/question-banks/broken.gift', '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('broken.gift:3:');
    expect(existsSync(join(out, 'broken.yaml'))).toBe(false);
  });

  it('reads a GB18030 file as Chinese', () => {
    const dir = mkdtempSync(join(tmpdir(), 'academy-import-'));
    const source = join(dir, 'legacy.txt');
    // "客户是谁？\nA. 甲\nB. 乙\nANSWER: A\n" in GB18030.
    const gb = Buffer.from('bfcdbba7cac7cbada3bf0a412e20bcd70a422e20d2d20a414e535745523a20410a', 'hex');
    writeFileSync(source, gb);
    const run = tsx('scripts/content-import.ts', [source, '--out', dir]);
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'legacy.yaml'), 'utf8')).toContain('客户是谁？');
  });

  it('refuses to replace an existing quiz without --force', () => {
    const run = tsx('scripts/content-import.ts', ['tests/fixtures/question-banks/sample.aiken.txt', '--id', 'lead-grading']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('exists already');
  });
});
