"""Functions of a matrix as a whole: the exponential e^X, the principal square root X^{1/2}, powers.

A matrix function is not applied entry by entry: e^X = I + X + X²/2! + …, and X^{1/2} is the S with
S² = X. Its derivative is a linear map that does not commute with X, so dX stays inside: the
Fréchet derivative L_f(X, dX), which the block formula f([[X, E], [0, X]]) = [[f(X), L_f(X, E)],
[0, f(X)]] computes for any such f, and whose adjoint in the trace pairing is L_f(Xᵀ, ·).
Writing e^X dX or ½X^{-1/2} dX, as if X and dX commuted, is the classic mistake.
"""
