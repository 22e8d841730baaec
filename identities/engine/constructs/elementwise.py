"""Functions applied entry by entry, with their derivatives as data.

One node, :class:`Elementwise`, stands for every scalar function applied to each entry of a matrix;
which function is a row of the table :data:`FUNCTIONS`.  A row holds the function's spellings
(LaTeX, Unicode, NumPy), its derivative written in terms of the argument x and the value y = f(x)
(exp′ = y, tanh′ = 1 − y⊙y, σ′ = y ⊙ (1 − y), softplus′ = σ(x), …), and the classic mistakes made
in that derivative (1 + tanh², σ(1 + σ), the derivative taken at the input instead of the output).
So a derivative is written from the table, ``derivative_of(tanh_)(Z)``, prints as the formula a
person writes (𝟏 − tanh(Z)^⊙2), and is mutated into those mistakes.

Entrywise powers are SymPy's own :class:`~sympy.matrices.expressions.hadamard.HadamardPower`, which
SymPy already produces from H ⊙ H; this module gives it the house printings (H^⊙2, ``H**2``) and its
mistakes (the exponent off by one, the matrix power for the entrywise one).  ``power(X, p)`` and
``reciprocal(X)`` are rows of the table built on it.

Builders whose name SymPy also uses for a scalar function carry a trailing underscore (``exp_``,
``log_``, ``tanh_``, ``sqrt_``), so that ``sp.exp(X)`` (refused when an identity is defined) and the
entrywise exponential are never confused; the others are plain (``sigmoid``, ``softplus``,
``power``, ``reciprocal``).  The NumPy helpers for σ and softplus branch on the real part, so that
they are accurate for large |x| and keep the imaginary part of a complex step (SciPy's ``expit``
and NumPy's ``logaddexp`` refuse complex input; a softplus written with ``abs`` gets it wrong).
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Callable

import sympy as sp
from sympy.core.symbol import Str
from sympy.matrices.expressions.hadamard import HadamardPower
from sympy.matrices.expressions.matexpr import MatrixExpr
from sympy.printing.precedence import PRECEDENCE, precedence

from ..mutants import mutation_rule
from ..nodes import FUNCTION_CALL, JUXTAPOSED, Ones
from ..printing import HandbookUnicodePrinter, exponent, numpy_helper, print_rule
from ..refusals import alternative
from . import numerics

__all__ = ["ElementwiseFunction", "Elementwise", "ElementwiseDerivative", "FUNCTIONS", "derivative_of",
           "exp_", "log_", "tanh_", "sigmoid", "softplus", "sqrt_", "power", "reciprocal"]


@dataclass(frozen=True)
class ElementwiseFunction:
    """One row of the table: a scalar function applied entrywise, and its derivative as data.

    ``derivative(x, y, *params)`` is f′ at the argument x, written with the value y = f(x) where that
    is how it is computed; each of ``mistakes`` is (description, wrong derivative) with the same
    arguments.  ``latex`` and ``unicode`` are templates with one ``%s`` for the argument: inside
    brackets, ``name(%s)`` or ``\\sqrt{%s}``, the argument is printed as it is, otherwise it is
    bracketed by precedence (√X, √(X + Y)); ``numpy`` names the function the code calls.  A row
    with ``build`` makes another node (an entrywise power) and is printed by that node's rules.
    """

    name: str
    builder: str
    words: str
    derivative: Callable
    latex: str = ""
    unicode: str = ""
    numpy: str = ""
    mistakes: tuple[tuple[str, Callable], ...] = ()
    replaces: str | None = None
    precedence: int = FUNCTION_CALL
    parameters: tuple[str, ...] = ()
    build: Callable | None = field(default=None, compare=False)

    def __call__(self, x, *params):
        """The function applied entrywise to the matrix expression *x*."""
        x = sp.sympify(x)
        if not getattr(x, "is_Matrix", False):
            raise TypeError(f"{self.builder}() applies {self.words} to a matrix expression, not to {x!r}; use "
                            f"SymPy's scalar function for a number")
        if len(params) != len(self.parameters):
            wanted = ", ".join(("X",) + self.parameters)
            raise TypeError(f"{self.builder}() takes {wanted}, got {len(params) + 1} argument(s)")
        if self.build is not None:
            return self.build(x, *params)
        return Elementwise(self.name, x)

    @property
    def same_as_derivative(self) -> bool:
        """f′ = f (the exponential): then "f for f′" is no mistake."""
        x = sp.MatrixSymbol("x", 2, 2)
        y = self(x) if not self.parameters else None
        return y is not None and self.derivative(x, y) == y


def _ones(x):
    return Ones(*x.shape)


def _sum(*terms):
    return sp.MatAdd(*terms, evaluate=False)


def _neg(term):
    return sp.MatMul(-1, term, evaluate=False)


def _hadamard(a, b):
    return sp.HadamardProduct(a, b, evaluate=False)


#: Every entrywise function the engine knows, by name.
FUNCTIONS: dict[str, ElementwiseFunction] = {f.name: f for f in (
    ElementwiseFunction(
        "exp", "exp_", "the entrywise exponential", lambda x, y: y,
        r"\exp\left(%s\right)", "exp(%s)", "exp", replaces="exp"),
    ElementwiseFunction(
        "log", "log_", "the entrywise natural logarithm", lambda x, y: HadamardPower(x, -1),
        r"\log\left(%s\right)", "log(%s)", "log",
        mistakes=(("−1/x² (the derivative of 1/x) for 1/x", lambda x, y: _neg(HadamardPower(x, -2))),),
        replaces="log"),
    ElementwiseFunction(
        "tanh", "tanh_", "the entrywise hyperbolic tangent", lambda x, y: _sum(_ones(x), _neg(HadamardPower(y, 2))),
        r"\tanh\left(%s\right)", "tanh(%s)", "tanh",
        mistakes=(("1 + tanh² for 1 − tanh²", lambda x, y: _sum(_ones(x), HadamardPower(y, 2))),
                  ("1 − tanh for 1 − tanh² (the square forgotten)", lambda x, y: _sum(_ones(x), _neg(y))),
                  ("1 − x² for 1 − tanh²: the derivative taken at the input instead of the output",
                   lambda x, y: _sum(_ones(x), _neg(HadamardPower(x, 2))))),
        replaces="tanh"),
    ElementwiseFunction(
        "sigmoid", "sigmoid", "the entrywise logistic sigmoid", lambda x, y: _hadamard(y, _sum(_ones(x), _neg(y))),
        r"\sigma\left(%s\right)", "σ(%s)", "sigmoid",
        mistakes=(("σ(1 + σ) for σ(1 − σ)", lambda x, y: _hadamard(y, _sum(_ones(x), y))),
                  ("1 − σ for σ(1 − σ)", lambda x, y: _sum(_ones(x), _neg(y))),
                  ("x(1 − x) for σ(1 − σ): the derivative taken at the input instead of the output",
                   lambda x, y: _hadamard(x, _sum(_ones(x), _neg(x)))))),
    ElementwiseFunction(
        "softplus", "softplus", "the entrywise softplus log(1 + eˣ)", lambda x, y: Elementwise("sigmoid", x),
        r"\operatorname{softplus}\left(%s\right)", "softplus(%s)", "softplus",
        mistakes=(("σ(1 − σ), the derivative of σ, for σ", lambda x, y: FUNCTIONS["sigmoid"].derivative(
                      x, Elementwise("sigmoid", x))),
                  ("exp(x) for σ(x)", lambda x, y: Elementwise("exp", x)))),
    ElementwiseFunction(
        "sqrt", "sqrt_", "the entrywise square root",
        lambda x, y: sp.MatMul(sp.Rational(1, 2), HadamardPower(y, -1), evaluate=False),
        r"\sqrt{%s}", "√%s", "sqrt",
        mistakes=(("1/√x for 1/(2√x): the ½ dropped", lambda x, y: HadamardPower(y, -1)),
                  ("√x/2 for 1/(2√x)", lambda x, y: sp.MatMul(sp.Rational(1, 2), y, evaluate=False))),
        replaces="sqrt", precedence=JUXTAPOSED),
    ElementwiseFunction(
        "reciprocal", "reciprocal", "the entrywise reciprocal 1/x", lambda x, y: _neg(HadamardPower(y, 2)),
        mistakes=(("1/x² for −1/x²: the sign dropped", lambda x, y: HadamardPower(y, 2)),
                  ("−1/x for −1/x²", lambda x, y: _neg(y))),
        build=lambda x: HadamardPower(x, -1)),
    ElementwiseFunction(
        "power", "power", "the entrywise power xᵖ",
        lambda x, y, p: sp.MatMul(p, HadamardPower(x, p - 1), evaluate=False),
        mistakes=(("x^(p−1) without the factor p", lambda x, y, p: HadamardPower(x, p - 1)),
                  ("p xᵖ: the exponent not lowered", lambda x, y, p: sp.MatMul(p, y, evaluate=False))),
        parameters=("p",), build=lambda x, p: HadamardPower(x, sp.sympify(p))),
)}

exp_, log_, tanh_ = FUNCTIONS["exp"], FUNCTIONS["log"], FUNCTIONS["tanh"]
sigmoid, softplus, sqrt_ = FUNCTIONS["sigmoid"], FUNCTIONS["softplus"], FUNCTIONS["sqrt"]
power, reciprocal = FUNCTIONS["power"], FUNCTIONS["reciprocal"]


class Elementwise(MatrixExpr):
    """f(X) entrywise for a function f of :data:`FUNCTIONS` (exp, log, tanh, σ, softplus, √)."""

    def __new__(cls, name, arg):
        name = getattr(name, "name", name)
        entry = FUNCTIONS.get(name)
        if entry is None or entry.build is not None:
            known = ", ".join(n for n, f in FUNCTIONS.items() if f.build is None)
            raise ValueError(f"Elementwise: unknown function {name!r}; the table holds {known} "
                             "(powers and reciprocals are power(X, p) and reciprocal(X))")
        arg = sp.sympify(arg)
        if not getattr(arg, "is_Matrix", False):
            raise TypeError(f"{entry.builder}() applies {entry.words} to a matrix expression, not to {arg!r}")
        return super().__new__(cls, Str(name), arg)

    @property
    def function(self) -> ElementwiseFunction:
        return FUNCTIONS[self.args[0].name]

    @property
    def arg(self):
        return self.args[1]

    @property
    def shape(self):
        return self.arg.shape

    @property
    def precedence(self):
        return self.function.precedence


class ElementwiseDerivative(MatrixExpr):
    """f′(X) entrywise, written from the table: it prints as its formula (𝟏 − H^⊙2 for tanh′ with
    H = tanh(Z)) and is mutated into the function's classic mistakes.

    Arguments: the function's name, the argument x, the value y = f(x) (a named part such as H, or
    f(x) itself), then the function's parameters (the p of a power).
    """

    def __new__(cls, name, arg, value, *params):
        name = getattr(name, "name", name)
        if name not in FUNCTIONS:
            raise ValueError(f"derivative_of: unknown function {name!r}; the table holds {', '.join(FUNCTIONS)}")
        arg, value = sp.sympify(arg), sp.sympify(value)
        if getattr(value, "shape", None) != arg.shape:
            raise ValueError(f"derivative_of: the value f(x) must have the shape of x {arg.shape}, "
                             f"not {getattr(value, 'shape', None)}")
        return super().__new__(cls, Str(name), arg, value, *map(sp.sympify, params))

    @property
    def function(self) -> ElementwiseFunction:
        return FUNCTIONS[self.args[0].name]

    @property
    def expansion(self):
        """The derivative as the expression it stands for."""
        return self.function.derivative(*self.args[1:])

    @property
    def shape(self):
        return self.args[1].shape

    @property
    def precedence(self):
        return precedence(self.expansion)


def derivative_of(function: ElementwiseFunction):
    """The derivative of a table function as a builder: ``derivative_of(tanh_)(Z)`` is 𝟏 − tanh(Z)^⊙2,
    ``derivative_of(tanh_)(Z, value=H)`` writes it with the value H = tanh(Z) already computed,
    ``derivative_of(power)(X, 3)`` is 3X^⊙2."""
    if not isinstance(function, ElementwiseFunction):
        raise TypeError(f"derivative_of takes an entrywise function such as tanh_ or sigmoid, not {function!r}")

    def build(x, *params, value=None):
        y = function(x, *params) if value is None else value
        return ElementwiseDerivative(function.name, x, y, *params)

    build.__name__ = f"derivative_of_{function.builder}"
    return build


# -- printing --------------------------------------------------------------------------------------

def _fill(printer, template: str, arg) -> str:
    """*template* with its argument: printed as it is inside brackets, bracketed by precedence otherwise."""
    enclosed = template[template.index("%s") - 1] in "({"
    return template % (printer._print(arg) if enclosed else printer.parenthesize(arg, PRECEDENCE["Pow"]))


def _numpy(printer, expr):
    return printer.call(expr.function.numpy, expr.arg)


print_rule(Elementwise, latex=lambda p, e: _fill(p, e.function.latex, e.arg),
           unicode=lambda p, e: _fill(p, e.function.unicode, e.arg), numpy=_numpy)
print_rule(ElementwiseDerivative, latex=lambda p, e: p._print(e.expansion), unicode=lambda p, e: p._print(e.expansion),
           numpy=lambda p, e: p._print(e.expansion))

for _helper in (numerics.sigmoid, numerics.softplus):
    numpy_helper(_helper.__name__, inspect.getsource(_helper))


def _exponent_unicode(printer, power) -> str:
    text = exponent(printer, power).replace("-", "−")
    return text if power.is_Atom and not text.startswith("−") else f"({text})"


def _exponent_numpy(printer, power) -> str:
    text = exponent(printer, power)
    return text if power.is_Atom and not text.startswith("-") and "/" not in text else f"({text})"


print_rule(
    HadamardPower,
    latex=lambda p, e: r"%s^{\odot %s}" % (p.parenthesize(e.base, PRECEDENCE["Pow"]), exponent(p, e.exp)),
    unicode=lambda p, e: f"{p.parenthesize(e.base, PRECEDENCE['Pow'])}^⊙{_exponent_unicode(p, e.exp)}",
    numpy=lambda p, e: f"{p._operand(e.base)}**{_exponent_numpy(p, e.exp)}",
)


# -- classic mistakes --------------------------------------------------------------------------------

def power_text(power) -> str:
    """An exponent as the Unicode printer writes it (k − 1)."""
    return exponent(HandbookUnicodePrinter({"order": "none"}), sp.sympify(power))


@mutation_rule(Elementwise)
def _function_mistakes(node, parent):
    if not node.function.same_as_derivative:
        yield (f"{node.function.name}′ for {node.function.name}: the derivative in place of the function",
               ElementwiseDerivative(node.function.name, node.arg, node))


@mutation_rule(ElementwiseDerivative)
def _derivative_mistakes(node, parent):
    entry, args = node.function, node.args[1:]
    for description, wrong in entry.mistakes:
        yield description, wrong(*args)
    if not entry.same_as_derivative:
        yield f"{entry.name} for {entry.name}′: the function in place of its derivative", node.args[2]


@mutation_rule(HadamardPower)
def _power_mistakes(node, parent):
    base, p = node.args
    yield f"exponent {power_text(p + 1)} for {power_text(p)}", HadamardPower(base, p + 1)
    yield f"exponent {power_text(p - 1)} for {power_text(p)}", HadamardPower(base, p - 1)
    if p.is_Integer and p > 0:
        yield "the matrix power for the entrywise power (X**p is entrywise in NumPy)", sp.MatPow(base, p)


for _entry in FUNCTIONS.values():
    if _entry.replaces:
        alternative(_entry.replaces, f"{_entry.builder}(X) for {_entry.words}")
