"""Backward pass of the reduced QR factorization: Ā = (Q̄ + Q copyltu(M)) R⁻ᵀ, M = RR̄ᵀ − Q̄ᵀQ.

An m×n matrix A with m ≥ n and full column rank factors uniquely as A = QR with Q (m×n) having
orthonormal columns and R (n×n) upper triangular with a positive diagonal. Differentiating,
dA = dQ R + Q dR; with C = Qᵀ dA R⁻¹ this reads C = QᵀdQ + dR R⁻¹, an antisymmetric matrix plus an
upper-triangular one. Splitting C accordingly gives the forward rules

    dR = Φ(C + Cᵀ)ᵀ R,    dQ = dA R⁻¹ − Q Φ(C + Cᵀ)ᵀ,

where Φ takes the lower triangle with the diagonal halved (so Φ(C + Cᵀ)ᵀ is the upper triangle of
C plus the transpose of its strict lower triangle). The two outputs send back Q̄ and R̄; moving
every factor across ⟨Q̄, dQ⟩ + ⟨R̄, dR⟩ gives the backward pass Ā = (Q̄ + Q copyltu(M)) R⁻ᵀ with
copyltu(M) = Φ(M) + Φ(M)ᵀ, the symmetric matrix built from the lower triangle of M — the form used by
PyTorch and by Liao et al.

The upstream R̄ may be any n×n matrix: its part below the diagonal meets only zeros of dR and drops
out. No gauge freedom is left once the diagonal of R is positive (which the function fixes), and the
formula holds for Householder signs too if the same Q and R are used on both sides.

Classic mistakes rejected below: copyltu from the upper triangle instead of the lower, the diagonal
of M not halved (tril for Φ), R⁻¹ where R⁻ᵀ belongs, the factors of RR̄ᵀ or Q̄ᵀQ swapped, Rᵀ for R,
and terms dropped or their signs flipped; in the differentials, also C without its transpose.

Verified by the complex step through a Householder QR written without conjugation (LAPACK's qr drops
the imaginary part): the differentials of Q and of R each, and the backward pass with both outputs
paired with their own random upstream gradients; a formula off by one part in 10⁸ is rejected.

>>> from identities import get, verify
>>> verify(get("qr-backward")).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
Qbar, Rbar = bar("Q", "m", "n"), bar("R", "n", "n")
dA = d(A)
Q, R = named("Q", qr_q(A)), named("R", qr_r(A))
C = named("C", mul(Q.T, dA, Inverse(R)))
T = Transpose(phi(add(C, C.T)))  # dR R⁻¹: upper triangular, = −QᵀdQ + C
M = named("M", add(mul(R, Rbar.T), mul(-1, Qbar.T, Q)))
copyltu = add(phi(M), Transpose(phi(M)))

IDENTITY = identity(
    id="qr-backward",
    title="Backward pass of the QR factorization",
    output=("Q", "R"),
    symbols=[
        variable(A, "the variable, m×n with m ≥ n and full column rank (condition number 10)", "full-column-rank"),
        upstream(Qbar, "the upstream gradient ∇_Q ℓ, m×n like Q"),
        upstream(Rbar, "the upstream gradient ∇_R ℓ, n×n like R"),
    ],
    function=(Q, R),
    claims=[
        differential_of(A, add(mul(dA, Inverse(R)), mul(-1, Q, T)), of="Q"),
        differential_of(A, mul(T, R), of="R"),
        vjp(A, mul(add(Qbar, mul(Q, copyltu)), Transpose(Inverse(R)))),
    ],
    derivation=derivation(
        A,
        step(add(Trace(mul(Qbar.T, add(mul(dA, Inverse(R)), mul(-1, Q, T)))), Trace(mul(Rbar.T, T, R))),
             "dℓ = ⟨Q̄, dQ⟩ + ⟨R̄, dR⟩ with the forward rules above"),
        step(add(Trace(mul(Transpose(mul(Qbar, Transpose(Inverse(R)))), dA)),
                 Trace(mul(M, T))),
             "cyclic trace: ⟨Q̄, dA R⁻¹⟩ = ⟨Q̄R⁻ᵀ, dA⟩, and −⟨QᵀQ̄, T⟩ + ⟨R̄Rᵀ, T⟩ = ⟨Mᵀ, T⟩ = tr(M T)"),
        step(add(Trace(mul(Transpose(mul(Qbar, Transpose(Inverse(R)))), dA)),
                 Trace(mul(Transpose(phi(M)), add(C, C.T)))),
             "tr(M Φ(N)ᵀ) = ⟨M, Φ(N)⟩ = ⟨Φ(M), N⟩: Φ scales each entry by 1, ½ or 0, so it is its own adjoint"),
        step(add(Trace(mul(Transpose(mul(Qbar, Transpose(Inverse(R)))), dA)), Trace(mul(Transpose(copyltu), C))),
             "⟨Φ(M), C + Cᵀ⟩ = ⟨Φ(M) + Φ(M)ᵀ, C⟩"),
        step(Trace(mul(Transpose(mul(add(Qbar, mul(Q, copyltu)), Transpose(Inverse(R)))), dA)),
             "C = Qᵀ dA R⁻¹, so ⟨N, C⟩ = ⟨Q N R⁻ᵀ, dA⟩; collect"),
    ),
    see_also=("inverse-differential", "cholesky-backward"),
    sources=(cite("liao2019differentiable", "the QR backward pass with copyltu"),
             cite("walter2010algorithmic", "the rectangular QR decomposition, forward and reverse mode")),
    aliases=("qr vjp", "qr gradient", "backpropagation through qr", "qr decomposition backward"),
)
