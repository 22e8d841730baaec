"""Product rule for matrices: d(MN) = dM N + M dN, with the order of the factors kept.

When both factors of a product depend on X, perturbing X changes the product by the change of
the left factor times the right one, plus the left factor times the change of the right one;
the product dM dN is of second order and drops out. It is the scalar product rule, except that
matrix products do not commute: dM stays on the left, dN on the right, and writing 2 M dM for
d(M²) is wrong whenever M and dM do not commute.

The checked instance has a square variable X (n×n) and constants A (p×n) and B (n×q). With
M = AX and N = XB, the product F = MN = AXXB is p×q, and the rule gives
dF = A dX XB + AX dX B. The two terms are different matrices, and neither can be merged with
the other, which is exactly what a shortcut such as 2A dX XB would get wrong.

>>> from identities import get, verify
>>> verify(get("rule-product")).ok
True
"""

from identities.define import *

A = matrix("A", "p", "n")
X = matrix("X", "n", "n")
B = matrix("B", "n", "q")
dX = d(X)

IDENTITY = identity(
    id="rule-product",
    title="Product rule: d(MN) = dM N + M dN",
    output="F",
    symbols=[
        variable(X, "the variable, a square n×n matrix"),
        constant(A, "the left constant, p×n"),
        constant(B, "the right constant, n×q"),
    ],
    function=mul(A, X, X, B),
    claims=[differential_of(X, add(mul(A, dX, X, B), mul(A, X, dX, B)))],
    derivation=derivation(
        X,
        step(add(mul(mul(A, dX), mul(X, B)), mul(mul(A, X), mul(dX, B))),
             "product rule with M = AX and N = XB, whose differentials are dM = A dX and dN = dX B"),
        step(add(mul(A, dX, X, B), mul(A, X, dX, B)), "associativity: drop the grouping, keep the order"),
    ),
    see_also=("rule-linearity", "rule-transpose", "frobenius-norm-squared", "inverse-differential"),
    sources=(cookbook(37),
             cite("giles2008extended", "the matrix product (results of Dwyer and Macphail)")),
    aliases=("product rule", "leibniz rule", "matrix product rule"),
)
