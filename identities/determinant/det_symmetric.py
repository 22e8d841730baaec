"""det X of a symmetric X: the symmetric gradient det(X)X⁻¹ and the free-entry derivative det(X)(2X⁻¹ − X⁻¹∘I).

Jacobi's formula gives d det X = det(X) tr(X⁻¹ dX). For a symmetric X, X⁻¹ is symmetric and so
is every perturbation, so the gradient in the trace inner product restricted to symmetric
matrices is det(X)X⁻¹ — the unstructured answer det(X)X⁻ᵀ, unchanged. The Matrix Cookbook's
derivative by the free entries counts each off-diagonal pair once and reads
det(X)(2X⁻¹ − X⁻¹∘I). The two are answers to different questions; each is checked under its own
definition, and the factor 2 off the diagonal is what goes wrong when they are mixed.

>>> from identities import get, verify
>>> verify(get("det-symmetric")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
dX = d(X)
diagonal_part = HadamardProduct(Inverse(X), eye("n"), evaluate=False)

IDENTITY = identity(
    id="det-symmetric",
    title="det X of a symmetric matrix: the symmetric gradient and the free-entry derivative",
    symbols=[variable(X, "the variable, a symmetric positive definite n×n matrix", "spd", structure="symmetric")],
    function=Determinant(X),
    claims=[
        gradient(X, mul(Determinant(X), Inverse(X)), convention="sym"),
        gradient(X, mul(Determinant(X), add(mul(2, Inverse(X)), mul(-1, diagonal_part))), convention="free"),
    ],
    derivation=derivation(
        X,
        step(mul(Determinant(X), Trace(mul(Inverse(X), dX))), "Jacobi's formula; dX is symmetric"),
        step(Trace(mul(Transpose(mul(Determinant(X), Inverse(X))), dX)),
             "X⁻¹ is symmetric, so df = tr(Gᵀ dX) with the symmetric G = det(X)X⁻¹"),
    ),
    see_also=("det-gradient", "log-det-symmetric", "trace-linear-symmetric"),
    sources=(cookbook(140, locator="§2.8.2: the free-entry derivative"),),
    aliases=("determinant of a symmetric matrix derivative", "det symmetric gradient"),
)
