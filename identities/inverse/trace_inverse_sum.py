"""The gradient of tr((X + A)⁻¹) is −((X + A)⁻¹(X + A)⁻¹)ᵀ = −(X + A)⁻²ᵀ.

For a constant A and X + A invertible, d(X + A)⁻¹ = −(X + A)⁻¹dX(X + A)⁻¹, and the trace with the
cyclic rule gives d tr((X + A)⁻¹) = −tr((X + A)⁻² dX): the gradient is minus the transposed square of
the inverse, −(X + A)⁻²ᵀ. For A = 0 it is the gradient of tr(X⁻¹), the "A-optimality" criterion of
experimental design (the average variance of an estimator with information matrix X).

The shift matters only through the point at which the inverse is taken. The transpose matters
for a non-symmetric X + A, and both matrices are drawn dense and non-symmetric near the identity,
so that X + A is invertible and −(X + A)⁻² without the transpose fails.

>>> from identities import get, verify
>>> verify(get("trace-inverse-sum")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
A = matrix("A", "n", "n")
dX = d(X)
R = Inverse(add(X, A))

IDENTITY = identity(
    id="trace-inverse-sum",
    title="Gradient of tr((X + A)⁻¹)",
    symbols=[
        variable(X, "the variable, an n×n matrix (drawn near the identity, so that X + A is invertible)",
                 "off-negative-axis"),
        constant(A, "a constant n×n matrix (drawn near the identity)", "off-negative-axis"),
    ],
    function=Trace(R),
    claims=[gradient(X, mul(-1, Transpose(mul(R, R))))],
    derivation=derivation(
        X,
        step(mul(-1, Trace(mul(R, dX, R))), "d(M⁻¹) = −M⁻¹ dM M⁻¹ with M = X + A, dM = dX"),
        step(mul(-1, Trace(mul(R, R, dX))), "cyclic trace"),
        step(Trace(mul(Transpose(mul(-1, Transpose(mul(R, R)))), dX)), "df = tr(Gᵀ dX)"),
    ),
    see_also=("inverse-differential", "trace-a-inverse-b", "log-det-sum"),
    sources=(cookbook(64),),
    aliases=("derivative of tr((X+A)^-1)", "a-optimality gradient"),
)
