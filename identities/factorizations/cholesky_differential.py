"""The differential of the Cholesky factor: dL = L Φ(L⁻¹ dA L⁻ᵀ), Φ the lower triangle with half its diagonal.

A symmetric positive definite A has exactly one lower-triangular L with a positive diagonal and
LLᵀ = A. Differentiating that equation gives dL Lᵀ + L dLᵀ = dA; multiplied by L⁻¹ on the left and
L⁻ᵀ on the right it reads L⁻¹dL + (L⁻¹dL)ᵀ = L⁻¹ dA L⁻ᵀ. The left side is a lower-triangular
matrix plus its transpose, so L⁻¹dL is the lower triangle of the right side with its diagonal
halved: Φ(L⁻¹ dA L⁻ᵀ), where Φ(M) = tril(M) − ½ I ⊙ M.

A Cholesky routine reads only one triangle of its argument (NumPy's and LAPACK's the lower), so as
a function of a general square matrix its derivative is not this one: a perturbation above the
diagonal does nothing, one below it counts twice. The formula is therefore stated for
L = chol(sym A) with sym(A) = (A + Aᵀ)/2, which equals chol(A) at a symmetric A and is defined for
every square A; then dA may be any perturbation and the symmetrisation appears inside: dL =
L Φ(L⁻¹ sym(dA) L⁻ᵀ). For a symmetric dA, sym(dA) = dA and this is the textbook form.

Classic mistakes: tril in place of Φ (the diagonal not halved, so dL is too large on the
diagonal), the upper triangle for the lower, L⁻ᵀ for L⁻¹ (or L⁻¹ for L⁻ᵀ) inside Φ, the factor on the
wrong side (Φ(…) L), the upper factor Lᵀ where L belongs, and sym(dA) dropped; each is rejected
below.

The checker's complex step is not valid through numpy.linalg.cholesky (LAPACK conjugates), so the
code below factorizes with a column-by-column Cholesky written without conjugation: this identity is
verified by the complex step, and a formula off by one part in 10⁸ is rejected. The stock routine
is checked by finite differences instead, visibly:

>>> import numpy as np
>>> from identities import check_differential, get, verify
>>> verify(get("cholesky-differential")).ok
True
>>> A = np.array([[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]])
>>> chol = lambda A: np.linalg.cholesky((A + A.T) / 2)
>>> def dL(A, dA):
...     L = chol(A); M = np.linalg.solve(L, np.linalg.solve(L, (dA + dA.T) / 2).T)
...     return L @ (np.tril(M) - np.diag(np.diag(M)) / 2)
>>> check = check_differential(chol, dL, A)
>>> check.verdict, check.method
('passed', 'central-richardson')
"""

from identities.define import *

A = matrix("A", "n", "n")
dA = d(A)
L = named("L", chol(sym(A)))
M = mul(Inverse(L), sym(dA), Transpose(Inverse(L)))

IDENTITY = identity(
    id="cholesky-differential",
    title="Differential of the Cholesky factor",
    output="L",
    symbols=[variable(A, "the variable, symmetric positive definite n×n (condition number 10)", "spd")],
    function=L,
    claims=[differential_of(A, mul(L, phi(M)))],
    derivation=derivation(
        A,
        step(mul(L, add(tril(M), mul(-Rational(1, 2), HadamardProduct(eye("n"), M)))),
             "differentiate LLᵀ = sym(A) and multiply by L⁻¹ on the left, L⁻ᵀ on the right: "
             "L⁻¹dL + (L⁻¹dL)ᵀ = L⁻¹ sym(dA) L⁻ᵀ; L⁻¹dL is lower triangular, so it is the lower triangle of the "
             "right side with its diagonal halved"),
        step(mul(L, phi(M)), "that is Φ(M) = tril(M) − ½ I ⊙ M"),
    ),
    see_also=("cholesky-backward", "inverse-differential", "log-det"),
    sources=(cite("murray2016cholesky", "§3, symbolic results: the forward-mode update with Φ"),),
    aliases=("cholesky derivative", "cholesky jvp", "derivative of the cholesky factor"),
)
