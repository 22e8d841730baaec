"""The Hessian of the softmax cross-entropy in the logits is diag(p) − ppᵀ, with p = softmax(z).

For scores z ∈ ℝⁿ and a target distribution y (entries positive, summing to one) the loss
L = −yᵀ log softmax(z) has gradient p − y. The target is constant and drops out of the second
differential: with dz fixed only p moves, by dp = (diag(p) − ppᵀ) dz, the softmax Jacobian. So the
Hessian is diag(p) − ppᵀ, the same for every target, and it is the covariance matrix of a one-hot
vector drawn with probabilities p.

It is positive semidefinite (the loss is convex in the logits) and singular: the vector 𝟏 is in its
null space, since adding a constant to every score changes nothing. The classic mistakes are
diag(p ⊙ (1 − p)), which treats the softmax as n independent sigmoids and drops the off-diagonal
−pᵢpⱼ, and ppᵀ − diag(p), the sign of the log-likelihood.

>>> from identities import get, verify
>>> verify(get("softmax-cross-entropy-hessian")).ok
True
"""

from identities.define import *

z = vector("z", "n")
y = vector("y", "n")
dz = d(z)
p = named("p", Softmax(z))
H = add(DiagMatrix(p), mul(-1, p, p.T))

IDENTITY = identity(
    id="softmax-cross-entropy-hessian",
    title="Hessian of the softmax cross-entropy in the logits: diag(p) − ppᵀ",
    output="L",
    symbols=[
        variable(z, "the scores (logits), a vector of length n"),
        constant(y, "the target distribution over the n classes", "probability"),
    ],
    function=mul(-1, y.T, log_(p)),
    claims=[
        gradient(z, add(p, mul(-1, y))),
        hessian(z, H),
    ],
    derivation=derivation(
        z,
        step(mul(dz.T, add(HadamardProduct(p, dz), mul(-1, p, p.T, dz))),
             "differentiate dL = (p − y)ᵀdz with dz fixed: dp = p ⊙ dz − p(pᵀdz), and y is constant"),
        step(mul(dz.T, H, dz), "p ⊙ dz = diag(p) dz; collect"),
        step(mul(Vec(dz, "F").T, H, Vec(dz, "F")), "a vector is its own vec"),
        order=2,
    ),
    see_also=("softmax-cross-entropy", "softmax-jacobian", "log-sum-exp-hessian"),
    sources=(cite("bishop2006pattern", "§4.3.4, the Hessian of multiclass logistic regression"),),
    aliases=("softmax hessian", "cross entropy hessian", "diag(p) - pp^T", "multinomial logistic hessian"),
)
