/* The value and the shape of a formula's tree at given matrices (identities/lookup/evaluator.py).
   Part of the handbook's formula and word lookup (see lookup-page.js); tests/test_lookup.py runs it
   under Node.js against the Python side. */
"use strict";

(() => {
  const L = (globalThis.Lookup = globalThis.Lookup || {});

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

  Object.assign(L, { EvalError, NeedSize, EYE, shapeOf, evaluate, M, map, transposeM, isOne, same });
})();
