"""The derivative of det Y(t) along a curve of matrices: det Y tr(Y⁻¹ dY/dt).

For a matrix Y(t) that depends on a real parameter t and stays invertible, Jacobi's formula and the
chain rule give d det Y/dt = det Y tr(Y⁻¹Y′), with Y′ = dY/dt: the Matrix Cookbook's general form
(46), of which every gradient of a determinant in this family is a case. The curve here is
Y = A + tB + t²C, with Y′ = B + 2tC, so that the derivative of Y itself depends on t. The second
derivative, the Cookbook's (48), is the Hessian of the determinant along a straight line.

The formula gives the derivative of a characteristic polynomial det(tI − A) (it is tr(adj(tI − A)))
and of a Gaussian likelihood whose covariance depends on one hyperparameter. The classic mistake is
tr(Y⁻¹Y′) alone, which is the derivative of log det Y, not of det Y.

>>> from identities import get, verify
>>> verify(get("det-scalar-path")).ok
True
"""

from identities.define import *

A = matrix("A", "n", "n")
B = matrix("B", "n", "n")
C = matrix("C", "n", "n")
t = scalar("t")
Y = named("Y", add(A, mul(t, B), mul(t ** 2, C)))

IDENTITY = identity(
    id="det-scalar-path",
    title="Derivative of det Y(t) along a curve of matrices",
    symbols=[
        variable(t, "the parameter of the curve, a real number"),
        constant(A, "an n×n matrix (Y = A + tB + t²C is invertible at the points checked)", "invertible"),
        constant(B, "an n×n matrix"),
        constant(C, "an n×n matrix"),
    ],
    function=Determinant(Y),
    claims=[gradient(t, mul(Determinant(Y), Trace(mul(Inverse(Y), add(B, mul(2 * t, C))))))],
    see_also=("det-gradient", "det-hessian", "log-det"),
    sources=(cookbook(46),),
    aliases=("derivative of a determinant along a curve", "d det Y / dt", "derivative of det(A + tB)"),
)
