/** Downloads that open right in Excel: CSV cells as Excel reads them, and XLSX read back with exceljs. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { spreadsheetWouldConvert } from '../../src/lib/spreadsheet/cells';
import { csvCellText, toCsv } from '../../src/lib/spreadsheet/csv';
import { sheetName, toXlsx } from '../../src/lib/spreadsheet/xlsx';
import type { Row } from '../../src/lib/spreadsheet/cells';

// Text Excel would otherwise turn into a date, a number in scientific notation, or drop zeros from.
const tricky = ['1/2', '3/5', '3-4', '1e5', '00123', '123456789012', '12:30', '50%', '3月2日', 'Mar 3', 'TRUE', '-5', '+86 138 0000 0000'];

describe('CSV cells', () => {
  it('keeps text Excel would convert as text, with the formula-text form', () => {
    for (const text of tricky) expect(csvCellText(text), text).toBe(`="${text}"`);
    expect(csvCellText('5" screen 3/4')).toBe('5" screen 3/4');
  });

  it('leaves ordinary text, and real numbers, shares and days as Excel should read them', () => {
    for (const text of ['刘洋', 'chen.jie@demo.academy', '华东销售一组 East Region Team 1', 'Q3 review', 'May']) expect(csvCellText(text), text).toBe(text);
    expect(csvCellText(2.5)).toBe('2.5');
    expect(csvCellText(-5)).toBe('-5');
    expect(csvCellText({ percent: 0.6667 })).toBe('66.7%');
    expect(csvCellText({ day: '2026-03-02' })).toBe('2026-03-02');
    expect(csvCellText(null)).toBe('');
    expect(csvCellText(Number.NaN)).toBe('');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCellText('=HYPERLINK("http://evil.example")')).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(csvCellText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCellText('+cmd|calc')).toBe("'+cmd|calc");
    expect(csvCellText('-2+3+cmd')).toBe("'-2+3+cmd");
    expect(csvCellText('\t=1')).toBe("'\t=1");
    expect(csvCellText('\r=1')).toBe("'\r=1");
    // Quotes inside a formula-text cell are doubled, so a number-like text cannot close the literal.
    expect(csvCellText('1"/2')).toBe('1"/2');
  });

  it('writes UTF-8 with a byte-order mark, CRLF rows and RFC 4180 quoting', () => {
    const csv = toCsv([
      ['姓名', '课程'],
      ['刘洋', '1/2'],
      ['a,b', 'say "hi"'],
      ['two\nlines', null],
      ['=1+1', 3],
    ]);
    expect(csv).toBe('\uFEFF姓名,课程\r\n刘洋,"=""1/2"""\r\n"a,b","say ""hi"""\r\n"two\nlines",\r\n\'=1+1,3\r\n');
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('recognises the conversions it guards against, and only those', () => {
    for (const text of tricky) expect(spreadsheetWouldConvert(text), text).toBe(true);
    for (const text of ['abc', '', 'Q3', '2026-Q3 note', 'H1']) expect(spreadsheetWouldConvert(text), text).toBe(false);
  });
});

async function readBack(rows: Row[], name = 'Team') {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await toXlsx(name, rows)) as unknown as ExcelJS.Buffer);
  return workbook.worksheets[0]!;
}

describe('XLSX', () => {
  const rows: Row[] = [
    ['姓名', '课程', '达成比例', '最近学习', '已逾期', '工号'],
    ['刘洋', '1/2', { percent: 0.5 }, { day: '2026-03-02' }, 0, '00123'],
    ['=HYPERLINK("x")', '3-4', { percent: 1 }, null, 2.5, '123456789012'],
  ];

  it('writes text as text and numbers as numbers, whatever the text looks like', async () => {
    const sheet = await readBack(rows);
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('A2').value).toBe('刘洋');
    for (const ref of ['B2', 'B3', 'F2', 'F3']) expect(sheet.getCell(ref).type, ref).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B2').value).toBe('1/2');
    expect(sheet.getCell('F2').value).toBe('00123');
    expect(sheet.getCell('F3').value).toBe('123456789012');
    expect(sheet.getCell('E3').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('E3').value).toBe(2.5);
    expect(sheet.getCell('E2').value).toBe(0);
  });

  it('writes shares as percentages and days as dates', async () => {
    const sheet = await readBack(rows);
    expect(sheet.getCell('C2').value).toBe(0.5);
    expect(sheet.getCell('C2').numFmt).toBe('0%');
    expect(sheet.getCell('D2').type).toBe(ExcelJS.ValueType.Date);
    expect((sheet.getCell('D2').value as Date).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(sheet.getCell('D2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('D3').value).toBeNull();
  });

  it('never writes a formula, even for a name that looks like one', async () => {
    const sheet = await readBack(rows);
    expect(sheet.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('A3').value).toBe('=HYPERLINK("x")');
    expect(sheet.getCell('A3').formula).toBeUndefined();
  });

  it('puts the header in bold and freezes it, and sizes columns to their content', async () => {
    const sheet = await readBack([['姓名', 'Email'], ['欧阳娜娜娜娜娜娜娜娜娜娜', 'x@y.cn'], ['a', 'b'.repeat(200)]]);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Twelve Chinese characters are as wide as 24 Latin letters.
    expect(sheet.getColumn(1).width).toBe(26);
    expect(sheet.getColumn(2).width).toBe(60);
  });

  it('drops characters XML cannot hold and cleans a sheet name Excel would refuse', async () => {
    const sheet = await readBack([['bell\u0007 here']], 'a/b:c*[d]?e\\f-and-a-name-far-longer-than-31');
    expect(sheet.getCell('A1').value).toBe('bell here');
    expect(sheet.name).toHaveLength(31);
    expect(sheet.name).not.toMatch(/[:\\/?*[\]]/);
    expect(sheetName('华东销售一组')).toBe('华东销售一组');
    expect(sheetName('[]')).toBe('Sheet1');
  });
});
