"""tr(diag(x) A diag(x) B) = xᵀ(A ∘ Bᵀ)x: its gradient is (A ∘ Bᵀ + Aᵀ ∘ B)x, its Hessian A ∘ Bᵀ + Aᵀ ∘ B.

For a vector x of length n and constant n×n matrices A and B, D = diag(x) scales rows and columns,
and tr(DADB) = Σᵢⱼ xᵢAᵢⱼxⱼBⱼᵢ = xᵀ(A ∘ Bᵀ)x: a trace with diagonal matrices is a quadratic form with a
Hadamard product, the identity behind diagonal scaling and preconditioning. The product rule gives
tr(diag(dx) ADB) + tr(DA diag(dx) B); each is a sum over the diagonal, dxᵀ diag(ADB) and
dxᵀ diag(BDA), and diag(ADB) = (A ∘ Bᵀ)x, diag(BDA) = (Aᵀ ∘ B)x. So the gradient is
(A ∘ Bᵀ + Aᵀ ∘ B)x and the Hessian the constant symmetric matrix A ∘ Bᵀ + Aᵀ ∘ B.

The classic slips are A ∘ B where A ∘ Bᵀ belongs, and 2(A ∘ Bᵀ)x, which forgets that A ∘ Bᵀ need not
be symmetric.

>>> import numpy as np
>>> from identities import get, check_gradient, verify
>>> verify(get("trace-diag-sandwich")).ok
True
>>> A, B = np.random.default_rng(2).standard_normal((2, 3, 3)); x = np.array([1.0, -2.0, 0.5])
>>> f = lambda x, A, B: np.trace(np.diag(x) @ A @ np.diag(x) @ B)
>>> check_gradient(f, lambda x, A, B: (A * B.T + A.T * B) @ x, x, A, B).ok
True
"""

from identities.define import *

x = vector("x", "n")
A = matrix("A", "n", "n")
B = matrix("B", "n", "n")
dx = d(x)
H = add(HadamardProduct(A, B.T), HadamardProduct(A.T, B))

IDENTITY = identity(
    id="trace-diag-sandwich",
    title="Gradient and Hessian of tr(diag(x) A diag(x) B)",
    symbols=[
        variable(x, "the variable, a vector of length n"),
        constant(A, "a constant n×n matrix"),
        constant(B, "a constant n×n matrix"),
    ],
    function=Trace(mul(DiagMatrix(x), A, DiagMatrix(x), B)),
    claims=[gradient(x, mul(H, x)), hessian(x, H, vec="F")],
    derivation=derivation(
        x,
        step(add(Trace(mul(DiagMatrix(dx), A, DiagMatrix(x), B)), Trace(mul(DiagMatrix(x), A, DiagMatrix(dx), B))),
             "product rule: d diag(x) = diag(dx)"),
        step(add(mul(dx.T, HadamardProduct(A, B.T), x), mul(dx.T, HadamardProduct(A.T, B), x)),
             "tr(diag(dx) M) = dxᵀ diag(M); diag(A diag(x) B) = (A ∘ Bᵀ)x and diag(B diag(x) A) = (Aᵀ ∘ B)x"),
        step(mul(Transpose(mul(H, x)), dx), "a 1×1 term equals its transpose: the form (∇f)ᵀ dx"),
    ),
    see_also=("quadratic-form", "trace-hadamard-linear", "trace-quadratic-hessian"),
    sources=(cite("minka2000old", "the properties of the Hadamard product and diag: xᵀ(A ∘ B)y = "
                                  "tr(diag(x) A diag(y) Bᵀ)"),),
    aliases=("diagonal scaling trace", "hadamard quadratic form", "tr(D A D B)"),
)
