"""Masked least squares ½‖W ∘ (X − Y)‖²_F has gradient W ∘ W ∘ (X − Y) and Hessian diag(vec(W ∘ W)).

With a weight (or 0/1 mask) W, a target Y and the variable X, all m×n, name the weighted residual
E = W ∘ (X − Y). Then f = ½ tr(EᵀE) and df = tr(Eᵀ dE) with dE = W ∘ dX; moving W across the
Frobenius pairing gives df = tr((W ∘ E)ᵀ dX), so the gradient is W ∘ E = W ∘ W ∘ (X − Y). The second
differential d² = ‖W ∘ dX‖²_F = Σᵢⱼ Wᵢⱼ² dXᵢⱼ² is diagonal: the Hessian is diag(vec(W ∘ W)) in either
vec order.

This is the loss of matrix completion and of weighted low-rank approximation, with W the indicator of
the observed entries. The classic slips are W ∘ (X − Y) (the weight applied once, as if it were not
squared) and the matrix product W(X − Y).

>>> from identities import get, verify
>>> verify(get("masked-frobenius")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
W = matrix("W", "m", "n")
Y = matrix("Y", "m", "n")
dX = d(X)
E = named("E", HadamardProduct(W, add(X, -Y)))

IDENTITY = identity(
    id="masked-frobenius",
    title="Gradient and Hessian of masked least squares ½‖W ∘ (X − Y)‖² (Frobenius norm)",
    symbols=[
        variable(X, "the variable, an m×n matrix"),
        constant(W, "the m×n weights (a 0/1 mask for matrix completion)"),
        constant(Y, "the m×n target"),
    ],
    function=mul(Rational(1, 2), Trace(mul(E.T, E))),
    claims=[
        gradient(X, HadamardProduct(W, E)),
        hessian(X, DiagMatrix(Vec(HadamardProduct(W, W), "F")), vec="F"),
        hessian(X, DiagMatrix(Vec(HadamardProduct(W, W), "C")), vec="C"),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(E.T, HadamardProduct(W, dX))), "d ½ tr(EᵀE) = tr(Eᵀ dE), and dE = W ∘ dX"),
        step(Trace(mul(Transpose(HadamardProduct(W, E)), dX)),
             "tr(Eᵀ(W ∘ dX)) = tr((W ∘ E)ᵀ dX): the form tr(Gᵀ dX) with G = W ∘ E"),
    ),
    see_also=("trace-hadamard-square", "trace-hadamard-linear", "least-squares"),
    sources=(cite("minka2000old", "the properties of the Hadamard product and diag"),),
    aliases=("matrix completion loss", "weighted frobenius norm", "masked squared error"),
)
