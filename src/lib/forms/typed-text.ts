/**
 * Text as people type it into a form never holds control characters (NUL, escape sequences, the
 * bell) or the invisible bidirectional overrides that make a name read backwards in every list.
 * Tabs and line breaks are allowed only where a field is multi-line (notes, reasons). Pure, and
 * free of zod, so the browser's import preview can use it too.
 */
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const CONTROL_OR_BIDI_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** Whether a single-line value holds a control character or a bidi override. */
export function hasHiddenCharacters(text: string, multiLine = false): boolean {
  return (multiLine ? CONTROL_OR_BIDI_EXCEPT_LINES : CONTROL_OR_BIDI).test(text);
}

