/* Split a typed formula into tokens (identities/lookup/tokens.py, line by line): ASCII, NumPy, LaTeX
   and Unicode spellings of the same signs.
   Part of the handbook's formula and word lookup (see lookup-page.js); tests/test_lookup.py runs it
   under Node.js against the Python side. */
"use strict";

(() => {
  const L = (globalThis.Lookup = globalThis.Lookup || {});

  const FUNCTIONS = {
    tr: "tr", trace: "tr", det: "det", log: "log", ln: "log", exp: "exp", inv: "inv", pinv: "pinv",
    diag: "diag", vec: "vec", kron: "kron", sqrt: "sqrt", tanh: "tanh", sigmoid: "sigmoid", softmax: "softmax",
    abs: "abs", norm: "norm", sum: "sum", logdet: "logdet", transpose: "T", matmul: "mul", dot: "mul",
    multiply: "had",
  };
  const BINARY = new Set(["kron", "mul", "had"]);
  const GREEK = {
    alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", varepsilon: "ε", eta: "η", theta: "θ",
    lambda: "λ", mu: "μ", nu: "ν", rho: "ρ", sigma: "σ", tau: "τ", phi: "φ", psi: "ψ", omega: "ω", Sigma: "Σ",
    Lambda: "Λ", Phi: "Φ", Omega: "Ω", Gamma: "Γ", Theta: "Θ", Delta: "Δ", Psi: "Ψ", ell: "ℓ", pi: "π", xi: "ξ",
    zeta: "ζ", kappa: "κ",
  };
  const GREEK_CHARS = new Set(Object.values(GREEK));
  const SUPERSCRIPTS = { "ᵀ": "T", "⊤": "T", "⁻": "-", "⁺": "+", "†": "+", "ᵏ": "k", "ⁿ": "n", "ᵐ": "m" };
  "⁰¹²³⁴⁵⁶⁷⁸⁹".split("").forEach((c, i) => (SUPERSCRIPTS[c] = String(i)));
  const SUBSCRIPTS = { "ₓ": "x", "ₖ": "k", "ₙ": "n", "ₘ": "m", "ᵢ": "i", "ⱼ": "j" };
  "₀₁₂₃₄₅₆₇₈₉".split("").forEach((c, i) => (SUBSCRIPTS[c] = String(i)));
  const FRACTIONS = { "½": 0.5, "⅓": 1 / 3, "¼": 0.25, "⅔": 2 / 3, "¾": 0.75 };
  const OPERATORS = {
    "+": "+", "-": "-", "−": "-", "–": "-", "*": "*", "·": "*", "⋅": "*", "×": "*", "@": "@", "/": "/",
    "⊗": "⊗", "∘": "∘", "⊙": "∘", "^": "^", "=": "=", ",": ",",
  };
  const LATEX_OPERATORS = { otimes: "⊗", circ: "∘", odot: "∘", cdot: "*", times: "*", ast: "*" };
  const LATEX_SKIP = new Set(["left", "right", "big", "Big", "bigl", "bigr", "Bigl", "Bigr", "bigg", "Bigg",
    "biggl", "biggr", "Biggl", "Biggr", "displaystyle", "quad", "qquad", ",", ";", "!", ":", " ", "mathopen",
    "mathclose"]);
  const LATEX_FONTS = new Set(["mathbf", "boldsymbol", "bm", "mathit", "mathsf", "mathrm", "operatorname", "text",
    "textrm", "mathbb", "mathcal", "mathnormal"]);
  const ACCENTS = { bar: "\u0304", overline: "\u0304", hat: "\u0302", widehat: "\u0302", tilde: "\u0303" };
  const NUMPY_PREFIXES = ["np.linalg.", "numpy.linalg.", "np.", "numpy.", "linalg.", "la."];
  const NORM_KINDS = { F: "normF", fro: "normF", 2: "norm2", "*": "nuclear", "∗": "nuclear", nuc: "nuclear",
    tr: "nuclear" };
  const DIGITS = "0123456789";
  const WORD_LETTERS = 4;

  class ParseError extends Error {
    constructor(message, column) {
      super(`column ${column}: ${message}`);
      this.detail = message;
      this.column = column;
    }
  }
  const tok = (kind, value, col) => ({ kind, value, col });
  const isUpper = (w) => w.toUpperCase() === w && w.toLowerCase() !== w;
  const isLower = (w) => w.toLowerCase() === w && w.toUpperCase() !== w;
  const repr = (s) => `'${s}'`;

  function latexGroup(cs, i) {
    while (i < cs.length && cs[i] === " ") i++;
    if (i < cs.length && cs[i] === "{") {
      let depth = 0;
      for (let j = i; j < cs.length; j++) {
        if (cs[j] === "{") depth++;
        if (cs[j] === "}") depth--;
        if (depth === 0) return [cs.slice(i + 1, j).join(""), j + 1];
      }
      throw new ParseError("a '{' is never closed", i + 1);
    }
    if (i < cs.length && cs[i] === "\\") {
      const m = cs.slice(i).join("").match(/^\\[A-Za-z]+/);
      if (m) return [m[0], i + Array.from(m[0]).length];
    }
    if (i < cs.length) return [cs[i], i + 1];
    throw new ParseError("a group is missing at the end", i + 1);
  }

  function wordTokens(word, col) {
    if (word in FUNCTIONS || ["tr", "trace", "det", "log", "exp"].includes(word.toLowerCase()))
      return [tok("FN", FUNCTIONS[word] || FUNCTIONS[word.toLowerCase()], col)];
    if (word in GREEK) return [tok("ID", GREEK[word], col)];
    for (const [suffix, mark] of [["bar", "\u0304"], ["hat", "\u0302"]]) {
      if (word.endsWith(suffix) && word.length > suffix.length) {
        const stem = word.slice(0, -suffix.length);
        const name = GREEK[stem] || stem;
        if (Array.from(name).length === 1) return [tok("ID", name + mark, col)];
      }
    }
    if (word === "I") return [tok("EYE", "I", col)];
    if (word.length >= WORD_LETTERS && !isUpper(word))
      throw new ParseError(`'${word}' is not a function or a symbol`, col);
    const out = [];
    let k = 0;
    while (k < word.length) {
      const c = word[k];
      if (c === "d" && k + 1 < word.length && (k > 0 || word.length === 2)) {
        out.push(tok("DSYM", word[k + 1], col + k));
        k += 2;
        continue;
      }
      out.push(c === "I" ? tok("EYE", "I", col + k) : tok("ID", c, col + k));
      k++;
    }
    return out;
  }

  function subText(content) {
    content = content.trim();
    const m = content.match(/^\\(?:mathrm|text|mathbf|operatorname)\{(\w+)\}$/);
    if (m) content = m[1];
    if (content.startsWith("\\") && content.slice(1) in GREEK) return GREEK[content.slice(1)];
    if (content === "\\ast" || content === "\\star") return "*";
    return content;
  }

  function tokens(text) {
    const cs = Array.from(text.normalize("NFC"));
    const out = [];
    const rest = (i) => cs.slice(i).join("");
    let i = 0;
    while (i < cs.length) {
      const c = cs[i], col = i + 1;
      if (/^\s$/u.test(c)) { i++; continue; }
      const prefix = NUMPY_PREFIXES.find((p) => rest(i).startsWith(p));
      if (prefix && (i === 0 || !/^[\p{L}\p{N}]$/u.test(cs[i - 1]))) {
        const m = rest(i + prefix.length).match(/^[A-Za-z_]+/);
        const name = m ? m[0] : "";
        if (!(name in FUNCTIONS)) throw new ParseError(`'${prefix}${name}' is not a NumPy function the search knows`, col);
        out.push(tok("FN", FUNCTIONS[name], col));
        out.push(tok("NUMPY", null, col));
        i += prefix.length + name.length;
        continue;
      }
      if (DIGITS.includes(c) || (c === "." && i + 1 < cs.length && DIGITS.includes(cs[i + 1]))) {
        const m = rest(i).match(/^\d*\.?\d+(e-?\d+)?/);
        out.push(tok("NUM", parseFloat(m[0]), col));
        i += m[0].length;
        continue;
      }
      if (c in FRACTIONS) { out.push(tok("NUM", FRACTIONS[c], col)); i++; continue; }
      if (c === "*" && cs[i + 1] === "*") { out.push(tok("OP", "^", col)); i += 2; continue; }
      if (c === "σ" && rest(i + 1).trimStart().startsWith("(")) { out.push(tok("FN", "sigmoid", col)); i++; continue; }
      if (c === "." && cs[i + 1] === "*") { out.push(tok("OP", "∘", col)); i += 2; continue; }
      if (c === "." && /^\.T(?![A-Za-z])/.test(rest(i))) { out.push(tok("DOT_T", "T", col)); i += 2; continue; }
      if (/^[A-Za-z]$/.test(c)) {
        const m = rest(i).match(/^[A-Za-z]+/);
        out.push(...wordTokens(m[0], col));
        i += m[0].length;
        continue;
      }
      if (c === "_") {
        if (!out.length) throw new ParseError("a subscript follows nothing", col);
        const [content, j] = latexGroup(cs, i + 1);
        out.push(tok("SUB", subText(content), col));
        i = j;
        continue;
      }
      if (/^\p{Mn}$/u.test(c)) {
        if (!out.length || out[out.length - 1].kind !== "ID") throw new ParseError(`the accent '${c}' follows no symbol`, col);
        const last = out[out.length - 1];
        out[out.length - 1] = tok("ID", last.value + c, last.col);
        i++;
        continue;
      }
      if (c in SUPERSCRIPTS) {
        let j = i;
        while (j < cs.length && cs[j] in SUPERSCRIPTS) j++;
        const value = cs.slice(i, j).map((x) => SUPERSCRIPTS[x]).join("");
        out.push(value !== "T" || out.length ? tok("SUP", value, col) : tok("TOP", "T", col));
        i = j;
        continue;
      }
      if (c in SUBSCRIPTS) {
        let j = i;
        while (j < cs.length && cs[j] in SUBSCRIPTS) j++;
        out.push(tok("SUB", cs.slice(i, j).map((x) => SUBSCRIPTS[x]).join(""), col));
        i = j;
        continue;
      }
      if (c === "'") {
        const last = out[out.length - 1];
        if (last && (last.kind === "LP" || (last.kind === "OP" && last.value === ","))) {
          const m = rest(i).match(/^'([^']*)'/);
          if (!m) throw new ParseError("a quote is never closed", col);
          out.push(tok("STR", m[1], col));
          i += Array.from(m[0]).length;
          continue;
        }
        out.push(tok("SUP", "T", col));
        i++;
        continue;
      }
      if (c === '"') {
        const m = rest(i).match(/^"([^"]*)"/);
        if (!m) throw new ParseError("a quote is never closed", col);
        out.push(tok("STR", m[1], col));
        i += Array.from(m[0]).length;
        continue;
      }
      if ("([{".includes(c)) { out.push(tok("LP", c, col)); i++; continue; }
      if (")]}".includes(c)) { out.push(tok("RP", c, col)); i++; continue; }
      if (c === "‖") { out.push(tok("DBAR", "‖", col)); i++; continue; }
      if (c === "|") {
        if (cs[i + 1] === "|") { out.push(tok("DBAR", "‖", col)); i += 2; }
        else { out.push(tok("BAR", "|", col)); i++; }
        continue;
      }
      if (c in OPERATORS) { out.push(tok("OP", OPERATORS[c], col)); i++; continue; }
      if (c === "∇") { out.push(tok("NABLA", null, col)); i++; continue; }
      if (c === "∂") { out.push(tok("PARTIAL", null, col)); i++; continue; }
      if (c === "√") { out.push(tok("FN", "sqrt", col)); i++; continue; }
      if (GREEK_CHARS.has(c) || c === "ℓ") { out.push(tok("ID", c, col)); i++; continue; }
      if (c === "\\") { i = latex(cs, i, out); continue; }
      throw new ParseError(`unexpected character '${c}'`, col);
    }
    return out;
  }

  const shifted = (toks, col) => toks.map((t) => tok(t.kind, t.value, col));

  function symbolName(text, col) {
    const toks = tokens(text);
    if (toks.length !== 1 || toks[0].kind !== "ID") throw new ParseError(`expected one symbol, got '${text}'`, col);
    return toks[0].value;
  }

  function latex(cs, i, out) {
    const col = i + 1;
    const m = cs.slice(i).join("").match(/^\\([A-Za-z]+|.)/u);
    const name = m[1];
    let j = i + Array.from(m[0]).length;
    if (LATEX_SKIP.has(name)) return j;
    if (["|", "Vert", "lVert", "rVert"].includes(name)) out.push(tok("DBAR", "‖", col));
    else if (["vert", "lvert", "rvert"].includes(name)) out.push(tok("BAR", "|", col));
    else if (name === "{" || name === "}") out.push(tok(name === "{" ? "LP" : "RP", name, col));
    else if (name in LATEX_OPERATORS) out.push(tok("OP", LATEX_OPERATORS[name], col));
    else if (name === "top" || name === "intercal") out.push(tok("TOP", "T", col));
    else if (name === "dagger") out.push(tok("SUP", "+", col));
    else if (name === "nabla") out.push(tok("NABLA", null, col));
    else if (name === "partial") out.push(tok("PARTIAL", null, col));
    else if (name === "frac") {
      let top, bottom;
      [top, j] = latexGroup(cs, j);
      [bottom, j] = latexGroup(cs, j);
      if (["\\partial", "∂", "d", "\\mathrm{d}"].includes(top.trim()) && bottom.trim()) {
        const wrt = bottom.trim().replace(/^(\\partial|∂|\\mathrm\{d\}|d)\s*/, "");
        out.push(tok("WRT", symbolName(wrt, col), col));
      } else {
        out.push(tok("LP", "(", col), ...shifted(tokens(top), col), tok("RP", ")", col), tok("OP", "/", col),
          tok("LP", "(", col), ...shifted(tokens(bottom), col), tok("RP", ")", col));
      }
    } else if (name === "sqrt") out.push(tok("FN", "sqrt", col));
    else if (name in ACCENTS) {
      let inner;
      [inner, j] = latexGroup(cs, j);
      out.push(tok("ID", symbolName(inner, col) + ACCENTS[name], col));
    } else if (LATEX_FONTS.has(name)) {
      let inner;
      [inner, j] = latexGroup(cs, j);
      inner = inner.trim();
      const last = out[out.length - 1];
      if ((inner === "T" || inner === "\\top") && last && last.kind === "OP" && last.value === "^") out.push(tok("TOP", "T", col));
      else if (inner === "d") out.push(tok("DIFF", "d", col));
      else if ((inner === "I" || inner === "1") && ["mathbf", "mathbb", "boldsymbol", "bm", "mathrm"].includes(name)) {
        if (inner === "1") throw new ParseError("the vector of ones is not supported in formula search", col);
        out.push(tok("EYE", "I", col));
      } else out.push(...shifted(tokens(inner), col));
    } else if (name in GREEK) out.push(tok("ID", GREEK[name], col));
    else if (name.toLowerCase() in FUNCTIONS || name === "tr" || name === "Tr") out.push(tok("FN", FUNCTIONS[name.toLowerCase()], col));
    else throw new ParseError(`unknown LaTeX command \\${name}`, col);
    return j;
  }

  Object.assign(L, { tokens, ParseError, symbolName, repr, FUNCTIONS, BINARY, NORM_KINDS });
})();
