"""The linear form aᵀx has gradient a with respect to x, and x with respect to a.

For vectors a and x of length n, aᵀx = xᵀa = Σᵢ aᵢxᵢ is linear in each of them: d(aᵀx) = aᵀdx,
so the gradient with respect to x is the constant a, and by the same step the gradient with
respect to a is x. It is the first entry of every table of vector derivatives, and the building
block of all the others: each occurrence of the variable in a product contributes one linear
form to the differential.

In the layout of this handbook the gradient is a column, like x; numerator layout writes the row
aᵀ instead. Both are shown on the page.

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> verify(get("linear-form")).ok
True
>>> a = np.array([1.0, -2.0, 0.5])
>>> check_gradient(lambda x, a: a @ x, lambda x, a: a, np.array([0.3, 0.1, -1.0]), a).ok
True
"""

from identities.define import *

a = vector("a", "n")
x = vector("x", "n")
dx = d(x)

IDENTITY = identity(
    id="linear-form",
    title="Gradient of the linear form aᵀx",
    symbols=[variable(x, "the variable, a vector of length n"),
             variable(a, "the coefficients, a vector of length n")],
    function=mul(a.T, x),
    claims=[gradient(x, a), gradient(a, x)],
    derivation=derivation(
        x,
        step(mul(a.T, dx), "a is constant, so d(aᵀx) = aᵀdx"),
        step(Trace(mul(Transpose(a), dx)), "the form (∇f)ᵀdx with ∇f = a"),
    ),
    see_also=("bilinear-form", "quadratic-form", "trace-linear"),
    sources=(cookbook(69),),
    aliases=("gradient of a dot product", "inner product derivative", "derivative of a transpose x"),
)
