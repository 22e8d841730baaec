"""Differentiating through a factorization: Cholesky, the symmetric eigendecomposition, the SVD, QR.

Each factor is a smooth function of the matrix wherever the factorization is unique: Cholesky for
a symmetric positive definite argument, eigenvectors and singular vectors where the eigenvalues or
singular values are distinct (and their signs are fixed), QR for full column rank with a positive
diagonal in R. Differentiating the defining equations (LLᵀ = A, AU = UΛ with UᵀU = I, A = QR)
gives the forward rules; their adjoints are the backward passes of automatic-differentiation
libraries. Cholesky and the eigendecomposition read one triangle of their argument, so they are
written on sym(A) = (A + Aᵀ)/2, which makes each formula hold for every perturbation of A.
"""
