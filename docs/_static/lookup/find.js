/* Look a query up: a formula by its values, words by their words (identities/lookup/__init__.py).
   Part of the handbook's formula and word lookup (see lookup-page.js); tests/test_lookup.py runs it
   under Node.js against the Python side. */
"use strict";

(() => {
  const L = (globalThis.Lookup = globalThis.Lookup || {});
  const { parse, looksLikeFormula, ParseError, Matcher, wordSearch } = L;

  let matcherFor = null, matcher = null;
  function describe(hit) {
    const names = Object.entries(hit.assignment).filter(([q, i]) => q !== i).map(([q, i]) => `${q}→${i.replace(/^#+/, "")}`).join(", ");
    return `${hit.what}: ${hit.text}` + (names ? `  (${names})` : "");
  }
  function find(text, index) {
    text = text.trim();
    if (!text) throw new ParseError("the query is empty", 1);
    const results = [];
    const byWords = wordSearch(text, index);
    if (looksLikeFormula(text)) {
      const query = parse(text);
      if (matcherFor !== index) { matcher = new Matcher(index); matcherFor = index; }
      const entries = {}, wordScores = {};
      for (const e of index.identities) entries[e.id] = e;
      for (const h of byWords) wordScores[h.page] = h.score;
      const hits = matcher.search(query);
      const w = (h) => wordScores[`id/${h.id}`] || 0;
      hits.sort((a, b) => b.score - a.score || w(b) - w(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (const hit of hits) {
        const entry = entries[hit.id];
        let why = describe(hit);
        if ((hit.what.startsWith("function") || hit.what.startsWith("equal")) && entry.statement)  // and what it says of it
          why += ` · ${entry.statement}`;
        results.push({ id: hit.id, page: `id/${hit.id}`, title: entry.title, score: hit.score, kind: "formula", why });
      }
      return results;
    }
    const seen = new Set();
    for (const hit of byWords) {
      if (!seen.has(hit.page)) {
        seen.add(hit.page);
        results.push({ id: hit.id, page: hit.page, title: hit.title, score: hit.score, kind: "words", why: hit.snippet });
      }
    }
    return results;
  }

  Object.assign(L, { find });
})();
