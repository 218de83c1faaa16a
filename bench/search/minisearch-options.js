// MiniSearch set up to answer the same questions Parallax's search answers, so the two are timed on
// the same work: title and body indexed with titles weighing 3 times the body (Parallax's
// TITLE_WEIGHT), every word required (AND), the last word a prefix while it is still being typed,
// quoted phrases read as their words (MiniSearch has no phrase search), and the stop words Parallax
// ignores ignored here too. MiniSearch does not stem or fold accents; the synthetic corpus is
// unaccented ASCII, so only stemming differs.

export function indexOptions(stopWords) {
  const stop = new Set(stopWords);
  return {
    idField: 'id',
    fields: ['title', 'body'],
    processTerm: (term) => {
      const lower = term.toLowerCase();
      return stop.has(lower) ? null : lower;
    },
  };
}

/// The arguments of `miniSearch.search` for a query as typed.
export function searchArguments(query) {
  const stillTyping = /[\p{L}\p{N}]$/u.test(query);
  return [
    query.replaceAll('"', ' '),
    {
      combineWith: 'AND',
      boost: { title: 3 },
      prefix: (_term, index, terms) => stillTyping && index === terms.length - 1,
    },
  ];
}
