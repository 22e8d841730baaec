"""Everything an identity module imports: symbols, SymPy constructs, and the record builders.

A module reads like one rule of an automatic-differentiation library: declare the symbols, write
the function and its derivative once, list the derivation steps, cite the source.

Beyond SymPy's matrix algebra (``Trace``, ``Inverse``, ``HadamardProduct``, ``KroneckerProduct``…)
an identity may use the engine's constructs, each printed as LaTeX, Unicode and NumPy:

* **symbols** — ``matrix``, ``vector``, ``d`` (the perturbation dX), ``bar`` (an upstream
  gradient), ``integer("k", values=(2, 3, 4))`` and ``number("epsilon", values=(1e-5,))`` (scalar
  constants the sampler picks from their values; never differentiated);
* **entrywise functions** — ``exp_``, ``log_``, ``tanh_``, ``sqrt_`` (a trailing underscore where
  SymPy uses the name for a scalar function), ``sigmoid``, ``softplus``, ``power(X, p)``,
  ``reciprocal``, and ``derivative_of(f)`` for the derivative from the table (``derivative_of(tanh_)(Z)``
  is 𝟏 − tanh(Z)^⊙2);
* **sums and broadcasting** — ``RowSums`` (M𝟏), ``ColSums`` (𝟏ᵀM), ``Ones`` (𝟏, to spread a column
  across a row as c𝟏ᵀ), ``DiagMatrix``, ``Vec``, ``Softmax``, ``SoftmaxRows``;
* **matrix functions** — ``expm`` (e^X), ``expm_frechet`` (L_exp(X, E)), ``sqrtm`` (X^{1/2}),
  ``logm`` (Log X), ``sylvester(A, B, C)`` (the Y with AY + YB = C), and integer powers X**k;
* **special matrices** — ``commutation(m, n)`` (K_{m,n}), ``duplication(n)`` (D_n),
  ``elimination(n)`` (L_n), ``symmetrizer(n)`` (N_n).

``log`` and ``sqrt`` here are SymPy's, for scalars (log det X, √d); applied to a matrix they refuse
and name the entrywise and the matrix function to use instead.
"""

from __future__ import annotations

import sympy as sp
from sympy import (Determinant, HadamardProduct, Inverse, KroneckerProduct, Rational, Trace, Transpose)

from .engine.constructs.elementwise import (derivative_of, exp_, log_, power, reciprocal, sigmoid, softplus, sqrt_,
                                            tanh_)
from .engine.constructs.matfun import expm, expm_frechet, logm, sqrtm, sylvester
from .engine.constructs.special import commutation, duplication, elimination, symmetrizer
from .engine.constructs.sums import ColSums
from .engine.nodes import Cotangent, DiagMatrix, Named, Ones, RowSums, Softmax, SoftmaxRows, Vec
from .engine.sources import COOKBOOK, Source
from .engine.record import Claim, Derivation, Identity, Step, Var
from .engine.refusals import function_of_matrix
from .engine.symbols import add, cotangent, differential, dim, integer, matrix, mul, number, vector

__all__ = [
    "matrix", "vector", "dim", "d", "bar", "add", "mul", "eye", "integer", "number",
    "Trace", "Determinant", "Inverse", "Transpose", "KroneckerProduct", "HadamardProduct", "log", "sqrt",
    "Rational", "SoftmaxRows", "Softmax", "DiagMatrix", "Vec", "RowSums", "ColSums", "Ones",
    "exp_", "log_", "tanh_", "sqrt_", "sigmoid", "softplus", "power", "reciprocal", "derivative_of",
    "expm", "expm_frechet", "sqrtm", "logm", "sylvester",
    "commutation", "duplication", "elimination", "symmetrizer",
    "variable", "constant", "upstream", "gradient", "differential_of", "jacobian", "hessian", "vjp",
    "step", "derivation", "identity", "named", "cite", "cookbook",
]

d = differential
bar = cotangent


def _scalar_only(function, x):
    if getattr(x, "is_Matrix", False):
        raise TypeError(function_of_matrix(function.__name__, x))
    return function(x)


def log(x):
    """The natural logarithm of a scalar (log det X); a matrix is refused, naming log_ and logm."""
    return _scalar_only(sp.log, x)


def sqrt(x):
    """The square root of a scalar (√d); a matrix is refused, naming sqrt_ and sqrtm."""
    return _scalar_only(sp.sqrt, x)


def named(name: str | Cotangent, expr) -> Named:
    """Give a sub-expression a short name: pages show the name (and its definition), the code
    assigns it once.  Use the returned object wherever the sub-expression occurs.  A cotangent
    made by :func:`bar` names an intermediate upstream gradient (shown as P̄)."""
    return Named(name, expr)


def eye(size: str) -> sp.Identity:
    """The identity matrix I of a dimension given by its letter."""
    return sp.Identity(dim(size))


def variable(symbol, description: str, *conditions: str) -> Var:
    """A symbol the identity differentiates with respect to."""
    return Var(symbol, description, "variable", tuple(conditions))


def constant(symbol, description: str, *conditions: str) -> Var:
    """A symbol held fixed."""
    return Var(symbol, description, "constant", tuple(conditions))


def upstream(symbol, description: str) -> Var:
    """The upstream gradient F̄ = ∇_F L of a backward pass."""
    return Var(symbol, description, "upstream", ())


def gradient(wrt, expr) -> Claim:
    """∇_wrt f, stored in the shape of wrt."""
    return Claim("gradient", wrt, expr)


def differential_of(wrt, expr) -> Claim:
    """DF(X)[dX] = expr, written with the perturbation d(wrt)."""
    return Claim("differential", wrt, expr)


def jacobian(wrt, expr, vec: str = "F") -> Claim:
    """∂vec F / ∂vec wrt in the given vec order ("F" stacks columns, "C" rows)."""
    return Claim("jacobian", wrt, expr, vec)


def hessian(wrt, expr, vec: str = "F") -> Claim:
    """H with d²f = vec(dX)ᵀ H vec(dX) in the given vec order."""
    return Claim("hessian", wrt, expr, vec)


def vjp(wrt, expr) -> Claim:
    """The reverse-mode product ∇_wrt L in terms of the upstream gradient."""
    return Claim("vjp", wrt, expr)


def step(expr, reason: str, vec: str | None = None) -> Step:
    """One derivation line and the rule that justifies it."""
    return Step(expr, reason, vec)


def derivation(wrt, *steps: Step, order: int = 1) -> Derivation:
    """The checked steps, perturbing one symbol or a tuple of symbols."""
    wrt = tuple(wrt) if isinstance(wrt, (tuple, list)) else (wrt,)
    return Derivation(wrt, tuple(steps), order)


def cite(key: str, locator: str = "") -> Source:
    """A work of the catalog's bibliography (identities/references.bib) and where in it: ``"§3.2"``,
    ``"p. 209"``, ``"eq. (5.9)"``."""
    return Source(key, locator)


def cookbook(*equations: int, locator: str = "") -> Source:
    """The Matrix Cookbook (version of November 15, 2012) and the numbers of the displayed equations
    whose formulas the identity states; ``locator`` names a section where no number fits."""
    return Source(COOKBOOK, locator, tuple(equations))


def identity(*, id: str, title: str, symbols, function, claims, output: str = "f", derivation=None,
             see_also=(), sources=(), aliases=()) -> Identity:
    """Build and validate one identity record (the module's docstring and path are added on load)."""
    return Identity(id=id, title=title, symbols=tuple(symbols), function=sp.sympify(function), output=output,
                    claims=tuple(claims), derivation=derivation, see_also=tuple(see_also),
                    sources=tuple(sources), aliases=tuple(aliases)).validate()
