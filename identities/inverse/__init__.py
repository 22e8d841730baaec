"""Differentiating through an inverse, and the identities that rewrite one.

From X X⁻¹ = I the product rule gives d(X⁻¹) = −X⁻¹ dX X⁻¹, the rule behind every derivative of
a solve, a covariance or a precision matrix: gradients of aᵀX⁻¹b and tr(AX⁻¹B), the differentials of
X⁻ᵀ, (XᵀX)⁻¹ and (A + X)⁻¹, and their backward passes; stored as a Jacobian it becomes a Kronecker
product, in either vec order. The second half of the family is algebra: the Woodbury identity and
its variants, Searle's identities and the push-through identity, and the inverse of a block matrix
through its Schur complement, each trading one inverse for a smaller or a cheaper one.
"""
