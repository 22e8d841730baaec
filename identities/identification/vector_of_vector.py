"""Vector function of a vector: df = A dx ⇒ Df(x) = A, the Jacobian with one row per output.

The classical Jacobian: for f from ℝⁿ to ℝᵏ, bring the differential to the form df = A dx and
A (k×n) is Df(x), numerator layout, rows indexing the outputs. The instance here is
f(x) = (xᵀx)a, a fixed direction a scaled by the squared length of x. Its differential is
df = (2xᵀdx)a = 2a xᵀ dx, so Df(x) = 2axᵀ, a rank-one k×n matrix.

The transpose, 2xaᵀ, is the denominator-layout form and the matrix of the reverse-mode map; it is
also the classic mistake when it is stored where the Jacobian belongs, and it is rejected here
(k ≠ n makes it the wrong shape, and the values differ too).

>>> from identities import get, verify
>>> verify(get("identification-vector-of-vector")).ok
True
"""

from identities.define import *

x = vector("x", "n")
a = vector("a", "k")
dx = d(x)

IDENTITY = identity(
    id="identification-vector-of-vector",
    title="Identification, vector of a vector: df = A dx ⇒ Df = A",
    output="y",
    symbols=[variable(x, "the variable, a vector of length n"), constant(a, "a vector of length k")],
    function=mul(a, x.T, x),
    claims=[
        differential_of(x, mul(2, a, x.T, dx)),
        jacobian(x, mul(2, a, x.T)),
    ],
    derivation=derivation(
        x,
        step(mul(a, add(mul(dx.T, x), mul(x.T, dx))), "a is constant; product rule on xᵀx"),
        step(mul(2, a, x.T, dx), "dxᵀx = xᵀdx (a 1×1 matrix equals its transpose): the form A dx"),
    ),
    see_also=("identification-scalar-of-vector", "identification-matrix-of-vector", "softmax-jacobian"),
    sources=(cite("magnus2019matrix", "§9.6, the first identification table (p. 197)"),),
    aliases=("jacobian of a vector function", "numerator layout jacobian"),
)
