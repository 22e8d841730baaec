"""Real functions of complex matrices.

A real f of a complex Z has the gradient G = ∂f/∂Re Z + i ∂f/∂Im Z, twice the conjugate Wirtinger
derivative ∂f/∂Z̄, defined by df = Re tr(Gᴴ dZ): the gradient of f on ℂ^{m×n} read as the real space
ℝ^{2mn}. It is the Matrix Cookbook's complex gradient matrix and what PyTorch stores in ``.grad``.
"""
