"""Scalar function of a scalar: dφ = α dξ ⇒ Dφ(ξ) = α.

The top-left cell of the first identification table is ordinary calculus, and it is where the
recipe starts: compute the differential, bring it to the form α dξ with α free of dξ, and α is the
derivative. The instance here is φ(ξ) = tr(e^{ξA}) for a constant square A. Since ξA commutes with
A, d e^{ξA} = A e^{ξA} dξ, and the trace is linear, so dφ = tr(A e^{ξA}) dξ and φ′(ξ) = tr(A e^{ξA}).

The same function shows why the commuting case is special: for a matrix argument, d e^{X} is the
Fréchet derivative L_exp(X, dX), not e^{X} dX; only because the direction A commutes with ξA does
the scalar rule survive. The derivative is a number, the same in every layout.

>>> from identities import get, verify
>>> verify(get("identification-scalar-of-scalar")).ok
True
"""

from identities.define import *

xi = scalar("xi")
A = matrix("A", "n", "n")

IDENTITY = identity(
    id="identification-scalar-of-scalar",
    title="Identification, scalar of a scalar: dφ = α dξ ⇒ φ′ = α",
    symbols=[variable(xi, "the variable, a real number"), constant(A, "a square n×n matrix")],
    function=Trace(expm(mul(xi, A))),
    claims=[gradient(xi, Trace(mul(A, expm(mul(xi, A)))))],
    see_also=("identification-matrix-of-scalar", "expm-frechet"),
    sources=(cite("magnus2019matrix", "§9.6, the first identification table (p. 197)"),),
    aliases=("first identification table", "derivative of trace of exponential", "d tr exp(tA)/dt"),
)
