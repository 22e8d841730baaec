"""The constructs the engine speaks beyond SymPy's matrix algebra, one module per family.

======================  =====================================================================
module                  constructs
======================  =====================================================================
``sums``                column sums 𝟏ᵀM (row sums M𝟏 and 𝟏 itself are in :mod:`..nodes`)
``elementwise``         exp, log, tanh, σ, softplus, √, powers and reciprocals entry by entry,
                        with their derivatives as data
``matfun``              e^X and its Fréchet derivative, X^{1/2}, Log X, Sylvester solves, Xᵏ
``special``             the commutation, duplication, elimination and symmetriser matrices
``complex``             the conjugate transpose Zᴴ, the conjugate Z* and the real part Re
``numerics``            the NumPy functions the printed code calls for them
``parts``               sym(M), tril, triu, Φ (the lower triangle with half its diagonal), the
                        diagonal as a column, one column
``factorizations``      Cholesky, the symmetric eigendecomposition, the thin SVD, QR, the gap
                        matrix F, the nuclear and spectral norms
``solves``              A⁻¹B computed as a solve, the pseudo-inverse A⁺
``factorization_code``  the complex-step-valid NumPy the factorization nodes compute with
``helpers``             registers it, and the name(argument) printing those nodes share
``blocks``              block matrices [A, B; C, D]
``interop``             how JAX and PyTorch spell the operations the rules print (with
                        ``jax_code`` and ``torch_code``, the helpers their code calls)
======================  =====================================================================

Each module declares its nodes with their three printings (``print_rule``; the code rule serves
NumPy, JAX and PyTorch alike), the NumPy helpers the code calls (``numpy_helper``) and the classic
mistakes made with them (``mutation_rule``), so importing this package is what teaches the engine
the constructs.  (Structured variables are not
nodes: their parametrisations live in :mod:`identities.engine.structures`.)
"""

# registration happens on import
from . import blocks, complex, elementwise, factorizations, matfun, parts, solves, special, sums  # noqa: F401
from . import interop  # noqa: F401  (after the others: it reuses their NumPy helpers)
