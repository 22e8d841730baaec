/* Formula search: the identities whose function or result a query equals (identities/lookup/match.py).
   Part of the handbook's formula and word lookup (see lookup-page.js); tests/test_lookup.py runs it
   under Node.js against the Python side. */
"use strict";

(() => {
  const L = (globalThis.Lookup = globalThis.Lookup || {});
  const { EvalError, NeedSize, EYE, shapeOf, evaluate, M, map, transposeM, isOne, same, fingerprint, agrees, ratio } = L;

  const SCORES = { function: 100, claim: 95, "derivative-of-result": 70, "derivative-stated": 5, transposed: -25,
    scaled: -35, rules: -3, structural: -2, "rhs-as-function": -20, "both-sides": 10, kind: 0.5, operation: 0.1, vec: -1, "same-name": 0.01,
    extent: -0.005 };
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
  // How many results the identity states beyond its first (its targets other than the function).
  function extent(entry) {
    return Math.max(entry.targets.filter((t) => t.kind !== "function").length - 1, 0);
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
          score += SCORES.extent * extent(entry);
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

  Object.assign(L, { Matcher });
})();
