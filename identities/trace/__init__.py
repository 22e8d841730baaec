"""Gradients of traces: the Frobenius pairing made explicit.

A trace of a product is linear in each factor, and the cyclic property moves the perturbation
dX to the end, where tr(Gᵀ dX) names the gradient G. These are the first identities to learn and
the building blocks of most others.

The family follows the Matrix Cookbook's section on derivatives of traces: linear traces, the
quadratic traces where X occurs twice (and only the symmetric part of a weight matters), higher
powers, traces of inverses, and traces of matrix functions, where the trace turns a Fréchet
derivative into the scalar derivative f′(X). Traces of Kronecker and Hadamard products, and two
matrix-valued functions built from a trace, complete it. Where the Cookbook prints a formula that
silently assumes symmetric factors, the page records the printed form and shows where it fails.
"""
