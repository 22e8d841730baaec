"""Find the identities a formula is about, by its values rather than its letters.

For each identity of the index, the query is evaluated at the identity's stored draw under every
assignment of the query's symbols to the identity's symbols (and, for a small letter, to its
dimensions: the d of √d, the n of n/2), and compared with the fingerprints of the identity's
function and claims.  So ``tr(YᵀBY)`` finds the quadratic trace form (Y → X, B → A), ``tr(AXXᵀ)``
finds it too (the same function), and ``X⁻ᵀ`` finds the identities whose result is X⁻ᵀ.

Ranking, best first (``docs/_static/lookup/match.js`` ranks the same way):

=========================================  =====
the query is the function                    100
the query is a result (a claim)               95
the query, under d/∇/∂, is the function      100, +5 when that derivative is stated
the query, under d/∇/∂, is a result           70
a transposed value                           −25
the vec of the value (vec(AXB) for AXB)       −1
the same value up to a constant factor       −35
both sides of ``lhs = rhs`` match            +10 (the right side as the function: −20)
=========================================  =====

less 3 for an identity of the rules family (a rule's function is only an example), less 2 for each
symbol assigned with a structure or a structural condition (the general identity comes first), plus
½ for each query symbol whose letter fits what it is assigned (a capital for a matrix, a small
letter for a vector or a number), plus 0.1 for each operation the query names that the target's
expression uses (A⁺ equals A⁻¹ on a square matrix, but names the pseudo-inverse), plus 0.01 for
each symbol of the same name (so that tr(AXB) is reported as A→A, not by a cyclic shift), less
0.005 for each result the identity states beyond its first (of two identities about the same
function, the one that states just its gradient comes before the one that adds the Hessian), then
by the words of the query, then by id.  A query that does not depend on its symbols (the
softmax of a number is 1) matches nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .evaluator import EvalError, NeedSize, evaluate, shape_of
from .fingerprint import agrees, fingerprint, ratio
from .parser import Query

__all__ = ["Hit", "Matcher", "SCORES", "MAX_ASSIGNMENTS"]

SCORES = {"function": 100.0, "claim": 95.0, "derivative-of-result": 70.0, "derivative-stated": 5.0,
          "transposed": -25.0, "scaled": -35.0, "rules": -3.0, "structural": -2.0, "rhs-as-function": -20.0,
          "both-sides": 10.0, "kind": 0.5, "operation": 0.1, "vec": -1.0, "same-name": 0.01, "extent": -0.005}
#: Assignments tried per identity and target at most (a query of many symbols against a large identity).
MAX_ASSIGNMENTS = 5000
_DERIVATIVE_KINDS = {"grad": ("gradient", "jacobian", "hessian", "vjp", "differential"),
                     "d": ("differential", "gradient", "jacobian", "vjp", "hessian")}


@dataclass
class Hit:
    """One identity a query matched: its score, how (``what`` the query equals, the assignment of
    the query's symbols), and the text of the matched target."""

    id: str
    score: float
    what: str
    text: str
    assignment: dict = field(default_factory=dict)

    def describe(self) -> str:
        names = ", ".join(f"{q}→{i.lstrip('#')}" for q, i in self.assignment.items() if q != i)
        return f"{self.what}: {self.text}" + (f"  ({names})" if names else "")


def _extent(entry: dict) -> int:
    """How many results the identity states beyond its first (its targets other than the function)."""
    return max(sum(t["kind"] != "function" for t in entry["targets"]) - 1, 0)


class Matcher:
    """The formula search over one index (its stored draws turned into arrays once)."""

    def __init__(self, index: dict):
        self.entries = [e for e in index["identities"] if e.get("targets")]
        self.values = {e["id"]: {name: np.array(s["values"], dtype=float).reshape(s["shape"])
                                 for name, s in e["symbols"].items()} for e in self.entries}

    def search(self, query: Query) -> list[Hit]:
        hits = []
        for entry in self.entries:
            hit = self._best(entry, query)
            if hit is not None:
                hits.append(hit)
        hits.sort(key=lambda h: (-h.score, h.id))
        return hits

    # -- one identity ----------------------------------------------------------------------------
    def _best(self, entry: dict, query: Query) -> Hit | None:
        best = None
        sides = [(query.expr, query.derivative)] + ([(query.rhs, None)] if query.rhs is not None else [])
        found = []
        for k, (expr, derivative) in enumerate(sides):
            hit = self._side(entry, expr, derivative, query.symbols)
            if hit is not None and k == 1 and hit.what.startswith("function"):
                hit.score += SCORES["rhs-as-function"]
            found.append(hit)
        for hit in found:
            if hit is not None and (best is None or hit.score > best.score):
                best = hit
        if best is not None and len(found) == 2 and all(found):
            best.score += SCORES["both-sides"]
        return best

    def _side(self, entry: dict, expr: list, derivative: dict | None, symbols: list[str]) -> Hit | None:
        best = None
        names = [s for s in symbols if _uses(expr, s)]
        ops = _operations(expr, set())
        for target in entry["targets"]:
            is_function = target["kind"] == "function"
            if derivative is not None and not is_function and target["kind"] != "equal":
                base = SCORES["derivative-of-result"]   # d(…) of a result: a weak hint
            else:
                base = SCORES["function"] if is_function or target["kind"] == "equal" else SCORES["claim"]
            for assignment, how in self._matches(entry, target, expr, names):
                score = base + SCORES.get(how, 0.0)
                if derivative is not None and is_function:
                    score += self._stated(entry, derivative, assignment)
                score += SCORES["rules"] if entry["family"] == "rules" else 0.0
                score += SCORES["structural"] * sum(entry["symbols"][v]["structural"] for v in assignment.values())
                score += SCORES["kind"] * sum(_same_kind(q, entry["symbols"][v]["shape"])
                                              for q, v in assignment.items())
                score += SCORES["operation"] * len(ops & set(target.get("ops", ())))
                score += SCORES["same-name"] * sum(q == v for q, v in assignment.items())
                score += SCORES["extent"] * _extent(entry)
                if best is None or score > best.score:
                    what = _what(target) + ("" if how == "exact" else f" ({how})")
                    best = Hit(entry["id"], score, what, target["text"], dict(assignment))
        return best

    @staticmethod
    def _stated(entry: dict, derivative: dict, assignment: dict) -> float:
        wanted = _DERIVATIVE_KINDS[derivative["op"]]
        wrt = assignment.get(derivative["wrt"]) if derivative["wrt"] else None
        for target in entry["targets"]:
            if target["kind"] in wanted and (wrt is None or target["wrt"] == wrt):
                return SCORES["derivative-stated"]
        return 0.0

    def _matches(self, entry: dict, target: dict, expr: list, names: list[str]):
        """(assignment, "exact" | "transposed" | "scaled") for each assignment under which the query
        equals the target."""
        values = self.values[entry["id"]]
        candidates = [a for a in target["args"] if not a.startswith("d:")] + \
                     [s for s in entry["symbols"] if s.startswith("#")]
        if len(names) > len(candidates):
            return
        sizes = sorted({s["shape"][0] for s in entry["symbols"].values()} |
                       {s["shape"][1] for s in entry["symbols"].values()})
        shape_memo: dict[tuple, list] = {}
        for chosen in _assignments(names, candidates):
            differentials = ["d:" + c in values and "d:" + c in target["args"] for c in chosen]
            key = tuple((values[c].shape, has) for c, has in zip(chosen, differentials))
            if key not in shape_memo:
                shapes = {q: values[c].shape for q, c in zip(names, chosen)}
                shapes.update({"d:" + q: values["d:" + c].shape for q, c, has in zip(names, chosen, differentials)
                               if has})
                shape_memo[key] = _fits(expr, shapes, sizes, target["shape"])
            if not shape_memo[key]:
                continue
            assignment = dict(zip(names, chosen))
            env = {q: values[c] for q, c in assignment.items()}
            env.update({"d:" + q: values["d:" + c] for (q, c), has in zip(assignment.items(), differentials) if has})
            for eye in shape_memo[key]:
                try:
                    value = evaluate(expr, env, eye)
                except EvalError:
                    continue
                if not np.all(np.isfinite(value)):
                    continue
                how = _compare(value, target)
                if how is not None and not _constant(expr, env, eye, target):
                    yield assignment, how
                    break


def _assignments(names: list[str], candidates: list[str]):
    """The assignments of *names* to distinct candidates, in the order of ``itertools.permutations``,
    at most :data:`MAX_ASSIGNMENTS`: a size (``#n``) only for a small letter, and never for every name."""
    allowed = [[c for c in candidates if not c.startswith("#") or n[:1].islower()] for n in names]
    chosen: list[str] = []
    count = 0

    def walk(k):
        nonlocal count
        if k == len(names):
            if not all(c.startswith("#") for c in chosen):
                count += 1
                yield tuple(chosen)
            return
        for c in allowed[k]:
            if count >= MAX_ASSIGNMENTS:
                return
            if c not in chosen:
                chosen.append(c)
                yield from walk(k + 1)
                chosen.pop()
    yield from walk(0)


def _fits(expr, shapes: dict, sizes: list[int], target_shape) -> list:
    """The sizes of I (None: no I needs one) under which the query has a value whose shape is the
    target's or its transpose's; empty when none."""
    rows, cols = target_shape
    wanted = ((rows, cols), (cols, rows), (rows * cols, 1))
    try:
        shape = shape_of(expr, shapes, None)
        return [None] if shape in wanted else []
    except NeedSize:
        pass
    except EvalError:
        return []
    out = []
    for n in sizes:
        try:
            if shape_of(expr, shapes, n) in wanted:
                out.append(n)
        except EvalError:
            continue
    return out


#: Every input entry v moves to v + BEND·v² to tell a formula from a constant that happens to equal
#: the target (the softmax of a number is 1, and so is a spectral norm drawn with largest singular
#: value 1); a nonlinear move, since softmax ignores a shift and a normalisation a scale.
BEND = 0.375


def _constant(expr, env: dict, eye, target: dict) -> bool:
    """Whether the query keeps the target's value when every input moves: it does not depend on them."""
    try:
        moved = evaluate(expr, {k: v + BEND * v * v for k, v in env.items()}, eye)
    except EvalError:
        return False
    return bool(np.all(np.isfinite(moved))) and _compare(moved, target) is not None


def _compare(value: np.ndarray, target: dict) -> str | None:
    rows, cols = target["shape"]
    if value.shape == (rows * cols, 1) and cols != 1:  # vec of the target: compare the matrix it stacks
        return "vec" if agrees(fingerprint(value.reshape(rows, cols, order="F")), target) else None
    found = fingerprint(value)
    if agrees(found, target):
        return "exact"
    if value.shape != (1, 1) and agrees(fingerprint(value.T), target):
        return "transposed"
    if ratio(found, target) is not None:
        return "scaled"
    return None


def _same_kind(name: str, shape) -> bool:
    """A capital letter stands for a matrix, a small one for a vector or a number, as people write them."""
    matrix = shape[0] > 1 and shape[1] > 1
    return name[:1].isupper() == matrix


def _what(target: dict) -> str:
    kind = target["kind"]
    if kind == "function":
        return "function" + (f" {target['of']}" if target.get("of") else "")
    if kind == "equal":
        return "equal form"
    return f"{kind} in {target['wrt']}" if target.get("wrt") else kind


def _operations(node, found: set) -> set:
    """The operations a query names (tr, det, inv, pinv, ⊗, …), to compare with a target's."""
    if node[0] not in ("sym", "dsym", "num", "str", "eye", "mul", "add", "sub", "neg", "div", "emul"):
        found.add(node[0])
    for c in node[1:]:
        if isinstance(c, list):
            _operations(c, found)
    return found


def _uses(node, name: str) -> bool:
    if node[0] in ("sym", "dsym"):
        return node[1] == name
    return any(isinstance(c, list) and _uses(c, name) for c in node[1:])

