import { describe, expect, it } from 'vitest';
import { warningLines } from '../../src/lib/build/warnings';

describe('build warnings', () => {
  it('finds Astro and Vite warnings, coloured or not, and nothing in a clean build', () => {
    const output = [
      '02:41:25 [build] Server built in 46.51s',
      '02:41:25 \u001b[33m[WARN]\u001b[39m [csp] `security.csp.styleDirective` defines …',
      '02:41:46 [WARN] [vite] [MODULE_LEVEL_DIRECTIVE] The semantics …',
      '02:41:47 [build] Complete!',
    ].join('\n');
    expect(warningLines(output)).toEqual(['02:41:25 [WARN] [csp] `security.csp.styleDirective` defines …', '02:41:46 [WARN] [vite] [MODULE_LEVEL_DIRECTIVE] The semantics …']);
    expect(warningLines('02:41:25 [build] Complete!\n[content] Synced content\n')).toEqual([]);
  });
});
