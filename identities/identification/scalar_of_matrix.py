"""Scalar function of a matrix: dφ = tr(AᵀdX) ⇒ ∇φ = A, and the Jacobian is the row (vec A)ᵀ.

For φ(X) of an m×n matrix the identification theorem offers two canonical forms of the same
differential: dφ = tr(AᵀdX), which names the gradient A (shape of X, the house convention), and
dφ = (vec A)ᵀ d vec X, which names the Jacobian Dφ(X) = (vec A)ᵀ, a 1×mn row. They are one fact
(tr(AᵀB) = vec(A)ᵀvec(B)), but the row depends on the vec order and the gradient does not.

The instance is the bilinear form φ(X) = aᵀXb: dφ = aᵀdX b = tr(baᵀdX), so ∇φ = abᵀ and
Dφ(X) = vec(abᵀ)ᵀ = (b ⊗ a)ᵀ = bᵀ ⊗ aᵀ with columns stacked, and (a ⊗ b)ᵀ = aᵀ ⊗ bᵀ with rows
stacked. The factors trade places between the orders; reading tr(baᵀdX) as "gradient baᵀ" (the
transpose forgotten) is the classic mistake, and both fail here with m ≠ n.

>>> from identities import get, verify
>>> verify(get("identification-scalar-of-matrix")).ok
True
"""

from identities.define import *

a = vector("a", "m")
X = matrix("X", "m", "n")
b = vector("b", "n")
dX = d(X)

IDENTITY = identity(
    id="identification-scalar-of-matrix",
    title="Identification, scalar of a matrix: dφ = tr(AᵀdX) ⇒ ∇φ = A, Dφ = (vec A)ᵀ",
    symbols=[variable(X, "the variable, m×n"), constant(a, "a vector of length m"),
             constant(b, "a vector of length n")],
    function=mul(a.T, X, b),
    claims=[
        gradient(X, mul(a, b.T)),
        jacobian(X, KroneckerProduct(b.T, a.T)),
        jacobian(X, KroneckerProduct(a.T, b.T), vec="C"),
    ],
    derivation=derivation(
        X,
        step(mul(a.T, dX, b), "aᵀXb is linear in X"),
        step(Trace(mul(b, a.T, dX)), "a 1×1 matrix is its trace; cycle b to the front"),
        step(Trace(mul(Transpose(mul(a, b.T)), dX)), "baᵀ = (abᵀ)ᵀ: the canonical form tr(Gᵀ dX), G = abᵀ"),
    ),
    see_also=("rule-frobenius-identification", "trace-vec-inner-product", "identification-scalar-of-vector"),
    sources=(cite("magnus2019matrix", "§9.6, the first identification table (p. 197)"),),
    aliases=("jacobian row of scalar function", "vec of gradient"),
)
