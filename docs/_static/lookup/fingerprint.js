/* Fixed weights and the few numbers that stand for a value (identities/lookup/fingerprint.py).
   Part of the handbook's formula and word lookup (see lookup-page.js); tests/test_lookup.py runs it
   under Node.js against the Python side. */
"use strict";

(() => {
  const L = (globalThis.Lookup = globalThis.Lookup || {});
  const { same } = L;

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

  Object.assign(L, { weight, fingerprint, agrees, ratio });
})();
