"""Least squares and quadratic forms: the workhorse objectives.

Name the residual, pair it with its differential, and move dX to the end: the gradients of
‖AX − B‖², ½‖Cx − d‖² and xᵀAx follow, with their constant Hessians, and so do their weighted,
penalised (ridge), generalized and total variants. The solution of a least-squares problem is a
function of the data too: the normal equations say where the gradient vanishes, and
differentiating them gives the backward pass of the solution, the derivative of the fitted
projector and — because the gradient vanishes there — the gradient of the optimal value without
differentiating the solution at all.
"""
