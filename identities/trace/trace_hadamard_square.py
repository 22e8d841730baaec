"""The gradient of tr(Aᵀ(X ∘ X)) is 2A ∘ X, and its Hessian is the diagonal matrix 2 diag(vec A).

For A and X of the same shape m×n, tr(Aᵀ(X ∘ X)) = Σᵢⱼ AᵢⱼXᵢⱼ², a weighted sum of squares. The
Hadamard product rule gives d(X ∘ X) = 2X ∘ dX, and moving the Hadamard factor across the Frobenius
pairing, df = tr((2A ∘ X)ᵀ dX): the gradient is 2A ∘ X. Once more with dX fixed,
d² = 2 tr(Aᵀ(dX ∘ dX)) = 2 Σᵢⱼ AᵢⱼdXᵢⱼ², so the Hessian is diagonal, 2 diag(vec A), in either vec
order (each with its own vec).

It is a weighted ridge penalty with one weight per entry. The classic slips are 2AᵀX or 2AX (a
matrix product for the Hadamard one), the missing 2, and a full matrix for the Hessian.

>>> from identities import get, verify
>>> verify(get("trace-hadamard-square")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
A = matrix("A", "m", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-hadamard-square",
    title="Gradient and Hessian of tr(Aᵀ(X ∘ X))",
    symbols=[variable(X, "the variable, an m×n matrix"), constant(A, "a constant m×n matrix of weights")],
    function=Trace(mul(A.T, HadamardProduct(X, X))),
    claims=[
        gradient(X, mul(2, HadamardProduct(A, X))),
        hessian(X, mul(2, DiagMatrix(Vec(A, "F"))), vec="F"),
        hessian(X, mul(2, DiagMatrix(Vec(A, "C"))), vec="C"),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(A.T, mul(2, HadamardProduct(X, dX)))), "Hadamard product rule: d(X ∘ X) = 2X ∘ dX"),
        step(Trace(mul(Transpose(mul(2, HadamardProduct(A, X))), dX)),
             "tr(Aᵀ(M ∘ dX)) = tr((A ∘ M)ᵀ dX): the form tr(Gᵀ dX) with G = 2A ∘ X"),
    ),
    see_also=("trace-hadamard-linear", "masked-frobenius", "frobenius-norm-squared"),
    sources=(cite("minka2000old", "the properties of the Hadamard product and diag"),),
    aliases=("weighted sum of squares", "hadamard square trace", "entrywise weighted ridge"),
)
