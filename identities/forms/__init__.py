"""Linear, bilinear and quadratic forms: the scalars aᵀx, aᵀXb, xᵀAx and their relatives.

A form is linear in each occurrence of its variable, so its differential is one term per
occurrence, and a 1×1 term equals its own transpose: that is the whole method. The gradients of
the Matrix Cookbook's §2.4 follow, with respect to the vector, the matrix in the middle, or the
constant on either side, and so do the Hessians of the quadratic ones. Where the weight matrix of
a quadratic form is not symmetric, its symmetric part W + Wᵀ appears; the printed 2W holds only
for symmetric W, and the catalog samples non-symmetric weights so that the difference shows.
"""
