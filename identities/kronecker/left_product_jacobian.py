"""The Jacobian of X ↦ AX is I_n ⊗ A with columns stacked and A ⊗ I_n with rows stacked.

Multiplying X (m×n) on the left by a constant A (p×m) acts on each column of X separately:
column j of A dX is A times column j of dX. Stacking the columns, the Jacobian is block diagonal
with n copies of A, which is I_n ⊗ A. Stacking rows instead interleaves the columns, and the
matrix becomes A ⊗ I_n. It is the case B = I of vec(AXB) = (Bᵀ ⊗ A) vec X, but it is the form met
most often — a linear layer Z = WX acting on a batch of columns has exactly this Jacobian in W's
partner X — and the two vec orders are where code goes wrong: NumPy's default ``reshape(-1)``
stacks rows, so the column-stacking formula copied into NumPy code is the wrong matrix.

In reverse mode nothing Kronecker-shaped remains: the adjoint of dX ↦ A dX is Ȳ ↦ AᵀȲ.

>>> from identities import get, verify
>>> verify(get("left-product-jacobian")).ok
True
"""

from identities.define import *

A = matrix("A", "p", "m")
X = matrix("X", "m", "n")
Ybar = bar("Y", "p", "n")
dX = d(X)

IDENTITY = identity(
    id="left-product-jacobian",
    title="Jacobian of AX: I ⊗ A (columns), A ⊗ I (rows)",
    output="Y",
    symbols=[
        variable(X, "the variable, m×n"),
        constant(A, "the left factor, p×m"),
        upstream(Ybar, "the upstream gradient ∇_Y L, p×n"),
    ],
    function=mul(A, X),
    claims=[
        differential_of(X, mul(A, dX)),
        jacobian(X, KroneckerProduct(eye("n"), A)),
        jacobian(X, KroneckerProduct(A, eye("n")), vec="C"),
        vjp(X, mul(A.T, Ybar)),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(Ybar.T, A, dX)), "dL = tr(Ȳᵀ dY), with dY = A dX"),
        step(Trace(mul(Transpose(mul(A.T, Ybar)), dX)), "ȲᵀA = (AᵀȲ)ᵀ: the form tr(Gᵀ dX), G = AᵀȲ"),
    ),
    see_also=("right-product-jacobian", "vec-kronecker", "linear-layer"),
    sources=(cookbook(locator="§10.2.2, eq. (520) with B = I"),
             cite("magnus2019matrix", "ch. 9, Jacobian matrices of matrix functions")),
    aliases=("jacobian of AX", "left multiplication jacobian", "I kron A"),
)
