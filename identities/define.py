"""Everything an identity module imports: symbols, SymPy constructs, and the record builders.

A module reads like one rule of an automatic-differentiation library: declare the symbols, write
the function and its derivative once, list the derivation steps, cite the source.

Factorizations, solves and the parts of a matrix they are written with (each printed as a person
writes it, computed by complex-step-valid NumPy):

==========================  =================================================================
``sym(M)``                  (M + Mᵀ)/2; write a function of a symmetric argument on sym(A)
``tril(M)``, ``triu(M)``    the lower / upper triangle, diagonal included
``phi(M)``                  Φ(M): the lower triangle with its diagonal halved
``diagonal(M)``             diag(M), the diagonal of a square matrix as a column
``column(M, j)``            column j of M, from 1 (``column(U, dim("n"))`` is the last)
``chol(A)``                 the Cholesky factor L, lower triangular, LLᵀ = A
``eigh_values(A)``          the eigenvalues of a symmetric A, ascending, as a column λ
``eigh_vectors(A)``         the orthogonal U of A = U diag(λ) Uᵀ
``gap(x, power=1)``         F with Fᵢⱼ = 1/(xⱼᵖ − xᵢᵖ) off the diagonal, 0 on it
``svd_u/svd_s/svd_v(A)``    the thin SVD A = U diag(s) Vᵀ of a tall A, s descending
``qr_q(A)``, ``qr_r(A)``    the reduced QR factorization, diag(R) > 0
``solve(A, B)``             A⁻¹B, computed as a solve
``pinv(A)``                 A⁺ of a full-rank A
``nuclear_norm(X)``         ‖X‖_*, the sum of the singular values
``spectral_norm(X)``        ‖X‖₂, the largest singular value
==========================  =================================================================

A function with several outputs is a tuple, ``identity(function=(lam, U), output=("lambda", "U"),
…)``; each output gets its own upstream gradient (``upstream(bar("U", "n", "n"), "…")`` belongs to U),
a vjp uses them all, and ``differential_of(A, expr, of="U")`` states the differential of one output.
"""

from __future__ import annotations

import sympy as sp
from sympy import (Determinant, HadamardProduct, Inverse, KroneckerProduct, Rational, Trace, Transpose, log,
                   sqrt)

from .engine.constructs.factorizations import (Cholesky, EigenValues, EigenVectors, GapMatrix, NuclearNorm, QrQ, QrR,
                                               SingularValues, SpectralNorm, SvdU, SvdV)
from .engine.constructs.parts import Column, DiagonalOf, Phi, Sym, Tril, Triu
from .engine.constructs.solves import PseudoInverse, Solve
from .engine.nodes import Cotangent, DiagMatrix, Named, Ones, RowSums, Softmax, SoftmaxRows, Vec
from .engine.record import Claim, Derivation, Identity, Step, Var
from .engine.symbols import add, cotangent, differential, dim, matrix, mul, vector

__all__ = [
    "matrix", "vector", "dim", "d", "bar", "add", "mul", "eye",
    "Trace", "Determinant", "Inverse", "Transpose", "KroneckerProduct", "HadamardProduct", "log", "sqrt",
    "Rational", "SoftmaxRows", "Softmax", "DiagMatrix", "Vec", "RowSums", "Ones",
    "variable", "constant", "upstream", "gradient", "differential_of", "jacobian", "hessian", "vjp",
    "step", "derivation", "identity", "named",
    "sym", "tril", "triu", "phi", "diagonal", "column", "chol", "eigh_values", "eigh_vectors", "gap",
    "svd_u", "svd_s", "svd_v", "qr_q", "qr_r", "solve", "pinv", "nuclear_norm", "spectral_norm",
]

d = differential
bar = cotangent

sym, tril, triu, phi, diagonal, column = Sym, Tril, Triu, Phi, DiagonalOf, Column
chol, eigh_values, eigh_vectors, gap = Cholesky, EigenValues, EigenVectors, GapMatrix
svd_u, svd_s, svd_v, qr_q, qr_r = SvdU, SingularValues, SvdV, QrQ, QrR
solve, pinv, nuclear_norm, spectral_norm = Solve, PseudoInverse, NuclearNorm, SpectralNorm


def named(name: str | Cotangent, expr) -> Named:
    """Give a sub-expression a short name: pages show the name (and its definition), the code
    assigns it once.  Use the returned object wherever the sub-expression occurs.  A cotangent
    made by :func:`bar` names an intermediate upstream gradient (shown as P̄)."""
    return Named(name, expr)


def eye(size: str) -> sp.Identity:
    """The identity matrix I of a dimension given by its letter."""
    return sp.Identity(dim(size))


def variable(symbol, description: str, *conditions: str) -> Var:
    """A symbol the identity differentiates with respect to."""
    return Var(symbol, description, "variable", tuple(conditions))


def constant(symbol, description: str, *conditions: str) -> Var:
    """A symbol held fixed."""
    return Var(symbol, description, "constant", tuple(conditions))


def upstream(symbol, description: str, of: str | None = None) -> Var:
    """The upstream gradient F̄ = ∇_F L of a backward pass.  With several outputs, *of* names the
    output it belongs to; a cotangent made by :func:`bar` already names it (``bar("U", …)`` is Ū)."""
    return Var(symbol, description, "upstream", (), of if of is not None else getattr(symbol, "of", None))


def gradient(wrt, expr) -> Claim:
    """∇_wrt f, stored in the shape of wrt."""
    return Claim("gradient", wrt, expr)


def differential_of(wrt, expr, of: str | None = None) -> Claim:
    """DF(X)[dX] = expr, written with the perturbation d(wrt); with several outputs, *of* names the output."""
    return Claim("differential", wrt, expr, of=of)


def jacobian(wrt, expr, vec: str = "F") -> Claim:
    """∂vec F / ∂vec wrt in the given vec order ("F" stacks columns, "C" rows)."""
    return Claim("jacobian", wrt, expr, vec)


def hessian(wrt, expr, vec: str = "F") -> Claim:
    """H with d²f = vec(dX)ᵀ H vec(dX) in the given vec order."""
    return Claim("hessian", wrt, expr, vec)


def vjp(wrt, expr) -> Claim:
    """The reverse-mode product ∇_wrt L in terms of the upstream gradient."""
    return Claim("vjp", wrt, expr)


def step(expr, reason: str, vec: str | None = None) -> Step:
    """One derivation line and the rule that justifies it."""
    return Step(expr, reason, vec)


def derivation(wrt, *steps: Step, order: int = 1) -> Derivation:
    """The checked steps, perturbing one symbol or a tuple of symbols."""
    wrt = tuple(wrt) if isinstance(wrt, (tuple, list)) else (wrt,)
    return Derivation(wrt, tuple(steps), order)


def identity(*, id: str, title: str, symbols, function, claims, output: str | tuple[str, ...] = "f",
             derivation=None, see_also=(), sources=(), aliases=()) -> Identity:
    """Build and validate one identity record (the module's docstring and path are added on load).

    A function with several outputs is a tuple of expressions, ``function=(lam, U)``, named by a tuple
    ``output=("lambda", "U")``; each output then has its own upstream gradient.
    """
    if isinstance(function, (tuple, list)):
        function, output = tuple(sp.sympify(f) for f in function), tuple(output) if isinstance(output, list) else output
    else:
        function = sp.sympify(function)
    return Identity(id=id, title=title, symbols=tuple(symbols), function=function, output=output,
                    claims=tuple(claims), derivation=derivation, see_also=tuple(see_also),
                    sources=tuple(sources), aliases=tuple(aliases)).validate()
