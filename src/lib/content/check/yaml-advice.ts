/**
 * The YAML parser's complaint ("Nested mappings are not allowed in compact mappings at line 3,
 * column 7: …", cut off) as advice a trainer can follow: the line, and the rule to apply there.
 */
const QUOTE = 'Put text that contains ": ", " #", a comma inside { … }, or starts with @, `, *, &, !, |, >, % or a quote, in quotes: en: "Note: this is it". Inside single quotes, write an apostrophe twice (\'it\'\'s\') or use double quotes';

const adviceByCode: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: `YAML read ": " in this line's text as the start of another field. ${QUOTE}`,
  BLOCK_IN_FLOW: `a value inside { … } contains ": ", which YAML reads as a new field. ${QUOTE}`,
  BAD_INDENT: 'the fields of one block must start at the same column; line this field up with the fields above it (use spaces, not tabs). If the line is inside { … }, the text may contain a "#" or ":" that needs quotes',
  TAB_AS_INDENT: 'this line is indented with a tab; YAML needs spaces. Replace the tab with spaces',
  UNEXPECTED_TOKEN: `YAML found more text after a value had ended, often after a quote closed early. ${QUOTE}`,
  DUPLICATE_KEY: 'this field appears twice in the same block; keep one',
  MISSING_CHAR: 'a quote or bracket opened above is never closed; close it on the same line',
  BAD_SCALAR_START: `this value starts with a character YAML reserves. ${QUOTE}`,
  MULTILINE_IMPLICIT_KEY: `a field name runs over two lines, usually because text above is missing its closing quote or contains ": ". ${QUOTE}`,
};

export interface YamlErrorLike {
  code?: string;
  message: string;
  linePos?: readonly { line: number; col: number }[];
}

/** `lineOffset` is added to the parser's line (1 for frontmatter, which starts on the file's second line). */
export function yamlErrorAdvice(error: YamlErrorLike, lineOffset = 0): { line?: number; message: string } {
  const said = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const line = error.linePos?.[0] ? error.linePos[0].line + lineOffset : undefined;
  const advice = (error.code && adviceByCode[error.code]) || (/alias/i.test(said) ? `a value starting with "*" is read as a reference. ${QUOTE}` : `this line is not valid YAML. ${QUOTE}`);
  return { line, message: `${advice}. (YAML said: ${said})` };
}
