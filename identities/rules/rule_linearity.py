"""Linearity: the differential of a linear combination is the same combination of differentials.

If f = a f₁ + b f₂ with constant scalars a and b, then df = a df₁ + b df₂, and so
∇f = a∇f₁ + b∇f₂. The derivative is itself a linear map, and taking it is a linear operation,
so sums and constant factors pass straight through. This is what lets a long expression be
differentiated term by term, each term with whatever rule fits it.

The checked instance takes two linear trace functions of X (m×n) with n×m coefficient matrices
A and B, and f = 3 tr(AX) − 2 tr(BX). Each term contributes tr(M dX), and the transpose in the
identification tr(Gᵀ dX) makes the gradient 3Aᵀ − 2Bᵀ, an m×n matrix like X. The coefficients 3
and −2 are deliberately unequal and of both signs, so that a dropped factor or sign shows up.

>>> from identities import get, verify
>>> verify(get("rule-linearity")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "m")
B = matrix("B", "n", "m")
X = matrix("X", "m", "n")
dX = d(X)
a, b = Rational(3), Rational(-2)

IDENTITY = identity(
    id="rule-linearity",
    title="Linearity rule: d(a f₁ + b f₂) = a df₁ + b df₂",
    symbols=[
        variable(X, "the variable, m×n"),
        constant(A, "the coefficient matrix of the first term, n×m"),
        constant(B, "the coefficient matrix of the second term, n×m"),
    ],
    function=add(mul(a, Trace(mul(A, X))), mul(b, Trace(mul(B, X)))),
    claims=[gradient(X, add(mul(a, A.T), mul(b, B.T)))],
    derivation=derivation(
        X,
        step(add(mul(a, Trace(mul(A, dX))), mul(b, Trace(mul(B, dX)))),
             "linearity: df = 3 d tr(AX) − 2 d tr(BX), and d tr(MX) = tr(M dX)"),
        step(add(mul(a, Trace(mul(Transpose(A.T), dX))), mul(b, Trace(mul(Transpose(B.T), dX)))),
             "write each coefficient as (Mᵀ)ᵀ to match tr(Gᵀ dX)"),
        step(Trace(mul(Transpose(add(mul(a, A.T), mul(b, B.T))), dX)),
             "linearity of trace and transpose: collect the terms into one tr(Gᵀ dX)"),
    ),
    see_also=("rule-frobenius-identification", "trace-linear"),
    sources=(cookbook(34, 35),),
    aliases=("linearity rule", "sum rule", "linear combination rule"),
)
