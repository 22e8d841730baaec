"""The Frobenius norm ‖X‖_F (not squared) has gradient X/‖X‖_F.

For a nonzero m×n matrix X, ‖X‖_F = √tr(XᵀX) is the Euclidean norm of its entries. The square
root turns the differential 2tr(XᵀdX) of the square into tr(XᵀdX)/‖X‖_F, so the gradient is X
scaled to unit Frobenius norm. It is the matrix version of x/‖x‖₂, and the direction a gradient
is clipped along when clipping by the global norm; it is not differentiable at X = 0. In vec form
the norm is ‖vec X‖₂, so its Hessian is that of euclidean-norm: (I − vvᵀ)/‖X‖_F with
v = vec(X)/‖X‖_F, in either vec order with the matching vec.

The Matrix Cookbook states only the square, ∂‖X‖²_F/∂X = 2X (eq. (132), frobenius-norm-squared
here); using 2X, or X/‖X‖²_F, for the norm itself are the slips to avoid.

>>> from identities import get, verify
>>> verify(get("frobenius-norm")).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
dX = d(X)
norm = sqrt(Trace(mul(X.T, X)))

IDENTITY = identity(
    id="frobenius-norm",
    title="Gradient and Hessian of the Frobenius norm of X",
    symbols=[variable(X, "the variable, a nonzero m×n matrix")],
    function=norm,
    claims=[
        gradient(X, mul(1 / norm, X)),
        hessian(X, mul(1 / norm, add(KroneckerProduct(eye("n"), eye("m")),
                                     mul(-1 / norm ** 2, Vec(X, "F"), Vec(X, "F").T))), vec="F"),
        hessian(X, mul(1 / norm, add(KroneckerProduct(eye("m"), eye("n")),
                                     mul(-1 / norm ** 2, Vec(X, "C"), Vec(X, "C").T))), vec="C"),
    ],
    derivation=derivation(
        X,
        step(mul(1 / (2 * norm), Trace(add(mul(dX.T, X), mul(X.T, dX)))), "d√s = ds/(2√s) with s = tr(XᵀX)"),
        step(Trace(mul(Transpose(mul(1 / norm, X)), dX)), "tr(dXᵀX) = tr(XᵀdX); collect"),
    ),
    see_also=("frobenius-norm-squared", "two-norm-hessian", "frobenius-residual-norm", "nuclear-norm"),
    sources=(cookbook(locator="§2.7.1; eq. (132) is the square, divided here by 2‖X‖_F by the chain rule"),),
    aliases=("frobenius norm gradient", "derivative of the frobenius norm", "global norm gradient clipping"),
)
