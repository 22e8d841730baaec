"""The gradient of tr(Aᵀ(B ∘ X)) is A ∘ B: a Hadamard factor moves across the Frobenius pairing.

For A, B and X of the same shape m×n, tr(Aᵀ(B ∘ X)) = Σᵢⱼ AᵢⱼBᵢⱼXᵢⱼ: the Frobenius pairing of A with
B ∘ X, which is also the pairing of A ∘ B with X. So d f = tr(Aᵀ(B ∘ dX)) = tr((A ∘ B)ᵀ dX), and the
gradient is A ∘ B. The move ⟨A, B ∘ dX⟩ = ⟨A ∘ B, dX⟩ is the rule by which every entrywise operation
passes an upstream gradient back: a mask, a dropout pattern, an entrywise derivative.

The classic slips are the matrix product in place of the Hadamard product (AᵀB, BA…), which needs
other shapes, and Aᵀ ∘ B, which has the wrong shape unless m = n and is wrong then.

>>> import numpy as np
>>> from identities import get, check_gradient, verify
>>> verify(get("trace-hadamard-linear")).ok
True
>>> A, B, X = np.random.default_rng(0).standard_normal((3, 2, 3))
>>> check_gradient(lambda X, A, B: np.trace(A.T @ (B * X)), lambda X, A, B: A * B, X, A, B).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
A = matrix("A", "m", "n")
B = matrix("B", "m", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-hadamard-linear",
    title="Gradient of tr(Aᵀ(B ∘ X))",
    symbols=[
        variable(X, "the variable, an m×n matrix"),
        constant(A, "a constant m×n matrix"),
        constant(B, "a constant m×n matrix (a mask or weights)"),
    ],
    function=Trace(mul(A.T, HadamardProduct(B, X))),
    claims=[gradient(X, HadamardProduct(A, B))],
    derivation=derivation(
        X,
        step(Trace(mul(A.T, HadamardProduct(B, dX))), "A and B are constant: d(B ∘ X) = B ∘ dX"),
        step(Trace(mul(Transpose(HadamardProduct(A, B)), dX)),
             "tr(Aᵀ(B ∘ dX)) = Σᵢⱼ AᵢⱼBᵢⱼ dXᵢⱼ = tr((A ∘ B)ᵀ dX): the form tr(Gᵀ dX)"),
    ),
    see_also=("trace-linear", "trace-hadamard-square", "masked-frobenius"),
    sources=(cite("minka2000old", "the properties of the Hadamard product and diag"),),
    aliases=("hadamard trace", "trace of elementwise product", "mask gradient"),
)
