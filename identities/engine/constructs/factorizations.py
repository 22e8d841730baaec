"""Factorizations as nodes: Cholesky, the symmetric eigendecomposition, the thin SVD, the reduced QR,
the gap matrix of eigenvalue (or singular-value) differences, and the nuclear and spectral norms.

Each factor is its own node of the one argument, so a formula names the factor it uses:
``named("U", EigenVectors(Sym(A)))`` prints as U on a page (defined as eigh_U(sym A) beside the
formula) and is computed once in the code.  The printed NumPy calls the complex-step-valid
functions of :mod:`.factorization_code`, so identities built on these nodes are verified by the
complex step, not only by finite differences.

LAPACK's Cholesky and eigh read one triangle of their argument, so as functions of a general square
matrix their derivatives are not the textbook ones; a formula for a symmetric argument is written
on sym(A) (see :class:`.parts.Sym`), and then holds for every perturbation of A.

Conventions: eigenvalues ascending (NumPy's order), singular values descending; each eigenvector,
and each right singular vector, has its largest entry positive (the left one follows), which fixes
the sign freedom deterministically; R of the QR factorization has a positive diagonal.  The thin
SVD and the reduced QR take a tall or square argument (rows ≥ columns).
"""

from __future__ import annotations

import sympy as sp
from sympy.printing.precedence import PRECEDENCE

from ..mutants import mutation_rule
from ..nodes import _OfOneMatrix
from ..printing import print_rule, unicode
from .helpers import print_as_call
from .parts import OfSquare

__all__ = ["Cholesky", "EigenValues", "EigenVectors", "GapMatrix", "SvdU", "SingularValues", "SvdV", "QrQ", "QrR",
           "NuclearNorm", "SpectralNorm"]


class _OfTall(_OfOneMatrix):
    """A factor of a tall or square matrix; a shape known to be wide is refused."""

    def __new__(cls, arg):
        arg = sp.sympify(arg)
        if not getattr(arg, "is_Matrix", False):
            raise TypeError(f"{cls.__name__} takes a matrix, not {arg!r}")
        rows, cols = arg.shape
        if (rows - cols).is_negative:
            raise ValueError(f"{cls.__name__} takes a tall or square matrix (rows ≥ columns); {arg} is "
                             f"{rows}×{cols}: factor its transpose")
        return super().__new__(cls, arg)


class Cholesky(OfSquare):
    """chol(A): the lower-triangular factor L with a positive diagonal and LLᵀ = A, for A symmetric positive definite."""


class EigenValues(OfSquare):
    """eigh_λ(A): the eigenvalues of a symmetric A, ascending, as a column."""

    @property
    def shape(self):
        return (self.arg.shape[0], sp.Integer(1))


class EigenVectors(OfSquare):
    """eigh_U(A): the orthogonal U of A = U diag(λ) Uᵀ, columns in the order of the ascending eigenvalues."""


class SvdU(_OfTall):
    """svd_U(A): the m×n left singular vectors of the thin SVD A = U diag(s) Vᵀ (m ≥ n)."""


class SingularValues(_OfTall):
    """svd_s(A): the singular values of a tall A, descending, as a column."""

    @property
    def shape(self):
        return (self.arg.shape[1], sp.Integer(1))


class SvdV(_OfTall):
    """svd_V(A): the n×n right singular vectors V of the thin SVD (NumPy's svd returns Vᵀ)."""

    @property
    def shape(self):
        return (self.arg.shape[1], self.arg.shape[1])


class QrQ(_OfTall):
    """qr_Q(A): the m×n factor with orthonormal columns of the reduced QR factorization A = QR."""


class QrR(_OfTall):
    """qr_R(A): the n×n upper-triangular factor, positive diagonal, of the reduced QR factorization."""

    @property
    def shape(self):
        return (self.arg.shape[1], self.arg.shape[1])


class GapMatrix(sp.MatrixExpr):
    """F = [1/(xⱼᵖ − xᵢᵖ)] for i ≠ j, 0 on the diagonal: the gap matrix of a column x of distinct values.

    With x = λ it is the F of eigenvector derivatives; with x = s and p = 2, the F of the SVD's.
    F is antisymmetric, Fᵀ = −F.
    """

    precedence = PRECEDENCE["Atom"]

    def __new__(cls, x, power=1):
        x, power = sp.sympify(x), sp.sympify(power)
        if not getattr(x, "is_Matrix", False) or x.shape[1] != 1:
            raise ValueError(f"GapMatrix takes a column vector of values, not {x}")
        if power not in (1, 2):
            raise ValueError(f"GapMatrix takes the power 1 (differences) or 2 (differences of squares), not {power}")
        return super().__new__(cls, x, power)

    @property
    def values(self):
        return self.args[0]

    @property
    def power(self) -> int:
        return int(self.args[1])

    @property
    def shape(self):
        rows = self.values.shape[0]
        return (rows, rows)


class _MatrixNorm(sp.Expr):
    """A norm of a matrix: a scalar."""

    is_commutative = True
    precedence = PRECEDENCE["Atom"]

    def __new__(cls, arg):
        arg = sp.sympify(arg)
        if not getattr(arg, "is_Matrix", False):
            raise TypeError(f"{cls.__name__} takes a matrix, not {arg!r}")
        return super().__new__(cls, arg)

    @property
    def arg(self):
        return self.args[0]


class NuclearNorm(_MatrixNorm):
    """‖X‖_*: the sum of the singular values of X."""


class SpectralNorm(_MatrixNorm):
    """‖X‖₂: the largest singular value of X."""


# -- printing ---------------------------------------------------------------------------------------

print_as_call(Cholesky, r"\operatorname{chol}", "chol", "cholesky_lower")
print_as_call(EigenValues, r"\operatorname{eigh}_{\lambda}", "eigh_λ", "eigenvalues")
print_as_call(EigenVectors, r"\operatorname{eigh}_{U}", "eigh_U", "eigenvectors")
print_as_call(SvdU, r"\operatorname{svd}_{U}", "svd_U", "svd_u")
print_as_call(SingularValues, r"\operatorname{svd}_{s}", "svd_s", "svd_s")
print_as_call(SvdV, r"\operatorname{svd}_{V}", "svd_V", "svd_v")
print_as_call(QrQ, r"\operatorname{qr}_{Q}", "qr_Q", "qr_q")
print_as_call(QrR, r"\operatorname{qr}_{R}", "qr_R", "qr_r")

_SUB_I, _SUB_J = "\u1d62", "\u2c7c"


def _gap_latex(printer, expr):
    x = printer.parenthesize(expr.values, PRECEDENCE["Atom"], strict=True)
    power = "^{2}" if expr.power == 2 else ""
    return r"\left[\frac{1}{%s_{j}%s - %s_{i}%s}\right]_{i \neq j}" % (x, power, x, power)


def _gap_unicode(printer, expr):
    x = printer.parenthesize(expr.values, PRECEDENCE["Atom"], strict=True)
    power = "²" if expr.power == 2 else ""
    return f"[1/({x}{_SUB_J}{power} − {x}{_SUB_I}{power})]{_SUB_I}≠{_SUB_J}"


def _gap_numpy(printer, expr):
    power = ", 2" if expr.power == 2 else ""
    return printer.call("gap_matrix", expr.values, *(("2",) if expr.power == 2 else ()))


print_rule(GapMatrix, latex=_gap_latex, unicode=_gap_unicode, numpy=_gap_numpy)
print_rule(NuclearNorm, latex=lambda p, e: r"\left\|%s\right\|_{*}" % p._print(e.arg),
           unicode=lambda p, e: f"‖{p._print(e.arg)}‖_*",
           numpy=lambda p, e: p.call("nuclear_norm", e.arg))
print_rule(SpectralNorm, latex=lambda p, e: r"\left\|%s\right\|_{2}" % p._print(e.arg),
           unicode=lambda p, e: f"‖{p._print(e.arg)}‖₂",
           numpy=lambda p, e: p.call("spectral_norm", e.arg))


# -- classic mistakes -------------------------------------------------------------------------------

def _transposed(what: str):
    def rule(node, parent):
        if not isinstance(parent, sp.Transpose):
            yield f"{what}: {unicode(node)} → {unicode(sp.Transpose(node))}", sp.Transpose(node)
    return rule


mutation_rule(Cholesky)(_transposed("the upper factor Lᵀ for L"))
mutation_rule(EigenVectors)(_transposed("Uᵀ for U"))
mutation_rule(SvdV)(_transposed("Vᵀ for V (NumPy's svd returns Vᵀ)"))
mutation_rule(QrR)(_transposed("Rᵀ for R"))


@mutation_rule(GapMatrix)
def _gap_mistakes(node, parent):
    yield f"the gap with its sign flipped (1/(xᵢ − xⱼ)): {unicode(node)} → −{unicode(node)}", -node
    if node.power == 2:
        plain = GapMatrix(node.values, 1)
        yield f"gaps of the values, not of their squares: {unicode(node)} → {unicode(plain)}", plain
