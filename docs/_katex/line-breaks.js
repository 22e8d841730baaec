// KaTeX for the build-time renderer, with more places where a long display formula may wrap.
//
// KaTeX writes a formula as a row of unbreakable pieces (`.base` spans) cut after each relation
// (=, ≤) and binary operator (+, −, ⊗) of its outer level, as TeX breaks an inline formula; a
// browser can wrap the row between pieces once the display's `white-space: nowrap` is lifted (see
// docs/_static/handbook.css). The handbook's long lines are mostly one bracket, though, such as
// tr((…)ᵀ dX), whose operators lie inside \left( … \right) and so are not of the outer level.
// This module opens those brackets: in a display formula, the contents of every \left … \right
// group of the outer level (with the group's superscript) are lifted to the outer level, in the
// same order and with the same spacing, and the row is cut again, before each operator, as a
// display is broken. Nothing moves while the formula fits on one line: the pieces sit side by side
// exactly as the group's parts did. Fractions, roots, scripts and braces stay whole, as TeX keeps
// them.
//
// The LaTeX source and the MathML are untouched (the copy button and screen readers read them).
// It uses KaTeX's DOM tree (`__renderToDomTree`, `__domTree`), which KaTeX does not promise to
// keep; docs/_katex/package.json pins the version, and tests/test_katex_line_breaks.py fails if the
// tree changes shape under this module.
"use strict";

// The build whose CSS and fonts the handbook serves (the package's main entry is another file).
const katex = require("katex/dist/katex.min.js");

const { Span } = katex.__domTree;

function isOperator(node) {
  return node.hasClass("mbin") || node.hasClass("mrel");
}

function isGlue(node) {
  return node.hasClass("mspace");
}

// A \left … \right group, or such a group with its scripts: a span that only holds its parts
// together (no style, no attribute of its own), so they keep their places without it.
function isBracketGroup(node) {
  return node instanceof Span && node.classes.length === 1 && node.classes[0] === "minner" &&
    Object.keys(node.style).length === 0 && Object.keys(node.attributes).length === 0;
}

function lifted(nodes) {
  return nodes.flatMap((node) => (isBracketGroup(node) ? lifted(node.children) : [node]));
}

// The atoms cut before each operator: a broken display carries its operator to the start of the
// next line, where it says that the line goes on (TeX breaks an inline formula after it instead,
// and so does KaTeX). No piece holds operators and glue alone, such as the "=" that opens a line of
// a derivation: it stays with what follows it.
function pieces(atoms) {
  const out = [];
  let piece = [];
  for (const atom of atoms) {
    if (isOperator(atom) && piece.some((held) => !isOperator(held) && !isGlue(held))) {
      out.push(piece);
      piece = [];
    }
    piece.push(atom);
  }
  if (piece.length > 0) {
    out.push(piece);
  }
  return out;
}

function em(value) {
  return +value.toFixed(4) + "em";
}

// One unbreakable piece as KaTeX builds it: a `.base` led by a strut as tall as its contents.
function base(atoms) {
  const height = Math.max(0, ...atoms.map((atom) => atom.height));
  const depth = Math.max(0, ...atoms.map((atom) => atom.depth));
  const strut = new Span(["strut"]);
  strut.style.height = em(height + depth);
  if (depth) {
    strut.style.verticalAlign = em(-depth);
  }
  const span = new Span(["base"], [strut, ...atoms]);
  span.height = height;
  span.depth = depth;
  span.maxFontSize = Math.max(0, ...atoms.map((atom) => atom.maxFontSize || 0));
  return span;
}

function find(node, className) {
  if (node.hasClass && node.hasClass(className)) {
    return node;
  }
  for (const child of node.children || []) {
    const found = find(child, className);
    if (found) {
      return found;
    }
  }
  return null;
}

// Recut the row of a display formula's HTML; a row with anything but pieces (an equation
// number, a forced line break) is left as KaTeX wrote it.
function openBrackets(tree) {
  const row = find(tree, "katex-html");
  if (row === null || !row.children.every((child) => child.hasClass("base"))) {
    return tree;
  }
  const atoms = row.children.flatMap((piece) => piece.children.filter((atom) => !atom.hasClass("strut")));
  const cut = pieces(lifted(atoms));
  if (cut.length > 1 || row.children.length > 1) {
    row.children = cut.map(base);
  }
  return tree;
}

function renderToString(expression, options) {
  if (!(options && options.displayMode)) {
    return katex.renderToString(expression, options);
  }
  return openBrackets(katex.__renderToDomTree(expression, options)).toMarkup();
}

module.exports = { ...katex, renderToString };
