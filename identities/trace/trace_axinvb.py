"""The gradient of tr(AX⁻¹B) is −X⁻ᵀAᵀBᵀX⁻ᵀ: the inverse's differential, turned around by the trace.

For an invertible n×n X, A of shape p×n and B of shape n×p, the differential of the inverse
d(X⁻¹) = −X⁻¹ dX X⁻¹ gives d tr(AX⁻¹B) = −tr(AX⁻¹ dX X⁻¹B) = −tr(X⁻¹BAX⁻¹ dX), so the gradient is
−(X⁻¹BAX⁻¹)ᵀ = −X⁻ᵀAᵀBᵀX⁻ᵀ, n×n like X. With A = aᵀ a row and B = b a column it is the gradient
−X⁻ᵀabᵀX⁻ᵀ of the bilinear form aᵀX⁻¹b.

Differentiating again with dX fixed, both factors X⁻¹ around dX move and the two terms are equal:
d² = 2 tr(AX⁻¹ dX X⁻¹ dX X⁻¹B) = 2 tr(P dX X⁻¹ dX) with P = X⁻¹BAX⁻¹. Since
tr(P dX Q dX) = vec(dX)ᵀ K(Pᵀ ⊗ Q) vec(dX) with the commutation matrix K = K_{n,n}, the Hessian is
the symmetric part, doubled: S + Sᵀ with S = K(Pᵀ ⊗ X⁻¹).

It appears in the gradient of a Gaussian log-likelihood with respect to the covariance Σ, through
tr(Σ⁻¹S), and in that of the A-optimality criterion of experimental design. The classic slips are the
missing sign, the missing transposes (−X⁻¹BAX⁻¹), and −X⁻²BA, which treats X⁻¹ as commuting with
BA.

>>> from identities import get, verify
>>> verify(get("trace-AXinvB")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
A = matrix("A", "p", "n")
B = matrix("B", "n", "p")
dX = d(X)
Xi = Inverse(X)
P = named("P", mul(Xi, B, A, Xi))
S = named("S", mul(commutation("n", "n"), KroneckerProduct(P.T, Xi)))

IDENTITY = identity(
    id="trace-AXinvB",
    title="Gradient and Hessian of tr(AX⁻¹B)",
    symbols=[
        variable(X, "an invertible n×n matrix", "invertible"),
        constant(A, "a constant p×n matrix"),
        constant(B, "a constant n×p matrix"),
    ],
    function=Trace(mul(A, Xi, B)),
    claims=[
        gradient(X, mul(-1, Xi.T, A.T, B.T, Xi.T)),
        hessian(X, add(S, Transpose(S)), vec="F"),
    ],
    derivation=derivation(
        X,
        step(mul(-1, Trace(mul(A, Xi, dX, Xi, B))), "d(X⁻¹) = −X⁻¹ dX X⁻¹"),
        step(mul(-1, Trace(mul(P, dX))), "cyclic property: move X⁻¹B to the front; P = X⁻¹BAX⁻¹"),
        step(Trace(mul(Transpose(mul(-1, Xi.T, A.T, B.T, Xi.T)), dX)),
             "Pᵀ = X⁻ᵀAᵀBᵀX⁻ᵀ: the form tr(Gᵀ dX)"),
    ),
    see_also=("inverse-differential", "log-det", "trace-inverse-X-plus-A", "trace-AXB"),
    sources=(cookbook(63, 124),),
    aliases=("trace of inverse sandwich", "tr(A X^-1 B)", "gradient of trace inverse"),
)
