"""Singular values: dsᵢ = uᵢᵀ dA vᵢ, so ds = diag(Uᵀ dA V), and the backward pass Ā = U diag(s̄) Vᵀ.

Take the thin SVD A = U diag(s) Vᵀ of an m×n matrix with m ≥ n: U (m×n) and V (n×n) have
orthonormal columns and s holds the singular values in descending order. Differentiating and
multiplying by Uᵀ on the left and V on the right gives Uᵀ dA V = UᵀdU S + dS + S dVᵀV, where S =
diag(s). Both UᵀdU and dVᵀV are antisymmetric (the columns keep unit length), so their diagonals
vanish and each singular value moves by dsᵢ = uᵢᵀ dA vᵢ, the diagonal of Uᵀ dA V. Reading it
backwards, an upstream gradient s̄ pulls back to U diag(s̄) Vᵀ.

The pair (uᵢ, vᵢ) is defined up to a joint change of sign, which leaves uᵢᵀ dA vᵢ unchanged: the
singular values and these formulas need no gauge convention. They need the singular values to be
simple and positive; the inputs are built with full column rank, condition number 10 and singular
values at least s₁/(2n) apart.

Classic mistakes rejected below: Vᵀ where V belongs (NumPy's svd returns Vᵀ, not V), the factors
in the wrong order or a transpose dropped (diag(U dA Vᵀ) is not even defined for a tall A), and the
sign.

Verified by the complex step through a thin SVD whose singular triplets are refined by Newton's
method on [[0, A], [Aᵀ, 0]] (LAPACK's svd drops the imaginary part); a formula off by one part in
10⁸ is rejected. NumPy's own svd is checked by finite differences:

>>> import numpy as np
>>> from identities import check_vjp, get, verify
>>> verify(get("svd-singular-values")).ok
True
>>> A = np.array([[3.0, 1.0], [1.0, 2.0], [0.0, 1.0]])
>>> s = lambda A: np.linalg.svd(A, compute_uv=False)
>>> def Abar(A, sbar):
...     U, _, Vt = np.linalg.svd(A, full_matrices=False)
...     return U @ np.diag(sbar) @ Vt
>>> check_vjp(s, Abar, A).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
sbar = bar("s", "n", 1)
dA = d(A)
s = named("s", svd_s(A))
U = named("U", svd_u(A))
V = named("V", svd_v(A))

IDENTITY = identity(
    id="svd-singular-values",
    title="Derivative of the singular values",
    output="s",
    symbols=[
        variable(A, "the variable, m×n with m ≥ n, full column rank and distinct singular values",
                 "distinct-singular-values"),
        upstream(sbar, "the upstream gradient ∇_s ℓ, a column of n like s"),
    ],
    function=s,
    claims=[
        differential_of(A, diagonal(mul(U.T, dA, V))),
        vjp(A, mul(U, DiagMatrix(sbar), V.T)),
    ],
    derivation=derivation(
        A,
        step(Trace(mul(Ones(1, dim("m")), HadamardProduct(mul(U, DiagMatrix(sbar)), mul(dA, V)),
                       Ones(dim("n"), 1))),
             "dℓ = s̄ᵀ ds with dsᵢ = uᵢᵀ dA vᵢ: Uᵀ dA V = UᵀdU S + dS + S dVᵀV, and UᵀdU, dVᵀV are antisymmetric; "
             "Σᵢ s̄ᵢ uᵢᵀ dA vᵢ sums the entries of (U diag(s̄)) ⊙ (dA V)"),
        step(Trace(mul(sbar.T, diagonal(mul(U.T, dA, V)))), "the column sums of U ⊙ (dA V) are diag(Uᵀ dA V)"),
        step(Trace(mul(DiagMatrix(sbar), U.T, dA, V)), "s̄ᵀ diag(M) = tr(diag(s̄) M)"),
        step(Trace(mul(Transpose(mul(U, DiagMatrix(sbar), V.T)), dA)), "cyclic trace"),
    ),
    see_also=("eigh-eigenvalues", "svd-backward", "nuclear-norm", "spectral-norm"),
    sources=(cite("papadopoulo2000jacobian", "eq. (7), the derivative of a singular value"),
             cite("townsend2016svd", "the singular values' part of the backward pass")),
    aliases=("singular value derivative", "derivative of singular values", "svd values gradient"),
)
