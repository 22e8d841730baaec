"""The special matrices of vec calculus: commutation K_{m,n}, duplication D_n, elimination L_n, and N_n.

With vec stacking columns:

* K_{m,n} (mn×mn) — the permutation with K_{m,n} vec X = vec Xᵀ for X of shape m×n, so the Jacobian
  of X ↦ Xᵀ is K_{m,n}; K_{m,n}ᵀ = K_{m,n}⁻¹ = K_{n,m}.
* D_n (n²×n(n+1)/2) — D_n vech X = vec X for symmetric X, vech stacking the lower triangle column
  by column; it turns derivatives by the free entries of a symmetric matrix into full ones.
* L_n (n(n+1)/2×n²) — the elimination matrix, L_n vec X = vech X.
* N_n = (I + K_{n,n})/2 (n²×n²) — the projection of vec X onto vec of its symmetric part; the
  Jacobian of XXᵀ is 2N_m(X ⊗ I_m).

Each prints with its sizes as subscripts, and as a call of a NumPy function that builds it.  The
classic mistakes are the sizes swapped (K_{n,m} for K_{m,n}), the identity for a permutation or a
projection, and the elimination matrix where the duplication matrix belongs (the upper triangle lost).
"""

from __future__ import annotations

import inspect

import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixExpr
from sympy.printing.precedence import PRECEDENCE

from ..mutants import mutation_rule
from ..printing import numpy_helper, print_rule
from ..symbols import dim
from . import numerics

__all__ = ["Commutation", "Duplication", "Elimination", "Symmetrizer", "commutation", "duplication", "elimination",
           "symmetrizer"]


def _size(size, who: str) -> sp.Expr:
    """A size given as a dimension letter, an int or a dimension expression."""
    if isinstance(size, str):
        return dim(size)
    size = sp.sympify(size)
    if size.is_Integer and size <= 0 or not (size.is_Integer or size.free_symbols):
        raise ValueError(f"{who}: a size is a dimension letter or a positive integer, not {size!r}")
    return size


class _SpecialMatrix(MatrixExpr):
    """A constant matrix determined by its sizes alone."""

    precedence = PRECEDENCE["Atom"]
    letter = ""
    helper = ""

    @property
    def sizes(self) -> tuple:
        return self.args


class Commutation(_SpecialMatrix):
    """K_{m,n}: K vec X = vec Xᵀ for X of shape m×n."""

    letter, helper = "K", "commutation"

    def __new__(cls, m, n):
        return super().__new__(cls, _size(m, "commutation(m, n)"), _size(n, "commutation(m, n)"))

    @property
    def shape(self):
        m, n = self.args
        return (m * n, m * n)

    def _eval_transpose(self):
        return Commutation(self.args[1], self.args[0])


class Duplication(_SpecialMatrix):
    """D_n: D vech X = vec X for symmetric X of shape n×n."""

    letter, helper = "D", "duplication"

    def __new__(cls, n):
        return super().__new__(cls, _size(n, "duplication(n)"))

    @property
    def shape(self):
        n = self.args[0]
        return (n * n, n * (n + 1) / 2)


class Elimination(_SpecialMatrix):
    """L_n: L vec X = vech X, the lower triangle of X column by column."""

    letter, helper = "L", "elimination"

    def __new__(cls, n):
        return super().__new__(cls, _size(n, "elimination(n)"))

    @property
    def shape(self):
        n = self.args[0]
        return (n * (n + 1) / 2, n * n)


class Symmetrizer(_SpecialMatrix):
    """N_n = (I + K_{n,n})/2: N vec X = vec((X + Xᵀ)/2)."""

    letter, helper = "N", "symmetrizer"

    def __new__(cls, n):
        return super().__new__(cls, _size(n, "symmetrizer(n)"))

    @property
    def shape(self):
        n = self.args[0]
        return (n * n, n * n)

    def _eval_transpose(self):
        return self


def commutation(m, n) -> Commutation:
    """K_{m,n}, with K vec(X) = vec(Xᵀ) for X of shape m×n (sizes as dimension letters or ints)."""
    return Commutation(m, n)


def duplication(n) -> Duplication:
    """D_n, with D vech(X) = vec(X) for a symmetric n×n X."""
    return Duplication(n)


def elimination(n) -> Elimination:
    """L_n, with L vec(X) = vech(X), the lower triangle column by column."""
    return Elimination(n)


def symmetrizer(n) -> Symmetrizer:
    """N_n = (I + K_{n,n})/2, with N vec(X) = vec((X + Xᵀ)/2)."""
    return Symmetrizer(n)

_SUBSCRIPTS = dict(zip("0123456789aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))


def _unicode(printer, expr):
    sizes = [printer._print(s) for s in expr.sizes]
    if all(len(s) == 1 and s in _SUBSCRIPTS for s in sizes):
        return expr.letter + "".join(_SUBSCRIPTS[s] for s in sizes)
    return f"{expr.letter}_({','.join(sizes)})"


def _numpy(printer, expr):
    return printer.call(expr.helper, *expr.sizes)


for _cls in (Commutation, Duplication, Elimination, Symmetrizer):
    print_rule(_cls, latex=lambda p, e: r"%s_{%s}" % (e.letter, ",".join(p._print(s) for s in e.sizes)),
               unicode=_unicode, numpy=_numpy)
    numpy_helper(_cls.helper, inspect.getsource(getattr(numerics, _cls.helper)))


# -- classic mistakes --------------------------------------------------------------------------------

@mutation_rule(Commutation)
def _commutation_mistakes(node, parent):
    m, n = node.args
    if m != n:
        yield "K_{n,m} for K_{m,n}: the sizes swapped", Commutation(n, m)
    yield "the identity for the commutation matrix (vec Xᵀ taken for vec X)", sp.Identity(m * n)


@mutation_rule(Duplication)
def _duplication_mistakes(node, parent):
    n = node.args[0]
    yield "L_nᵀ for D_n: the upper triangle lost", sp.Transpose(Elimination(n))


@mutation_rule(Elimination)
def _elimination_mistakes(node, parent):
    n = node.args[0]
    yield "D_nᵀ for L_n: each off-diagonal entry counted twice", sp.Transpose(Duplication(n))


@mutation_rule(Symmetrizer)
def _symmetrizer_mistakes(node, parent):
    n = node.args[0]
    yield "K_{n,n} for N_n: the average with the identity dropped", Commutation(n, n)
    yield "the identity for N_n: no symmetrisation", sp.Identity(n * n)
