"""The positive-definite Woodbury variant: (P⁻¹ + BᵀR⁻¹B)⁻¹BᵀR⁻¹ = PBᵀ(BPBᵀ + R)⁻¹.

For positive definite P (n×n) and R (m×m) and B of shape m×n, both sides are the gain of a linear-
Gaussian update: the Kalman gain of a measurement y = Bx + e with prior covariance P and noise
covariance R, written in information form on the left (an n×n inverse) and in covariance form on
the right (an m×m inverse). Multiply both sides by P⁻¹ + BᵀR⁻¹B on the left and by BPBᵀ + R on the
right: each becomes BᵀR⁻¹BPBᵀ + Bᵀ, which is the proof. It is an equality checked at random draws
within the rounding error both sides can make there.

Which side is cheaper depends on n and m: with few states and many measurements the left, with few
measurements the right. The transposes are the classic slip: B and Bᵀ swapped do not fit unless
m = n, and then give a different matrix; and R cannot be dropped from BPBᵀ + R, which is singular
without it when there are more measurements than states.

>>> from identities import get, verify
>>> verify(get("woodbury-posdef")).ok
True
"""

from identities.define import *

P = matrix("P", "n", "n")
R = matrix("R", "m", "m")
B = matrix("B", "m", "n")

IDENTITY = identity(
    id="woodbury-posdef",
    title="The positive-definite Woodbury variant (the Kalman gain in two forms)",
    output="G",
    symbols=[
        constant(P, "a symmetric positive definite n×n matrix (a prior covariance)", "spd"),
        constant(R, "a symmetric positive definite m×m matrix (a noise covariance)", "spd"),
        constant(B, "an m×n matrix (the measurement map)"),
    ],
    function=mul(Inverse(add(Inverse(P), mul(B.T, Inverse(R), B))), B.T, Inverse(R)),
    claims=[equal(mul(P, B.T, Inverse(add(mul(B, P, B.T), R))))],
    see_also=("woodbury", "woodbury-symmetric", "searle-update-times-factor"),
    sources=(cookbook(158, 185),),
    aliases=("kalman gain identity", "information form gain", "posdef woodbury"),
)
