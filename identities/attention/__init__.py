"""Attention: scores, row-wise softmax and their backward passes.

The bilinear score S = QKᵀ/√d follows the product rule; the row softmax adds its own adjoint,
P ⊙ (P̄ − (P ⊙ P̄)𝟏𝟏ᵀ). Together they give the gradients of scaled dot-product attention.
"""
