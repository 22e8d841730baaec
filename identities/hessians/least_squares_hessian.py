"""The least-squares objective has a constant Hessian: I ⊗ AᵀA in column-stacking vec order.

For f(X) = ½‖AX − B‖²_F with A of shape p×m, X of shape m×n and B of shape p×n, name the
residual E = AX − B. Then df = tr(Eᵀ dE) with dE = A dX, and moving A across the trace gives the
gradient Aᵀ(AX − B), an m×n matrix like X.

Differentiate once more with the perturbation dX held fixed: only the residual moves, by A dX, so
d²f = tr((A dX)ᵀ A dX) = ‖A dX‖²_F, which no longer depends on X. Since tr(PᵀQ) = vec(P)ᵀvec(Q) and
AᵀA dX = AᵀA dX I, the vec rule for a sandwich turns this into vec(dX)ᵀ (Iₙ ⊗ AᵀA) vec(dX). The
Hessian acts on each of the n columns of X separately, with the same m×m block AᵀA: the columns
of X are n independent least-squares problems sharing one design matrix.

The block structure depends on the vec order. Stacking rows instead of columns interleaves the
problems and the Hessian becomes AᵀA ⊗ Iₙ. Either way it is symmetric and positive semidefinite,
and positive definite exactly when A has full column rank; Newton's method then reaches the
minimiser (the normal equations AᵀAX = AᵀB) in a single step.

>>> from identities import get, verify
>>> verify(get("least-squares-hessian")).ok
True
"""

from identities.define import *

A = matrix("A", "p", "m")
X = matrix("X", "m", "n")
B = matrix("B", "p", "n")
dX = d(X)
residual = add(A * X, -B)

IDENTITY = identity(
    id="least-squares-hessian",
    title="Hessian of the least-squares objective ½‖AX − B‖² (Frobenius norm)",
    symbols=[
        variable(X, "the unknown, n columns of length m"),
        constant(A, "the design matrix, p×m"),
        constant(B, "the targets, p×n"),
    ],
    function=mul(Rational(1, 2), Trace(mul(Transpose(residual), residual))),
    claims=[
        gradient(X, mul(A.T, residual)),
        hessian(X, KroneckerProduct(eye("n"), mul(A.T, A)), vec="F"),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(Transpose(mul(A, dX)), A, dX)),
             "d of df = tr((AX − B)ᵀ A dX) with dX fixed: the residual moves by A dX"),
        step(Trace(mul(dX.T, A.T, A, dX)), "(A dX)ᵀ = dXᵀ Aᵀ"),
        step(mul(Vec(dX, "F").T, Vec(mul(A.T, A, dX), "F")), "tr(PᵀQ) = vec(P)ᵀ vec(Q)"),
        step(mul(Vec(dX, "F").T, KroneckerProduct(eye("n"), mul(A.T, A)), Vec(dX, "F")),
             "vec(M dX I) = (I ⊗ M) vec(dX) with M = AᵀA"),
        order=2,
    ),
    see_also=("least-squares", "least-squares-vector", "vec-kronecker", "quadratic-form"),
    sources=(cite("magnus2019matrix", "§10.2, the second identification table (p. 211)"),),
    aliases=("least squares hessian", "hessian kronecker", "least-squares curvature"),
)
