"""Backpropagation through layers: reverse-mode products (VJPs).

Given the upstream gradient Z̄ = ∇_Z L, the gradient with respect to each input is the adjoint
of the layer's differential under the Frobenius pairing.
"""
