/* Search ranking for the handbook: Sphinx's default scores, plus two rules. A result on the page of
   the identity whose id the query spells ("log det" -> id/log-det), or an object whose name is the
   query itself (an alias such as "log determinant"), comes first; the API reference comes after the
   handbook's own pages (a reader searching "inverse" wants the identity, not the SymPy class). */
var Scorer = {
  score: (result) => {
    const [docname, title, anchor, descr, score] = result;
    const query = (new URLSearchParams(window.location.search).get("q") || "").trim().toLowerCase();
    const slug = query.split(/[\s-]+/).filter(Boolean).join("-");
    if (slug && docname === "id/" + slug) return score + 1000;
    if (query && String(title).toLowerCase() === query) return score + 500;
    if (docname === "api") return score - 20;
    if (docname.startsWith("id/")) return score + 6;  // ties with the catalog-wide pages go to the identity
    return score;
  },
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,
};
