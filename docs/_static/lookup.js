/* Formula and word lookup in the handbook's search page: offline, no server.

   The same reading of a query as `python -m identities find` (identities/lookup/): the parser,
   the evaluator, the fingerprints, the formula ranking and the word ranking are ported line by line,
   and read the same index (_static/lookup-index.json, or lookup-index.js for pages opened from
   disk).  tests/test_lookup.py runs this file under Node.js and checks that both give the same
   trees, the same numbers and the same answers.  Nothing typed is executed. */
"use strict";

const Lookup = (() => {
  // ---------------------------------------------------------------- parser
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

  const STARTS_ATOM = new Set(["NUM", "ID", "DSYM", "EYE", "FN", "LP", "DBAR", "BAR", "DIFF"]);
  const show = (t) => (t.value !== null && t.value !== undefined ? t.value : t.kind);

  class Parser {
    constructor(toks, length) {
      this.k = 0;
      this.end = length + 1;
      this.bars = 0;
      this.norms = 0;
      this.numpy = toks.some((t) => t.kind === "NUMPY" || t.kind === "DOT_T" || (t.kind === "OP" && t.value === "@"));
      this.toks = toks.filter((t) => t.kind !== "NUMPY");
    }
    peek(offset = 0) { const j = this.k + offset; return j < this.toks.length ? this.toks[j] : null; }
    col() { const t = this.peek(); return t ? t.col : this.end; }
    take() {
      const t = this.peek();
      if (t === null) throw new ParseError("the formula ends too early", this.end);
      this.k++;
      return t;
    }
    expect(kind, value, what) {
      const t = this.peek();
      if (t === null || t.kind !== kind || (value !== null && value !== undefined && t.value !== value)) {
        const found = t === null ? "the end" : repr(show(t));
        throw new ParseError(`expected ${what || repr(value)}, found ${found}`, this.col());
      }
      return this.take();
    }
    isOpAt(offset, ...values) { const t = this.peek(offset); return t !== null && t.kind === "OP" && values.includes(t.value); }
    isOp(...values) { return this.isOpAt(0, ...values); }

    query() {
      const derivative = this.derivative();
      const expr = this.sum();
      if (derivative === null && this.isOp("/") && this.peek(1) && this.peek(1).kind === "DSYM") {
        this.take();
        throw new ParseError("write the derivative in front: d(…), ∂/∂X …, ∇_X …", this.col());
      }
      let rhs = null;
      if (this.isOp("=")) { this.take(); rhs = this.sum(); }
      if (this.peek() !== null) { const t = this.peek(); throw new ParseError(`unexpected ${repr(show(t))}`, t.col); }
      return { expr, derivative, rhs, numpy: this.numpy, symbols: [] };
    }

    derivative() {
      const t = this.peek();
      if (t === null) throw new ParseError("the query is empty", 1);
      if (t.kind === "ID" && t.value === "d" && this.isOpAt(1, "/") && this.peek(2) !== null && this.peek(2).kind === "DSYM") {
        this.k += 3;
        return { op: "grad", wrt: this.toks[this.k - 1].value };
      }
      if (t.kind === "DIFF" || (t.kind === "ID" && t.value === "d" && this.peek(1) !== null
          && ["LP", "FN", "ID", "EYE", "DBAR", "BAR"].includes(this.peek(1).kind))) {
        this.take();
        return { op: "d", wrt: null };
      }
      if (t.kind === "WRT") { this.take(); return { op: "grad", wrt: t.value }; }
      if (t.kind === "NABLA") {
        this.take();
        let wrt = null;
        if (this.peek() !== null && this.peek().kind === "SUB") wrt = symbolName(this.take().value, t.col);
        return { op: "grad", wrt };
      }
      if (t.kind === "PARTIAL") {
        this.take();
        this.expect("OP", "/", "'/' after ∂");
        this.expect("PARTIAL", null, "∂X");
        return { op: "grad", wrt: this.expect("ID", null, "the variable after ∂").value };
      }
      return null;
    }

    sum() {
      let left = this.product();
      while (this.isOp("+", "-")) {
        const op = this.take().value;
        left = [op === "+" ? "add" : "sub", left, this.product()];
      }
      return left;
    }

    product() {
      let left = this.term();
      while (this.isOp("⊗", "∘")) {
        const op = this.take().value;
        left = [op === "⊗" ? "kron" : "had", left, this.term()];
      }
      return left;
    }

    term() {
      let left = this.unary();
      for (;;) {
        const t = this.peek();
        if (t === null) return left;
        if (t.kind === "OP" && ["*", "@", "/"].includes(t.value)) {
          this.take();
          const op = { "*": this.numpy ? "emul" : "mul", "@": "mul", "/": "div" }[t.value];
          left = [op, left, this.unary()];
        } else if (this.implicit(t)) left = ["mul", left, this.unary()];
        else return left;
      }
    }

    implicit(t) {
      if (t.kind === "BAR") return this.bars === 0;
      if (t.kind === "DBAR") return this.norms === 0;
      return STARTS_ATOM.has(t.kind);
    }

    unary() {
      if (this.isOp("-")) { this.take(); return ["neg", this.unary()]; }
      if (this.isOp("+")) { this.take(); return this.unary(); }
      return this.postfix(this.atom());
    }

    postfix(node) {
      for (;;) {
        const t = this.peek();
        if (t === null) return node;
        if (t.kind === "SUP") { this.take(); node = superscript(node, t.value, t.col); }
        else if (t.kind === "DOT_T" || t.kind === "TOP") { this.take(); node = ["T", node]; }
        else if (t.kind === "OP" && t.value === "^") { this.take(); node = this.power(node); }
        else return node;
      }
    }

    power(base) {
      const t = this.peek();
      if (t === null) throw new ParseError("an exponent is missing", this.end);
      if (t.kind === "LP" && t.value === "{") {
        this.take();
        if (this.peek() !== null && this.peek().kind === "RP") throw new ParseError("the exponent is empty", this.col());
        const simple = this.simpleExponent();
        if (simple !== null) { this.expect("RP", "}", "'}'"); return superscript(base, simple, t.col); }
        const exponent = this.sum();
        this.expect("RP", "}", "'}'");
        return ["pow", base, exponent];
      }
      const simple = this.simpleExponent();
      if (simple !== null) return superscript(base, simple, t.col);
      return ["pow", base, this.postfixFreeAtom()];
    }

    simpleExponent() {
      const t = this.peek(), u = this.peek(1);
      if (t === null) return null;
      const isT = (x) => x !== null && (x.kind === "TOP" || (x.kind === "ID" && x.value === "T"));
      if (isT(t)) { this.take(); return "T"; }
      if (t.kind === "SUP" && t.value === "+") { this.take(); return "+"; }
      if (t.kind === "OP" && t.value === "+" && (u === null || u.kind === "RP")) { this.take(); return "+"; }
      if (t.kind === "OP" && t.value === "-" && u !== null) {
        if (isT(u)) { this.k += 2; return "-T"; }
        if (u.kind === "NUM" && Number.isInteger(u.value)) {
          this.k += 2;
          const v = this.peek();
          if (isT(v) && u.value === 1) { this.take(); return "-T"; }
          return `-${u.value}`;
        }
      }
      return null;
    }

    postfixFreeAtom() {
      const t = this.take();
      if (t.kind === "NUM") return ["num", t.value];
      if (t.kind === "ID") return ["sym", t.value];
      throw new ParseError("expected an exponent", t.col);
    }

    atom() {
      const t = this.peek();
      if (t === null) throw new ParseError("the formula ends too early", this.end);
      if (t.kind === "NUM") { this.take(); return ["num", t.value]; }
      if (t.kind === "ID") {
        this.take();
        let name = t.value;
        if (this.peek() !== null && this.peek().kind === "SUB") name += "_" + this.take().value;
        if (name === "d" && this.peek() !== null && this.peek().kind === "LP") {
          const inner = this.group();
          if (inner[0] === "sym") return ["dsym", inner[1]];
          throw new ParseError("d(…) of an expression only at the start of a query", t.col);
        }
        return ["sym", name];
      }
      if (t.kind === "DSYM") { this.take(); return ["dsym", t.value]; }
      if (t.kind === "DIFF") { this.take(); return ["dsym", this.expect("ID", null, "a symbol after d").value]; }
      if (t.kind === "EYE") {
        this.take();
        if (this.peek() !== null && this.peek().kind === "SUB") this.take();
        return ["eye"];
      }
      if (t.kind === "LP") return this.group();
      if (t.kind === "FN") return this.func();
      if (t.kind === "BAR") {
        this.take();
        this.bars++;
        const inner = this.sum();
        this.bars--;
        this.expect("BAR", null, "a closing '|'");
        return ["abs", inner];
      }
      if (t.kind === "DBAR") {
        this.take();
        this.norms++;
        const inner = this.sum();
        this.norms--;
        this.expect("DBAR", null, "a closing '‖'");
        return this.normSuffix(inner);
      }
      throw new ParseError(`unexpected ${repr(show(t))}`, t.col);
    }

    normSuffix(inner) {
      let kind = "normF", square = false;
      for (let n = 0; n < 2; n++) {
        const t = this.peek();
        if (t !== null && t.kind === "SUB") {
          this.take();
          if (!(t.value in NORM_KINDS)) throw new ParseError(`unknown norm ‖·‖_${t.value}`, t.col);
          kind = NORM_KINDS[t.value];
        } else if (t !== null && t.kind === "SUP" && t.value === "2") { this.take(); square = true; }
        else if (t !== null && t.kind === "OP" && t.value === "^" && this.peek(1) !== null
                 && this.peek(1).kind === "NUM" && this.peek(1).value === 2) { this.k += 2; square = true; }
      }
      const node = [kind, inner];
      return square ? ["pow", node, ["num", 2]] : node;
    }

    group() {
      const opening = this.take();
      const closing = { "(": ")", "[": "]", "{": "}" }[opening.value];
      const [bars, norms] = [this.bars, this.norms];
      this.bars = this.norms = 0;
      const inner = this.sum();
      [this.bars, this.norms] = [bars, norms];
      this.expect("RP", closing, `'${closing}' to close the '${opening.value}' of column ${opening.col}`);
      return inner;
    }

    func() {
      const t = this.take();
      const name = t.value;
      let args;
      const next = this.peek();
      if (next !== null && next.kind === "LP" && "([".includes(next.value)) args = this.args();
      else if (next !== null && next.kind === "LP") args = [this.group()];
      else {
        if (next === null) throw new ParseError(`${name} needs an argument`, this.end);
        args = [this.termOperand()];
      }
      if (BINARY.has(name)) {
        if (args.length !== 2) throw new ParseError(`${name} takes two arguments`, t.col);
        return [name, args[0], args[1]];
      }
      if (name === "norm") {
        let kind = "normF";
        if (args.length === 2) {
          const spec = args[1];
          const key = spec[0] === "str" ? spec[1] : spec[0] === "num" ? String(Math.trunc(spec[1])) : null;
          if (key === null || !(key in NORM_KINDS)) throw new ParseError("norm's second argument must be 'fro', 2 or 'nuc'", t.col);
          kind = NORM_KINDS[key];
        }
        return [kind, args[0]];
      }
      if (args.length !== 1) throw new ParseError(`${name} takes one argument`, t.col);
      if (name === "logdet") return ["log", ["det", args[0]]];
      return [name, args[0]];
    }

    termOperand() {
      let left = this.unary();
      while (this.peek() !== null && (this.isOp("*", "@") || this.implicit(this.peek()))) {
        if (this.peek().kind === "OP") {
          const op = this.take().value;
          left = [{ "*": this.numpy ? "emul" : "mul", "@": "mul" }[op], left, this.unary()];
        } else left = ["mul", left, this.unary()];
      }
      return left;
    }

    args() {
      const opening = this.take();
      const closing = { "(": ")", "[": "]" }[opening.value];
      const [bars, norms] = [this.bars, this.norms];
      this.bars = this.norms = 0;
      const args = [];
      for (;;) {
        const t = this.peek();
        if (t !== null && t.kind === "STR") { this.take(); args.push(["str", t.value]); }
        else args.push(this.sum());
        if (this.isOp(",")) { this.take(); continue; }
        break;
      }
      [this.bars, this.norms] = [bars, norms];
      this.expect("RP", closing, `'${closing}' to close the '${opening.value}' of column ${opening.col}`);
      return args;
    }
  }

  function superscript(node, text, col) {
    if (text === "T") return ["T", node];
    if (text === "-T" || text === "-1T") return ["T", ["inv", node]];
    if (text === "-1") return ["inv", node];
    if (text === "+") return ["pinv", node];
    if (/^-?\d+$/.test(text)) return ["pow", node, ["num", parseFloat(text)]];
    if (/^[a-z]$/.test(text)) return ["pow", node, ["sym", text]];
    throw new ParseError(`cannot read the exponent '${text}'`, col);
  }

  function collectSymbols(node, found) {
    if (node[0] === "sym" || node[0] === "dsym") {
      if (!found.includes(node[1])) found.push(node[1]);
    } else for (const c of node.slice(1)) if (Array.isArray(c)) collectSymbols(c, found);
    return found;
  }

  function parse(text) {
    const query = new Parser(tokens(text), Array.from(text).length).query();
    const names = collectSymbols(query.expr, []);
    if (query.rhs !== null) collectSymbols(query.rhs, names);
    if (query.derivative && query.derivative.wrt && !names.includes(query.derivative.wrt))
      throw new ParseError(`the formula does not depend on ${query.derivative.wrt}`, 1);
    if (!names.length) throw new ParseError("the formula names no symbol", 1);
    query.symbols = names;
    return query;
  }

  const FORMULA_SIGNS = /[()\[\]{}^'ᵀ⊤⁻⁺†²³\\=+*@/|‖⊗∘⊙∇∂√½·−_]|\.T\b|np\./u;
  function looksLikeFormula(text) {
    if (!/\p{L}/u.test(text)) return false;
    if (FORMULA_SIGNS.test(text)) return true;
    try { parse(text); } catch (e) { if (e instanceof ParseError) return false; throw e; }
    return true;
  }

  // ---------------------------------------------------------------- evaluator
  class EvalError extends Error {}
  class NeedSize extends EvalError {}
  const EYE = { eye: true };
  const ENTRYWISE = new Set(["log", "exp", "sqrt", "abs", "tanh", "sigmoid"]);
  const same = (a, b) => a[0] === b[0] && a[1] === b[1];
  const one = (a) => a[0] === 1 && a[1] === 1;

  function shapeOf(node, shapes, eye) {
    const op = node[0];
    if (op === "num" || op === "str") return [1, 1];
    if (op === "sym" || op === "dsym") {
      const key = op === "sym" ? node[1] : "d:" + node[1];
      if (!(key in shapes)) throw new EvalError(`no value for ${node[1]}`);
      return shapes[key];
    }
    if (op === "eye") return eye ? [eye, eye] : EYE;
    let a = shapeOf(node[1], shapes, eye);
    if (["add", "sub", "had", "emul"].includes(op)) {
      let b = shapeOf(node[2], shapes, eye);
      if (a === EYE) [a, b] = [b, a];
      if (b === EYE) {
        if (a === EYE) return EYE;
        if (a[0] !== a[1]) throw new EvalError("I added to a matrix that is not square");
        return a;
      }
      if (op === "emul" && (one(a) || one(b))) return one(a) ? b : a;
      if (!same(a, b)) throw new EvalError("shapes differ");
      return a;
    }
    if (op === "mul") {
      const b = shapeOf(node[2], shapes, eye);
      if (a === EYE) return b;
      if (b === EYE) return a;
      if (one(a)) return b;
      if (one(b)) return a;
      if (a[1] !== b[0]) throw new EvalError("shapes do not fit a product");
      return [a[0], b[1]];
    }
    if (op === "div") {
      const b = shapeOf(node[2], shapes, eye);
      if (b === EYE || !one(b) || a === EYE) throw new EvalError("division by a matrix");
      return a;
    }
    if (op === "kron") {
      const b = shapeOf(node[2], shapes, eye);
      if (a === EYE || b === EYE) throw new NeedSize("the size of I");
      if (one(a) || one(b)) throw new EvalError("a Kronecker product with a number");
      return [a[0] * b[0], a[1] * b[1]];
    }
    if (a === EYE) {
      if (["neg", "T", "inv", "pinv", "pow"].includes(op)) return EYE;
      throw new NeedSize("the size of I");
    }
    if (op === "neg" || ENTRYWISE.has(op) || op === "softmax") return a;
    if (op === "T" || op === "pinv") return [a[1], a[0]];
    if (op === "inv" || op === "det" || op === "tr") {
      if (a[0] !== a[1]) throw new EvalError(`${op} of a matrix that is not square`);
      return op === "inv" ? a : [1, 1];
    }
    if (op === "pow") {
      const e = shapeOf(node[2], shapes, eye);
      if (e === EYE || !one(e)) throw new EvalError("a matrix exponent");
      if (!one(a) && a[0] !== a[1]) throw new EvalError("a power of a matrix that is not square");
      return a;
    }
    if (op === "diag") {
      if (a[1] === 1) return [a[0], a[0]];
      if (a[0] === 1) return [a[1], a[1]];
      if (a[0] !== a[1]) throw new EvalError("diag of a matrix that is not square");
      return [a[0], 1];
    }
    if (op === "vec") return [a[0] * a[1], 1];
    if (["normF", "norm2", "nuclear", "sum"].includes(op)) return [1, 1];
    throw new EvalError(`unknown operation ${op}`);
  }

  // matrices: {r, c, d} with d a Float64Array, row by row
  const M = (r, c, d) => ({ r, c, d: d || new Float64Array(r * c) });
  const scalar = (v) => M(1, 1, Float64Array.of(v));
  const isOne = (a) => a.r === 1 && a.c === 1;
  const map = (a, f) => M(a.r, a.c, a.d.map(f));
  function eyeM(n) { const m = M(n, n); for (let i = 0; i < n; i++) m.d[i * n + i] = 1; return m; }
  function transposeM(a) { const m = M(a.c, a.r); for (let i = 0; i < a.r; i++) for (let j = 0; j < a.c; j++) m.d[j * a.r + i] = a.d[i * a.c + j]; return m; }
  function matmul(a, b) {
    const m = M(a.r, b.c);
    for (let i = 0; i < a.r; i++) for (let j = 0; j < b.c; j++) {
      let s = 0;
      for (let k = 0; k < a.c; k++) s += a.d[i * a.c + k] * b.d[k * b.c + j];
      m.d[i * b.c + j] = s;
    }
    return m;
  }
  function square(a) { if (a.r !== a.c) throw new EvalError("a matrix that is not square"); return a; }
  function lu(a) {  // partial pivoting; returns [LU rows, sign] or throws on a zero pivot
    const n = a.r, m = Array.from({ length: n }, (_, i) => Array.from(a.d.slice(i * n, i * n + n)));
    let sign = 1;
    for (let k = 0; k < n; k++) {
      let p = k;
      for (let i = k + 1; i < n; i++) if (Math.abs(m[i][k]) > Math.abs(m[p][k])) p = i;
      if (m[p][k] === 0) return [m, 0];
      if (p !== k) { [m[p], m[k]] = [m[k], m[p]]; sign = -sign; }
      for (let i = k + 1; i < n; i++) {
        const f = m[i][k] / m[k][k];
        m[i][k] = f;
        for (let j = k + 1; j < n; j++) m[i][j] -= f * m[k][j];
      }
    }
    return [m, sign];
  }
  function det(a) { square(a); const [m, sign] = lu(a); let d = sign; for (let i = 0; i < a.r; i++) d *= m[i][i]; return d; }
  function inverse(a) {
    square(a);
    const n = a.r, m = Array.from({ length: n }, (_, i) => [...a.d.slice(i * n, i * n + n), ...eyeM(n).d.slice(i * n, i * n + n)]);
    for (let k = 0; k < n; k++) {
      let p = k;
      for (let i = k + 1; i < n; i++) if (Math.abs(m[i][k]) > Math.abs(m[p][k])) p = i;
      if (m[p][k] === 0) throw new EvalError("a singular matrix");
      [m[p], m[k]] = [m[k], m[p]];
      const pivot = m[k][k];
      for (let j = 0; j < 2 * n; j++) m[k][j] /= pivot;
      for (let i = 0; i < n; i++) if (i !== k) {
        const f = m[i][k];
        if (f !== 0) for (let j = 0; j < 2 * n; j++) m[i][j] -= f * m[k][j];
      }
    }
    const out = M(n, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out.d[i * n + j] = m[i][n + j];
    if (!out.d.every(Number.isFinite)) throw new EvalError("a singular matrix");
    return out;
  }
  function eigvalsSym(a) {  // cyclic Jacobi rotations on a symmetric matrix
    const n = a.r, m = Array.from({ length: n }, (_, i) => Array.from(a.d.slice(i * n, i * n + n)));
    for (let sweep = 0; sweep < 100; sweep++) {
      let off = 0;
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += m[i][j] * m[i][j];
      if (off < 1e-30) break;
      for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) {
        if (m[p][q] === 0) continue;
        const theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k][p], mkq = m[k][q];
          m[k][p] = c * mkp - s * mkq;
          m[k][q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p][k], mqk = m[q][k];
          m[p][k] = c * mpk - s * mqk;
          m[q][k] = s * mpk + c * mqk;
        }
      }
    }
    return m.map((row, i) => row[i]);
  }
  function kron(a, b) {
    const m = M(a.r * b.r, a.c * b.c);
    for (let i = 0; i < a.r; i++) for (let j = 0; j < a.c; j++) for (let k = 0; k < b.r; k++) for (let l = 0; l < b.c; l++)
      m.d[(i * b.r + k) * m.c + j * b.c + l] = a.d[i * a.c + j] * b.d[k * b.c + l];
    return m;
  }

  function evaluate(node, env, eye) {
    const v = value(node, env, eye);
    if (v === EYE) throw new NeedSize("the size of I");
    return v;
  }

  function value(node, env, eye) {
    const op = node[0];
    if (op === "num") return scalar(node[1]);
    if (op === "sym" || op === "dsym") {
      const key = op === "sym" ? node[1] : "d:" + node[1];
      if (!(key in env)) throw new EvalError(`no value for ${node[1]}`);
      return env[key];
    }
    if (op === "eye") return eye ? eyeM(eye) : EYE;
    if (op === "str") throw new EvalError("a string is not a value");
    let a = value(node[1], env, eye);
    if (["add", "sub", "had", "emul", "mul", "div", "kron"].includes(op)) {
      let b = value(node[2], env, eye);
      if (["add", "sub", "had", "emul"].includes(op)) {
        if (a === EYE && b === EYE) return EYE;
        if (a === EYE) a = eyeM(square(b).r);
        if (b === EYE) b = eyeM(square(a).r);
        if (op === "had" || op === "emul") {
          if (a.r === b.r && a.c === b.c) return M(a.r, a.c, a.d.map((x, i) => x * b.d[i]));
          if (op === "emul" && isOne(a)) return map(b, (x) => a.d[0] * x);
          if (op === "emul" && isOne(b)) return map(a, (x) => x * b.d[0]);
          throw new EvalError("shapes differ");
        }
        if (a.r !== b.r || a.c !== b.c) throw new EvalError("shapes differ");
        return M(a.r, a.c, a.d.map((x, i) => (op === "add" ? x + b.d[i] : x - b.d[i])));
      }
      if (op === "mul") {
        if (a === EYE) return b;
        if (b === EYE) return a;
        if (isOne(a)) return map(b, (x) => a.d[0] * x);
        if (isOne(b)) return map(a, (x) => x * b.d[0]);
        if (a.c !== b.r) throw new EvalError("shapes do not fit a product");
        return matmul(a, b);
      }
      if (op === "div") {
        if (a === EYE || b === EYE || !isOne(b)) throw new EvalError("division by a matrix");
        if (b.d[0] === 0) throw new EvalError("division by zero");
        return map(a, (x) => x / b.d[0]);
      }
      if (a === EYE || b === EYE) throw new NeedSize("the size of I");
      if (isOne(a) || isOne(b)) throw new EvalError("a Kronecker product with a number");
      return kron(a, b);
    }
    if (a === EYE) {
      if (["T", "inv", "pinv"].includes(op)) return EYE;
      throw new NeedSize("the size of I");
    }
    switch (op) {
      case "neg": return map(a, (x) => -x);
      case "T": return transposeM(a);
      case "inv": return inverse(a);
      case "pinv": return a.r >= a.c ? matmul(inverse(matmul(transposeM(a), a)), transposeM(a))
        : matmul(transposeM(a), inverse(matmul(a, transposeM(a))));
      case "tr": { square(a); let s = 0; for (let i = 0; i < a.r; i++) s += a.d[i * a.c + i]; return scalar(s); }
      case "det": return scalar(det(a));
      case "pow": {
        const e = value(node[2], env, eye);
        if (e === EYE || !isOne(e)) throw new EvalError("a matrix exponent");
        const k = e.d[0];
        if (isOne(a)) {
          if (a.d[0] < 0 && !Number.isInteger(k)) throw new EvalError("a fractional power of a negative number");
          if (a.d[0] === 0 && k < 0) throw new EvalError("division by zero");
          return scalar(a.d[0] ** k);
        }
        if (!Number.isInteger(k) || Math.abs(k) > 64) throw new EvalError("a non-integer power of a matrix");
        const base = k < 0 ? inverse(a) : square(a);
        let out = eyeM(a.r);
        for (let i = 0; i < Math.abs(k); i++) out = matmul(out, base);
        return out;
      }
      case "log":
        if (a.d.some((x) => x <= 0)) throw new EvalError("the log of a number that is not positive");
        return map(a, Math.log);
      case "sqrt":
        if (a.d.some((x) => x < 0)) throw new EvalError("the square root of a negative number");
        return map(a, Math.sqrt);
      case "exp":
        if (a.d.some((x) => x > 700)) throw new EvalError("overflow");
        return map(a, Math.exp);
      case "abs": return map(a, Math.abs);
      case "tanh": return map(a, Math.tanh);
      case "sigmoid": return map(a, (x) => 1 / (1 + Math.exp(-Math.min(Math.max(x, -700), 700))));
      case "softmax": {
        const rows = a.c === 1 ? transposeM(a) : a, out = M(rows.r, rows.c);
        for (let i = 0; i < rows.r; i++) {
          const row = rows.d.slice(i * rows.c, (i + 1) * rows.c), top = Math.max(...row);
          const e = row.map((x) => Math.exp(x - top));
          let s = 0;
          for (const x of e) s += x;
          e.forEach((x, j) => (out.d[i * rows.c + j] = x / s));
        }
        return a.c === 1 ? transposeM(out) : out;
      }
      case "diag": {
        if (a.c === 1 || a.r === 1) { const n = a.d.length, m = M(n, n); for (let i = 0; i < n; i++) m.d[i * n + i] = a.d[i]; return m; }
        square(a);
        const m = M(a.r, 1);
        for (let i = 0; i < a.r; i++) m.d[i] = a.d[i * a.c + i];
        return m;
      }
      case "vec": { const m = M(a.r * a.c, 1); for (let j = 0; j < a.c; j++) for (let i = 0; i < a.r; i++) m.d[j * a.r + i] = a.d[i * a.c + j]; return m; }
      case "sum": { let s = 0; for (const x of a.d) s += x; return scalar(s); }
      case "normF": { let s = 0; for (const x of a.d) s += x * x; return scalar(Math.sqrt(s)); }
      case "norm2": case "nuclear": {
        const gram = a.r >= a.c ? matmul(transposeM(a), a) : matmul(a, transposeM(a));
        const s = eigvalsSym(gram).map((x) => Math.sqrt(Math.max(x, 0)));
        return scalar(op === "norm2" ? Math.max(...s) : s.reduce((p, x) => p + x, 0));
      }
      default: throw new EvalError(`unknown operation ${op}`);
    }
  }

  // ---------------------------------------------------------------- fingerprints
  const PROJECTIONS = 3, RELATIVE = 1e-6;
  const FACTORS = [-1, 2, -2, 0.5, -0.5, 3, 1 / 3, 4, 0.25];
  function weight(i, j) {
    let h = (Math.imul(i + 1, 0x9E3779B1) + Math.imul(j + 1, 0x85EBCA77)) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
    h = Math.imul(h, 0x7FEB352D) >>> 0;
    h = (h ^ (h >>> 15)) >>> 0;
    h = Math.imul(h, 0x846CA68B) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
    return h / 4294967296.0 * 2.0 - 1.0;
  }
  const weightCache = new Map();
  function weights(n) {
    if (!weightCache.has(n)) weightCache.set(n, Array.from({ length: PROJECTIONS }, (_, j) => Array.from({ length: n }, (_, i) => weight(i, j))));
    return weightCache.get(n);
  }
  function fingerprint(a) {
    const proj = weights(a.d.length).map((row) => { let s = 0; for (let i = 0; i < row.length; i++) s += row[i] * a.d[i]; return s; });
    let n = 0;
    for (const x of a.d) n += x * x;
    return { shape: [a.r, a.c], norm: Math.sqrt(n), proj };
  }
  const scaleOf = (t) => RELATIVE * t.norm * Math.sqrt(t.shape[0] * t.shape[1]) + 1e-300;
  function agrees(p, t) {
    if (!same(p.shape, t.shape) || t.norm === 0) return false;
    const s = scaleOf(t);
    return p.proj.every((x, j) => Math.abs(x - t.proj[j]) <= s);
  }
  function ratio(p, t) {
    if (!same(p.shape, t.shape) || t.norm === 0 || p.norm === 0) return null;
    let c = p.norm / t.norm;
    let big = 0;
    for (let j = 1; j < PROJECTIONS; j++) if (Math.abs(t.proj[j]) > Math.abs(t.proj[big])) big = j;
    if (t.proj[big] * p.proj[big] < 0) c = -c;
    const s = scaleOf(t) * Math.abs(c);
    const factor = FACTORS.find((f) => Math.abs(c - f) <= 1e-6 * Math.abs(f));
    if (factor !== undefined && p.proj.every((x, j) => Math.abs(x - factor * t.proj[j]) <= s)) return factor;
    return null;
  }

  // ---------------------------------------------------------------- formula match
  const SCORES = { function: 100, claim: 95, "derivative-of-result": 70, "derivative-stated": 5, transposed: -25,
    scaled: -35, rules: -3, structural: -2, "rhs-as-function": -20, "both-sides": 10, kind: 0.5, operation: 0.1, vec: -1, "same-name": 0.01 };
  const MAX_ASSIGNMENTS = 5000, BEND = 0.375;
  const DERIVATIVE_KINDS = { grad: ["gradient", "jacobian", "hessian", "vjp", "differential"],
    d: ["differential", "gradient", "jacobian", "vjp", "hessian"] };

  const PLAIN = new Set(["sym", "dsym", "num", "str", "eye", "mul", "add", "sub", "neg", "div", "emul"]);
  function operations(node, found) {
    if (!PLAIN.has(node[0])) found.add(node[0]);
    for (const c of node.slice(1)) if (Array.isArray(c)) operations(c, found);
    return found;
  }
  const uses = (node, name) => (node[0] === "sym" || node[0] === "dsym" ? node[1] === name
    : node.slice(1).some((c) => Array.isArray(c) && uses(c, name)));
  const finite = (a) => a.d.every(Number.isFinite);

  function compare(v, target) {
    const [rows, cols] = target.shape;
    if (v.r === rows * cols && v.c === 1 && cols !== 1) {  // vec of the target: compare the matrix it stacks
      const m = M(rows, cols);
      for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) m.d[i * cols + j] = v.d[j * rows + i];
      return agrees(fingerprint(m), target) ? "vec" : null;
    }
    const found = fingerprint(v);
    if (agrees(found, target)) return "exact";
    if (!isOne(v) && agrees(fingerprint(transposeM(v)), target)) return "transposed";
    if (ratio(found, target) !== null) return "scaled";
    return null;
  }
  function constant(expr, env, eye, target) {
    const moved = {};
    for (const [k, v] of Object.entries(env)) moved[k] = map(v, (x) => x + BEND * x * x);
    let m;
    try { m = evaluate(expr, moved, eye); } catch (e) { if (e instanceof EvalError) return false; throw e; }
    return finite(m) && compare(m, target) !== null;
  }
  function fits(expr, shapes, sizes, targetShape) {
    const wanted = [targetShape, [targetShape[1], targetShape[0]], [targetShape[0] * targetShape[1], 1]];
    const ok = (s) => s !== EYE && wanted.some((w) => same(w, s));
    try { return ok(shapeOf(expr, shapes, null)) ? [null] : []; }
    catch (e) { if (!(e instanceof NeedSize)) { if (e instanceof EvalError) return []; throw e; } }
    const out = [];
    for (const n of sizes) {
      try { if (ok(shapeOf(expr, shapes, n))) out.push(n); } catch (e) { if (!(e instanceof EvalError)) throw e; }
    }
    return out;
  }
  function what(target) {
    if (target.kind === "function") return "function" + (target.of ? ` ${target.of}` : "");
    if (target.kind === "equal") return "equal form";
    return target.wrt ? `${target.kind} in ${target.wrt}` : target.kind;
  }
  const lowerInitial = (name) => { const c = name.slice(0, 1); return c.toLowerCase() === c && c.toUpperCase() !== c; };
  const sameKind = (name, shape) => ((shape[0] > 1 && shape[1] > 1) === (name.slice(0, 1).toUpperCase() === name.slice(0, 1) && name.slice(0, 1).toLowerCase() !== name.slice(0, 1)));

  class Matcher {
    constructor(index) {
      this.entries = index.identities.filter((e) => e.targets && e.targets.length);
      this.values = {};
      for (const e of this.entries) {
        const v = {};
        for (const [name, s] of Object.entries(e.symbols)) v[name] = M(s.shape[0], s.shape[1], Float64Array.from(s.values));
        this.values[e.id] = v;
      }
    }
    search(query) {
      const hits = [];
      for (const entry of this.entries) { const h = this.best(entry, query); if (h !== null) hits.push(h); }
      hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return hits;
    }
    best(entry, query) {
      const sides = [[query.expr, query.derivative]];
      if (query.rhs !== null) sides.push([query.rhs, null]);
      const found = sides.map(([expr, derivative], k) => {
        const hit = this.side(entry, expr, derivative, query.symbols);
        if (hit !== null && k === 1 && hit.what.startsWith("function")) hit.score += SCORES["rhs-as-function"];
        return hit;
      });
      let best = null;
      for (const h of found) if (h !== null && (best === null || h.score > best.score)) best = h;
      if (best !== null && found.length === 2 && found.every((h) => h !== null)) best.score += SCORES["both-sides"];
      return best;
    }
    side(entry, expr, derivative, symbols) {
      let best = null;
      const names = symbols.filter((s) => uses(expr, s));
      const ops = operations(expr, new Set());
      for (const target of entry.targets) {
        const isFunction = target.kind === "function";
        let base;
        if (derivative !== null && !isFunction && target.kind !== "equal") base = SCORES["derivative-of-result"];
        else base = isFunction || target.kind === "equal" ? SCORES.function : SCORES.claim;
        for (const [assignment, how] of this.matches(entry, target, expr, names)) {
          let score = base + (SCORES[how] || 0);
          if (derivative !== null && isFunction) score += this.stated(entry, derivative, assignment);
          score += entry.family === "rules" ? SCORES.rules : 0;
          let structural = 0, kinds = 0;
          for (const v of Object.values(assignment)) if (v in entry.symbols) structural += entry.symbols[v].structural ? 1 : 0;
          for (const [q, v] of Object.entries(assignment)) kinds += sameKind(q, entry.symbols[v].shape) ? 1 : 0;
          score += SCORES.structural * structural;
          score += SCORES.kind * kinds;
          score += SCORES.operation * (target.ops || []).filter((o) => ops.has(o)).length;
          score += SCORES["same-name"] * Object.entries(assignment).filter(([q, v]) => q === v).length;
          if (best === null || score > best.score)
            best = { id: entry.id, score, what: what(target) + (how === "exact" ? "" : ` (${how})`), text: target.text,
              assignment: { ...assignment } };
        }
      }
      return best;
    }
    stated(entry, derivative, assignment) {
      const wanted = DERIVATIVE_KINDS[derivative.op];
      const wrt = derivative.wrt ? assignment[derivative.wrt] : null;
      for (const t of entry.targets) if (wanted.includes(t.kind) && (wrt === null || wrt === undefined || t.wrt === wrt)) return SCORES["derivative-stated"];
      return 0;
    }
    *matches(entry, target, expr, names) {
      const values = this.values[entry.id];
      const candidates = target.args.filter((a) => !a.startsWith("d:")).concat(Object.keys(entry.symbols).filter((s) => s.startsWith("#")));
      if (names.length > candidates.length) return;
      const sizeSet = new Set();
      for (const s of Object.values(entry.symbols)) { sizeSet.add(s.shape[0]); sizeSet.add(s.shape[1]); }
      const sizes = [...sizeSet].sort((a, b) => a - b);
      const memo = new Map();
      for (const chosen of assignments(names, candidates)) {
        const differentials = chosen.map((c) => ("d:" + c) in values && target.args.includes("d:" + c));
        const key = chosen.map((c, i) => `${values[c].r}x${values[c].c}${differentials[i] ? "d" : ""}`).join(",");
        if (!memo.has(key)) {
          const shapes = {};
          names.forEach((q, i) => {
            shapes[q] = [values[chosen[i]].r, values[chosen[i]].c];
            if (differentials[i]) { const v = values["d:" + chosen[i]]; shapes["d:" + q] = [v.r, v.c]; }
          });
          memo.set(key, fits(expr, shapes, sizes, target.shape));
        }
        if (!memo.get(key).length) continue;
        const assignment = {}, env = {};
        names.forEach((q, i) => {
          assignment[q] = chosen[i];
          env[q] = values[chosen[i]];
        });
        names.forEach((q, i) => { if (differentials[i]) env["d:" + q] = values["d:" + chosen[i]]; });
        for (const eye of memo.get(key)) {
          let v;
          try { v = evaluate(expr, env, eye); } catch (e) { if (e instanceof EvalError) continue; throw e; }
          if (!finite(v)) continue;
          const how = compare(v, target);
          if (how !== null && !constant(expr, env, eye, target)) { yield [assignment, how]; break; }
        }
      }
    }
  }

  /* The assignments of names to distinct candidates, in the order of Python's itertools.permutations,
     at most MAX_ASSIGNMENTS: a size (#n) only for a small letter, and never for every name. */
  function* assignments(names, candidates) {
    const allowed = names.map((n) => candidates.filter((c) => !c.startsWith("#") || lowerInitial(n)));
    const chosen = [];
    let count = 0;
    function* walk(k) {
      if (k === names.length) {
        if (!chosen.every((c) => c.startsWith("#"))) { count++; yield chosen.slice(); }
        return;
      }
      for (const c of allowed[k]) {
        if (count >= MAX_ASSIGNMENTS) return;
        if (!chosen.includes(c)) { chosen.push(c); yield* walk(k + 1); chosen.pop(); }
      }
    }
    yield* walk(0);
  }

  // ---------------------------------------------------------------- words
  const STOPWORDS = new Set("a an and the of in on for to with by is are what how from at as its".split(" "));
  const COOKBOOK = /^(?:matrix\s+)?(?:cookbook|eq\.?|eqn\.?|equation)?\s*(?:no\.?|#)?\s*\(?(\d{1,3})\)?$/;
  const fold = (text) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  const words = (text) => (fold(text).match(/[\p{L}\p{N}]+/gu) || []).filter((w) => !STOPWORDS.has(w));
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
    const qwords = words(query);
    const hits = [];
    for (const doc of documents(index)) {
      const score = qwords.length ? wordScore(doc, query, qwords) : 0;
      if (score > 0) hits.push({ page: doc.page, title: doc.title, score: Math.round(score * 1e6) / 1e6, snippet: doc.snippet, id: doc.id });
    }
    hits.sort((a, b) => b.score - a.score || (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
    return hits;
  }

  // ---------------------------------------------------------------- find
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
      const titles = {}, wordScores = {};
      for (const e of index.identities) titles[e.id] = e.title;
      for (const h of byWords) wordScores[h.page] = h.score;
      const hits = matcher.search(query);
      const w = (h) => wordScores[`id/${h.id}`] || 0;
      hits.sort((a, b) => b.score - a.score || w(b) - w(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (const hit of hits)
        results.push({ id: hit.id, page: `id/${hit.id}`, title: titles[hit.id], score: hit.score, kind: "formula", why: describe(hit) });
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

  return { parse, tokens, looksLikeFormula, ParseError, evaluate, shapeOf, EvalError, fingerprint, weight, find,
    wordSearch, Matcher, M };
})();

if (typeof module !== "undefined" && module.exports) module.exports = Lookup;
