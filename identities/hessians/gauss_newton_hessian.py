"""Nonlinear least squares: the Hessian is JᵀJ + Σᵢ rᵢ∇²rᵢ, and Gauss–Newton keeps only JᵀJ.

For a residual r(x) = tanh(Ax) − y (a one-layer model with targets y; A is m×n, x ∈ ℝⁿ) and the loss
f = ½‖r‖², the Jacobian of the residual is J = diag(g′)A with g′ = 1 − tanh(Ax)^⊙2, and the gradient
is Jᵀr. Differentiating Jᵀr once more gives two terms: JᵀJ from the change of r, and the residuals
times the curvature of each rᵢ, Σᵢ rᵢ∇²rᵢ = Aᵀ diag(r ⊙ g″)A with g″ = −2 tanh(Ax) ⊙ g′. The exact
Hessian is their sum.

The Gauss–Newton (and Levenberg–Marquardt) matrix is JᵀJ alone: always positive semidefinite, and
cheap, since J is needed for the gradient anyway, but an approximation whose error is the second
term. It vanishes where the residuals do (a zero-residual fit) and for a linear residual, where
JᵀJ = AᵀA is the exact Hessian of least squares. Stating JᵀJ as the Hessian is the mistake this
identity's checks reject.

>>> from identities import get, verify
>>> verify(get("gauss-newton-hessian")).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
x = vector("x", "n")
y = vector("y", "m")
dx = d(x)
t = named("t", tanh_(mul(A, x)))
g1 = named("g1", derivative_of(tanh_)(mul(A, x), value=t))
g2 = mul(-2, HadamardProduct(t, g1))
r = named("r", add(t, mul(-1, y)))
J = named("J", mul(DiagMatrix(g1), A))
curvature = mul(A.T, DiagMatrix(HadamardProduct(r, g2)), A)

IDENTITY = identity(
    id="gauss-newton-hessian",
    title="Hessian of nonlinear least squares ½‖tanh(Ax) − y‖²: JᵀJ plus the residual curvature",
    symbols=[
        variable(x, "the parameters, a vector of length n"),
        constant(A, "the design matrix, m×n"),
        constant(y, "the targets, a vector of length m"),
    ],
    function=mul(Rational(1, 2), r.T, r),
    claims=[
        gradient(x, mul(J.T, r)),
        hessian(x, add(mul(J.T, J), curvature)),
    ],
    derivation=derivation(
        x,
        step(add(mul(Transpose(HadamardProduct(g1, mul(A, dx))), HadamardProduct(g1, mul(A, dx))),
                 mul(r.T, HadamardProduct(g2, mul(A, dx), mul(A, dx)))),
             "d of df = rᵀ(g′ ⊙ A dx) with dx fixed: r moves by g′ ⊙ A dx, and g′ by g″ ⊙ A dx"),
        step(add(mul(dx.T, J.T, J, dx), mul(dx.T, curvature, dx)),
             "g′ ⊙ A dx = diag(g′)A dx = J dx; rᵀ(g″ ⊙ v ⊙ v) = vᵀ diag(r ⊙ g″) v with v = A dx"),
        step(mul(Vec(dx, "F").T, add(mul(J.T, J), curvature), Vec(dx, "F")), "collect; a vector is its own vec"),
        order=2,
    ),
    see_also=("least-squares-vector", "tanh-layer", "weighted-residual-form"),
    sources=(cite("nocedal2006numerical", "§10.1, eq. (10.5): ∇²f = JᵀJ + Σⱼ rⱼ∇²rⱼ"),),
    aliases=("gauss-newton", "gauss newton hessian", "levenberg-marquardt", "nonlinear least squares hessian",
             "generalized gauss-newton"),
)
