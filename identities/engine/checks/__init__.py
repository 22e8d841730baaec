"""The public checker: is a claimed derivative right, how sure are we, and if wrong, what went wrong.

All five checks reduce to scalars along random Gaussian directions (never ±1, never non-negative):

==================  ==========================================  =======================================
check               measured (numerically)                       claimed (from the user's formula)
==================  ==========================================  =======================================
check_gradient      Df(X)[V]                                     ⟨G, V⟩
check_differential  ⟨W, DF(X)[V]⟩                                ⟨W, dF(X, V)⟩
check_jacobian      ⟨W, DF(X)[V]⟩                                vec(W)ᵀ J vec(V)    (vec order "F"/"C")
check_vjp           ⟨Ȳ, DF(X)[V]⟩                                ⟨vjp(X, Ȳ), V⟩
check_hessian       D²f(X)[U, V], U and V independent            vec(U)ᵀ H vec(V)
==================  ==========================================  =======================================

A function with several outputs (a tuple) is checked by check_vjp and check_differential as one:
W has a part Wₖ per output and ⟨W, DF(X)[V]⟩ = Σₖ ⟨Wₖ, DFₖ(X)[V]⟩; the VJP receives one upstream
gradient per output, a differential returns one array per output (:mod:`.outputs`).

**Three verdicts.**  A check *passes* when the claim agrees with the measurement within an
allowance built from measured sources of error (rounding, the point's conditioning, the function's
noise, the finite-difference plateau; see :mod:`identities.engine.checks.judge`) and that allowance is
at most 1e-5 of the claim's rounding scale; it *fails* when the claim lies outside the allowance;
otherwise it is *inconclusive* and says why: noise or non-determinism measured by repeated calls,
an allowance too wide to judge (ill-conditioning, cancellation), a kink within reach of the steps,
a function or derivative computed below float64, or the time limit.

**Which method decides.**  The complex step Im F(X + ihV)/h, when the function returns a complex
result for complex input; its real part repeats F(X) for free, which measures noise and amplified
rounding.  Complex-step directions are measured one at a time until the chance that a bug of
relative size 1e-9 slipped through is small (:mod:`~identities.engine.checks.power`), and one
central difference along another direction cross-checks the claim in real arithmetic: a passing
check at a well-conditioned point costs **4 calls** of the function, one of them complex.
Disagreements beyond the allowance climb a precision ladder before they count, a wide allowance
or ill-conditioning costs more directions, and a Richardson sweep runs only where a finite
difference disagrees for real; finite differences never overrule a complex step they cannot
resolve.  When the function is not complex-analytic as written (``abs``, ``conj``, ``vdot``,
``cholesky``…), Richardson-extrapolated central differences decide, and ``Check.method`` and
``Check.notes`` say so.  At most ``MAX_EVALUATIONS`` calls, whatever the size.

**Hands off.**  Every argument is copied before every call; a function or derivative that changes
its inputs in place is named in ``Check.notes`` and measured on fresh copies.  Which exceptions
count as leaving the domain at a finite-difference step, and which propagate as
:class:`FunctionError`, is listed in :mod:`identities.engine.checks.calls`.

Modules: ``inputs`` (validation, copies), ``calls`` (the session every call goes through),
``outputs`` (a function with several outputs), ``directional`` (measuring), ``judge`` (the error
model and the verdict), ``power`` (how many directions suffice), ``diagnosis`` (classic mistakes),
``claims`` (what each check claims), ``run`` (the shared path), ``public`` (the checks).
"""

from .calls import FunctionError
from .inputs import EPS64
from .public import check_differential, check_gradient, check_hessian, check_jacobian, check_vjp
from .run import DEFAULT_TIMEOUT, MAX_EVALUATIONS
from .verdict import CENTRAL, COMPLEX, FAILED, INCONCLUSIVE, MIXED_COMPLEX, MIXED_REAL, PASSED, Check

__all__ = ["Check", "check_gradient", "check_differential", "check_jacobian", "check_hessian", "check_vjp",
           "FunctionError", "MAX_EVALUATIONS", "DEFAULT_TIMEOUT", "PASSED", "FAILED", "INCONCLUSIVE",
           "COMPLEX", "CENTRAL", "MIXED_COMPLEX", "MIXED_REAL", "EPS64"]
