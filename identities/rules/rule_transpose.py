"""Transpose rule: the differential of Xᵀ is the transpose of the differential, d(Xᵀ) = (dX)ᵀ.

Transposition is linear, so (X + dX)ᵀ = Xᵀ + (dX)ᵀ holds exactly, with no higher-order remainder,
and the derivative of the map X ↦ Xᵀ is that same map. The rule is used whenever X appears
transposed inside a larger expression, as in tr(XᵀAX) or (AX − B)ᵀ(AX − B): the differential
of each transposed occurrence is the transposed perturbation.

The checked instance is F = Xᵀ itself, with X of shape m×n, so F and its differential are n×m.
Stored as a Jacobian of vec F with respect to vec X, the map is the mn×mn permutation called the
commutation matrix K_{m,n}, which sends vec(X) to vec(Xᵀ); the handbook writes the rule in
differential form because the catalog has no node for that permutation yet.

>>> from identities import get, verify
>>> verify(get("rule-transpose")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
dX = d(X)

IDENTITY = identity(
    id="rule-transpose",
    title="Transpose rule: d(Xᵀ) = (dX)ᵀ",
    output="F",
    symbols=[variable(X, "the variable, m×n")],
    function=X.T,
    claims=[differential_of(X, dX.T)],
    derivation=derivation(
        X,
        step(dX.T, "transposition is linear: (X + dX)ᵀ − Xᵀ = (dX)ᵀ exactly"),
    ),
    see_also=("rule-product", "trace-quadratic", "vec-kronecker"),
    sources=(cookbook(44),),
    aliases=("transpose rule", "differential of transpose"),
)
