"""The squared Frobenius norm ‖X‖²_F = tr(XᵀX) has gradient 2X.

The squared Frobenius norm adds up the squares of all entries of X, so entry by entry its
derivative is twice that entry. The differential gets there without indices: X occurs twice in
tr(XᵀX), the product rule gives one term for each occurrence, and since a trace is unchanged by
transposition the two terms are equal, df = 2 tr(Xᵀ dX). It is the quadratic trace form
tr(XᵀAX) with A = I, whose gradient (A + Aᵀ)X becomes 2X.

This is the gradient of weight decay: an L2 penalty λ‖W‖²_F adds 2λW to the gradient of a
loss, which is why many texts write the penalty as (λ/2)‖W‖²_F to get λW.

Keep the factor conventions apart: ½‖X‖²_F has gradient X, and the norm itself, ‖X‖_F without
the square, has gradient X/‖X‖_F, which does not exist at X = 0.

>>> import numpy as np
>>> from identities import get, check_gradient, verify
>>> verify(get("frobenius-norm-squared")).ok
True
>>> X = np.array([[1.0, -2.0, 0.5], [0.0, 3.0, 1.0]])
>>> check_gradient(lambda X: np.sum(X * X), lambda X: X, X).diagnosis
'factor ½: your answer is half the derivative'
"""

from identities.define import *

X = matrix("X", "m", "n")
dX = d(X)

IDENTITY = identity(
    id="frobenius-norm-squared",
    title="Gradient of the squared Frobenius norm",
    symbols=[variable(X, "the variable, an m×n matrix")],
    function=Trace(mul(X.T, X)),
    claims=[gradient(X, mul(2, X))],
    derivation=derivation(
        X,
        step(add(Trace(mul(dX.T, X)), Trace(mul(X.T, dX))), "product rule on XᵀX, then d(Xᵀ) = (dX)ᵀ"),
        step(add(Trace(mul(X.T, dX)), Trace(mul(X.T, dX))), "tr(Mᵀ) = tr(M) turns the first term into the second"),
        step(mul(2, Trace(mul(X.T, dX))), "collect the two equal terms"),
        step(Trace(mul(Transpose(mul(2, X)), dX)), "written as tr(Gᵀ dX) with G = 2X"),
    ),
    see_also=("trace-quadratic", "least-squares", "rule-product", "rule-transpose"),
    sources=(cookbook(115, 132),),
    aliases=("squared frobenius norm", "frobenius norm", "trace xtx", "weight decay gradient"),
)
