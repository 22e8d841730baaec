"""Least squares and quadratic forms: the workhorse objectives.

Name the residual, pair it with its differential, and move dX to the end: the gradients of
‖AX − B‖², ½‖Cx − d‖² and xᵀAx follow, with their constant Hessians.
"""
