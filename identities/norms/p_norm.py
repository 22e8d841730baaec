"""The p-norm ‖x‖_p = (Σᵢxᵢᵖ)^{1/p} of a positive vector has gradient x^{⊙(p−1)}/‖x‖_p^{p−1}.

For x with positive entries and a real p ≥ 1, ‖x‖_p = s^{1/p} with s = 𝟏ᵀx^{⊙p}. The chain rule
gives d‖x‖_p = (1/p)s^{1/p − 1}·p(x^{⊙(p−1)})ᵀdx, so the gradient is x^{⊙(p−1)}s^{(1−p)/p} =
(x/‖x‖_p)^{⊙(p−1)}. For p = 2 it is x/‖x‖₂; as p grows it concentrates on the largest entries,
towards the subgradient of the max-norm. Generalised-mean pooling in vision networks is this
function divided by n^{1/p}.

The statement is for positive entries: in general ‖x‖_p uses |xᵢ|, and the gradient carries
sign(xᵢ)|xᵢ|^{p−1}, which the catalog cannot write without an absolute value (an even integer p
would avoid it). It is checked at p = 1.5 and p = 3. The slips are the exponent p for p − 1, and
‖x‖_p^p in the denominator.

>>> from identities import get, verify
>>> verify(get("p-norm")).ok
True
"""

from identities.define import *

x = vector("x", "n")
p = number("p", values=(1.5, 3.0))
dx = d(x)
s = Trace(mul(Ones(1, dim("n")), power(x, p)))
norm = s ** (1 / p)
grad = mul(s ** ((1 - p) / p), power(x, p - 1))

IDENTITY = identity(
    id="p-norm",
    title="Gradient of the p-norm of a positive vector",
    symbols=[variable(x, "the variable, a vector of length n with positive entries", "positive"),
             constant(p, "the order of the norm, a real number ≥ 1 (checked at 1.5 and 3)")],
    function=norm,
    claims=[gradient(x, grad)],
    derivation=derivation(
        x,
        step(mul(s ** (1 / p - 1) / p, Trace(mul(Ones(1, dim("n")), HadamardProduct(mul(p, power(x, p - 1)), dx)))),
             "d(s^{1/p}) = (1/p)s^{1/p−1} ds, and ds = 𝟏ᵀ(p x^{⊙(p−1)} ⊙ dx)"),
        step(Trace(mul(Transpose(grad), dx)), "𝟏ᵀ(a ⊙ dx) = aᵀdx; the p cancels"),
    ),
    see_also=("two-norm-hessian", "group-lasso-norm"),
    sources=(cite("goodfellow2016deep", "§2.5, the Lᵖ norm (its definition)"),),
    aliases=("lp norm gradient", "p norm derivative", "generalized mean pooling gradient"),
)
