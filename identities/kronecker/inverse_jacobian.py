"""The Jacobian of the inverse entry by entry: ∂(X⁻¹)_kl/∂X_ij = −(X⁻¹)_ki (X⁻¹)_jl, that is −(X⁻ᵀ ⊗ X⁻¹).

The differential d(X⁻¹) = −X⁻¹ dX X⁻¹ (see {identity}`inverse-differential`) says that a change of the
single entry X_ij moves entry (k, l) of the inverse by −(X⁻¹)_ki (X⁻¹)_jl: the column i of X⁻¹ times
its row j. Those numbers, arranged with one row per entry of X⁻¹ and one column per entry of X, are the
Jacobian. With columns stacked, entry (k, l) sits at row k + ln and (i, j) at column i + jn, and the
pattern (X⁻¹)_jl (X⁻¹)_ki is block (l, j) = (X⁻¹)_jl X⁻¹, the Kronecker product −(X⁻ᵀ ⊗ X⁻¹). With rows
stacked the roles of the two indices of each entry swap, and the matrix is −(X⁻¹ ⊗ X⁻ᵀ).

The reverse-mode product is −X⁻ᵀ Ȳ X⁻ᵀ: in backpropagation through a matrix inverse the Jacobian is
never formed. Writing the Kronecker factors in the other order, or X⁻¹ where X⁻ᵀ belongs, is the
classic mistake; all variants are rejected here at a dense, non-symmetric X.

>>> from identities import get, verify
>>> verify(get("inverse-jacobian")).ok
True
"""

from identities.define import *

X = matrix("X", "n", "n")
Ybar = bar("Y", "n", "n")
dX = d(X)
Xi = Inverse(X)

IDENTITY = identity(
    id="inverse-jacobian",
    title="Jacobian of X⁻¹ entry by entry and in both vec orders: −(X⁻ᵀ ⊗ X⁻¹)",
    output="Y",
    symbols=[variable(X, "an invertible n×n matrix", "invertible"),
             upstream(Ybar, "the upstream gradient ∇_Y L, n×n")],
    function=Xi,
    claims=[
        jacobian(X, -KroneckerProduct(Xi.T, Xi)),
        jacobian(X, -KroneckerProduct(Xi, Xi.T), vec="C"),
        vjp(X, mul(-1, Xi.T, Ybar, Xi.T)),
    ],
    derivation=derivation(
        X,
        step(Trace(mul(Ybar.T, mul(-1, Xi, dX, Xi))), "dL = tr(Ȳᵀ dY), with d(X⁻¹) = −X⁻¹ dX X⁻¹"),
        step(mul(-1, Trace(mul(Xi, Ybar.T, Xi, dX))), "cyclic trace: move dX to the end"),
        step(Trace(mul(Transpose(mul(-1, Xi.T, Ybar, Xi.T)), dX)),
             "X⁻¹ȲᵀX⁻¹ = (X⁻ᵀȲX⁻ᵀ)ᵀ: the form tr(Gᵀ dX), G = −X⁻ᵀȲX⁻ᵀ"),
    ),
    see_also=("inverse-differential", "vec-kronecker", "kronecker-inverse"),
    sources=(cookbook(60), cite("magnus2019matrix", "ch. 9, Jacobian matrices of matrix functions")),
    aliases=("jacobian of matrix inverse entrywise", "d inverse d X_ij", "inverse kronecker jacobian"),
)
