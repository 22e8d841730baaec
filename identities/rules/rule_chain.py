"""Chain rule: the derivative of a composition is the composition of the derivatives.

For f = g ∘ h, D f(X) = Dg(h(X)) ∘ Dh(X): perturb X, push the perturbation through h's linear
map to get dY, then through g's linear map at the point Y = h(X). Stored as Jacobians the
composition becomes a matrix product J_g J_h; in reverse mode it runs the other way, and the
gradient of g is pulled back through the adjoint of Dh. No indices are needed at any stage.

The checked instance composes h(X) = AX (A of shape p×m, X of shape m×n) with the squared
Frobenius norm g(Y) = tr(YᵀY). The inner map is linear, Dh(X)[dX] = A dX; the outer one has
Dg(Y)[dY] = tr((2Y)ᵀ dY), that is ∇g = 2Y. Composing gives df = tr((2AX)ᵀ A dX). Moving A across
the pairing applies the adjoint of dX ↦ A dX, which is G ↦ AᵀG, to the outer gradient, so
∇f = Aᵀ(2AX), an m×n matrix like X.

This is backpropagation in miniature: the outer gradient 2Y plays the role of the upstream
gradient, and multiplying by Aᵀ is the backward step through the linear layer h.

>>> from identities import get, verify
>>> verify(get("rule-chain")).ok
True
"""

from identities.define import *

A = matrix("A", "p", "m")
X = matrix("X", "m", "n")
dX = d(X)
Y = mul(A, X)

IDENTITY = identity(
    id="rule-chain",
    title="Chain rule: D(g ∘ h)(X) = Dg(h(X)) ∘ Dh(X)",
    symbols=[
        variable(X, "the variable, m×n"),
        constant(A, "the matrix of the inner linear map h(X) = AX, p×m"),
    ],
    function=Trace(mul(Transpose(Y), Y)),
    claims=[gradient(X, mul(A.T, mul(2, A, X)))],
    derivation=derivation(
        X,
        step(Trace(mul(Transpose(mul(2, A, X)), mul(A, dX))),
             "chain rule: Dg(Y)[dY] = tr((2Y)ᵀ dY) at Y = AX, applied to dY = Dh(X)[dX] = A dX"),
        step(Trace(mul(Transpose(mul(A.T, mul(2, A, X))), dX)),
             "(2AX)ᵀA = (Aᵀ(2AX))ᵀ: the adjoint of dX ↦ A dX pulls the outer gradient back as Aᵀ(2AX)"),
    ),
    see_also=("rule-frobenius-identification", "linear-layer", "frobenius-norm-squared", "least-squares"),
    sources=(cite("magnus2019matrix", "chapter 5, the chain rule for differentials"),),
    aliases=("chain rule", "composition rule", "chain rule for linear maps"),
)
