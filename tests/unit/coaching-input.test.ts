/** The day an observation happened, read as managers type it, on the company calendar. */
import { describe, expect, it } from 'vitest';
import { readObservedOn } from '../../src/lib/coaching/observed-on';

const zone = 'Asia/Shanghai';
// 23:30 on 30 November in Shanghai is still 30 November in UTC only until 16:00 UTC.
const now = new Date('2026-11-30T15:30:00Z');

describe('readObservedOn', () => {
  it('reads a picked date and the ways people type one, full-width digits included', () => {
    for (const typed of ['2026-11-30', '2026/11/30', '2026.11.30', '２０２６年１１月３０日', ' 2026-11-3 ']) {
      expect(readObservedOn(typed, now, zone), typed).toBe(typed.trim() === '2026-11-3' ? '2026-11-03' : '2026-11-30');
    }
  });

  it('uses the company’s today: the next day is refused even where UTC is still on it', () => {
    expect(readObservedOn('2026-12-01', new Date('2026-11-30T16:30:00Z'), zone)).toBe('2026-12-01');
    expect(readObservedOn('2026-12-01', now, zone)).toBeNull();
  });

  it('refuses days that do not exist, the future, more than a year back and anything else', () => {
    for (const typed of ['2026-02-30', '2027-01-01', '2025-11-01', 'yesterday', '', '30/11/2026']) expect(readObservedOn(typed, now, zone), typed).toBeNull();
  });
});
