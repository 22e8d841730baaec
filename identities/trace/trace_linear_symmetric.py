"""tr(AX) of a symmetric X: the symmetric gradient (A + Aᵀ)/2 and the free-entry derivative A + Aᵀ − A∘I.

For an unstructured X the gradient of tr(AX) is Aᵀ. When X is symmetric, a perturbation dX is
symmetric too and only the symmetric part of Aᵀ is seen: df = tr(A dX) = tr(sym(A) dX). The
gradient in the trace inner product restricted to symmetric matrices is therefore sym(A) =
(A + Aᵀ)/2. The Matrix Cookbook instead differentiates by the free entries (each off-diagonal
pair counted once), which gives A + Aᵀ − A∘I: the diagonal once, the off-diagonal entries twice.
Both are right, under different definitions, and each is checked under its own; writing Aᵀ for a
symmetric X, or mixing the two conventions, is the classic mistake (see the guide page on
gradients with respect to a symmetric matrix).

>>> from identities import get, verify
>>> verify(get("trace-linear-symmetric")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
X = matrix("X", "n", "n")
dX = d(X)
diagonal_part = HadamardProduct(A, eye("n"), evaluate=False)

IDENTITY = identity(
    id="trace-linear-symmetric",
    title="tr(AX) of a symmetric X: the symmetric gradient and the free-entry derivative",
    symbols=[variable(X, "the variable, a symmetric n×n matrix", "symmetric", structure="symmetric"),
             constant(A, "a constant square matrix")],
    function=Trace(mul(A, X)),
    claims=[
        gradient(X, mul(Rational(1, 2), add(A, A.T)), convention="sym"),
        gradient(X, add(A, A.T, mul(-1, diagonal_part)), convention="free"),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(A, dX)), "the trace is linear; dX is symmetric"),
        step(Trace(mul(Transpose(mul(Rational(1, 2), add(A, A.T))), dX)),
             "tr(A dX) = tr(Aᵀ dX) for a symmetric dX, so df = tr(sym(A)ᵀ dX)"),
    ),
    see_also=("trace-linear", "log-det-symmetric", "det-symmetric"),
    sources=(cookbook(138, 139, locator="§2.8.2: the free-entry derivative"),
             cite("srinivasan2019gradient", "the gradient on symmetric matrices, sym(G)")),
    aliases=("trace of AX symmetric", "derivative of tr(AX) for symmetric X"),
)
