"""Second derivatives: bilinear maps stored as Hessian matrices.

The second differential d²f is taken with dX held fixed; after vec it is vec(dX)ᵀ H vec(dX).
Hessians of matrix variables are Kronecker-structured, and large: (mn)×(mn) for an m×n variable.
"""
