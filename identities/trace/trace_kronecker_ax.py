"""The trace of a Kronecker product factorises, tr(A ⊗ X) = tr(A) tr(X), so its gradient is tr(A) I.

A ⊗ X is the block matrix whose (i, j) block is AᵢⱼX; its diagonal blocks are AᵢᵢX, so its trace is
Σᵢ Aᵢᵢ tr(X) = tr(A) tr(X). As a function of X this is tr(X) scaled by the number tr(A), and the
gradient is tr(A) times the identity, n×n like X, whatever the size of A.

Kronecker products appear in the covariance of matrix-normal distributions and in
Kronecker-factored curvature (K-FAC), where traces of such products are computed this way and never
by forming the product. The usual slip is to answer A ⊗ I or a matrix of the size of A ⊗ X: the
gradient has the shape of X.

>>> import numpy as np
>>> from identities import get, check_gradient, verify
>>> verify(get("trace-kronecker-AX")).ok
True
>>> A = np.arange(4.0).reshape(2, 2); X = np.arange(9.0).reshape(3, 3)
>>> check_gradient(lambda X, A: np.trace(np.kron(A, X)), lambda X, A: np.trace(A) * np.eye(3), X, A).ok
True
"""

from identities.define import *

A = matrix("A", "m", "m")
X = matrix("X", "n", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-kronecker-AX",
    title="Gradient of the trace of a Kronecker product tr(A ⊗ X)",
    symbols=[variable(X, "a square n×n matrix"), constant(A, "a constant square m×m matrix")],
    function=Trace(KroneckerProduct(A, X)),
    claims=[gradient(X, mul(Trace(A), eye("n")))],
    derivation=derivation(
        X,
        step(Trace(KroneckerProduct(A, dX)), "A is constant: d(A ⊗ X) = A ⊗ dX"),
        step(mul(Trace(A), Trace(dX)), "tr(A ⊗ M) = tr(A) tr(M): the diagonal blocks of A ⊗ M are AᵢᵢM"),
        step(Trace(mul(Transpose(mul(Trace(A), eye("n"))), dX)), "the form tr(Gᵀ dX) with G = tr(A) I"),
    ),
    see_also=("trace-X", "trace-kronecker-XX", "kronecker-mixed-product"),
    sources=(cookbook(105),),
    aliases=("tr(A kron X)", "kronecker trace"),
)
