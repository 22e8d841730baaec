"""aᵀXBXᵀc as a quadratic form in vec X: vec(X)ᵀ(Bᵀ ⊗ caᵀ)vec(X), and its Hessian.

For X of shape m×n, B of shape n×n and vectors a, c of length m, f(X) = aᵀXBXᵀc is quadratic in X.
Cycling the trace, f = tr(Xᵀ caᵀ X B) = vec(X)ᵀ vec(caᵀXB) = vec(X)ᵀ(Bᵀ ⊗ caᵀ)vec(X): the vec
trick turns the matrix expression into an ordinary quadratic form in the mn entries of X. The
Hessian of vᵀMv is M + Mᵀ, here (Bᵀ ⊗ caᵀ) + (B ⊗ acᵀ) with columns stacked and the factors
swapped with rows stacked; the gradient is acᵀXBᵀ + caᵀXB.

The Matrix Cookbook prints this identity, eq. (524), with B ⊗ caᵀ in the middle. That form is
right only when B is symmetric (or a and c are parallel): for a general B, vec(X)ᵀ(B ⊗ caᵀ)vec(X)
is aᵀXBᵀXᵀc. The checker rejects the printed form at the nonsymmetric B drawn here (it is the
mutant "Bᵀ → B" of the equality). A quadratic form only determines the symmetric part of its
matrix, so (B ⊗ acᵀ) would serve as well as (Bᵀ ⊗ caᵀ); the Hessian, which must be symmetric, has
both.

>>> import numpy as np
>>> from identities import check_equal, get, verify
>>> verify(get("vec-quadratic-form")).ok
True
>>> rng = np.random.default_rng(0)
>>> a, c = rng.standard_normal((2, 3, 1)); X = rng.standard_normal((3, 2)); B = rng.standard_normal((2, 2))
>>> vec = lambda M: M.reshape(-1, 1, order="F")
>>> f = lambda a, X, B, c: a.T @ X @ B @ X.T @ c
>>> check_equal(f, lambda a, X, B, c: vec(X).T @ np.kron(B.T, c @ a.T) @ vec(X), a, X, B, c).ok
True
>>> check_equal(f, lambda a, X, B, c: vec(X).T @ np.kron(B, c @ a.T) @ vec(X), a, X, B, c).ok
False
"""

from identities.define import *

a = vector("a", "m")
X = matrix("X", "m", "n")
B = matrix("B", "n", "n")
c = vector("c", "m")
dX = d(X)

IDENTITY = identity(
    id="vec-quadratic-form",
    title="aᵀXBXᵀc = vec(X)ᵀ(Bᵀ ⊗ caᵀ)vec(X), and its Hessian",
    symbols=[
        variable(X, "the variable, m×n"),
        constant(a, "a vector of length m"),
        constant(B, "a square n×n matrix, not necessarily symmetric"),
        constant(c, "a vector of length m"),
    ],
    function=mul(a.T, X, B, X.T, c),
    claims=[
        equal(mul(Vec(X).T, KroneckerProduct(B.T, mul(c, a.T)), Vec(X))),
        gradient(X, add(mul(a, c.T, X, B.T), mul(c, a.T, X, B))),
        hessian(X, add(KroneckerProduct(B.T, mul(c, a.T)), KroneckerProduct(B, mul(a, c.T)))),
        hessian(X, add(KroneckerProduct(mul(c, a.T), B.T), KroneckerProduct(mul(a, c.T), B)), vec="C"),
    ],
    derivation=derivation(
        X,
        step(mul(2, a.T, dX, B, dX.T, c), "d² of a quadratic: both copies of X move, twice the cross term"),
        step(mul(2, Trace(mul(dX.T, c, a.T, dX, B))), "a 1×1 matrix is its trace; cycle aᵀ to the end"),
        step(mul(2, Vec(dX).T, KroneckerProduct(B.T, mul(c, a.T)), Vec(dX)),
             "tr(PᵀQ) = vec(P)ᵀvec(Q) and vec(caᵀ dX B) = (Bᵀ ⊗ caᵀ)vec(dX)"),
        step(mul(Vec(dX).T, add(KroneckerProduct(B.T, mul(c, a.T)), KroneckerProduct(B, mul(a, c.T))), Vec(dX)),
             "a quadratic form keeps only the symmetric part: 2M ↦ M + Mᵀ, with (Bᵀ ⊗ caᵀ)ᵀ = B ⊗ acᵀ"),
        order=2,
    ),
    see_also=("trace-vec-inner-product", "vec-kronecker"),
    sources=(cookbook(524, locator="with Bᵀ where eq. (524) prints B"),
             cite("magnus2019matrix", "§10.2, the second identification table (p. 211)")),
    aliases=("quadratic form in vec X", "a^T X B X^T c", "vec quadratic form hessian"),
)
