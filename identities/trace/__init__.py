"""Gradients of traces: the Frobenius pairing made explicit.

A trace of a product is linear in each factor, and the cyclic property moves the perturbation
dX to the end, where tr(Gᵀ dX) names the gradient G. These are the first identities to learn and
the building blocks of most others.
"""
