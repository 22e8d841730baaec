"""Vector function of a scalar: df = a dξ ⇒ Df(ξ) = a, a column.

When the variable is one number and the function a vector of length n, the derivative is an n×1
column, the velocity of the curve ξ ↦ f(ξ): the canonical form of the differential is df = a dξ
and Df(ξ) = a. The instance here is f(ξ) = tanh(ξa), the entrywise tanh of a scaled vector: each
entry is tanh(ξaᵢ), with derivative aᵢ(1 − tanh²(ξaᵢ)), so df = (a ⊙ (𝟏 − tanh(ξa)^⊙2)) dξ and
Df(ξ) = a ⊙ (𝟏 − tanh(ξa)^⊙2).

The Jacobian is a column in numerator layout (one row per entry of f, one column for ξ); the
denominator layout writes it as a row. Forgetting the chain-rule factor a, or writing 1 + tanh²
for 1 − tanh², are the mistakes rejected here.

>>> from identities import get, verify
>>> verify(get("identification-vector-of-scalar")).ok
True
"""

from identities.define import *

xi = scalar("xi")
a = vector("a", "n")

IDENTITY = identity(
    id="identification-vector-of-scalar",
    title="Identification, vector of a scalar: df = a dξ ⇒ Df = a",
    output="y",
    symbols=[variable(xi, "the variable, a real number"), constant(a, "a vector of length n")],
    function=tanh_(mul(xi, a)),
    claims=[jacobian(xi, HadamardProduct(a, derivative_of(tanh_)(mul(xi, a))))],
    see_also=("identification-matrix-of-scalar", "identification-scalar-of-scalar", "tanh-layer"),
    sources=(cite("magnus2019matrix", "§9.6, the first identification table (p. 197)"),),
    aliases=("derivative of a curve", "vector function of a scalar"),
)
