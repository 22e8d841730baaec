"""Differentiating through an inverse.

From X X⁻¹ = I the product rule gives d(X⁻¹) = −X⁻¹ dX X⁻¹, the rule behind every derivative of
a solve, a covariance or a precision matrix; stored as a Jacobian it becomes a Kronecker product,
in either vec order.
"""
