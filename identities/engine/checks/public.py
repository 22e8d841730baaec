"""The five public checks: each is its description (what is claimed and how it pairs with the
directions) run along the one shared path."""

from __future__ import annotations

from typing import Callable

from .claims import DIFFERENTIAL, GRADIENT, HESSIAN, JACOBIAN, VJP
from .run import DEFAULT_TIMEOUT, run
from .verdict import Check

__all__ = ["check_gradient", "check_differential", "check_jacobian", "check_hessian", "check_vjp"]


def check_gradient(f: Callable, grad: Callable, *args, wrt: int = 0, seed: int = 0,
                   timeout: float | None = DEFAULT_TIMEOUT, structure: str | None = None,
                   convention: str | None = None) -> Check:
    """Check ``grad(*args)`` as the gradient of the scalar ``f(*args)`` with respect to ``args[wrt]``.

    The gradient is stored in the shape of the variable (df = ⟨∇f, dX⟩ = tr(∇fᵀ dX)); a scalar
    variable (a 0-d array or a float) has a number as its gradient.  A complex variable has the
    gradient G = ∂f/∂Re X + i ∂f/∂Im X of the real ``f`` (df = Re tr(Gᴴ dX)), measured by finite
    differences along complex directions.  ``structure`` ("symmetric", "diagonal",
    "lower-triangular", "upper-triangular", "toeplitz") confines the variable to that set: it is
    perturbed only inside it, and ``convention`` says which gradient is claimed — ``"sym"``, the
    structured G with df = tr(Gᵀ dX) for structured dX, or ``"free"``, the structured matrix of
    derivatives by the free entries.  Every argument
    is copied before each call, so the functions never see (or change) your arrays.  ``timeout`` is
    in seconds (default 600; ``None`` for no limit): checked before each call, it is never allowed
    to interrupt one, and a check that runs out of time is inconclusive.  An exception raised by
    ``f`` or ``grad`` propagates as :class:`~identities.engine.checks.FunctionError` naming the call.

    >>> import numpy as np
    >>> A = np.array([[2.0, 1.0], [0.0, 3.0]]); X = np.array([[1.0, -2.0], [0.5, 1.5]])
    >>> check_gradient(lambda A, X: np.trace(X.T @ A @ X), lambda A, X: (A + A.T) @ X, A, X, wrt=1).verdict
    'passed'
    >>> check_gradient(lambda A, X: np.trace(X.T @ A @ X), lambda A, X: 2 * A @ X, A, X, wrt=1).diagnosis
    'missing symmetric part: your answer is right only when argument 0 is symmetric; use its symmetric part (e.g. (A + Aᵀ)X, not 2AX)'
    >>> S = np.array([[2.0, 0.5], [0.5, 1.0]])
    >>> check_gradient(lambda S: np.log(np.linalg.det(S)), np.linalg.inv, S, structure="symmetric", convention="sym").ok
    True
    """
    return run(GRADIENT, f, grad, args, wrt, seed, timeout, structure=structure, convention=convention)


def check_differential(F: Callable, dF: Callable, *args, wrt=0, seed: int = 0,
                       timeout: float | None = DEFAULT_TIMEOUT, structure=None) -> Check:
    """Check ``dF(*args, dX)`` as the differential DF(X)[dX] of ``F(*args)`` at ``X = args[wrt]``.

    ``wrt`` may be a tuple of positions; ``dF`` then receives one perturbation per position, and
    ``structure`` is a tuple with one structure (or None) per position.  A function with several
    outputs returns a tuple, and ``dF`` then returns one array per output.  Complex variables and
    outputs are compared in Re⟨W, dF⟩.  Copies, time limit and errors as in :func:`check_gradient`.

    >>> import numpy as np
    >>> X = np.array([[2.0, 1.0], [0.5, 3.0]])
    >>> inv = np.linalg.inv
    >>> check_differential(inv, lambda X, dX: -inv(X) @ dX @ inv(X), X).ok
    True
    """
    return run(DIFFERENTIAL, F, dF, args, wrt, seed, timeout, structure=structure)


def check_vjp(F: Callable, vjp: Callable, *args, wrt: int = 0, seed: int = 0,
              timeout: float | None = DEFAULT_TIMEOUT, structure: str | None = None,
              convention: str | None = None) -> Check:
    """Check ``vjp(*args, Ybar)`` as the reverse-mode product DF(X)*[Ȳ] (the gradient of ⟨Ȳ, F⟩,
    of Re⟨Ȳ, F⟩ for complex arrays).

    A function with several outputs returns a tuple (Y₁, Y₂, …); ``vjp`` then receives one upstream
    gradient per output, ``vjp(*args, Y1bar, Y2bar, …)``, and must return Σₖ DFₖ(X)*[Ȳₖ].  Structure,
    convention, complex variables, copies, time limit and errors as in :func:`check_gradient`.

    >>> import numpy as np
    >>> W = np.arange(6.0).reshape(2, 3) - 2; X = np.array([[1.0, 2.0], [0.0, 1.0], [3.0, -1.0]])
    >>> check_vjp(lambda W, X: W @ X, lambda W, X, Zbar: Zbar @ X.T, W, X, wrt=0).ok
    True
    >>> F = lambda W, X: (W @ X, np.sum(W * W))                   # two outputs
    >>> check_vjp(F, lambda W, X, Zbar, sbar: Zbar @ X.T + 2 * sbar * W, W, X, wrt=0).ok
    True
    """
    return run(VJP, F, vjp, args, wrt, seed, timeout, structure=structure, convention=convention)


def check_jacobian(F: Callable, J: Callable, *args, wrt: int = 0, vec: str = "F", seed: int = 0,
                   timeout: float | None = DEFAULT_TIMEOUT) -> Check:
    """Check ``J(*args)`` as the Jacobian of vec F with respect to vec X, shape (F.size, X.size).

    ``vec="F"`` stacks columns (the mathematical vec, ``order="F"``); ``vec="C"`` stacks rows
    (NumPy's default reshape).  Copies, time limit and errors as in :func:`check_gradient`.

    >>> import numpy as np
    >>> A = np.array([[1.0, 2.0], [3.0, 4.0], [0.0, 1.0]]); X = np.ones((2, 4)); B = np.arange(8.0).reshape(4, 2)
    >>> check_jacobian(lambda A, X, B: A @ X @ B, lambda A, X, B: np.kron(B.T, A), A, X, B, wrt=1).ok
    True
    >>> check_jacobian(lambda A, X, B: A @ X @ B, lambda A, X, B: np.kron(A, B.T), A, X, B, wrt=1).diagnosis
    "other vec order: your matrix is right for vec='C'"
    """
    return run(JACOBIAN, F, J, args, wrt, seed, timeout, vec)


def check_hessian(f: Callable, H: Callable, *args, wrt: int = 0, vec: str = "F", seed: int = 0,
                  timeout: float | None = DEFAULT_TIMEOUT) -> Check:
    """Check ``H(*args)`` as the Hessian of the scalar ``f`` in a vec order: d²f = vec(dX)ᵀ H vec(dX).

    Compares the bilinear forms vec(U)ᵀ H vec(V) with D²f[U, V] for independent U and V, which a
    quadratic form alone could not do (it cannot see a wrong antisymmetric part).  Copies, time
    limit and errors as in :func:`check_gradient`.

    >>> import numpy as np
    >>> A = np.array([[1.0, 2.0], [0.0, 3.0]]); x = np.array([1.0, -1.0])
    >>> check_hessian(lambda A, x: x @ A @ x, lambda A, x: A + A.T, A, x, wrt=1).ok
    True
    >>> check_hessian(lambda A, x: x @ A @ x, lambda A, x: 2 * A, A, x, wrt=1).diagnosis
    'missing symmetric part: ½(H + Hᵀ) of your answer passes'
    """
    return run(HESSIAN, f, H, args, wrt, seed, timeout, vec)
