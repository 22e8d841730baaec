"""The chain rule through two vector functions: ∇(sᵀAr) = (Ds)ᵀAr + (Dr)ᵀAᵀs.

When a scalar is built from vector functions of x, the first identification table applies to each
piece and the chain rule glues them: with the Jacobians Ds(x) and Dr(x) (numerator layout, one row per
entry of s or r), d(sᵀAr) = dsᵀ A r + sᵀ A dr = (Ds dx)ᵀ A r + sᵀ A Dr dx, so the Jacobian of the
scalar is rᵀAᵀDs + sᵀA Dr and its gradient is the transpose, (Ds)ᵀAr + (Dr)ᵀAᵀs. Each Jacobian
appears transposed; A appears once as is and once transposed, because r sits on its right and s on
its left.

The checked instance takes s(x) = tanh(Bx), with Ds = diag(tanh′(Bx))B, and r(x) = Cx, with Dr = C;
the gradient is then Bᵀ diag(𝟏 − s^⊙2) A C x + CᵀAᵀ s. Dropping a transpose (DsAr, or A in place of
Aᵀ) or the diagonal factor of the tanh are the mistakes rejected here.

>>> from identities import get, verify
>>> verify(get("identification-vector-chain-rule")).ok
True
"""

from identities.define import *

x = vector("x", "n")
B = matrix("B", "k", "n")
A = matrix("A", "k", "p")
C = matrix("C", "p", "n")
dx = d(x)
s = named("s", tanh_(mul(B, x)))
Ds = mul(DiagMatrix(derivative_of(tanh_)(mul(B, x), value=s)), B)
grad = add(mul(Transpose(Ds), A, C, x), mul(C.T, A.T, s))

IDENTITY = identity(
    id="identification-vector-chain-rule",
    title="Chain rule through vector functions: ∇(sᵀAr) = (Ds)ᵀAr + (Dr)ᵀAᵀs",
    symbols=[
        variable(x, "the variable, a vector of length n"),
        constant(B, "the weights inside s(x) = tanh(Bx), k×n"),
        constant(A, "the middle matrix, k×p"),
        constant(C, "the map r(x) = Cx, p×n"),
    ],
    function=mul(s.T, A, C, x),
    claims=[gradient(x, grad)],
    derivation=derivation(
        x,
        step(add(mul(Transpose(mul(Ds, dx)), A, C, x), mul(s.T, A, C, dx)),
             "product rule, with ds = Ds dx = diag(tanh′(Bx))B dx and dr = C dx"),
        step(add(mul(x.T, C.T, A.T, Ds, dx), mul(s.T, A, C, dx)), "the first term is 1×1: write it as its transpose"),
        step(mul(Transpose(grad), dx), "collect the row in front of dx: it is Dφ, and its transpose is ∇φ"),
    ),
    see_also=("identification-scalar-of-vector", "identification-vector-of-vector", "rule-chain", "tanh-layer"),
    sources=(cookbook(93, locator="with s = tanh(Bx) and r = Cx"),
             cite("magnus2019matrix", "§9.6, the first identification table (p. 197)")),
    aliases=("derivative of s^T A r", "chain rule for vector functions", "bilinear form of vector functions"),
)
