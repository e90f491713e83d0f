/** The sort a list asked for; the repository maps its field to columns it allow-lists. */
export interface Sorting<S extends string> {
  sort?: S;
  order?: 'asc' | 'desc';
}

/**
 * A list's sort: the asked field's columns (or the list's own order) in the asked direction.
 * `columns` is the allow-list: a field maps to trusted SQL, never to text from the request.
 */
export function sortOf<S extends string>(
  columns: Record<S, string | string[]>,
  wanted: Sorting<S>,
  fallback: Required<Sorting<S>>,
): { columns: string[]; direction: 'ASC' | 'DESC' } {
  const direction = (wanted.order ?? (wanted.sort ? 'asc' : fallback.order)) === 'desc' ? 'DESC' : 'ASC';
  return { columns: [columns[wanted.sort ?? fallback.sort]].flat(), direction };
}

/** `ORDER BY` for a list: its sort, then the id the same way, so that pages never overlap or skip a row. */
export function orderBy<S extends string>(
  columns: Record<S, string | string[]>,
  wanted: Sorting<S>,
  fallback: Required<Sorting<S>>,
  id: string,
): string {
  const sort = sortOf(columns, wanted, fallback);
  return `ORDER BY ${[...sort.columns.map((c) => `${c} ${sort.direction} NULLS LAST`), `${id} ${sort.direction}`].join(', ')}`;
}

/** A LIKE pattern for text containing `q` as typed: `%`, `_` and `\` in it match only themselves. */
export function containing(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The pattern for a search, or null (no search) for SQL's `$n::text IS NULL OR …`. */
export function searchPattern(q: string | undefined): string | null {
  return q ? containing(q) : null;
}

/** `(a ILIKE p OR b ILIKE p)`: whether any of the columns contains the search's pattern parameter. */
export function ilikeAny(columns: string[], pattern: string): string {
  return `(${columns.map((column) => `${column} ILIKE ${pattern}`).join(' OR ')})`;
}
