/**
 * Finding people as they are typed. SQLite's lower() folds ASCII only, so "émile" never meets
 * "Émile" there; matching happens on this key instead, in JavaScript, for every search over people.
 * Pure: runs on the server and in the browser alike.
 */

/**
 * The form names and emails are compared in: NFKC (full-width ｚｈｏｕ becomes zhou, a decomposed
 * É becomes É), then Unicode lower case, then NFKC again (lower-casing can leave a sequence NFKC
 * would compose), without white space (people type "周 敏" and "周敏" alike).
 */
export function searchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().normalize('NFKC').replace(/\s+/gu, '');
}

/** Whether `query` occurs in any of `fields` once both are keyed; an empty query matches everyone. */
export function matchesSearch(query: string, fields: readonly (string | null | undefined)[]): boolean {
  const needle = searchKey(query);
  return needle === '' || fields.some((field) => field != null && searchKey(field).includes(needle));
}

/** A person matches on their name or email. */
export function personMatches(query: string, person: { name: string; email: string }): boolean {
  return matchesSearch(query, [person.name, person.email]);
}
