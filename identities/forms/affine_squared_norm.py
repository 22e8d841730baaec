"""The squared norm of an affine map ‖Ax + b‖²: gradients 2Aᵀ(Ax + b) in x, 2(Ax + b)xᵀ in A, 2(Ax + b) in b.

For x of length n, an m×n matrix A and an offset b of length m, f = (Ax + b)ᵀ(Ax + b) = rᵀr with
r = Ax + b. Every variable enters r linearly, and d(rᵀr) = 2rᵀdr; with dr = A dx, dA x or db the
three gradients follow, and the Hessian in x is the constant 2AᵀA. The gradient in A is the outer
product of the residual with the input: the weight gradient of a linear layer under squared error.

The slips are the factor 2 (the loss is often halved), AᵀA in the gradient with respect to A,
and xrᵀ — the numerator layout — for rxᵀ.

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> verify(get("affine-squared-norm")).ok
True
>>> A, b = np.array([[1.0, 2.0], [0.0, 1.0], [3.0, -1.0]]), np.array([1.0, 0.0, -2.0])
>>> f = lambda x, A, b: np.sum((A @ x + b) ** 2)
>>> check_gradient(f, lambda x, A, b: 2 * A.T @ (A @ x + b), np.array([0.5, -1.0]), A, b).ok
True
"""

from identities.define import *

x = vector("x", "n")
A = matrix("A", "m", "n")
b = vector("b", "m")
dx = d(x)
r = named("r", add(mul(A, x), b))

IDENTITY = identity(
    id="affine-squared-norm",
    title="Gradients and Hessian of the squared norm of an affine map ‖Ax + b‖²",
    symbols=[variable(x, "the input, a vector of length n"),
             variable(A, "the map, m×n"),
             variable(b, "the offset, a vector of length m")],
    function=mul(Transpose(r), r),
    claims=[
        gradient(x, mul(2, A.T, r)),
        gradient(A, mul(2, r, x.T)),
        gradient(b, mul(2, r)),
        hessian(x, mul(2, A.T, A)),
    ],
    derivation=derivation(
        x,
        step(add(mul(dx.T, A.T, r), mul(Transpose(r), A, dx)), "product rule on rᵀr; dr = A dx"),
        step(mul(2, Transpose(r), A, dx), "the two 1×1 terms are transposes of each other, so equal"),
        step(mul(Transpose(mul(2, A.T, r)), dx), "rᵀA = (Aᵀr)ᵀ, so df = (∇f)ᵀdx"),
    ),
    see_also=("least-squares-vector", "least-squares", "linear-layer", "residual-norm"),
    sources=(cookbook(78, locator="with B = D = A, b = d and C = I"),),
    aliases=("gradient of (Ax+b)T(Ax+b)", "squared norm of an affine map", "squared residual gradient"),
)
