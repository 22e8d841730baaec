"""log-sum-exp: the gradient is softmax(z) and the Hessian diag(p) − ppᵀ, with p = softmax(z).

For z ∈ ℝⁿ, f(z) = log 𝟏ᵀexp(z) is the smooth maximum behind the softmax, the log-partition function
of a categorical distribution and the normaliser of every log-softmax. Its differential is
exp(z)ᵀdz / 𝟏ᵀexp(z) = pᵀdz, so the gradient is p = softmax(z). Differentiating p once more gives the
softmax Jacobian diag(p) − ppᵀ: the Hessian is the covariance of a one-hot vector drawn with
probabilities p, the second cumulant, as the first derivative was the mean.

The Hessian is positive semidefinite, so log-sum-exp is convex, and 𝟏 spans its null space: f(z + c𝟏)
= f(z) + c is linear along that line. Computing f as log(Σ exp zᵢ) overflows for large scores; shift by
the maximum first. Writing diag(p) alone, or diag(p ⊙ (1 − p)), drops the coupling −ppᵀ.

>>> from identities import get, verify
>>> verify(get("log-sum-exp-hessian")).ok
True
"""

from identities.define import *

z = vector("z", "n")
dz = d(z)
p = named("p", Softmax(z))
H = add(DiagMatrix(p), mul(-1, p, p.T))

IDENTITY = identity(
    id="log-sum-exp-hessian",
    title="Gradient and Hessian of log-sum-exp: softmax(z) and diag(p) − ppᵀ",
    symbols=[variable(z, "the scores, a vector of length n")],
    function=log_(ColSums(exp_(z))),
    claims=[
        gradient(z, p),
        hessian(z, H),
    ],
    derivation=derivation(
        z,
        step(mul(dz.T, add(HadamardProduct(p, dz), mul(-1, p, p.T, dz))),
             "differentiate df = pᵀdz with dz fixed: dp = p ⊙ dz − p(pᵀdz), the softmax Jacobian"),
        step(mul(dz.T, H, dz), "p ⊙ dz = diag(p) dz; collect"),
        step(mul(Vec(dz, "F").T, H, Vec(dz, "F")), "a vector is its own vec"),
        order=2,
    ),
    see_also=("softmax-jacobian", "softmax-cross-entropy-hessian", "log-softmax"),
    sources=(cite("boyd2004convex", "§3.1.5, the log-sum-exp example: its Hessian"),),
    aliases=("logsumexp hessian", "log sum exp gradient", "smooth max hessian", "log partition function"),
)
