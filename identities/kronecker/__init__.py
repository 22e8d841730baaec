"""Matrix-to-matrix maps stored as matrices, through vec, the Kronecker product and the commutation matrix.

vec(AXB) = (Bᵀ ⊗ A) vec(X) with columns stacked, (A ⊗ Bᵀ) with rows stacked: the factor order
belongs to the vec convention, and every Jacobian here is given and verified in both orders. A
transpose inside the function brings in the commutation matrix K_{m,n} (vec Xᵀ = K_{m,n} vec X), a
symmetric output the symmetriser N_n = (I + K_{n,n})/2, and the free entries of a symmetric matrix
the duplication and elimination matrices D_n and L_n.

The family also holds the algebra these Jacobians are built from — the transpose, inverse and
trace of a Kronecker product, the mixed-product rule, the commutation matrix swapping Kronecker
factors, the trace inner product as a dot product of vecs — each an equality checked at random
inputs of distinct sizes, where a swapped factor or a forgotten transpose cannot pass.
"""
