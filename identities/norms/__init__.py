"""Gradients of matrix norms defined by the singular values.

The nuclear norm (their sum) and the spectral norm (the largest) are not smooth everywhere: their
gradients, UVᵀ and u₁v₁ᵀ, exist where the singular values they use are positive and, for the
spectral norm, where the largest is simple. They appear in low-rank regularisation, Lipschitz
bounds and spectral normalisation of neural-network layers.
"""
