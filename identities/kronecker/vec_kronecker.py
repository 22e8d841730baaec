"""vec turns the sandwich A X B into one matrix acting on vec X: the Kronecker product Bᵀ ⊗ A.

F = AXB is linear in X, so its differential is the same sandwich with dX in the middle,
A dX B, and its Jacobian is a constant matrix. Stacking the columns of dX into one long vector,
column j of A dX B is A dX b_j = Σᵢ B_ij A dx_i, where b_j and dx_i are columns of B and dX. Block
(j, i) of the Jacobian is therefore B_ij A, which is exactly the Kronecker product Bᵀ ⊗ A, of shape
pq×mn with rows indexing the entries of F (numerator layout).

The factor order belongs to the vec convention. With column stacking (the mathematical vec,
Fortran, MATLAB, Julia, R and NumPy's ``order="F"``) the matrix is Bᵀ ⊗ A; with row stacking
(NumPy's default ``reshape(-1)`` and PyTorch) the two factors trade places and the matrix is
A ⊗ Bᵀ. Copying one formula into code written for the other order is a silent bug, so both are
listed and verified.

In practice the pq×mn matrix is almost never formed: the identity is a device for turning matrix
equations into vector ones (solving AXB = C, chaining Jacobians of matrix maps, writing Hessians
such as I ⊗ AᵀA), while the product itself is computed as A dX B.

>>> from identities import get, verify
>>> verify(get("vec-kronecker")).ok
True
"""

from identities.define import *

A = matrix("A", "p", "m")
X = matrix("X", "m", "n")
B = matrix("B", "n", "q")
dX = d(X)

IDENTITY = identity(
    id="vec-kronecker",
    title="Jacobian of AXB: vec(AXB) = (Bᵀ ⊗ A) vec(X)",
    output="F",
    symbols=[
        variable(X, "the variable, an m×n matrix"),
        constant(A, "the left factor, p×m"),
        constant(B, "the right factor, n×q"),
    ],
    function=mul(A, X, B),
    claims=[
        differential_of(X, mul(A, dX, B)),
        jacobian(X, KroneckerProduct(B.T, A), vec="F"),
    ],
    derivation=derivation(
        X,
        step(mul(A, dX, B), "F is linear in X, so dF replaces X by dX"),
        step(mul(KroneckerProduct(B.T, A), Vec(dX, "F")),
             "vectorise column by column: column j of A dX B is Σᵢ B_ij A dx_i, block (j, i) is B_ij A",
             vec="F"),
    ),
    see_also=("least-squares-hessian", "inverse-differential", "trace-AXB", "rule-transpose"),
    sources=(cookbook(520),),
    aliases=("vec kronecker", "vec axb", "kronecker jacobian", "vec trick"),
)
