"""Formulas SymPy builds but the catalog cannot state are refused when the identity is defined.

Each case is a way an author used to get a broken identity only at verify time (wrong NumPy code, a
``SyntaxError``, an unbound name, "noncommutative scalars in MatMul"); now the definition refuses it
with a sentence that names the identity, the construct, and what to write instead — or it works.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from sympy.matrices.expressions.hadamard import hadamard_product
from sympy.matrices.expressions.matexpr import MatrixExpr

import identities
from identities.define import (HadamardProduct, Softmax, Trace, add, cite, constant, gradient, identity, integer, log,
                               matrix, mul, number, sqrt, variable, vector)
from identities.engine.printing import latex, print_rule, unicode
from identities.engine.record import DefinitionError

X = matrix("X", "n", "n")
A = matrix("A", "n", "n")
x = vector("x", "n")


def build(function, claims=None, symbols=None):
    """A toy identity around *function*; the claim is a placeholder of the right shape."""
    return identity(id="toy", title="Toy", symbols=symbols or [variable(X, "x"), constant(A, "a"),
                                                                 constant(x, "a vector")],
                    function=function, claims=claims or [gradient(X, A)], sources=(cite("giles2008extended"),))


class _Unprintable(MatrixExpr):
    """A node nobody taught the printers."""

    def __new__(cls, arg):
        return super().__new__(cls, arg)

    @property
    def shape(self):
        return self.args[0].shape


class _LatexOnly(_Unprintable):
    """A node that prints itself as LaTeX and nothing else."""

    def _latex(self, printer):
        return r"\operatorname{half}"


# (failure mode, the function that used to break later, words the refusal must contain)
REFUSED = [
    ("SymPy's scalar exp of a matrix prints np.exp", sp.exp(X), ["'toy'", "exp", "exp_(X)", "expm(X)"]),
    ("applyfunc builds ElementwiseApplyFunction", Trace(mul(A, X.applyfunc(sp.exp))), ["applyfunc", "exp_(X)"]),
    ("a non-integer matrix power fails in matrix_power", Trace(sp.MatPow(mul(X.T, X), sp.Rational(1, 2))),
     ["non-integer", "sqrtm(XᵀX)"]),
    ("sqrt of a matrix is a MatPow with exponent ½", Trace(sp.sqrt(X)), ["non-integer", "sqrt_(X)", "sqrtm(X)"]),
    ("an undeclared symbolic exponent has no value", Trace(sp.MatPow(X, sp.Symbol("k"))),
     ["undeclared", "integer('k', values="]),
    ("a real constant is no matrix-power exponent", Trace(sp.MatPow(X, number("epsilon", (0.5,)))),
     ["not an integer"]),
    ("SymPy's DiagonalMatrix prints an unbound size", Trace(mul(A, sp.DiagonalMatrix(X))),
     ["DiagonalMatrix", "HadamardProduct(X, eye(...))"]),
    ("log of a softmax is a noncommutative scalar", sp.log(Softmax(x)), ["log_(softmax(x))", "logm"]),
    ("indexing expands into sums of entries", mul(x.T, A, x)[0, 0], ["indexing"]),
    ("an undeclared scalar prints as an unbound name", Trace(mul(sp.Symbol("epsilon"), X)),
     ["epsilon is not declared", "number('epsilon'"]),
    ("a node without printings", Trace(_Unprintable(X)), ["_Unprintable", "no LaTeX or Unicode or NumPy printing"]),
    ("a node printable in one form only", Trace(_LatexOnly(X)), ["_LatexOnly", "no Unicode or NumPy printing"]),
]


@pytest.mark.parametrize("mode, function, words", REFUSED, ids=[m for m, _, _ in REFUSED])
def test_broken_formulas_are_refused_at_definition(mode, function, words):
    with pytest.raises(DefinitionError) as info:
        build(function)
    message = str(info.value)
    assert message.startswith("identity 'toy': the function: "), message
    for word in words:
        assert word in message, (mode, message)


@pytest.mark.parametrize("make", [lambda: mul(A, sp.exp(X)), lambda: mul(x.T, sp.log(Softmax(x))),
                                  lambda: add(X, sp.exp(X))])
def test_sympy_refusing_an_operand_is_explained_where_the_formula_is_written(make):
    """SymPy itself refuses to multiply a scalar function of a matrix ("noncommutative scalars in
    MatMul"); the house mul() and add() give the catalog's reason instead."""
    with pytest.raises(TypeError, match="applies SymPy's scalar function") as info:
        make()
    assert "write " in str(info.value)


def test_a_refusal_names_where_in_the_record_the_construct_is():
    with pytest.raises(DefinitionError, match="the gradient with respect to X: exp"):
        build(Trace(mul(A, X)), claims=[gradient(X, sp.exp(X))])


def test_the_scalar_log_and_sqrt_refuse_a_matrix_where_it_is_written():
    with pytest.raises(TypeError, match=r"log_\(softmax\(x\)\)"):
        log(Softmax(x))
    with pytest.raises(TypeError, match=r"sqrtm\(X\)"):
        sqrt(X)
    assert log(sp.Determinant(X)) == sp.log(sp.Determinant(X))


def test_a_hadamard_square_works_although_sympy_rewrites_it_as_a_power():
    square = hadamard_product(X, X)
    assert type(square).__name__ == "HadamardPower"
    ident = build(Trace(mul(A.T, square)), claims=[gradient(X, 2 * HadamardProduct(A, X))])
    assert latex(ident.function) == r"\operatorname{tr}\left(A^{\top} X^{\odot 2}\right)"
    assert unicode(ident.function) == "tr(AᵀX^⊙2)"
    assert identities.verify(ident).ok


def test_a_matrix_power_with_a_declared_integer_exponent_works():
    k = integer("k", values=(2, 3))
    ident = build(Trace(X ** k), claims=[gradient(X, mul(k, X.T ** (k - 1)))],
                  symbols=[variable(X, "x"), constant(k, "the power")])
    assert identities.verify(ident).ok


def test_a_printing_rule_makes_a_node_acceptable():
    class _Taught(_Unprintable):
        pass

    print_rule(_Taught, latex=lambda p, e: "T", unicode=lambda p, e: "T", numpy=lambda p, e: p._print(e.args[0]))
    assert build(Trace(mul(A, _Taught(X)))).id == "toy"


@pytest.mark.parametrize("symbols, message", [
    ([variable(X, "x"), variable(integer("k", (2,)), "k")], "can only be a constant"),
    ([variable(X, "x"), constant(integer("k", (2,)), "k", "positive")], "conditions"),
    ([variable(X, "x"), constant(integer("n", (2,)), "k")], "name of a dimension"),
    ([variable(X, "x", "spd", "off-negative-axis"), constant(A, "a")], None),
    ([variable(X, "x", "orthogonal", "off-negative-axis")], "cannot be sampled together"),
    ([variable(X, "x"), constant(x, "y", "probability", "spd")], "cannot be sampled together"),
])
def test_constants_and_conditions_are_checked(symbols, message):
    if message is None:
        assert build(Trace(mul(A, X)), symbols=symbols).id == "toy"
        return
    with pytest.raises(DefinitionError, match=message):
        build(Trace(mul(A, X)), symbols=symbols)


@pytest.mark.parametrize("call, message", [
    (lambda: integer("k", (2.5,)), "Python ints"),
    (lambda: integer("k", ()), "Python ints"),
    (lambda: number("eps", ("small",)), "Python numbers"),
    (lambda: number("not a name", (1.0,)), "identifier"),
])
def test_constant_builders_refuse_bad_values(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_a_sampled_constant_reaches_the_code_as_a_python_number():
    from identities.engine.compile import compile_expr
    k = integer("k", values=(3,))
    fn = compile_expr(Trace(X ** k), (X, k), "f")
    assert "def f(X, k):" in fn.source and "np.linalg.matrix_power(X, k)" in fn.source
    M = np.array([[1.0, 2.0], [0.0, 1.0]])
    assert fn(M, 3) == np.trace(np.linalg.matrix_power(M, 3))
