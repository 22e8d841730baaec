/* The handbook's search page with formula and word lookup (lookup.js) in front of Sphinx's text search.

   The lookup's answers come first, one per page, each with a line of readable text (the statement
   in Unicode, or the sentence that defines a page); Sphinx's full-text results follow, one per page
   too, without the pages already listed.  Terms shorter than three letters and the letters of a
   formula are not highlighted (an "X" would light up every formula on the page), and snippets are
   read without the TeX source that each typeset formula carries for MathML. */
"use strict";

/* Sphinx loads searchtools.js after the theme's scripts: set up when the page is parsed, before
   Search.init (registered later, so run later) starts the search. */
const setUpLookup = () => {
  if (typeof Search === "undefined" || typeof Lookup === "undefined") return;
  const root = document.documentElement.dataset.content_root || "";
  const suffix = DOCUMENTATION_OPTIONS.LINK_SUFFIX || ".html";
  let index = null, pending = null;

  window.LookupIndex = {
    set: (data) => {
      index = data;
      if (pending !== null) { const q = pending; pending = null; run(q); }
    },
  };
  const script = document.createElement("script");
  script.src = root + "_static/lookup-index.js";
  document.head.appendChild(script);

  const htmlToText = Search.htmlToText;
  Search.htmlToText = (html, anchor) => {
    const doc = new DOMParser().parseFromString(html, "text/html");
    doc.querySelectorAll(".katex-mathml, annotation, .katex-html[aria-hidden]").forEach((el) => {
      const math = el.closest(".katex");
      if (math && el.classList.contains("katex-html")) {
        const tex = math.querySelector("annotation");
        el.replaceWith(doc.createTextNode(tex ? " " : ""));
      } else el.remove();
    });
    return htmlToText(doc.documentElement.outerHTML, anchor);
  };

  Search.query = (query) => (index === null ? (pending = query) : run(query));

  function item(result) {
    const li = document.createElement("li");
    li.classList.add("kind-lookup", `lookup-${result.kind}`);
    const a = li.appendChild(document.createElement("a"));
    a.href = result.page + suffix;  // relative, as Sphinx links its results: search.html is at the root
    a.textContent = result.title;
    a.dataset.score = result.score;
    const p = li.appendChild(document.createElement("p"));
    p.classList.add("context");
    p.textContent = result.why;
    return li;
  }

  function run(query) {
    const [searchQuery, searchTerms, excludedTerms, highlightTerms, objectTerms] = Search._parseQuery(query);
    let found = [], error = null;
    try { found = Lookup.find(query, index); }
    catch (e) { if (e instanceof Lookup.ParseError) error = e; else throw e; }
    const formula = Lookup.looksLikeFormula(query);
    const highlight = new Set(formula ? [] : [...highlightTerms].filter((t) => t.length >= 3));
    if (typeof SPHINX_HIGHLIGHT_ENABLED !== "undefined" && SPHINX_HIGHLIGHT_ENABLED)
      localStorage.setItem("sphinx_highlight_terms", [...highlight].join(" "));
    if (error !== null) {
      const p = document.createElement("p");
      p.classList.add("lookup-error");
      p.textContent = `Cannot read “${query}” as a formula: ${error.message}.`;
      Search.output.before(p);
    }
    found.forEach((r) => Search.output.appendChild(item(r)));
    const listed = new Set(found.map((r) => r.page));
    const text = Search._performSearch(searchQuery, searchTerms, excludedTerms, highlight, objectTerms);
    const rest = [];
    for (let i = text.length - 1; i >= 0; i--) {  // best last: keep the best entry of each page
      if (!listed.has(text[i][0])) { listed.add(text[i][0]); rest.unshift(text[i]); }
    }
    _displayNextItem(rest, found.length + rest.length, searchTerms, highlight);
  }
};
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpLookup);
else setUpLookup();
