/** Maps an action error code to the UI string key an island shows for it. */
export function errorMessageKey(code: string): string {
  switch (code) {
    case 'UNAUTHORIZED':
      return 'error.unauthorized';
    case 'NOT_FOUND':
      return 'error.notFound';
    case 'BAD_REQUEST':
    case 'CONTENT_TOO_LARGE':
      return 'error.badRequest';
    case 'TOO_MANY_REQUESTS':
      return 'error.tooMany';
    default:
      return 'error.server';
  }
}

/** Fills `{name}` placeholders in a string the server already translated. */
export function fill(template: string | undefined, values: Record<string, string | number>): string {
  return (template ?? '').replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
