"""An executable catalog of matrix-calculus identities, and the checker that proves them.

Every formula is one SymPy expression: the LaTeX shown in the handbook, the NumPy code under
test and the layout variants are all printed from it, and each is verified numerically.
Verification is a function of the record, as a gradient check is a function of the function it
checks: the record itself knows nothing of the checker.  A catalog identity is verified once per
content; its reports are kept on disk and shared by the tests, the handbook and the command line.

>>> import identities
>>> identities.get("log-det").title
'Gradient of the log-determinant'
>>> identities.verify(identities.get("trace-quadratic")).ok
True
"""

from .engine.checks import Check, check_differential, check_gradient, check_hessian, check_jacobian, check_vjp
from .engine.equality import check_equal
from .engine.cache import mutants, verify
from .engine.mutants import Mutant, MutationReport
from .engine.printing import CodeUnavailable
from .engine.record import Claim, Derivation, DefinitionError, Identity, Step, Var
from .engine.registry import UnknownIdentity, all_identities, families, get
from .engine.verify import Report, Row
from .edition import edition as _edition

__all__ = [
    "get", "all_identities", "families", "verify", "mutants",
    "check_gradient", "check_differential", "check_jacobian", "check_hessian", "check_vjp", "check_equal",
    "Check", "Report", "Row", "MutationReport", "Mutant", "Identity", "Claim", "Step", "Derivation", "Var",
    "UnknownIdentity", "DefinitionError", "CodeUnavailable",
]

#: The version of the handbook and the package, from ``pyproject.toml`` (see :mod:`identities.edition`).
__version__ = _edition().version
