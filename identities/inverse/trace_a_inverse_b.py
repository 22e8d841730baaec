"""The gradient of tr(AX⁻¹B) is −(X⁻¹BAX⁻¹)ᵀ = −X⁻ᵀAᵀBᵀX⁻ᵀ.

For an invertible n×n X, A of shape m×n and B of shape n×m, the trace is linear in X⁻¹, and
d(X⁻¹) = −X⁻¹dX X⁻¹ gives d tr(AX⁻¹B) = −tr(AX⁻¹dX X⁻¹B). The cyclic trace brings dX to the end:
−tr(X⁻¹BAX⁻¹ dX), so the gradient is −(X⁻¹BAX⁻¹)ᵀ, an n×n matrix. The constants appear in the
order BA, the reverse of the function's AB — the cyclic trace wraps B round to the front.

It covers the gradient of tr(X⁻¹) (A = B = I), of tr(SX⁻¹) for a sample covariance S in a Gaussian
likelihood written with the covariance, and of the bilinear form aᵀX⁻¹b (A = aᵀ, B = b). The
classic mistakes are −X⁻¹ABX⁻¹ (the constants in the function's order) and the missing
transpose, both rejected at dense non-symmetric draws.

>>> from identities import get, verify
>>> verify(get("trace-a-inverse-b")).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
X = matrix("X", "n", "n")
B = matrix("B", "n", "m")
dX = d(X)

IDENTITY = identity(
    id="trace-a-inverse-b",
    title="Gradient of tr(AX⁻¹B)",
    symbols=[
        variable(X, "the variable, an invertible n×n matrix", "invertible"),
        constant(A, "a constant m×n matrix"),
        constant(B, "a constant n×m matrix"),
    ],
    function=Trace(mul(A, Inverse(X), B)),
    claims=[gradient(X, mul(-1, Transpose(mul(Inverse(X), B, A, Inverse(X)))))],
    derivation=derivation(
        X,
        step(mul(-1, Trace(mul(A, Inverse(X), dX, Inverse(X), B))), "d(X⁻¹) = −X⁻¹ dX X⁻¹ inside the linear trace"),
        step(mul(-1, Trace(mul(Inverse(X), B, A, Inverse(X), dX))), "cyclic trace: move AX⁻¹ to the end"),
        step(Trace(mul(Transpose(mul(-1, Transpose(mul(Inverse(X), B, A, Inverse(X))))), dX)),
             "df = tr(Gᵀ dX) with G = −(X⁻¹BAX⁻¹)ᵀ"),
    ),
    see_also=("inverse-differential", "inverse-bilinear-form", "trace-AXB"),
    sources=(cookbook(63),),
    aliases=("derivative of tr(A X^-1 B)", "trace of inverse gradient", "tr(X^-1) gradient"),
)
