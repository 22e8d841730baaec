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
  ``elimination(n)`` (L_n), ``symmetrizer(n)`` (N_n);
* **factorizations and solves** — ``chol`` (the Cholesky factor L, LLᵀ = A), ``eigh_values`` and
  ``eigh_vectors`` (λ ascending and U of a symmetric A = U diag(λ) Uᵀ), ``gap(x, power=1)`` (F with
  Fᵢⱼ = 1/(xⱼᵖ − xᵢᵖ) off the diagonal, 0 on it), ``svd_u``, ``svd_s``, ``svd_v`` (the thin SVD
  A = U diag(s) Vᵀ of a tall A, s descending), ``qr_q``, ``qr_r`` (diag(R) > 0), ``solve(A, B)``
  (A⁻¹B, computed as a solve), ``pinv`` (A⁺ of a full-rank A), ``nuclear_norm``, ``spectral_norm``;
* **block matrices** — ``block([[A, B], [C, D]])`` ([A, B; C, D], blocks whose sizes fit);
* **parts of a matrix** — ``sym`` ((M + Mᵀ)/2: write a function of a symmetric argument on sym(A)),
  ``tril``, ``triu``, ``phi`` (Φ, the lower triangle with its diagonal halved), ``diagonal`` (the
  diagonal of a square matrix as a column), ``column(M, j)`` (from 1; ``column(U, dim("n"))`` is the
  last);
* **several outputs** — ``identity(function=(lam, U), output=("lambda", "U"), …)``: each output has
  its own upstream gradient (``upstream(bar("U", "n", "n"), …)`` belongs to U), a vjp uses them all,
  and ``differential_of(A, expr, of="U")`` states the differential of one output;
* **scalar parameters** — ``scalar("ell")``: a real number that is differentiated (a length-scale, a
  temperature); its derivative is a number;
* **complex matrices** — ``matrix("Z", "m", "n", complex=True)``, with ``conj_transpose`` (Zᴴ),
  ``conj`` (Z*) and ``real_part`` (Re, which makes a function of complex matrices the real number a
  gradient needs);
* **structured variables** — ``variable(X, "…", "spd", structure="symmetric")`` (or diagonal,
  triangular, Toeplitz): drawn and perturbed inside the structure, with gradient claims that name a
  ``convention``.

Claims: ``gradient``, ``differential_of``, ``jacobian``, ``hessian``, ``vjp``, and ``equal`` for an
algebraic identity (the function equals an expression).

``log`` and ``sqrt`` here are SymPy's, for scalars (log det X, √d); applied to a matrix they refuse
and name the entrywise and the matrix function to use instead.
"""

from __future__ import annotations

import sympy as sp
from sympy import (Determinant, HadamardProduct, Inverse, KroneckerProduct, Rational, Trace, Transpose, pi)

from .engine.constructs.blocks import block
from .engine.constructs.complex import conj, conj_transpose, real_part
from .engine.constructs.elementwise import (derivative_of, exp_, log_, power, reciprocal, sigmoid, softplus, sqrt_,
                                            tanh_)
from .engine.constructs.factorizations import (Cholesky, EigenValues, EigenVectors, GapMatrix, NuclearNorm, QrQ, QrR,
                                               SingularValues, SpectralNorm, SvdU, SvdV)
from .engine.constructs.matfun import expm, expm_frechet, logm, sqrtm, sylvester
from .engine.constructs.parts import Column, DiagonalOf, Phi, Sym, Tril, Triu
from .engine.constructs.solves import PseudoInverse, Solve
from .engine.constructs.special import commutation, duplication, elimination, symmetrizer
from .engine.constructs.sums import ColSums
from .engine.nodes import Cotangent, DiagMatrix, Named, Ones, RowSums, Softmax, SoftmaxRows, Vec
from .engine.record import Claim, Derivation, Identity, Published, Step, Var
from .engine.refusals import function_of_matrix
from .engine.sources import COOKBOOK, Source
from .engine.symbols import add, cotangent, differential, dim, integer, matrix, mul, number, scalar, vector

__all__ = [
    "matrix", "vector", "scalar", "dim", "d", "bar", "add", "mul", "eye", "integer", "number",
    "Trace", "Determinant", "Inverse", "Transpose", "KroneckerProduct", "HadamardProduct", "log", "sqrt", "pi",
    "Rational", "SoftmaxRows", "Softmax", "DiagMatrix", "Vec", "RowSums", "ColSums", "Ones",
    "exp_", "log_", "tanh_", "sqrt_", "sigmoid", "softplus", "power", "reciprocal", "derivative_of",
    "expm", "expm_frechet", "sqrtm", "logm", "sylvester",
    "commutation", "duplication", "elimination", "symmetrizer", "conj", "conj_transpose", "real_part",
    "variable", "constant", "upstream", "gradient", "differential_of", "jacobian", "hessian", "vjp", "equal",
    "step", "derivation", "identity", "named", "cite", "cookbook", "published",
    "sym", "tril", "triu", "phi", "diagonal", "column", "chol", "eigh_values", "eigh_vectors", "gap",
    "svd_u", "svd_s", "svd_v", "qr_q", "qr_r", "solve", "pinv", "nuclear_norm", "spectral_norm", "block",
]

d = differential
bar = cotangent

sym, tril, triu, phi, diagonal, column = Sym, Tril, Triu, Phi, DiagonalOf, Column
chol, eigh_values, eigh_vectors, gap = Cholesky, EigenValues, EigenVectors, GapMatrix
svd_u, svd_s, svd_v, qr_q, qr_r = SvdU, SingularValues, SvdV, QrQ, QrR
solve, pinv, nuclear_norm, spectral_norm = Solve, PseudoInverse, NuclearNorm, SpectralNorm


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


def eye(size: str | int) -> sp.Identity:
    """The identity matrix I of a dimension given by its letter, or of a fixed size (``eye(1)`` is the
    number 1 as a 1×1 matrix, printed 1)."""
    return sp.Identity(dim(size) if isinstance(size, str) else size)


def variable(symbol, description: str, *conditions: str, structure: str | None = None) -> Var:
    """A symbol the identity differentiates with respect to.

    ``structure`` ("symmetric", "diagonal", "lower-triangular", "upper-triangular", "toeplitz") says
    that the variable lives in that subspace: it is drawn and perturbed only inside it, and its
    gradient claims name a convention (see :func:`gradient`).  Conditions say where in it the point
    lies (``variable(X, "…", "spd", structure="symmetric")``)."""
    return Var(symbol, description, "variable", tuple(conditions), structure)


def constant(symbol, description: str, *conditions: str, structure: str | None = None) -> Var:
    """A symbol held fixed."""
    return Var(symbol, description, "constant", tuple(conditions), structure)


def upstream(symbol, description: str, of: str | None = None) -> Var:
    """The upstream gradient F̄ = ∇_F L of a backward pass.  With several outputs, *of* names the
    output it belongs to; a cotangent made by :func:`bar` already names it (``bar("U", …)`` is Ū)."""
    return Var(symbol, description, "upstream", (), of=of if of is not None else getattr(symbol, "of", None))


def gradient(wrt, expr, convention: str | None = None) -> Claim:
    """∇_wrt f, stored in the shape of wrt (a number for a scalar).

    For a structured variable name the convention: ``"sym"``, the gradient in the trace inner product
    restricted to the structure (sym(G) for a symmetric variable), or ``"free"``, the derivative by
    the free entries (2G − G∘I for a symmetric variable, the Matrix Cookbook's form)."""
    return Claim("gradient", wrt, expr, convention=convention)


def differential_of(wrt, expr, of: str | None = None) -> Claim:
    """DF(X)[dX] = expr, written with the perturbation d(wrt); with several outputs, *of* names the output."""
    return Claim("differential", wrt, expr, of=of)


def jacobian(wrt, expr, vec: str = "F") -> Claim:
    """∂vec F / ∂vec wrt in the given vec order ("F" stacks columns, "C" rows)."""
    return Claim("jacobian", wrt, expr, vec)


def hessian(wrt, expr, vec: str = "F") -> Claim:
    """H with d²f = vec(dX)ᵀ H vec(dX) in the given vec order."""
    return Claim("hessian", wrt, expr, vec)


def vjp(wrt, expr, convention: str | None = None) -> Claim:
    """The reverse-mode product ∇_wrt L in terms of the upstream gradient (a convention as for
    :func:`gradient` when wrt is structured)."""
    return Claim("vjp", wrt, expr, convention=convention)


def equal(expr) -> Claim:
    """The function equals *expr*: an algebraic identity (Woodbury, the Kronecker mixed product),
    checked at random draws within the rounding error both sides can make there."""
    return Claim("equal", None, expr)


def step(expr, reason: str, vec: str | None = None) -> Step:
    """One derivation line and the rule that justifies it."""
    return Step(expr, reason, vec)


def derivation(wrt, *steps: Step, order: int = 1) -> Derivation:
    """The checked steps, perturbing one symbol or a tuple of symbols."""
    wrt = tuple(wrt) if isinstance(wrt, (tuple, list)) else (wrt,)
    return Derivation(wrt, tuple(steps), order)


def published(source: Source, claim: Claim, holds_when: dict[str, str | tuple[str, ...]] | None = None,
              note: str = "") -> Published:
    """A derivative as *source* prints it, where that differs from the identity's claim: wrong as
    printed, or right only when the symbols also meet ``holds_when`` (``{"A": "symmetric"}``).
    Verification rejects it at the identity's inputs and accepts it where ``holds_when`` holds."""
    pairs = tuple((name, c) for name, conds in (holds_when or {}).items()
                  for c in ((conds,) if isinstance(conds, str) else tuple(conds)))
    return Published(source, claim, pairs, note)


def identity(*, id: str, title: str, symbols, function, claims, output: str | tuple[str, ...] = "f",
             derivation=None, see_also=(), sources=(), aliases=(), published=()) -> Identity:
    """Build and validate one identity record (the module's docstring and path are added on load).

    A function with several outputs is a tuple of expressions, ``function=(lam, U)``, named by a tuple
    ``output=("lambda", "U")``; each output then has its own upstream gradient.
    """
    if isinstance(function, (tuple, list)):
        function, output = tuple(sp.sympify(f) for f in function), tuple(output) if isinstance(output, list) else output
    else:
        function = sp.sympify(function)
    return Identity(id=id, title=title, symbols=tuple(symbols), function=function, output=output,
                    claims=tuple(claims), derivation=derivation, see_also=tuple(see_also),
                    sources=tuple(sources), aliases=tuple(aliases), published=tuple(published)).validate()


def cite(key: str, locator: str = "") -> Source:
    """A work of the catalog's bibliography (identities/references.bib) and where in it: ``"§3.2"``,
    ``"p. 209"``, ``"eq. (5.9)"``."""
    return Source(key, locator)


def cookbook(*equations: int, locator: str = "") -> Source:
    """The Matrix Cookbook (version of November 15, 2012) and the numbers of the displayed equations
    whose formulas the identity states; ``locator`` names a section where no number fits."""
    return Source(COOKBOOK, locator, tuple(equations))
