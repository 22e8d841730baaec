/* Search ranking for the handbook: Sphinx's default scores, plus one rule. A result on the page of
   the identity whose id the query spells ("log det" -> id/log-det), or an object whose name is the
   query itself (an alias such as "log determinant"), comes first. */
var Scorer = {
  score: (result) => {
    const [docname, title, anchor, descr, score] = result;
    const query = (new URLSearchParams(window.location.search).get("q") || "").trim().toLowerCase();
    const slug = query.split(/[\s-]+/).filter(Boolean).join("-");
    if (slug && docname === "id/" + slug) return score + 1000;
    if (query && String(title).toLowerCase() === query) return score + 500;
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
