"""Vector least squares ½‖Cx − y‖²: gradient Cᵀ(Cx − y), constant Hessian CᵀC.

For a design matrix C of shape m×n, an unknown x with n entries and targets y with m entries,
call the residual r = Cx − y. The loss is ½ rᵀr, its differential is rᵀ dr, and dr = C dx, so
df = (Cᵀr)ᵀ dx and the gradient is the n-vector Cᵀ(Cx − y). The gradient is affine in x, so
differentiating once more leaves the constant n×n Hessian CᵀC. (Some texts call the targets d;
here they are y, because d is reserved for differentials and dimensions.)

This is ordinary linear regression with one output. The zero of the gradient is the normal
equations CᵀCx = Cᵀy; because the Hessian never changes, Newton's method lands on that solution
in one step, and Gauss–Newton for nonlinear residuals uses CᵀC with C the Jacobian of the
residual. CᵀC is positive semidefinite, and definite exactly when C has full column rank.

The Hessian is CᵀC (n×n, the size of x), not CCᵀ (m×m, the size of y); and the factor ½ is what
makes the gradient free of a 2. For x a vector the two vec orders coincide, so the Hessian has a
single form.

>>> import numpy as np
>>> from identities import get, check_hessian, verify
>>> verify(get("least-squares-vector")).ok
True
>>> C = np.array([[1.0, 2.0], [0.0, 1.0], [3.0, -1.0]]); y = np.array([1.0, 0.0, 2.0]); x = np.zeros(2)
>>> check_hessian(lambda x, C, y: 0.5 * np.sum((C @ x - y) ** 2), lambda x, C, y: C.T @ C, x, C, y).ok
True
"""

from identities.define import *

C = matrix("C", "m", "n")
x = vector("x", "n")
y = vector("y", "m")
dx = d(x)
residual = add(mul(C, x), -y)

IDENTITY = identity(
    id="least-squares-vector",
    title="Gradient and Hessian of vector least squares ½‖Cx − y‖²",
    symbols=[
        variable(x, "the unknown, a vector of length n"),
        constant(C, "the design matrix, m×n"),
        constant(y, "the targets, a vector of length m"),
    ],
    function=mul(Rational(1, 2), Trace(mul(Transpose(residual), residual))),
    claims=[
        gradient(x, mul(C.T, residual)),
        hessian(x, mul(C.T, C), vec="F"),
    ],
    derivation=derivation(
        x,
        step(mul(Rational(1, 2), add(Trace(mul(Transpose(mul(C, dx)), residual)),
                                     Trace(mul(Transpose(residual), C, dx)))),
             "product rule on rᵀr with r = Cx − y; dr = C dx because y is constant"),
        step(Trace(mul(Transpose(residual), C, dx)),
             "the two terms are transposes of one 1×1 matrix, so they are equal and ½ · 2 = 1"),
        step(Trace(mul(Transpose(mul(C.T, residual)), dx)),
             "(Cx − y)ᵀC = (Cᵀ(Cx − y))ᵀ, so df = (∇f)ᵀ dx with ∇f = Cᵀ(Cx − y)"),
    ),
    see_also=("least-squares", "quadratic-form", "least-squares-hessian"),
    sources=(cookbook(locator="special case of eq. (84), with W = I and a factor ½"),),
    aliases=("vector least squares", "linear regression gradient", "normal equations"),
)
