// Filtering for the editor's suggestion lists (slash menu, @mentions): what a person types after the
// trigger narrows the list; matches at the start of a word come before matches inside one.

const normalise = (value: string) =>
  value
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");

function rank(terms: string[], query: string): number | null {
  if (!query) return 0;
  let best: number | null = null;
  for (const term of terms.map(normalise)) {
    if (term.startsWith(query)) return 0;
    if (term.split(/[\s-]+/).some((word) => word.startsWith(query))) best = 1;
    else if (best === null && term.includes(query)) best = 2;
  }
  return best;
}

/** The items whose terms match the query, best matches first, keeping the given order within a rank. */
export function filterSuggestions<I>(items: readonly I[], query: string, termsOf: (item: I) => string[], limit = 10): I[] {
  const wanted = normalise(query.trim());
  return items
    .map((item, index) => ({ item, index, rank: rank(termsOf(item), wanted) }))
    .filter((entry): entry is { item: I; index: number; rank: number } => entry.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.item);
}
