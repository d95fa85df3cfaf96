import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readKpiFile, planKpiRows, type PeopleLookup } from '../../src/lib/kpi-import';
import { decodeCsvBytes } from '../../src/lib/kpi-import/decode';
import { excelSerialToDay, readPeriod } from '../../src/lib/kpi-import/period';
import { readValue } from '../../src/lib/kpi-import/rows';
import { fileKind } from '../../src/lib/kpi-import/table';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../fixtures/kpi-import', name)));
const people: PeopleLookup = {
  byEmail: new Map([
    ['zhou@test.academy', 'u-zhou'],
    ['chen@test.academy', 'u-chen'],
  ]),
  byEmployeeNumber: new Map([
    ['E1001', 'u-chen'],
    ['E1002', 'u-zhou'],
  ]),
};
const zone = 'Asia/Shanghai';
const text = (s: string) => new TextEncoder().encode(s);

describe('reading KPI files', () => {
  it('reads a GB18030 CSV as Excel on Chinese Windows saves it: Chinese headers, names, 万-free thousands, full-width digits and %', async () => {
    const reading = await readKpiFile('crm.csv', fixture('crm-gb18030.csv'), people, zone);
    expect(reading).toMatchObject({ ok: true, kind: 'csv', problems: [] });
    if (!reading.ok) return;
    expect(reading.rows).toEqual([
      { line: 2, userId: 'u-chen', metric: 'target-attainment', valuePercent: 1000, period: '2026-05' },
      { line: 3, userId: 'u-zhou', metric: 'customer-satisfaction', valuePercent: 95.5, period: '2026-Q2' },
      { line: 4, userId: 'u-zhou', metric: 'lead-conversion', valuePercent: 12.5, period: '2026-05' },
    ]);
  });

  it('reads UTF-8 with and without a byte-order mark alike, and names each bad line with its reason', async () => {
    for (const name of ['crm-utf8-bom.csv', 'crm-utf8.csv']) {
      const reading = await readKpiFile(name, fixture(name), people, zone);
      if (!reading.ok) throw new Error(name);
      expect(reading.rows).toEqual([
        { line: 2, userId: 'u-zhou', metric: 'target-attainment', valuePercent: 104, period: '2026-05' },
        { line: 4, userId: 'u-chen', metric: 'lead-conversion', valuePercent: 1000, period: '2026-Q2' },
      ]);
      expect(reading.problems).toEqual([
        { line: 3, code: 'person.unknown', value: 'nobody@nowhere.test' },
        { line: 3, code: 'value.unreadable', value: 'abc' },
        { line: 3, code: 'period.unreadable', value: '2026-13' },
      ]);
    }
    expect(decodeCsvBytes(fixture('crm-utf8-bom.csv')).text.startsWith('email')).toBe(true);
    expect(decodeCsvBytes(fixture('crm-gb18030.csv')).encoding).toBe('gb18030');
  });

  it('reads an XLSX with date cells, Excel day numbers, percentage cells and text numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('KPI');
    sheet.addRow(['Employee No.', 'Metric', 'Value', 'Month']);
    sheet.addRow(['E1001', 'csat', 0.95, new Date(Date.UTC(2026, 4, 31))]);
    sheet.getCell('C2').numFmt = '0%';
    sheet.addRow(['e1002', '业绩增长率', '１，０００', 46143]); // 46143 is 2026-05-01 as Excel counts days
    sheet.addRow(['E1002', 'growth', 12, 'Q3 2026']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const reading = await readKpiFile('export.xlsx', bytes, people, zone);
    expect(reading).toMatchObject({ ok: true, kind: 'xlsx', problems: [] });
    if (!reading.ok) return;
    expect(reading.rows).toEqual([
      { line: 2, userId: 'u-chen', metric: 'customer-satisfaction', valuePercent: 95, period: '2026-05' },
      { line: 3, userId: 'u-zhou', metric: 'growth-rate', valuePercent: 1000, period: '2026-05' },
      { line: 4, userId: 'u-zhou', metric: 'growth-rate', valuePercent: 12, period: '2026-Q3' },
    ]);
  });

  it('names the one bad line among 10,000 rows', async () => {
    const lines = ['email,kpi,value,period'];
    for (let i = 0; i < 10_000; i++) lines.push(`zhou@test.academy,target-attainment,${i % 2 ? 100 : 101},${2000 + (i % 150)}-0${(i % 9) + 1}`);
    lines[5001] = 'zhou@test.academy,target-attainment,lots,2026-05';
    const reading = await readKpiFile('big.csv', text(lines.join('\n')), people, zone);
    if (!reading.ok) throw new Error('unreadable');
    expect(reading.problems).toEqual([{ line: 5002, code: 'value.unreadable', value: 'lots' }]);
  });

  it('refuses a wrong file type, an empty file, a file without the needed columns and an old .xls', async () => {
    expect(await readKpiFile('photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]), people, zone)).toEqual({ ok: false, problem: { code: 'file.type' } });
    expect(await readKpiFile('kpi.csv', new Uint8Array(), people, zone)).toEqual({ ok: false, problem: { code: 'file.empty' } });
    expect(await readKpiFile('kpi.csv', text('name,score\nA,1\n'), people, zone)).toEqual({ ok: false, problem: { code: 'file.missingColumns', columns: ['email', 'employee', 'kpi', 'value', 'period'] } });
    expect(await readKpiFile('huge.csv', new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41), people, zone)).toEqual({ ok: false, problem: { code: 'file.tooLarge', maxMegabytes: 5 } });
    expect(fileKind('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toBeNull();
    expect(fileKind('renamed.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
    expect(await readKpiFile('kpi.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), people, zone)).toEqual({ ok: false, problem: { code: 'file.unreadable', line: null } });
  });

  it('flags two rows that give one person, KPI and period different values, and reads an identical repeat once', async () => {
    const csv = 'email,kpi,value,period\nzhou@test.academy,csat,90,2026-05\nzhou@test.academy,csat,90,2026-05\nzhou@test.academy,csat,91,2026-05\n';
    const reading = await readKpiFile('k.csv', text(csv), people, zone);
    if (!reading.ok) throw new Error('unreadable');
    expect(reading.rows).toHaveLength(1);
    expect(reading.problems).toEqual([{ line: 4, code: 'row.conflict', value: '2' }]);
  });

  it('refuses an email and an employee number that name two different people', async () => {
    const reading = await readKpiFile('k.csv', text('工号,邮箱,指标,数值,期间\nE1001,zhou@test.academy,csat,90,2026-05\n'), people, zone);
    expect(reading.ok && reading.problems.map((p) => p.code)).toEqual(['person.mismatch']);
  });
});

describe('KPI periods and values', () => {
  it.each([
    ['2026-05', '2026-05'],
    ['2026/5', '2026-05'],
    ['2026.5', '2026-05'],
    ['202605', '2026-05'],
    ['２０２６年５月', '2026-05'],
    ['2026年5月31日', '2026-05'],
    ['2026-05-31', '2026-05'],
    ['2026Q2', '2026-Q2'],
    ['2026 q2', '2026-Q2'],
    ['Q2 2026', '2026-Q2'],
    ['2026年第二季度', '2026-Q2'],
    ['2026年上半年', '2026-H1'],
    ['2026-H2', '2026-H2'],
    ['2026', '2026'],
    ['2026年', '2026'],
    ['46143', '2026-05'],
    // 20:00 UTC on 31 May is 04:00 on 1 June in Shanghai: the company's calendar decides.
    ['2026-05-31T20:00:00Z', '2026-06'],
    ['2026-05-31 23:30', '2026-05'],
  ])('reads the period %s as %s', (typed, period) => {
    expect(readPeriod(typed, zone)).toBe(period);
  });

  it.each(['2026-13', '2026-02-30', 'soon', '1850', '26-05'])('refuses the period %s', (typed) => {
    expect(readPeriod(typed, zone)).toBeNull();
  });

  it('reads a date cell by the day written in it, whatever the company zone', () => {
    expect(readPeriod({ date: new Date(Date.UTC(2026, 4, 31)) }, 'America/Los_Angeles')).toBe('2026-05');
    expect(excelSerialToDay(46173)).toEqual({ year: 2026, month: 5, day: 31 });
  });

  it.each([
    ['104', 104],
    ['104%', 104],
    ['１０４．５％', 104.5],
    ['1,000', 1000],
    ['1，000', 1000],
    [' 98 % ', 98],
  ])('reads the value %s as %s', (typed, value) => {
    expect(readValue(typed)).toEqual({ ok: true, value });
  });

  it('reads a percentage cell as percent and refuses a comma that does not group thousands', () => {
    expect(readValue({ number: 1.045, percent: true })).toEqual({ ok: true, value: 104.5 });
    expect(readValue('1,04')).toEqual({ ok: false, code: 'value.unreadable' });
  });

  it('plans each row as new, changed or the same as the latest recorded value', () => {
    const row = { line: 2, userId: 'u', metric: 'growth-rate' as const, period: '2026-05' };
    const current = new Map([['u\u0000growth-rate\u00002026-05', 10]]);
    expect(planKpiRows([{ ...row, valuePercent: 10 }], current)[0]).toMatchObject({ before: 10, status: 'same' });
    expect(planKpiRows([{ ...row, valuePercent: 12 }], current)[0]).toMatchObject({ before: 10, status: 'changed' });
    expect(planKpiRows([{ ...row, valuePercent: 12 }], new Map())[0]).toMatchObject({ before: null, status: 'new' });
  });
});
