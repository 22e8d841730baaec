"""Everything an identity module imports: symbols, SymPy constructs, and the record builders.

A module reads like one rule of an automatic-differentiation library: declare the symbols, write
the function and its derivative once, list the derivation steps, cite the source.

Symbols: ``matrix`` and ``vector`` (``complex=True`` for complex entries), ``scalar`` for a real
scalar parameter whose derivative is a number.  A variable may carry a ``structure`` (symmetric,
diagonal, triangular, Toeplitz); its gradient claims then name a ``convention``.  Complex
expressions use ``conj_transpose`` (Zᴴ), ``conj`` (Z*) and ``real_part`` (Re, which makes a function
of complex matrices real, as a gradient needs).  Claims: ``gradient``, ``differential_of``,
``jacobian``, ``hessian``, ``vjp``, and ``equal`` for an algebraic identity.
"""

from __future__ import annotations

import sympy as sp
from sympy import (Determinant, HadamardProduct, Inverse, KroneckerProduct, Rational, Trace, Transpose, log, pi,
                   sqrt)

from .engine.constructs.complex import conj, conj_transpose, real_part
from .engine.nodes import Cotangent, DiagMatrix, Named, Ones, RowSums, Softmax, SoftmaxRows, Vec
from .engine.record import Claim, Derivation, Identity, Step, Var
from .engine.symbols import add, cotangent, differential, dim, matrix, mul, scalar, vector

__all__ = [
    "matrix", "vector", "scalar", "dim", "d", "bar", "add", "mul", "eye",
    "Trace", "Determinant", "Inverse", "Transpose", "KroneckerProduct", "HadamardProduct", "log", "sqrt", "pi",
    "Rational", "SoftmaxRows", "Softmax", "DiagMatrix", "Vec", "RowSums", "Ones", "conj", "conj_transpose",
    "real_part",
    "variable", "constant", "upstream", "gradient", "differential_of", "jacobian", "hessian", "vjp", "equal",
    "step", "derivation", "identity", "named",
]

d = differential
bar = cotangent


def named(name: str | Cotangent, expr) -> Named:
    """Give a sub-expression a short name: pages show the name (and its definition), the code
    assigns it once.  Use the returned object wherever the sub-expression occurs.  A cotangent
    made by :func:`bar` names an intermediate upstream gradient (shown as P̄)."""
    return Named(name, expr)


def eye(size: str | int) -> sp.Identity:
    """The identity matrix I of a dimension given by its letter, or of a fixed size (``eye(1)`` is the
    number 1 as a 1×1 matrix, printed 1)."""
    return sp.Identity(dim(size) if isinstance(size, str) else size)


def variable(symbol, description: str, *conditions: str, structure: str | None = None) -> Var:
    """A symbol the identity differentiates with respect to.

    ``structure`` ("symmetric", "diagonal", "lower-triangular", "upper-triangular", "toeplitz") says
    that the variable lives in that subspace: it is drawn and perturbed only inside it, and its
    gradient claims name a convention (see :func:`gradient`).  Conditions say where in it the point
    lies (``variable(X, "…", "spd", structure="symmetric")``)."""
    return Var(symbol, description, "variable", tuple(conditions), structure)


def constant(symbol, description: str, *conditions: str, structure: str | None = None) -> Var:
    """A symbol held fixed."""
    return Var(symbol, description, "constant", tuple(conditions), structure)


def upstream(symbol, description: str) -> Var:
    """The upstream gradient F̄ = ∇_F L of a backward pass."""
    return Var(symbol, description, "upstream", ())


def gradient(wrt, expr, convention: str | None = None) -> Claim:
    """∇_wrt f, stored in the shape of wrt (a number for a scalar).

    For a structured variable name the convention: ``"sym"``, the gradient in the trace inner product
    restricted to the structure (sym(G) for a symmetric variable), or ``"free"``, the derivative by
    the free entries (2G − G∘I for a symmetric variable, the Matrix Cookbook's form)."""
    return Claim("gradient", wrt, expr, convention=convention)


def differential_of(wrt, expr) -> Claim:
    """DF(X)[dX] = expr, written with the perturbation d(wrt)."""
    return Claim("differential", wrt, expr)


def jacobian(wrt, expr, vec: str = "F") -> Claim:
    """∂vec F / ∂vec wrt in the given vec order ("F" stacks columns, "C" rows)."""
    return Claim("jacobian", wrt, expr, vec)


def hessian(wrt, expr, vec: str = "F") -> Claim:
    """H with d²f = vec(dX)ᵀ H vec(dX) in the given vec order."""
    return Claim("hessian", wrt, expr, vec)


def vjp(wrt, expr, convention: str | None = None) -> Claim:
    """The reverse-mode product ∇_wrt L in terms of the upstream gradient (a convention as for
    :func:`gradient` when wrt is structured)."""
    return Claim("vjp", wrt, expr, convention=convention)


def equal(expr) -> Claim:
    """The function equals *expr*: an algebraic identity (Woodbury, the Kronecker mixed product),
    checked at random draws within the rounding error both sides can make there."""
    return Claim("equal", None, expr)


def step(expr, reason: str, vec: str | None = None) -> Step:
    """One derivation line and the rule that justifies it."""
    return Step(expr, reason, vec)


def derivation(wrt, *steps: Step, order: int = 1) -> Derivation:
    """The checked steps, perturbing one symbol or a tuple of symbols."""
    wrt = tuple(wrt) if isinstance(wrt, (tuple, list)) else (wrt,)
    return Derivation(wrt, tuple(steps), order)


def identity(*, id: str, title: str, symbols, function, claims, output: str = "f", derivation=None,
             see_also=(), sources=(), aliases=()) -> Identity:
    """Build and validate one identity record (the module's docstring and path are added on load)."""
    return Identity(id=id, title=title, symbols=tuple(symbols), function=sp.sympify(function), output=output,
                    claims=tuple(claims), derivation=derivation, see_also=tuple(see_also),
                    sources=tuple(sources), aliases=tuple(aliases)).validate()
