"""Matrix-to-matrix maps stored as matrices, through vec and the Kronecker product.

vec(AXB) = (Bᵀ ⊗ A) vec(X) with columns stacked, (A ⊗ Bᵀ) with rows stacked: the factor order
belongs to the vec convention, and both are given and verified.
"""
