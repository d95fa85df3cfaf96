import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function runOriginality(contentDir: string, seedsDir: string) {
  return spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/content-originality.ts', contentDir], {
    encoding: 'utf8',
    env: { ...process.env, SEEDS_DIR: seedsDir },
  });
}

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'originality-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const seeds = tree({ '000_handbook.txt': '版權(quán)說明\n初級(jí)銷售人員需要積極尋找潛在客戶，通過(guò)電話、郵件等方式與他們建立聯(lián)系。\n' });

describe('npm run content:originality', () => {
  it('fails on a sentence copied from a Traditional handbook, naming the file, line and both texts', () => {
    const content = tree({ 'quizzes/q.yaml': 'prompt:\n  zh: 初级销售人员需要积极寻找潜在客户，通过电话、邮件等方式联系他们。\n  en: Copied.\n' });
    const run = runOriginality(content, seeds);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/quizzes\/q\.yaml:2 shares \d+ characters with the handbook 000_handbook\.txt \(line 2\)/);
    expect(run.stderr).toContain('course:   zh: 初级销售人员需要积极寻找潜在客户');
    expect(run.stderr).toContain('handbook: 版权说明初级销售人员需要积极寻找潜在客户');
  });

  it('passes text written in our own words', () => {
    const content = tree({ 'quizzes/q.yaml': 'prompt:\n  zh: 新人每天打几个电话、发几封邮件，主动认识可能买我们产品的公司。\n  en: Own words.\n' });
    const run = runOriginality(content, seeds);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('refuses to pass when it cannot find the handbooks', () => {
    const run = runOriginality('content', join(tmpdir(), 'no-such-seeds-folder'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('SEEDS_DIR');
  });
});
