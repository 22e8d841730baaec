"""Determinants and log-determinants: Jacobi's formula and what follows from it.

Jacobi's formula, d det X = det X tr(X⁻¹ dX), is the one rule of this family: every gradient here is
it, composed with the chain rule through a product (AXB, XᵀAX, XᵀX), a power, a sum or a Kronecker
product, and the logarithm divides it by the determinant. The second derivatives bring in the
commutation matrix. Beside the derivatives stand the algebraic identities that make determinants
cheap to compute: the matrix determinant lemma for low-rank updates and the Schur complement for
block matrices. The recurring mistakes are X⁻¹ for X⁻ᵀ, a symmetric A assumed where it is not, and
a square-matrix simplification used on a rectangular factor.
"""
