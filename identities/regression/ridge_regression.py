"""Ridge regression ‖Ax − y‖² + λ‖x‖²: gradient 2Aᵀ(Ax − y) + 2λx, Hessian 2(AᵀA + λI), and ‖x‖² in λ.

With a design matrix A (m×n), targets y and a penalty λ > 0, ridge regression (Tikhonov
regularisation, weight decay) adds λxᵀx to the least-squares loss. The two parts are
differentiated separately: 2Aᵀ(Ax − y) from the residual, 2λx from the penalty. The Hessian
2(AᵀA + λI) is positive definite for every λ > 0, whatever the rank of A, so the minimiser
x̂ = (AᵀA + λI)⁻¹Aᵀy always exists; its derivative along λ is ridge-path. As a function of λ
the objective is linear, with derivative ‖x‖² — the number a hyper-parameter search differentiates.

The usual slips are λx for 2λx (the penalty is often written (λ/2)‖x‖²) and λ added to A instead
of AᵀA.

>>> from identities import get, verify
>>> verify(get("ridge-regression")).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
x = vector("x", "n")
y = vector("y", "m")
lam = scalar("lamda")   # SymPy prints the name lamda as λ (lambda is a Python keyword)
dx = d(x)
r = named("r", add(mul(A, x), mul(-1, y)))

IDENTITY = identity(
    id="ridge-regression",
    title="Gradients and Hessian of ridge regression ‖Ax − y‖² + λ‖x‖²",
    symbols=[variable(x, "the coefficients, a vector of length n"),
             variable(lam, "the penalty λ, a positive number", "positive"),
             constant(A, "the design matrix, m×n"),
             constant(y, "the targets, a vector of length m")],
    function=add(Trace(mul(Transpose(r), r)), lam * Trace(mul(x.T, x))),
    claims=[
        gradient(x, add(mul(2, A.T, r), mul(2 * lam, x))),
        gradient(lam, Trace(mul(x.T, x))),
        hessian(x, mul(2, add(mul(A.T, A), mul(lam, eye("n"))))),
    ],
    derivation=derivation(
        x,
        step(add(mul(2, Trace(mul(Transpose(r), A, dx))), mul(2 * lam, Trace(mul(x.T, dx)))),
             "d(rᵀr) = 2rᵀdr with dr = A dx; d(xᵀx) = 2xᵀdx"),
        step(Trace(mul(Transpose(add(mul(2, A.T, r), mul(2 * lam, x))), dx)), "collect: df = (∇f)ᵀdx"),
    ),
    see_also=("ridge-path", "least-squares-vector", "frobenius-norm-squared"),
    sources=(cite("goodfellow2016deep", "§7.1.1, L² parameter regularization"),),
    aliases=("ridge regression gradient", "tikhonov regularization", "l2 regularized least squares", "weight decay"),
)
