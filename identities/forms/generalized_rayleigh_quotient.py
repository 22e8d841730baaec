"""The ratio ‖Ax‖²/‖Bx‖² has gradient 2AᵀAx/(xᵀBᵀBx) − 2(xᵀAᵀAx)BᵀBx/(xᵀBᵀBx)².

For x of length n, an m×n matrix A and an n×n matrix B with Bx ≠ 0, f = (Ax)ᵀ(Ax)/((Bx)ᵀ(Bx)) is a
generalized Rayleigh quotient of the pencil (AᵀA, BᵀB). The quotient rule, with d(xᵀMx) = 2xᵀM dx
for the symmetric M = AᵀA and M = BᵀB, gives the gradient; it vanishes exactly when
AᵀAx = f·BᵀBx, the generalized eigenproblem, which is why maximising such a ratio (Fisher's
discriminant, generalized singular vectors) leads to one.

The Matrix Cookbook's eq. (95) prints the first denominator as xᵀBBx. That equals xᵀBᵀBx only for a
symmetric B; for a general B it is a typo, which the catalog rejects while accepting the printed
form for symmetric B.

>>> from identities import get, verify
>>> verify(get("generalized-rayleigh-quotient")).ok
True
"""

from identities.define import *

x = vector("x", "n")
A = matrix("A", "m", "n")
B = matrix("B", "n", "n")
dx = d(x)
num = Trace(mul(x.T, A.T, A, x))
den = Trace(mul(x.T, B.T, B, x))


def gradient_with(den_first):
    """The gradient with den_first in the denominator of its first term."""
    return add(mul(2 / den_first, A.T, A, x), mul(-2 * num / den ** 2, B.T, B, x))


IDENTITY = identity(
    id="generalized-rayleigh-quotient",
    title="Gradient of the generalized Rayleigh quotient ‖Ax‖²/‖Bx‖²",
    symbols=[variable(x, "the variable, a vector of length n with Bx ≠ 0"),
             constant(A, "the numerator's map, m×n"),
             constant(B, "the denominator's map, n×n, not necessarily symmetric")],
    function=num / den,
    claims=[gradient(x, gradient_with(den))],
    derivation=derivation(
        x,
        step(add(mul(1 / den, Trace(mul(2, x.T, A.T, A, dx))), mul(-num / den ** 2, Trace(mul(2, x.T, B.T, B, dx)))),
             "quotient rule; d(xᵀMx) = 2xᵀM dx for the symmetric M = AᵀA and M = BᵀB"),
        step(Trace(mul(Transpose(gradient_with(den)), dx)), "collect: df = (∇f)ᵀdx"),
    ),
    published=[
        published(cookbook(95), gradient(x, gradient_with(Trace(mul(x.T, B, B, x)))), holds_when={"B": "symmetric"},
                  note="the first denominator is printed xᵀBBx, which is xᵀBᵀBx only for symmetric B"),
    ],
    see_also=("rayleigh-quotient", "quadratic-form"),
    sources=(cookbook(95, locator="(94) writes the quotient"),),
    aliases=("generalized rayleigh quotient gradient", "ratio of quadratic forms", "fisher discriminant ratio"),
)
