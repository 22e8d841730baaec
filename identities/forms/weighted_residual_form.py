"""The weighted residual (x − As)ᵀW(x − As): gradients −Aᵀ(W + Wᵀ)r in s, (W + Wᵀ)r in x, −(W + Wᵀ)rsᵀ in A.

For an observation x of length n, a model As with an n×k matrix A and coefficients s of length k,
and an n×n weight W, the residual is r = x − As and the objective is rᵀWr. Whichever symbol
moves, dr is linear in its perturbation (dx, −A ds, −dA s), and d(rᵀWr) = rᵀ(W + Wᵀ)dr. Moving
the perturbation to the end gives the three gradients; the one in s is the weighted normal
equation, the one in A the update of a dictionary or a mixing matrix.

The Matrix Cookbook states them for symmetric W (eqs. (84), (87), (88)): −2AᵀWr, 2Wr and
−2Wrsᵀ. With a weight that is not symmetric those printed forms keep the antisymmetric part of W,
which the objective cannot feel; the catalog samples such a W and checks the printed forms both
ways.

>>> from identities import get, verify
>>> verify(get("weighted-residual-form")).ok
True
"""

from identities.define import *

x = vector("x", "n")
A = matrix("A", "n", "k")
s = vector("s", "k")
W = matrix("W", "n", "n")
ds = d(s)
r = named("r", add(x, mul(-1, A, s)))
S = add(W, W.T)

IDENTITY = identity(
    id="weighted-residual-form",
    title="Gradients of the weighted residual (x − As)ᵀW(x − As) in s, x and A",
    symbols=[variable(s, "the coefficients, a vector of length k"),
             variable(x, "the observation, a vector of length n"),
             variable(A, "the model matrix, n×k"),
             constant(W, "the weight, n×n, not necessarily symmetric")],
    function=mul(Transpose(r), W, r),
    claims=[
        gradient(s, mul(-1, A.T, S, r)),
        gradient(x, mul(S, r)),
        gradient(A, mul(-1, S, r, s.T)),
    ],
    derivation=derivation(
        s,
        step(add(mul(-1, ds.T, A.T, W, r), mul(-1, Transpose(r), W, A, ds)), "product rule; dr = −A ds"),
        step(mul(-1, Transpose(r), S, A, ds), "transpose the first 1×1 term to −rᵀWᵀA ds, and collect"),
        step(mul(Transpose(mul(-1, A.T, S, r)), ds), "df = (∇f)ᵀds with ∇f = −Aᵀ(W + Wᵀ)r"),
    ),
    published=[
        published(cookbook(84), gradient(s, mul(-2, A.T, W, r)), holds_when={"W": "symmetric"},
                  note="printed under the assumption that W is symmetric"),
        published(cookbook(87), gradient(x, mul(2, W, r)), holds_when={"W": "symmetric"},
                  note="printed under the assumption that W is symmetric"),
        published(cookbook(88), gradient(A, mul(-2, W, r, s.T)), holds_when={"W": "symmetric"},
                  note="printed under the assumption that W is symmetric"),
    ],
    see_also=("weighted-distance-form", "weighted-least-squares", "least-squares-vector"),
    sources=(cookbook(84, 87, 88),),
    aliases=("derivative of (x-As)T W (x-As)", "weighted residual", "derivative with respect to the mixing matrix"),
)
