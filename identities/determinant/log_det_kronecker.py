"""The gradient of log det(X ⊗ B) is m X⁻ᵀ, for X n×n and a constant B of size m×m.

Because det(X ⊗ B) = (det X)ᵐ (det B)ⁿ, the log-determinant splits into m log det X + n log det B,
and only the first term depends on X: the gradient is m X⁻ᵀ, of the shape of X. The Jacobian of
X ⊗ B itself is never needed.

This is the gradient used to fit a matrix-normal (Kronecker-separable) covariance Σ = U ⊗ V by
maximum likelihood, where the log-determinant of the nm×nm covariance becomes m log det U +
n log det V. The classic mistake is to take the factor from the wrong matrix, n X⁻ᵀ, which the
catalog rejects by checking with m ≠ n.

>>> from identities import get, verify
>>> verify(get("log-det-kronecker")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
B = matrix("B", "m", "m")
dX = d(X)

IDENTITY = identity(
    id="log-det-kronecker",
    title="Gradient of log det(X ⊗ B)",
    symbols=[
        variable(X, "the variable, an n×n matrix with positive determinant", "positive-determinant"),
        constant(B, "a constant m×m matrix with positive determinant", "positive-determinant"),
    ],
    function=log(Determinant(KroneckerProduct(X, B))),
    claims=[gradient(X, mul(dim("m"), Inverse(X).T))],
    derivation=derivation(
        X,
        step(mul(dim("m"), Trace(mul(Inverse(X), dX))),
             "log det(X ⊗ B) = m log det X + n log det B; the second term is constant"),
        step(Trace(mul(Transpose(mul(dim("m"), Inverse(X).T)), dX)), "df = tr(Gᵀ dX) with G = mX⁻ᵀ"),
    ),
    see_also=("log-det", "kronecker-mixed-product"),
    sources=(cookbook(locator="§10.2.1, det(A ⊗ B) = det(A)^{rank B} det(B)^{rank A}"),
             cite("magnus2019matrix", "ch. 2, the determinant of a Kronecker product")),
    aliases=("log det kronecker", "matrix normal log-determinant", "separable covariance log-determinant"),
)
