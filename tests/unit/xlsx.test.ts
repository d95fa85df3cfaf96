import { crc32 as nodeCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { columnName, crc32, toXlsx } from '../../src/lib/xlsx';

/** Reads a stored-entry ZIP the way an unzip tool does: walk the central directory, check each CRC. */
function unzip(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const endAt = bytes.length - 22;
  expect(view.getUint32(endAt, true)).toBe(0x06054b50);
  const count = view.getUint16(endAt + 10, true);
  let at = view.getUint32(endAt + 16, true);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const localAt = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    expect(view.getUint32(localAt, true)).toBe(0x04034b50);
    const dataAt = localAt + 30 + view.getUint16(localAt + 26, true) + view.getUint16(localAt + 28, true);
    const content = bytes.subarray(dataAt, dataAt + size);
    expect(nodeCrc32(content) >>> 0, name).toBe(crc);
    files.set(name, new TextDecoder().decode(content));
    at += 46 + nameLength;
  }
  return files;
}

describe('xlsx', () => {
  const rows = [
    ['姓名', '可晋升', '已逾期'],
    ['刘洋', '是', 0],
    ['=HYPERLINK("x")', 'a < b & "c"', 2.5],
  ];

  it('packs the parts a spreadsheet needs, each with a correct checksum', () => {
    const files = unzip(toXlsx('华东销售一组', rows));
    expect([...files.keys()].sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort(),
    );
    expect(files.get('xl/workbook.xml')).toContain('<sheet name="华东销售一组" sheetId="1" r:id="rId1"/>');
  });

  it('writes Chinese text as inline strings, numbers as numbers, and the header in bold', () => {
    const sheet = unzip(toXlsx('Team', rows)).get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">姓名</t></is></c>');
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">刘洋</t></is></c>');
    expect(sheet).toContain('<c r="C2"><v>0</v></c>');
    expect(sheet).toContain('<c r="C3"><v>2.5</v></c>');
  });

  it('keeps a formula-looking name as text and escapes markup', () => {
    const sheet = unzip(toXlsx('Team', rows)).get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<t xml:space="preserve">=HYPERLINK(&quot;x&quot;)</t>');
    expect(sheet).not.toContain('<f>');
    expect(sheet).toContain('a &lt; b &amp; &quot;c&quot;');
  });

  it('drops characters XML cannot hold and cleans a sheet name Excel would refuse', () => {
    const files = unzip(toXlsx('a/b:c*[d]?e\\f-and-a-name-far-longer-than-31', [['bell\u0007 here']]));
    expect(files.get('xl/worksheets/sheet1.xml')).toContain('>bell here<');
    const name = /sheet name="([^"]*)"/.exec(files.get('xl/workbook.xml')!)![1]!;
    expect(name).toHaveLength(31);
    expect(name).not.toMatch(/[:\\/?*[\]]/);
  });

  it('names columns A to Z, then AA', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('computes the standard CRC-32', () => {
    const bytes = new TextEncoder().encode('123456789');
    expect(crc32(bytes)).toBe(0xcbf43926);
  });
});
