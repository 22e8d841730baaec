/* Read the tokens of a formula into a tree (identities/lookup/parser.py, line by line).
   Part of the handbook's formula and word lookup (see lookup-page.js); tests/test_lookup.py runs it
   under Node.js against the Python side. */
"use strict";

(() => {
  const L = (globalThis.Lookup = globalThis.Lookup || {});
  const { tokens, ParseError, symbolName, repr, BINARY, NORM_KINDS } = L;

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

  Object.assign(L, { parse, looksLikeFormula });
})();
