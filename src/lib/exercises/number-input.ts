/**
 * Reads a number as a learner types it: "1,200", "1 200", "25%", "１２．５" (full-width) or
 * "-3". Null for an empty box or anything that is not one number.
 */
export function parseDecimal(text: string): number | null {
  const normal = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－−]/g, '-')
    .replace(/[,，\s]/g, '')
    .replace(/[%％]$/, '');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(normal)) return null;
  const value = Number(normal);
  return Number.isFinite(value) ? value : null;
}
