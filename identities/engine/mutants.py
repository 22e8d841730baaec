"""Mutation testing of the catalog: the classic wrong versions of every stored derivative.

From each claim's expression the engine makes the mistakes people make — transpose the result or a
factor, swap a product, flip a sign, scale by 2 or ½, drop a term or a coefficient, replace A by Aᵀ,
X⁻¹ by X⁻ᵀ, the other vec order — and checks each one.  Every mutant must be *killed* (its check
fails) or be *equivalent*: numerically equal to the stored formula at inputs that meet the
identity's conditions (and then the report says whether it is equal everywhere or only under
those conditions).  A mutant that passes without being equal is a *survivor*: the checker missed
a wrong answer, and the catalog's tests fail.  A mutant on which the check reached no verdict is
*inconclusive*, and fails them too: a wrong answer counts as rejected only when the check rejected it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

import numpy as np
import sympy as sp

from .checks import Check
from .checks.calls import FunctionError
from .compile import compile_expr
from .forms import claim_parameters, forms
from .nodes import DiagMatrix, Named, unname
from .printing import unicode
from .record import Claim, Identity
from .sampler import Draw, draw
from .symbols import DIMS
from .verify import STEP_UNITS, EPS64, check_form, checked_seed, draws_for, perturbation, undecided

__all__ = ["mutation_rule", "Mutant", "MutationReport", "mutations", "mutation_report"]


@dataclass(frozen=True)
class Mutant:
    """One wrong version of a claim and what became of it."""

    claim: Claim
    description: str
    expr: sp.Expr
    status: str                 # "killed", "equivalent", "survived" or "inconclusive"
    reason: str                 # the checker's diagnosis, "ill-shaped …", why it is equivalent or undecided
    check: Check | None = None  # the check that killed it, or could not decide


@dataclass(frozen=True)
class MutationReport:
    id: str
    seed: int
    mutants: tuple[Mutant, ...]

    def _with(self, status: str) -> tuple[Mutant, ...]:
        return tuple(m for m in self.mutants if m.status == status)

    @property
    def killed(self) -> tuple[Mutant, ...]:
        return self._with("killed")

    @property
    def equivalent(self) -> tuple[Mutant, ...]:
        return self._with("equivalent")

    @property
    def survivors(self) -> tuple[Mutant, ...]:
        return self._with("survived")

    @property
    def inconclusive(self) -> tuple[Mutant, ...]:
        return self._with("inconclusive")

    @property
    def failures(self) -> tuple[Mutant, ...]:
        """The mutants that make the report fail: survivors, then those the check could not decide."""
        return self.survivors + self.inconclusive

    @property
    def ok(self) -> bool:
        return not self.failures

    def __bool__(self) -> bool:
        return self.ok

    @property
    def summary(self) -> str:
        text = (f"{self.id}: {len(self.killed)} killed, {len(self.equivalent)} equivalent, "
                f"{len(self.survivors)} survived")
        return text + (f", {len(self.inconclusive)} inconclusive" if self.inconclusive else "")

    def __str__(self) -> str:
        lines = [self.summary]
        for m in self.mutants:
            what = "equality" if m.claim.wrt is None else f"{m.claim.kind} wrt {m.claim.wrt.name}"
            lines.append(f"  {m.status:<10} {what}: {m.description:<40} "
                         f"→ {unicode(m.expr)}   [{m.reason}]")
        return "\n".join(lines)


# -- generating mutants ----------------------------------------------------------------------------

def _replace_at(expr, path: tuple[int, ...], new):
    if not path:
        return new
    args = list(expr.args)
    args[path[0]] = _replace_at(args[path[0]], path[1:], new)
    return expr.func(*args)


def _nodes(expr, path=()) -> Iterator[tuple[tuple[int, ...], sp.Basic]]:
    yield path, expr
    if isinstance(expr, sp.MatrixSymbol) or not isinstance(expr, sp.Basic):
        return
    children = [(1, expr.expr)] if isinstance(expr, Named) else enumerate(expr.args)  # a label is no operand
    for i, arg in children:
        if isinstance(arg, sp.Basic) and not isinstance(arg, (sp.Symbol, sp.Integer)) or isinstance(arg, sp.MatrixSymbol):
            yield from _nodes(arg, path + (i,))


#: Classic mistakes of constructs that declare their own (see :func:`mutation_rule`), by node class.
_RULES: dict[type, Callable] = {}


def mutation_rule(cls: type):
    """Register a generator ``rule(node, parent)`` of the classic mistakes made at a node of class
    *cls* (that class exactly, not its subclasses), yielding ``(description, replacement)`` pairs; a
    construct module keeps its mistakes beside its node instead of in a branch here."""
    def register(rule):
        _RULES[cls] = rule
        return rule
    return register


def _is_parameter(expr) -> bool:
    """A scalar parameter of the identity (not a dimension used as a number, such as the d of √d)."""
    return isinstance(expr, sp.Symbol) and DIMS.get(expr.name) != expr


def _local_mutations(node, parent) -> Iterator[tuple[str, sp.Basic]]:
    """The classic mistakes that can be made at one node of the expression tree."""
    rule = _RULES.get(type(node))  # the class itself: SymPy's Inverse is a MatPow, with mistakes of its own
    if rule is not None:
        yield from rule(node, parent)
    elif isinstance(node, sp.MatrixSymbol):
        # diag(x) is the same matrix for a row x and a column x: transposing its argument is no mistake
        if not isinstance(parent, (sp.Transpose, DiagMatrix)) and node.shape != (1, 1):
            yield f"{unicode(node)} → {unicode(sp.Transpose(node))}", sp.Transpose(node)
    elif isinstance(node, sp.Transpose):
        yield f"drop the transpose of {unicode(node.arg)}", node.arg
    elif isinstance(node, sp.Inverse):
        if isinstance(node.arg, sp.Transpose):
            yield f"{unicode(node)} → {unicode(node.arg.arg)}⁻¹", sp.Inverse(node.arg.arg)
        elif not isinstance(parent, sp.Transpose):
            yield f"{unicode(node)} → {unicode(sp.Transpose(node))}", sp.Transpose(node)
        yield f"drop the inverse of {unicode(node.arg)}", node.arg
    elif isinstance(node, sp.Pow) and _is_parameter(node.base) and node.exp.is_Integer:
        for step in (-1, 1):  # the power rule off by one: ℓ⁻² where ℓ⁻³ is right
            if node.exp + step != 0:
                yield f"{unicode(node)} → {unicode(node.base ** (node.exp + step))}", node.base ** (node.exp + step)
    elif isinstance(node, sp.MatMul):
        coeff, factors = node.as_coeff_matrices()
        for i in range(len(factors) - 1):
            swapped = list(factors)
            swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
            yield f"swap {unicode(factors[i])} and {unicode(factors[i + 1])}", sp.MatMul(coeff, *swapped)
        if coeff not in (1, -1):
            yield f"drop the factor {unicode(coeff)}", sp.MatMul(*factors) if len(factors) > 1 else factors[0]
    elif isinstance(node, (sp.MatAdd, sp.Add)) and len(node.args) > 1:
        for i, term in enumerate(node.args):
            rest = [t for j, t in enumerate(node.args) if j != i]
            yield f"drop the term {unicode(term)}", rest[0] if len(rest) == 1 else node.func(*rest)
            flipped = list(node.args)
            flipped[i] = -term
            yield f"flip the sign of {unicode(term)}", node.func(*flipped)
    elif isinstance(node, sp.KroneckerProduct) and len(node.args) == 2:
        yield "swap the Kronecker factors (the other vec order)", sp.KroneckerProduct(node.args[1], node.args[0])
    elif isinstance(node, sp.Mul):
        coeff, rest = node.as_coeff_Mul()
        if coeff not in (1, -1) and rest != 1:
            yield f"drop the factor {unicode(coeff)}", rest


def _as_printed(expr):
    """*expr* with every node that prints as another expression (its ``expansion``) replaced by it:
    two mutants that print and compute the same are one mutant, and a change inside an argument
    the printed form does not use is no mutant at all."""
    if hasattr(expr, "expansion"):
        return _as_printed(expr.expansion)
    if not isinstance(expr, sp.Basic) or not expr.args or isinstance(expr, sp.MatrixSymbol):
        return expr
    return expr.func(*(_as_printed(a) for a in expr.args))


def _scaled(expr, factor):
    """factor · expr, kept unevaluated where SymPy's canonical form refuses it (a scalar inside a
    Kronecker factor makes its canonicalisation fail)."""
    try:
        return factor * expr
    except Exception:
        return sp.MatMul(factor, expr, evaluate=False) if expr.is_Matrix else sp.Mul(factor, expr, evaluate=False)


def mutations(expr: sp.Expr) -> list[tuple[str, sp.Expr]]:
    """Every single classic mistake applied to *expr*, each once (duplicates and no-ops removed)."""
    out: list[tuple[str, sp.Expr]] = []
    if expr.is_Matrix:
        out.append(("transpose the result", sp.Transpose(expr)))
    for description, factor in (("flip the sign", -1), ("scale by 2", 2), ("scale by ½", sp.Rational(1, 2))):
        out.append((description, _scaled(expr, factor)))
    parents = {(): None}
    for path, node in _nodes(expr):
        for i, _ in enumerate(getattr(node, "args", ())):
            parents[path + (i,)] = node
        for description, replacement in _local_mutations(node, parents.get(path)):
            try:
                out.append((description, _replace_at(expr, path, replacement)))
            except Exception as exc:  # SymPy refusing the shape is a mutant killed at construction
                out.append((f"{description} (ill-shaped: {type(exc).__name__})", None))
    seen, unique = {sp.srepr(_as_printed(expr))}, []
    for description, mutant in out:
        key = sp.srepr(_as_printed(mutant)) if mutant is not None else description
        if key not in seen:
            seen.add(key)
            unique.append((description, mutant))
    return unique


# -- judging mutants -------------------------------------------------------------------------------

class _Draws:
    """The draws every mutant of one identity is judged at, made once: the verification draws, and
    (only if a mutant turns out equal at those) draws without the structural conditions."""

    def __init__(self, ident: Identity, seed: int):
        self.ident = ident
        self.strict = draws_for(ident, seed)
        self._loose: list[Draw] | None = None

    @property
    def loose(self) -> list[Draw]:
        if self._loose is None:
            self._loose = [draw(self.ident, dr.seed, conditions=False, avoid=prev.sizes if prev else None)
                           for prev, dr in zip([None] + self.strict[:-1], self.strict)]
        return self._loose


def _equal_at(ident: Identity, claim: Claim, a, b, draws) -> bool:
    params = claim_parameters(ident, claim)
    fa, fb = compile_expr(a, params, "original"), compile_expr(b, params, "mutant")
    for dr in draws:
        rng = np.random.default_rng(dr.seed)
        args = [dr.values[p.name] if p.name in dr.values else perturbation(ident, p.of, dr, rng) for p in params]
        try:
            va, vb = np.asarray(fa(*args)), np.asarray(fb(*args))
        except (ValueError, np.linalg.LinAlgError):
            return False
        if va.shape != vb.shape:
            return False
        scale = max(np.sum(np.abs(va)), np.sum(np.abs(vb)), np.finfo(float).tiny)
        if np.sum(np.abs(va - vb)) > STEP_UNITS * EPS64 * scale:
            return False
    return True


def _names_intact(mutant, original) -> bool:
    """Whether every named part of *mutant* is the named part of *original* with that name, unchanged."""
    before = {n.args[0]: n for n in original.atoms(Named)}
    return all(before.get(n.args[0]) == n for n in mutant.atoms(Named))


def _judge(ident: Identity, claim: Claim, description: str, mutant, seed: int, draws: _Draws) -> Mutant:
    """Check one mutant.  It is reported with the statement's names (P, S̄) where the mistake leaves
    them intact, and written out in full where it changes a named part (so that the change shows)."""
    judged = _judge_named(ident, claim, description, mutant, seed, draws)
    if judged.expr is not sp.S.NaN and judged.expr is not None:
        shown = mutant if _names_intact(mutant, claim.expr) else unname(judged.expr)
        judged = Mutant(judged.claim, judged.description, shown, judged.status, judged.reason, judged.check)
    return judged


def _judge_named(ident: Identity, claim: Claim, description: str, mutant, seed: int, draws: _Draws) -> Mutant:
    if mutant is None:
        return Mutant(claim, description, sp.S.NaN, "killed", "ill-shaped: cannot be formed")
    mutant = unname(mutant)  # a change made at one use of a named part must not reach its other uses
    house = forms(ident, claim)[0]
    params = claim_parameters(ident, claim)
    try:
        fn = compile_expr(mutant, params, "mutant")
    except Exception as exc:
        return Mutant(claim, description, mutant, "killed", f"ill-shaped: {type(exc).__name__}")
    undecided_at = None
    for dr in draws.strict:   # every draw is tried: one that cannot decide does not stop another rejecting
        try:
            check = check_form(ident, house, dr, seed, fn=fn)
        except (ValueError, np.linalg.LinAlgError) as exc:
            return Mutant(claim, description, mutant, "killed", f"ill-shaped: {str(exc).splitlines()[0][:80]}")
        except FunctionError as exc:   # the wrong formula cannot even be evaluated here (a singular solve…)
            cause = exc.__cause__ if exc.__cause__ is not None else exc
            return Mutant(claim, description, mutant, "killed",
                          f"cannot be evaluated: {type(cause).__name__}: {str(cause).splitlines()[0][:80]}")
        if check.verdict == "failed":
            return Mutant(claim, description, mutant, "killed", check.diagnosis or "rejected", check)
        if check.verdict != "passed" and undecided_at is None:
            undecided_at = check
    if undecided_at is not None:
        return Mutant(claim, description, mutant, "inconclusive", undecided(undecided_at), undecided_at)
    if _equal_at(ident, claim, claim.expr, mutant, draws.strict):
        if not ident.conditions or _equal_at(ident, claim, claim.expr, mutant, draws.loose):
            structured = ", ".join(f"{v.name} {v.structure}" for v in ident.symbols if v.structure)
            why = "equal for all inputs" + (f" of the stated structure ({structured})" if structured else
                                            " (an algebraic rewrite)")
        else:
            why = "equal under the conditions: " + ", ".join(f"{name} {c}" for name, c in ident.conditions)
        return Mutant(claim, description, mutant, "equivalent", why)
    return Mutant(claim, description, mutant, "survived", "passed the check although it differs from the formula")


def mutation_report(ident: Identity, seed: int = 0) -> MutationReport:
    """Generate and judge the mutants of every claim of *ident*."""
    seed = checked_seed(seed)
    draws = _Draws(ident, seed)
    judged = [_judge(ident, claim, description, mutant, seed, draws)
              for claim in ident.claims for description, mutant in mutations(claim.expr)]
    return MutationReport(ident.id, seed, tuple(judged))
