"""Vector-to-vector maps: Jacobians with one row per output.

For y = f(x) with x ∈ ℝⁿ and y ∈ ℝᵏ the derivative is stored as the k×n Jacobian J with
dy = J dx (numerator layout); its transpose maps an upstream gradient back, ∇ₓL = Jᵀ∇_yL.
"""
