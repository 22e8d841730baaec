"""The Hessian of ‖AXB + C‖²_F is 2(BBᵀ ⊗ AᵀA): least squares with a design on each side.

For A of shape p×m, X of shape m×n, B of shape n×q and C of shape p×q, the residual R = AXB + C moves
by A dX B, so df = 2 tr(Rᵀ A dX B) and the gradient is 2Aᵀ(AXB + C)Bᵀ, the Matrix Cookbook's eq. (119).
The gradient is affine in X, and with dX held fixed d²f = 2‖A dX B‖²_F = 2 vec(dX)ᵀ(B ⊗ Aᵀ)(Bᵀ ⊗ A)vec(dX):
the Hessian is the constant 2(BBᵀ ⊗ AᵀA), and 2(AᵀA ⊗ BBᵀ) in row-stacking order.

B = I gives the least-squares Hessian 2(I ⊗ AᵀA) and A = I its transpose problem. The minimiser solves
AᵀA X BBᵀ = −AᵀCBᵀ, whose Kronecker form (BBᵀ ⊗ AᵀA) vec(X) = −vec(AᵀCBᵀ) is one Newton step. The
mistakes are BᵀB for BBᵀ (a q×q matrix where an n×n one belongs), the factors in the other vec order,
and the 2.

>>> from identities import get, verify
>>> verify(get("affine-frobenius-hessian")).ok
True
"""

from identities.define import *

A = matrix("A", "p", "m")
X = matrix("X", "m", "n")
B = matrix("B", "n", "q")
C = matrix("C", "p", "q")
dX = d(X)
R = add(mul(A, X, B), C)

IDENTITY = identity(
    id="affine-frobenius-hessian",
    title="Gradient and Hessian of ‖AXB + C‖² (Frobenius norm)",
    symbols=[
        variable(X, "the variable, an m×n matrix"),
        constant(A, "a p×m matrix"),
        constant(B, "an n×q matrix"),
        constant(C, "a p×q matrix"),
    ],
    function=Trace(mul(R, R.T)),
    claims=[
        gradient(X, mul(2, A.T, R, B.T)),
        hessian(X, mul(2, KroneckerProduct(mul(B, B.T), mul(A.T, A))), vec="F"),
        hessian(X, mul(2, KroneckerProduct(mul(A.T, A), mul(B, B.T))), vec="C"),
    ],
    derivation=derivation(
        X,
        step(mul(2, Trace(mul(A, dX, B, Transpose(mul(A, dX, B))))),
             "differentiate df = 2 tr((A dX B)Rᵀ) with dX fixed: R moves by A dX B"),
        step(mul(2, Vec(mul(A, dX, B), "F").T, Vec(mul(A, dX, B), "F")), "tr(MMᵀ) = vec(M)ᵀ vec(M)"),
        step(mul(2, Vec(dX, "F").T, KroneckerProduct(B, A.T), KroneckerProduct(B.T, A), Vec(dX, "F")),
             "vec(A dX B) = (Bᵀ ⊗ A) vec(dX), and (Bᵀ ⊗ A)ᵀ = B ⊗ Aᵀ"),
        step(mul(Vec(dX, "F").T, mul(2, KroneckerProduct(mul(B, B.T), mul(A.T, A))), Vec(dX, "F")),
             "mixed product: (B ⊗ Aᵀ)(Bᵀ ⊗ A) = BBᵀ ⊗ AᵀA"),
        order=2,
    ),
    see_also=("least-squares-hessian", "trace-quadratic-hessian", "vec-kronecker", "kronecker-mixed-product"),
    sources=(cookbook(119),
             cite("magnus2019matrix", "ch. 10, second-order differentials and Hessian matrices")),
    aliases=("hessian of AXB + C", "two-sided least squares hessian", "frobenius residual hessian"),
)
