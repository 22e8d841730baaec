"""Matrix function of a scalar: dF = A dξ ⇒ DF(ξ) = vec A, a column of length mn.

A matrix that depends on one number has an m×n derivative A = dF/dξ, and the identification table
stores it, like every Jacobian, with one row per entry of F: DF(ξ) = vec A, an mn×1 column (vec_r A
with rows stacked). The instance is the matrix exponential F(ξ) = e^{ξA} of a constant square A,
the solution of the linear system F′ = AF with F(0) = I: since ξA commutes with A, dF = A e^{ξA} dξ,
so DF(ξ) = vec(A e^{ξA}).

The order of the factors does not matter here (A e^{ξA} = e^{ξA} A), but the vec order does: the
two columns hold the same numbers in different orders. For a direction that does not commute with
the matrix in the exponent, the derivative is a Fréchet derivative instead; see
{identity}`expm-frechet`.

>>> from identities import get, verify
>>> verify(get("identification-matrix-of-scalar")).ok
True
"""

from identities.define import *

xi = scalar("xi")
A = matrix("A", "n", "n")

IDENTITY = identity(
    id="identification-matrix-of-scalar",
    title="Identification, matrix of a scalar: dF = A dξ ⇒ DF = vec A",
    output="F",
    symbols=[variable(xi, "the variable, a real number"), constant(A, "a square n×n matrix")],
    function=expm(mul(xi, A)),
    claims=[
        jacobian(xi, Vec(mul(A, expm(mul(xi, A))))),
        jacobian(xi, Vec(mul(A, expm(mul(xi, A))), "C"), vec="C"),
    ],
    see_also=("identification-scalar-of-scalar", "identification-vector-of-scalar", "expm-frechet"),
    sources=(cite("magnus2019matrix", "§9.6, the first identification table (p. 197)"),),
    aliases=("derivative of exp(tA)", "matrix function of a scalar"),
)
