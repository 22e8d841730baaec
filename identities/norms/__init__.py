"""Gradients of vector and matrix norms: the Euclidean and Frobenius norms, p-norms, distances and the norms of the singular values.

A norm is homogeneous of degree one, so its gradient has no factor 2 and is scale-free: x/‖x‖₂,
X/‖X‖_F, the unit vector of a distance, the polar factor UVᵀ for the nuclear norm. Through a
residual the chain rule adds the transposed map, Aᵀr/‖r‖. None of these norms is differentiable
at zero (the spectral norm also where its largest singular value is repeated), so the inputs are
drawn away from those points; only a subgradient exists there, the set that proximal methods and
sparse regression work with. The norms appear in regularisers (group lasso, nuclear-norm
penalties), in gradient clipping, in normalisation and similarity layers, and in distance
geometry.
"""
