"""Dimension symbols and the small vocabulary identity modules use to declare matrices.

Every identity writes its formulas with SymPy matrix expressions built from these helpers, so
that one expression yields the LaTeX on the page and the NumPy code under test.
"""

from __future__ import annotations

import sympy as sp

from .nodes import Cotangent, Differential, ScalarConstant

__all__ = ["DIMS", "dim", "matrix", "vector", "scalar", "differential", "cotangent", "scalar_dim", "integer", "number",
           "add", "mul", "ComplexMatrixSymbol", "is_complex", "is_scalar"]

#: The house dimension letters: m, n, p, q, k for matrix sizes, b for a batch, d for features, r for a rank.
DIMS: dict[str, sp.Symbol] = {
    name: sp.Symbol(name, integer=True, positive=True) for name in ("m", "n", "p", "q", "k", "b", "d", "r")
}


def dim(name: str) -> sp.Symbol:
    """The dimension symbol called *name*; unknown letters are refused so that shapes stay comparable."""
    try:
        return DIMS[name]
    except KeyError:
        raise ValueError(f"unknown dimension {name!r}; use one of {', '.join(DIMS)}") from None


def _size(spec: str | int) -> sp.Expr:
    return sp.Integer(spec) if isinstance(spec, int) else dim(spec)


class ComplexMatrixSymbol(sp.MatrixSymbol):
    """A matrix symbol whose entries are complex: the sampler draws complex values for it and the
    checker perturbs it along complex directions.  Printed like any matrix symbol."""


def matrix(name: str, rows: str | int, cols: str | int, complex: bool = False) -> sp.MatrixSymbol:
    """A matrix symbol ``name`` of shape rows×cols, with sizes given as dimension letters or integers;
    ``complex=True`` makes its entries complex."""
    cls = ComplexMatrixSymbol if complex else sp.MatrixSymbol
    return cls(name, _size(rows), _size(cols))


def vector(name: str, size: str | int, complex: bool = False) -> sp.MatrixSymbol:
    """A column vector: a matrix symbol of shape size×1."""
    return matrix(name, size, 1, complex)


def scalar(name: str) -> sp.Symbol:
    """A real scalar parameter (a length-scale, a temperature): a number, whose derivative is a number.

    Its name must be an identifier (it is a parameter of the generated code) and not a dimension
    letter (those are the sizes of the matrices)."""
    if not isinstance(name, str) or not name.isidentifier():
        raise ValueError(f"a scalar's name must be a Python identifier, not {name!r}")
    if name in DIMS:
        raise ValueError(f"{name!r} is a dimension letter; give the scalar another name (such as 'ell' or 'tau')")
    return sp.Symbol(name, real=True)


def is_complex(symbol) -> bool:
    """Whether a declared symbol has complex entries."""
    return isinstance(symbol, ComplexMatrixSymbol)


def is_scalar(symbol) -> bool:
    """Whether a declared symbol is a scalar (not a matrix)."""
    return isinstance(symbol, sp.Symbol)


def differential(symbol: sp.MatrixSymbol) -> Differential:
    """The perturbation dX of a matrix symbol X (same shape)."""
    return Differential(symbol)


def cotangent(name: str, rows: str | int | sp.Expr, cols: str | int | sp.Expr) -> Cotangent:
    """The upstream gradient Ȳ = ∇_Y L of an output named *name*, of shape rows×cols."""
    rows = rows if isinstance(rows, sp.Expr) else _size(rows)
    cols = cols if isinstance(cols, sp.Expr) else _size(cols)
    return Cotangent(name, rows, cols)


def integer(name: str, values) -> ScalarConstant:
    """An integer constant (the k of Xᵏ), never differentiated: the sampler picks one of *values* at
    each draw, so the formula is checked for k as a symbol, not for one lucky number."""
    values = tuple(values)
    if not values or any(isinstance(v, bool) or not isinstance(v, int) for v in values):
        raise ValueError(f"integer({name!r}, values=...): the values must be Python ints, not {values!r}")
    return ScalarConstant(name, values)


def number(name: str, values) -> ScalarConstant:
    """A real constant (a stabiliser ε), never differentiated: the sampler picks one of *values*."""
    values = tuple(values)
    if not values or any(isinstance(v, bool) or not isinstance(v, (int, float)) for v in values):
        raise ValueError(f"number({name!r}, values=...): the values must be Python numbers, not {values!r}")
    return ScalarConstant(name, tuple(float(v) for v in values))


def scalar_dim(name: str) -> sp.Symbol:
    """A dimension used as a number inside a formula (the √d of attention)."""
    return dim(name)


def _operand_problem(operands) -> str | None:
    """Why one of *operands* cannot be part of a catalog formula (SymPy's scalar exp of a matrix, say)."""
    from .refusals import refusal
    return next((p for p in map(refusal, operands) if p), None)


def _explained(build, operands):
    """Build a sum or product; when SymPy refuses an operand that the catalog refuses too, say so in
    the catalog's words instead of SymPy's ("noncommutative scalars in MatMul")."""
    try:
        return build()
    except (TypeError, ValueError, NotImplementedError) as exc:
        problem = _operand_problem(operands)
        if problem is None:
            raise
        raise TypeError(problem) from exc


def add(*terms) -> sp.MatAdd:
    """A sum kept in the order written (SymPy would reorder it): ``add(A*X, -B)`` prints AX − B."""
    if all(getattr(t, "is_Matrix", False) for t in terms):
        return _explained(lambda: sp.MatAdd(*terms, evaluate=False), terms)
    if any(getattr(t, "is_Matrix", False) for t in terms):
        raise TypeError(_operand_problem(terms) or "add() mixes matrices and scalars")
    return sp.Add(*terms, evaluate=False)


def mul(*factors) -> sp.MatMul:
    """A product kept as written (SymPy would merge and reorder transposes)."""
    if any(getattr(f, "is_Matrix", False) for f in factors):
        return _explained(lambda: sp.MatMul(*factors, evaluate=False), factors)
    return sp.Mul(*factors, evaluate=False)
