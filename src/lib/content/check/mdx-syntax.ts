/**
 * Turns the MDX compiler's message ("1:41: Could not parse expression with oxc: Expected `,` or `]`
 * but found `Identifier` (mdx-jsx:unexpected-character)") into advice a trainer can act on: the
 * line, what MDX read there, and how to write it instead. The compiler's words stay at the end,
 * for whoever needs them.
 */
const QUOTES = 'write text in props in double quotes (title="managers\' time"), and lists as duties={["first", "second"]}: an apostrophe inside single quotes (\'managers\' time\') ends the text early';

export function mdxSyntaxAdvice(raw: string, body: string): { line?: number; message: string } {
  const position = /^(\d+):(\d+):\s*/.exec(raw);
  const line = position ? Number(position[1]) : undefined;
  const reason = raw.replace(/^(\d+):(\d+):\s*/, '').replace(/\s*\((?:mdx|micromark)[^)]*\)\s*$/, '');
  const source = line !== undefined ? (body.split('\n')[line - 1] ?? '') : '';
  const inTag = /^\s*<[A-Z]/.test(source) || /^\s+\w+=/.test(source);
  let advice: string;
  if (/closing brace for `\{`/.test(reason)) {
    advice = 'a "{" is never closed. In MDX "{" and "}" start code; to show them as text write \\{ and \\}, e.g. \\{客户姓名\\} or {\'{客户姓名}\'}';
  } else if (/Could not parse expression/.test(reason)) {
    advice = inTag
      ? `a prop written in {…} cannot be read. Check its brackets and commas, and ${QUOTES}`
      : 'text in {…} is read as code and cannot be read as such. To show braces as text write \\{ and \\}, e.g. \\{客户姓名\\} or {\'{客户姓名}\'}';
  } else if (/Unexpected character `!`/.test(reason)) {
    advice = 'HTML comments (<!-- … -->) do not work in MDX; write {/* comment */} instead';
  } else if (/Unexpected character after `<`|before name|after name|attribute/.test(reason)) {
    advice = inTag
      ? `a component's props cannot be read. Check that every quote is closed, and ${QUOTES}`
      : 'in MDX "<" starts a component; to show "<" as text write \\< (e.g. 价格 \\< 5%) or {"<"}';
  } else if (/Expected a closing tag for `<([^>]+)>`/.test(reason)) {
    const tag = /Expected a closing tag for `<([^>]+)>`/.exec(reason)![1]!;
    advice = /^[a-z]/.test(tag)
      ? `<${tag}> is never closed; in MDX every tag is closed: write <${tag} /> or <${tag}>…</${tag}>`
      : `<${tag}> is never closed: add </${tag}> after its content, with a blank line before it, or write <${tag} … /> if it has no content`;
  } else if (/Unexpected closing tag `(<\/[^`]+>)`/.test(reason)) {
    advice = `${/Unexpected closing tag `(<\/[^`]+>)`/.exec(reason)![1]} closes a tag that was not opened (check the spelling, and that the opening tag is not inside a paragraph that ended)`;
  } else if (/Unexpected lazy line|Unexpected end of file/.test(reason)) {
    advice = `something opened here (a tag, "{" or a quote) is never closed. ${QUOTES}`;
  } else {
    advice = 'this line is not valid MDX. Remember that "{", "}" and "<" are code in MDX: write them as \\{, \\} and \\< to show them as text';
  }
  return { line, message: `${advice}. (MDX said: ${reason})` };
}
