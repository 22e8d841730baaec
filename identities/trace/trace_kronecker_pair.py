"""The gradient of tr((A ⊗ B)(X ⊗ X)) = tr(AX) tr(BX) is tr(BX)Aᵀ + tr(AX)Bᵀ.

For square A, B and X of the same size n, the mixed-product property turns (A ⊗ B)(X ⊗ X) into
AX ⊗ BX, whose trace is tr(AX) tr(BX): a product of two linear functions of X. The product rule
gives tr(A dX) tr(BX) + tr(AX) tr(B dX), and since d tr(AX) = tr((Aᵀ)ᵀ dX), the gradient is
tr(BX)Aᵀ + tr(AX)Bᵀ. With A = B = I it is tr(X ⊗ X) = tr(X)² and 2 tr(X) I.

Such products of traces are the second moments of matrix-variate models (the Kronecker covariance of
a matrix normal) and the Fisher information of Kronecker-factored approximations. The classic slips
are to forget one of the two terms, and to give each factor its own trace (tr(AX)Aᵀ + tr(BX)Bᵀ).

>>> from identities import get, verify
>>> verify(get("trace-kronecker-pair")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
A = matrix("A", "n", "n")
B = matrix("B", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-kronecker-pair",
    title="Gradient of tr((A ⊗ B)(X ⊗ X)) = tr(AX) tr(BX)",
    symbols=[
        variable(X, "a square n×n matrix"),
        constant(A, "a constant n×n matrix"),
        constant(B, "a constant n×n matrix"),
    ],
    function=Trace(mul(KroneckerProduct(A, B), KroneckerProduct(X, X))),
    claims=[gradient(X, add(mul(Trace(mul(B, X)), A.T), mul(Trace(mul(A, X)), B.T)))],
    derivation=derivation(
        X,
        step(add(Trace(mul(KroneckerProduct(A, B), KroneckerProduct(dX, X))),
                 Trace(mul(KroneckerProduct(A, B), KroneckerProduct(X, dX)))),
             "product rule: d(X ⊗ X) = dX ⊗ X + X ⊗ dX"),
        step(add(mul(Trace(mul(A, dX)), Trace(mul(B, X))), mul(Trace(mul(A, X)), Trace(mul(B, dX)))),
             "mixed product (A ⊗ B)(P ⊗ Q) = AP ⊗ BQ, then tr(P ⊗ Q) = tr(P) tr(Q)"),
        step(Trace(mul(Transpose(add(mul(Trace(mul(B, X)), A.T), mul(Trace(mul(A, X)), B.T))), dX)),
             "tr(A dX) = tr((Aᵀ)ᵀ dX): the form tr(Gᵀ dX)"),
    ),
    see_also=("trace-kronecker-XX", "trace-kronecker-AX", "kronecker-mixed-product"),
    sources=(cookbook(locator="§10.2.1, the mixed product (511) and Tr(A ⊗ B) = Tr(A) Tr(B) (515)"),),
    aliases=("product of traces", "tr(AX) tr(BX)", "kronecker trace product"),
)
