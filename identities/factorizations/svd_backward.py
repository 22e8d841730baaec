"""Backward pass of the thin SVD A = U diag(s) Vᵀ, with one upstream gradient per factor.

For an m×n matrix A with m ≥ n, full column rank and distinct singular values, the thin SVD has
three outputs: U (m×n), s (n, descending) and V (n×n). A loss downstream sends back Ū, s̄ and V̄,
and its change is ⟨Ū, dU⟩ + ⟨s̄, ds⟩ + ⟨V̄, dV⟩. Differentiating A = U S Vᵀ (S = diag(s)) with
UᵀU = VᵀV = I, and writing dP = Uᵀ dA V, gives the forward rules

    ds = diag(dP),   dV = V (F ⊙ (S dP + dPᵀ S)),
    dU = U (F ⊙ (dP S + S dPᵀ)) + (I − UUᵀ) dA V S⁻¹,

with Fᵢⱼ = 1/(sⱼ² − sᵢ²) off the diagonal and 0 on it. Moving each factor across the pairing
gives the backward pass

    Ā = U [(F ⊙ (UᵀŪ − ŪᵀU)) S + diag(s̄) + S (F ⊙ (VᵀV̄ − V̄ᵀV))] Vᵀ + (I − UUᵀ) Ū S⁻¹ Vᵀ.

The last term, present because U has fewer columns than rows, sends the part of Ū outside the
column space of U back through S⁻¹; it vanishes for a square A. (Townsend's general form has a
matching term U S⁻¹ V̄ᵀ (I − VVᵀ), which is zero here since V is square.)

Gauge: only the joint sign of a pair (uᵢ, vᵢ) is free. The function checked here fixes it
deterministically (the largest entry of each column of V is positive, U follows), so arbitrary
upstream gradients can be used; a loss that depends on the vectors only through uᵢvᵢᵀ, uᵢuᵢᵀ or
vᵢvᵢᵀ is gauge-invariant and gets the same gradient under any convention. The singular values must
be distinct (F grows like one over the smallest gap of their squares) and positive (S⁻¹).

Classic mistakes rejected below: the gaps of s instead of s² in F, the projection term dropped
(invisible for square A, which is why the inputs are tall), the sign of a gap flipped, Vᵀ for V
(NumPy's svd returns Vᵀ), and terms dropped or transposed.

Verified by the complex step through a thin SVD refined by Newton's method on [[0, A], [Aᵀ, 0]]
(LAPACK's svd drops the imaginary part), the three outputs paired with their own random upstream
gradients at once; a formula off by one part in 10⁸ is rejected.

>>> from identities import get, verify
>>> verify(get("svd-backward")).ok
True
"""

from identities.define import *

A = matrix("A", "m", "n")
Ubar, sbar, Vbar = bar("U", "m", "n"), bar("s", "n", 1), bar("V", "n", "n")
dA = d(A)
U, s, V = named("U", svd_u(A)), named("s", svd_s(A)), named("V", svd_v(A))
F = named("F", gap(s, 2))
S = named("S", DiagMatrix(s))
projector = add(eye("m"), mul(-1, U, U.T))  # I − UUᵀ, onto the complement of the columns of U
dP = mul(U.T, dA, V)
J = HadamardProduct(F, add(mul(U.T, Ubar), mul(-1, Ubar.T, U)))
K = HadamardProduct(F, add(mul(V.T, Vbar), mul(-1, Vbar.T, V)))
core = add(mul(J, S), DiagMatrix(sbar), mul(S, K))
tail = mul(projector, Ubar, Inverse(S), V.T)

IDENTITY = identity(
    id="svd-backward",
    title="Backward pass of the singular value decomposition",
    output=("U", "s", "V"),
    symbols=[
        variable(A, "the variable, m×n with m ≥ n, full column rank and distinct singular values",
                 "distinct-singular-values"),
        upstream(Ubar, "the upstream gradient ∇_U ℓ of the left singular vectors, m×n"),
        upstream(sbar, "the upstream gradient ∇_s ℓ of the singular values, a column of n"),
        upstream(Vbar, "the upstream gradient ∇_V ℓ of the right singular vectors, n×n"),
    ],
    function=(U, s, V),
    claims=[vjp(A, add(mul(U, core, V.T), tail))],
    derivation=derivation(
        A,
        step(add(Trace(mul(Ubar.T, add(mul(U, HadamardProduct(F, add(mul(dP, S), mul(S, dP.T)))),
                                        mul(projector, dA, V, Inverse(S))))),
                 Trace(mul(sbar.T, diagonal(dP))),
                 Trace(mul(Vbar.T, V, HadamardProduct(F, add(mul(S, dP), mul(dP.T, S)))))),
             "dℓ = ⟨Ū, dU⟩ + ⟨s̄, ds⟩ + ⟨V̄, dV⟩ with the forward rules above, dP = Uᵀ dA V"),
        step(add(Trace(mul(Transpose(mul(J, S)), dP)), Trace(mul(Transpose(tail), dA)),
                 Trace(mul(DiagMatrix(sbar), dP)), Trace(mul(Transpose(mul(S, K)), dP))),
             "⟨Ū, U(F ⊙ M)⟩ = ⟨F ⊙ UᵀŪ, M⟩; with M = dP S + S dPᵀ and F antisymmetric the two halves give "
             "⟨(F ⊙ (UᵀŪ − ŪᵀU)) S, dP⟩, likewise for V̄; the projection term by the cyclic trace"),
        step(add(Trace(mul(Transpose(core), dP)), Trace(mul(Transpose(tail), dA))),
             "collect the terms paired with dP"),
        step(Trace(mul(Transpose(add(mul(U, core, V.T), tail)), dA)), "⟨M, Uᵀ dA V⟩ = ⟨U M Vᵀ, dA⟩"),
    ),
    see_also=("svd-singular-values", "eigh-backward", "nuclear-norm"),
    sources=(cite("townsend2016svd", "eqs. (16)–(18) for the forward rules; the backward pass of the full-rank case"),
             cite("ionescu2015matrix", "backpropagation through the SVD"),
             cite("papadopoulo2000jacobian", "the Jacobian of the SVD components")),
    aliases=("svd vjp", "svd gradient", "backpropagation through svd", "singular value decomposition backward"),
)
