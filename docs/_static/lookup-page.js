/* The handbook's search page with formula and word lookup (lookup/) in front of Sphinx's text search.

   The lookup's answers come first, one per page, each with a line of readable text (the statement
   in Unicode, or the sentence that defines a page); for words, Sphinx's full-text results follow,
   one per page too, without the pages already listed.  Terms shorter than three letters and the letters of a
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
  script.onerror = () => window.LookupIndex.set({ identities: [], pages: [] });  // Sphinx's search alone
  document.head.appendChild(script);

  const htmlToText = Search.htmlToText;
  Search.htmlToText = (html, anchor) => {
    const doc = new DOMParser().parseFromString(html, "text/html");
    doc.querySelectorAll(".katex").forEach((el) => {
      const math = el.querySelector("math");
      el.replaceWith(doc.createTextNode(math ? ` ${mathText(math)} ` : " "));
    });
    return htmlToText(doc.documentElement.outerHTML, anchor);
  };

  const style = document.head.appendChild(document.createElement("style"));
  style.textContent = ".lookup-error { border-left: 3px solid var(--color-problematic, #b00); padding: 0.2em 0.8em; }";

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

  /* An identity found as an object of the identity domain (by its id or an alias) is shown as its
     page, with the page's title and a summary, not as "id (Identity identity, in Title)". */
  function asPage(result) {
    const [docname, , anchor, , score, filename, kind] = result;
    if (!docname.startsWith("id/") || kind !== "object") return result;
    const titles = Search._index.titles, position = Search._index.docnames.indexOf(docname);
    return [docname, position >= 0 ? titles[position] : result[1], anchor, "", score, filename, "title"];
  }

  function note(text) {
    const p = document.createElement("p");
    p.classList.add("lookup-error");
    p.textContent = text;
    Search.output.before(p);
  }

  /* A formula that was read is answered by the lookup alone, as on the command line (Sphinx's text
     search would look for the letters X and T); words, an unreadable formula and a formula that
     matches nothing also get Sphinx's full-text results, after the lookup's. */
  function run(query) {
    const [searchQuery, searchTerms, excludedTerms, highlightTerms, objectTerms] = Search._parseQuery(query);
    let found = [], error = null;
    try { found = Lookup.find(query, index); }
    catch (e) { if (e instanceof Lookup.ParseError) error = e; else throw e; }
    const formula = Lookup.looksLikeFormula(query);
    const highlight = new Set(formula ? [] : [...highlightTerms].filter((t) => t.length >= 3));
    if (typeof SPHINX_HIGHLIGHT_ENABLED !== "undefined" && SPHINX_HIGHLIGHT_ENABLED)
      localStorage.setItem("sphinx_highlight_terms", [...highlight].join(" "));
    if (error !== null) note(`Cannot read “${query}” as a formula: ${error.message}.`);
    else if (formula && !found.length) note(`No identity of the catalog has “${query}” as its function or result.`);
    found.forEach((r) => Search.output.appendChild(item(r)));
    const listed = new Set(found.map((r) => r.page));
    const text = formula && found.length ? []
      : Search._performSearch(searchQuery, searchTerms, excludedTerms, highlight, objectTerms);
    const rest = [];
    for (let i = text.length - 1; i >= 0; i--) {  // best last: keep the best entry of each page
      if (!listed.has(text[i][0])) { listed.add(text[i][0]); rest.unshift(asPage(text[i])); }
    }
    _displayNextItem(rest, found.length + rest.length, searchTerms, highlight);
  }

};
/* A typeset formula as a line of plain text, read from its MathML (not from its TeX source):
   f = log det X, X⁻ᵀ, ‖AX − B‖²_F. */
const SUPERSCRIPT = { 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹", "−": "⁻", "-": "⁻",
  "+": "⁺", "⊤": "ᵀ", T: "ᵀ", k: "ᵏ", n: "ⁿ", "∗": "*", "*": "*" };
const SPACED = new Set(["=", "+", "−", "-", "⊗", "⊙", "∘", "×", "·", "≈", "⇒", "→", "≠", "≤", "≥", "∈", ","]);
function mathText(node) {
  const kids = () => Array.from(node.children).map(mathText);
  switch (node.localName) {
    case "annotation": case "annotation-xml": return "";
    case "mi": case "mn": case "mtext": return node.textContent.replace(/\u2061/g, "");
    case "mo": {
      const t = node.textContent.replace(/[\u2061\u2062]/g, "");
      return SPACED.has(t) ? (t === "," ? ", " : ` ${t} `) : t;
    }
    case "mspace": return " ";
    case "msup": case "msubsup": {
      const [base, ...rest] = kids();
      const sup = rest[rest.length - 1], sub = node.localName === "msubsup" ? `_${rest[0]}` : "";
      const plain = sup.replace(/\s+/g, "");
      const small = [...plain].every((c) => c in SUPERSCRIPT) ? [...plain].map((c) => SUPERSCRIPT[c]).join("") : `^(${plain})`;
      return base + sub + small;
    }
    case "msub": { const [base, sub] = kids(); return `${base}_${sub.replace(/\s+/g, "")}`; }
    case "mfrac": { const [a, b] = kids(); return `${/^\w+$/u.test(a) ? a : `(${a})`}/${/^\w+$/u.test(b) ? b : `(${b})`}`; }
    case "msqrt": return `√(${kids().join("")})`;
    case "mover": { const [base, accent] = kids(); return accent === "ˉ" || accent === "¯" || accent === "‾" ? `${base}\u0304` : base + accent; }
    default: return kids().join("");
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpLookup);
else setUpLookup();
