"""The quadratic form xᵀAx has gradient (A + Aᵀ)x and Hessian A + Aᵀ, for any square A.

With x a vector of length n and A a constant n×n matrix, x appears twice in xᵀAx and the
product rule gives (dx)ᵀAx + xᵀA dx. Both terms are 1×1, and a scalar equals its own transpose,
so the first one is xᵀAᵀdx; together df = ((A + Aᵀ)x)ᵀ dx. The gradient is linear in x, so the
Hessian is the constant symmetric matrix A + Aᵀ.

Quadratic forms are the local model behind Newton and quasi-Newton steps, the exponent of a
Gaussian density (with A the precision matrix) and the energy ½xᵀAx − bᵀx that conjugate
gradients minimises. Only the symmetric part ½(A + Aᵀ) of A affects the value, which is why the
derivatives see A + Aᵀ.

Writing 2Ax and 2A is right only for symmetric A; for a general A it keeps the antisymmetric
part, which the form cannot feel, and it hands back a Hessian that is not symmetric. The
catalog samples a dense non-symmetric A so that this mistake fails.

>>> import numpy as np
>>> from identities import get, check_gradient, verify
>>> verify(get("quadratic-form")).ok
True
>>> x = np.array([1.0, -1.0, 2.0]); A = np.array([[1.0, 2.0, 0.0], [0.0, 3.0, 1.0], [4.0, 0.0, 1.0]])
>>> check_gradient(lambda x, A: x @ A @ x, lambda x, A: 2 * A @ x, x, A).diagnosis[:24]
'missing symmetric part: '
"""

from identities.define import *

A = matrix("A", "n", "n")
x = vector("x", "n")
dx = d(x)

IDENTITY = identity(
    id="quadratic-form",
    title="Gradient and Hessian of the quadratic form xᵀAx",
    symbols=[variable(x, "the variable, a vector of length n"),
             constant(A, "a constant square matrix, not necessarily symmetric")],
    function=mul(x.T, A, x),
    claims=[
        gradient(x, mul(add(A, A.T), x)),
        hessian(x, add(A, A.T), vec="F"),
    ],
    derivation=derivation(
        x,
        step(add(mul(dx.T, A, x), mul(x.T, A, dx)), "product rule, then d(xᵀ) = (dx)ᵀ"),
        step(add(mul(x.T, A.T, dx), mul(x.T, A, dx)), "the first term is 1×1, so it equals its transpose"),
        step(mul(x.T, add(A.T, A), dx), "collect the two terms"),
        step(mul(Transpose(mul(add(A, A.T), x)), dx), "xᵀ(Aᵀ + A) = ((A + Aᵀ)x)ᵀ, so df = (∇f)ᵀ dx"),
    ),
    see_also=("trace-quadratic", "least-squares-vector", "rule-product"),
    sources=(cookbook(81, 98),),
    aliases=("quadratic form", "xtax", "quadratic form hessian"),
)
