"""The gradient of tr(Aᵀ exp(X)), with exp entrywise, is A ∘ exp(X) — not the matrix exponential's.

Here exp(X) is NumPy's ``np.exp``: each entry exponentiated. Its differential is exp(X) ∘ dX, and
moving the Hadamard factor across the Frobenius pairing gives df = tr(Aᵀ(exp(X) ∘ dX)) =
tr((A ∘ exp(X))ᵀ dX): the gradient is A ∘ exp(X), m×n like X. Every entrywise function works the
same way, with its scalar derivative in place of exp; this is how an activation function passes a
gradient back.

Set beside tr(A e^X) with the matrix exponential, whose gradient is a Fréchet derivative
L_exp(Xᵀ, Aᵀ): the two functions agree only for diagonal X and A. Mixing them up — computing
``np.exp`` where ``scipy.linalg.expm`` is meant, or the reverse — is a registered mistake, as are
the matrix product A exp(X) and the missing A.

>>> import numpy as np
>>> from identities import get, check_gradient, verify
>>> verify(get("trace-entrywise-exp")).ok
True
>>> A, X = np.random.default_rng(1).standard_normal((2, 3, 2))
>>> check_gradient(lambda X, A: np.trace(A.T @ np.exp(X)), lambda X, A: A * np.exp(X), X, A).ok
True
"""

from identities.define import *

X = matrix("X", "m", "n")
A = matrix("A", "m", "n")
dX = d(X)

IDENTITY = identity(
    id="trace-entrywise-exp",
    title="Gradient of tr(Aᵀ exp(X)), exp entrywise",
    symbols=[variable(X, "the variable, an m×n matrix"), constant(A, "a constant m×n matrix")],
    function=Trace(mul(A.T, exp_(X))),
    claims=[gradient(X, HadamardProduct(A, exp_(X)))],
    derivation=derivation(
        X,
        step(Trace(mul(A.T, HadamardProduct(exp_(X), dX))), "entrywise chain rule: d exp(X) = exp(X) ∘ dX"),
        step(Trace(mul(Transpose(HadamardProduct(A, exp_(X))), dX)),
             "tr(Aᵀ(M ∘ dX)) = tr((A ∘ M)ᵀ dX): the form tr(Gᵀ dX) with G = A ∘ exp(X)"),
    ),
    see_also=("trace-A-expm", "trace-hadamard-linear", "tanh-layer"),
    sources=(cite("minka2000old", "the properties of the Hadamard product and diag"),),
    aliases=("entrywise exponential gradient", "elementwise function trace", "np.exp versus expm"),
)
