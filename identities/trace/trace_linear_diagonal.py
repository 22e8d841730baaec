"""tr(AX) of a diagonal X: the gradient is A∘I, the diagonal of A.

A diagonal X has one free parameter per diagonal entry and a perturbation dX is diagonal too, so
df = tr(A dX) = Σᵢ Aᵢᵢ dXᵢᵢ sees only the diagonal of A: the gradient is A∘I. Here the two
published conventions for a structured variable agree — every free parameter fills exactly one
entry — so the gradient in the trace inner product restricted to diagonal matrices and the
derivative by the free entries are the same matrix. Reporting Aᵀ, the unstructured gradient, puts
weight on entries that cannot move.

>>> from identities import get, verify
>>> verify(get("trace-linear-diagonal")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
X = matrix("X", "n", "n")
dX = d(X)
diagonal_of_a = HadamardProduct(A, eye("n"), evaluate=False)

IDENTITY = identity(
    id="trace-linear-diagonal",
    title="tr(AX) of a diagonal X: the gradient is the diagonal of A",
    symbols=[variable(X, "the variable, a diagonal n×n matrix", structure="diagonal"),
             constant(A, "a constant square matrix")],
    function=Trace(mul(A, X)),
    claims=[
        gradient(X, diagonal_of_a, convention="sym"),
        gradient(X, diagonal_of_a, convention="free"),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(A, dX)), "the trace is linear; dX is diagonal"),
        step(Trace(mul(Transpose(diagonal_of_a), dX)), "only the diagonal of A meets a diagonal dX"),
    ),
    see_also=("trace-linear", "trace-linear-symmetric"),
    sources=(cookbook(142, locator="§2.8.3"),),
    aliases=("trace of AX diagonal", "derivative with respect to a diagonal matrix"),
)
