/**
 * The one order for lists of people and teams: Chinese names by pinyin (华北 huá běi before 华东
 * huá dōng, as a Chinese reader expects), Latin names alphabetically, digits by value ("组 2"
 * before "组 10"). SQLite's ORDER BY compares code points (华东 before 华北), so lists are sorted
 * here after loading.
 */
export const nameCollator = new Intl.Collator('zh-CN', { numeric: true });

export function compareNames(a: string, b: string): number {
  return nameCollator.compare(a, b);
}

/** A sorted copy, by each item's `name`. */
export function sortByName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => nameCollator.compare(a.name, b.name));
}
