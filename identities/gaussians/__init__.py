"""The multivariate Gaussian: derivatives of its log-density, likelihood, entropy and divergence.

log N(x | μ, Σ) = −½(x − μ)ᵀΣ⁻¹(x − μ) − ½ log det Σ − (d/2) log 2π is a quadratic form plus a
log-determinant, so its derivatives in the mean, the covariance and the precision follow from two
rules: the gradient of a quadratic form and Jacobi's formula, with d(Σ⁻¹) = −Σ⁻¹ dΣ Σ⁻¹. Setting them
to zero gives the maximum-likelihood estimates; the same rules give the gradients of the entropy and
of the Kullback–Leibler divergence used in variational inference.
"""
