import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readKpiFile, planKpiRows, type PeopleLookup } from '../../src/lib/kpi-import/server/read-file';
import { decodeCsvBytes } from '../../src/lib/kpi-import/decode';
import { excelSerialToDay, periodOutOfWindow, readPeriod } from '../../src/lib/kpi-import/period';
import { readValue } from '../../src/lib/kpi-import/rows';
import { fileKind } from '../../src/lib/kpi-import/server/table';
import { deflateRawSync } from 'node:zlib';

/** CRC-32 as zip wants it (Node 20 has no zlib.crc32). */
function crc32(data: Buffer): number {
  let crc = ~0;
  for (let i = 0; i < data.length; i++) {
    crc ^= data[i]!;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A zip of deflated entries, written by hand so a test can make any workbook, however large inside. */
function zip(files: Record<string, string | Buffer>): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const raw = typeof content === 'string' ? Buffer.from(content) : content;
    const packed = deflateRawSync(raw);
    const nameBytes = Buffer.from(name);
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(raw.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, centralBytes, end]));
}

/** A valid one-sheet workbook (Excel and exceljs open it) whose sheet XML is `sheetData`. */
function workbookWith(sheetData: string | Buffer): Uint8Array {
  const sheet = typeof sheetData === 'string' ? `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>` : sheetData;
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="KPI" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': sheet,
  });
}
const inlineRow = (r: number, cells: string[]) => `<row r="${r}">${cells.map((c, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${c}</t></is></c>`).join('')}</row>`;

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
    // 132 months in the importable window (2017-01 to 2027-12 as of 2026-12), each with one value.
    for (let i = 0; i < 10_000; i++) lines.push(`zhou@test.academy,target-attainment,${i % 2 ? 100 : 101},${2017 + Math.floor((i % 132) / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    lines[5001] = 'zhou@test.academy,target-attainment,lots,2026-05';
    const reading = await readKpiFile('big.csv', text(lines.join('\n')), people, zone, new Date('2026-12-01T03:00:00Z'));
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

  it('refuses an XLSX of 300,000 identical rows from its zip, before loading it (it took 13 s and 615 MB)', async () => {
    const header = inlineRow(1, ['email', 'kpi', 'value', 'period']);
    const rows = Array.from({ length: 300_000 }, (_, i) => inlineRow(i + 2, ['zhou@test.academy', 'revenue', '1', '2026-05'])).join('');
    const bytes = workbookWith(header + rows);
    expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
    const started = performance.now();
    expect(await readKpiFile('kpi.xlsx', bytes, people, zone)).toEqual({ ok: false, problem: { code: 'file.tooManyRows', max: 50_000 } });
    expect(performance.now() - started).toBeLessThan(3_000);
    // The same hand-made workbook, small, reads as any other.
    const small = await readKpiFile('kpi.xlsx', workbookWith(header + rows.slice(0, rows.indexOf('<row r="5"'))), people, zone);
    expect(small).toMatchObject({ ok: true, kind: 'xlsx' });
  }, 10_000);

  it('refuses an XLSX whose parts unpack to more than 100 MB (a zip bomb) without unpacking it all', async () => {
    const bomb = workbookWith(Buffer.alloc(150 * 1024 * 1024, 0x20));
    const started = performance.now();
    expect(await readKpiFile('kpi.xlsx', bomb, people, zone)).toEqual({ ok: false, problem: { code: 'file.tooLarge', maxMegabytes: 100 } });
    expect(performance.now() - started).toBeLessThan(3_000);
  }, 20_000);

  it('refuses, line by line, a period that parses but cannot be meant: 99999 (an Excel day in 2173), 2099-05, 1990', async () => {
    const now = new Date('2026-12-01T03:00:00Z');
    const csv = [
      'email,kpi,value,period',
      'zhou@test.academy,csat,90,99999',
      'zhou@test.academy,csat,90,2099-05',
      'zhou@test.academy,csat,90,1990',
      'zhou@test.academy,csat,90,2027-12',
      'zhou@test.academy,csat,90,2016-12',
      'zhou@test.academy,csat,90,46143',
    ].join('\n');
    const reading = await readKpiFile('kpi.csv', text(csv), people, zone, now);
    if (!reading.ok) throw new Error('unreadable');
    expect(reading.problems).toEqual([
      { line: 2, code: 'period.outOfRange', value: '99999 → 2173-10' },
      { line: 3, code: 'period.outOfRange', value: '2099-05' },
      { line: 4, code: 'period.outOfRange', value: '1990' },
    ]);
    expect(reading.rows.map((r) => r.period)).toEqual(['2027-12', '2016-12', '2026-05']);
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
  it('keeps periods from ten years back to one year ahead of this month in the company zone', () => {
    // 2026-12-31 16:30 UTC is already 2027-01-01 in Shanghai.
    const newYear = new Date('2026-12-31T16:30:00Z');
    expect(periodOutOfWindow('2028-01', newYear, zone)).toBe(false);
    expect(periodOutOfWindow('2028-02', newYear, zone)).toBe(true);
    expect(periodOutOfWindow('2028-02', newYear, 'UTC')).toBe(true);
    expect(periodOutOfWindow('2028-01', newYear, 'UTC')).toBe(true);
    expect(periodOutOfWindow('2017-01', newYear, zone)).toBe(false);
    expect(periodOutOfWindow('2016-12', newYear, zone)).toBe(true);
    expect(periodOutOfWindow('2016-H2', newYear, zone)).toBe(true);
    expect(periodOutOfWindow('2017', newYear, zone)).toBe(false);
    expect(periodOutOfWindow('2028-Q1', newYear, zone)).toBe(false);
    expect(periodOutOfWindow('2028-Q2', newYear, zone)).toBe(true);
  });

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
