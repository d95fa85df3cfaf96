/**
 * Limits an XLSX upload before exceljs loads it. exceljs builds the whole workbook in memory, so a
 * small zip that unpacks to hundreds of thousands of rows (2.4 MB held 300k rows: 13 s and 615 MB
 * before the row limit was ever checked) or to gigabytes (a zip bomb) could take the server down.
 * Here the zip is read by hand: each entry is unpacked with a hard output cap (the sizes a zip
 * declares can lie), and the rows of each worksheet are counted in the unpacked XML.
 */
import { inflateRawSync } from 'node:zlib';

/** All entries of a workbook together, unpacked. A 50,000-row KPI sheet is a few tens of MB. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

export type XlsxLimitProblem = { code: 'tooManyRows' } | { code: 'tooLarge' } | { code: 'unreadable' };

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** `<row …>` elements in a worksheet's XML, with or without a namespace prefix. */
export function countRowElements(xml: Buffer): number {
  let n = 0;
  for (let at = xml.indexOf('row', 0, 'latin1'); at !== -1; at = xml.indexOf('row', at + 3, 'latin1')) {
    const before = xml[at - 1];
    const after = xml[at + 3];
    // '<' or a prefix's ':' before; a space, '>' or '/' after (not <rowBreaks>, not an attribute).
    if ((before === 0x3c || before === 0x3a) && (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d)) {
      if (before === 0x3a || xml[at - 2] !== 0x2f) n++;
    }
  }
  return n;
}

/**
 * Null when the workbook is safe to load: every entry unpacks within MAX_UNPACKED_BYTES in total,
 * and no worksheet has more than `maxRows` rows. Works on the central directory, so it reads each
 * entry once and never holds more than the cap.
 */
export function xlsxLimitProblem(bytes: Uint8Array, maxRows: number): XlsxLimitProblem | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of at most 65,535.
  let eocd = -1;
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 65_535); at--) {
    if (u32(buf, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return { code: 'unreadable' };
  const entries = u16(buf, eocd + 10);
  let at = u32(buf, eocd + 16);
  let budget = MAX_UNPACKED_BYTES;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buf.length || u32(buf, at) !== 0x02014b50) return { code: 'unreadable' };
    const method = u16(buf, at + 10);
    const compressed = u32(buf, at + 20);
    const declared = u32(buf, at + 24);
    const nameLength = u16(buf, at + 28);
    const localAt = u32(buf, at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + u16(buf, at + 30) + u16(buf, at + 32);
    // Zip64 (sizes of 0xFFFFFFFF) only appears past 4 GB: no KPI file is that.
    if (declared > budget || compressed === 0xffffffff) return { code: 'tooLarge' };
    if (localAt + 30 > buf.length || u32(buf, localAt) !== 0x04034b50) return { code: 'unreadable' };
    const dataAt = localAt + 30 + u16(buf, localAt + 26) + u16(buf, localAt + 28);
    const data = buf.subarray(dataAt, dataAt + compressed);
    let unpacked: Buffer;
    if (method === 0) unpacked = data;
    else if (method === 8) {
      try {
        unpacked = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch (error) {
        return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError ? { code: 'tooLarge' } : { code: 'unreadable' };
      }
    } else return { code: 'unreadable' };
    budget -= unpacked.length;
    if (budget < 0) return { code: 'tooLarge' };
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name) && countRowElements(unpacked) > maxRows) return { code: 'tooManyRows' };
  }
  return null;
}
