/**
 * The text of a CSV file as a CRM or Excel saved it. Excel on Chinese Windows saves "CSV" in the
 * ANSI code page (GBK, which GB18030 contains); newer exports are UTF-8, with or without a
 * byte-order mark. A file that is valid UTF-8 is read as UTF-8 (GBK text almost never is); any
 * other is read as GB18030. Pure: TextDecoder exists in Node and browsers alike.
 */
export type TextEncodingName = 'utf-8' | 'gb18030';

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
