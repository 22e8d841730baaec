"""The log-determinant and what it meets in statistics.

Jacobi's formula turns d log det X into tr(X⁻¹ dX); its gradient X⁻ᵀ is the normalising term
of every Gaussian log-likelihood, and with a trace term it gives the gradient of the Gaussian
negative log-likelihood in the precision matrix.
"""
