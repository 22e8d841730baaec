/* Word search: ids, titles, aliases, Cookbook numbers, guide pages' terms (identities/lookup/words.py).
   Part of the handbook's formula and word lookup (see lookup-page.js); tests/test_lookup.py runs it
   under Node.js against the Python side. */
"use strict";

(() => {
  const L = (globalThis.Lookup = globalThis.Lookup || {});

  const STOPWORDS = new Set("a an and the of in on for to with by is are what how from at as its".split(" "));
  const COOKBOOK = /^(?:matrix\s+)?(?:cookbook|eq\.?|eqn\.?|equation)?\s*(?:no\.?|#)?\s*\(?(\d{1,3})\)?$/;
  const fold = (text) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  const words = (text) => (fold(text).match(/[\p{L}\p{N}]+/gu) || []).filter((w) => !STOPWORDS.has(w));
  // A single letter names a matrix (the X of "log determinant X"), not a topic: it counts only in a
  // query of single letters.
  const queryWords = (text) => {
    const found = words(text);
    const topical = found.filter((w) => w.length > 1);
    return topical.length ? topical : found;
  };
  const phrase = (text) => (fold(text).match(/[\p{L}\p{N}]+/gu) || []).join(" ");

  function* documents(index) {
    for (const e of index.identities)
      yield { page: e.page, title: e.title, id: e.id, names: [e.title, ...e.aliases], terms: [], family: e.family,
        summary: e.summary, cookbook: e.cookbook, snippet: e.statement || e.summary };
    for (const p of index.pages)
      yield { page: p.page, title: p.title, id: null, names: [p.title], terms: p.terms, family: "", summary: p.summary,
        cookbook: [], snippet: p.summary };
  }
  function count(qwords, field, w) {
    const found = {};
    for (const q of qwords) {
      if (field.includes(q)) found[q] = w;
      else if (q.length >= 3 && field.some((x) => x.startsWith(q))) found[q] = w / 2;
    }
    return found;
  }
  function wordScore(doc, query, qwords) {
    const ph = phrase(query);
    if (!ph) return 0;
    if (doc.id !== null && ph.split(" ").join("-") === doc.id.toLowerCase()) return 1000;
    if (doc.names.some((n) => phrase(n) === ph)) return 500;
    const m = /\d/.test(ph) ? ph.match(COOKBOOK) : null;
    if (m) {
      const number = parseInt(m[1], 10);
      return doc.cookbook.includes(number) ? 400 - doc.cookbook.indexOf(number) : 0;
    }
    const termPhrase = qwords.length > 1 && doc.terms.some((t) => ` ${phrase(t)} `.includes(` ${ph} `)) ? 300 : 0;
    const fields = [[words(doc.id || ""), 30], [words(doc.names.join(" ")), 20], [words(doc.terms.join(" ")), 15],
      [words(doc.family), 10], [words(doc.summary), 3]];
    const best = {};
    for (const [field, w] of fields) for (const [q, v] of Object.entries(count(qwords, field, w))) best[q] = (best[q] || 0) + v;
    const keys = Object.keys(best);
    if (!keys.length) return termPhrase;
    const share = keys.length / qwords.length;
    let total = 0;
    for (const q of keys) total += best[q];
    return termPhrase + total * share * share;
  }
  function wordSearch(query, index) {
    const qwords = queryWords(query);
    const hits = [];
    for (const doc of documents(index)) {
      const score = qwords.length ? wordScore(doc, query, qwords) : 0;
      if (score > 0) hits.push({ page: doc.page, title: doc.title, score: Math.round(score * 1e6) / 1e6, snippet: doc.snippet, id: doc.id });
    }
    hits.sort((a, b) => b.score - a.score || (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
    return hits;
  }

  Object.assign(L, { wordSearch });
})();
