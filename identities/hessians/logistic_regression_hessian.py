"""The Hessian of the logistic-regression loss is Xᵀ diag(σ(Xw) ⊙ (1 − σ(Xw))) X.

With a design matrix X (b×d, one example per row), weights w ∈ ℝᵈ and labels y ∈ [0, 1]ᵇ, the
negative log-likelihood is L(w) = 𝟏ᵀ softplus(Xw) − yᵀXw and its gradient is Xᵀ(σ(Xw) − y). The
labels enter linearly and drop out of the second differential: with dw fixed, only σ(Xw) moves, by
σ′(Xw) ⊙ X dw with σ′ = σ(1 − σ), so d²L = (X dw)ᵀ diag(σ′(Xw)) X dw and the Hessian is
XᵀRX with the diagonal R = diag(σ(Xw) ⊙ (1 − σ(Xw))).

R has positive entries, so the Hessian is positive semidefinite and the loss is convex. Newton's
method on it is iteratively reweighted least squares: each step solves a weighted least-squares
problem with weights R. The mistakes are σ(1 + σ) for σ(1 − σ), the weights outside the design
(XXᵀ, b×b, where XᵀX is d×d), and the labels left in the Hessian.

>>> from identities import get, verify
>>> verify(get("logistic-regression-hessian")).ok
True
"""

from identities.define import *

X = matrix("X", "b", "d")
w = vector("w", "d")
y = vector("y", "b")
dw = d(w)
s = named("s", mul(X, w))
residual = add(sigmoid(s), mul(-1, y))
R = DiagMatrix(derivative_of(sigmoid)(s))

IDENTITY = identity(
    id="logistic-regression-hessian",
    title="Hessian of the logistic-regression loss: XᵀRX with R = diag(σ(1 − σ))",
    output="L",
    symbols=[
        variable(w, "the weights, a vector of length d"),
        constant(X, "the design matrix, b×d, one example per row"),
        constant(y, "the labels, a vector of length b (0 or 1, or probabilities)"),
    ],
    function=add(mul(Ones(1, dim("b")), softplus(s)), mul(-1, y.T, s)),
    claims=[
        gradient(w, mul(X.T, residual)),
        hessian(w, mul(X.T, R, X)),
    ],
    derivation=derivation(
        w,
        step(mul(Transpose(HadamardProduct(derivative_of(sigmoid)(s), mul(X, dw))), X, dw),
             "differentiate dL = (σ(Xw) − y)ᵀX dw with dw fixed: dσ(s) = σ′(s) ⊙ X dw, and y is constant"),
        step(mul(Transpose(mul(X, dw)), R, X, dw), "a ⊙ b = diag(a) b, and diag(a) is symmetric"),
        step(mul(Vec(dw, "F").T, X.T, R, X, Vec(dw, "F")), "(X dw)ᵀ = dwᵀXᵀ; a vector is its own vec"),
        order=2,
    ),
    see_also=("logistic-regression", "weighted-residual-form", "least-squares-vector"),
    sources=(cite("bishop2006pattern", "§4.3.3, iterative reweighted least squares: H = ΦᵀRΦ"),
             cite("goodfellow2016deep", "§3.10, σ′ = σ(1 − σ)")),
    aliases=("logistic regression hessian", "irls hessian", "newton logistic regression", "fisher information logistic"),
)
