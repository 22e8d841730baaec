"""Identification: reading the derivative off the differential, for every shape of function and variable.

Magnus and Neudecker organise first derivatives in one table. A function is a scalar φ, a vector
f or a matrix F; its variable is a scalar ξ, a vector x or a matrix X. In each of the nine cells
the recipe is the same: compute the differential, bring it to a canonical form — dφ = α dξ,
dφ = aᵀdx, dφ = tr(AᵀdX), df = A dx, d vec F = A d vec X, … — and read off the derivative, which
in numerator layout has one row per entry of the function and one column per entry of the
variable. The second identification table does the same for Hessians, read off second
differentials; there the one trap is symmetry: d²φ = (dx)ᵀB dx gives the Hessian ½(B + Bᵀ), not B.

Each identity of this family is one cell of a table, made concrete: a function whose
differential has exactly that canonical form, with the derivative stated in the house layouts and
checked numerically, in both vec orders wherever a vec appears.
"""
