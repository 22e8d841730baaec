"""The classic mistakes each construct declares are generated, and the derivatives in the table are right.

The entrywise table holds each function's derivative as data: it is checked here against the
complex step of the function itself, and every mistake listed beside it must differ from it.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from sympy.matrices.expressions.hadamard import HadamardPower

from identities.define import (DiagMatrix, Ones, Rational, commutation, derivative_of, dim, duplication, elimination,
                               exp_, expm, expm_frechet, integer, log_, logm, matrix, mul, power, sigmoid,
                               sqrt_, sqrtm, sylvester, symmetrizer, tanh_, vector)
from identities.engine.compile import compile_expr
from identities.engine.constructs.elementwise import FUNCTIONS, ElementwiseDerivative
from identities.engine.mutants import mutations
from identities.engine.printing import unicode

X, Y = matrix("X", "n", "n"), matrix("Y", "n", "n")
Z = matrix("Z", "m", "b")
k = integer("k", values=(2, 3))
m, n = dim("m"), dim("n")


def generated(expr) -> dict[str, sp.Expr]:
    """The mutants of *expr*, keyed by the formula they print (Unicode)."""
    return {unicode(mutant): mutant for _, mutant in mutations(expr) if mutant is not None}


def printed(*exprs) -> set[str]:
    return {unicode(e) for e in exprs}


#: Each table function with an argument inside its domain: (entry, parameters, a sample point).
TABLE = [(FUNCTIONS[name], params, point) for name, params, point in (
    ("exp", (), lambda r: r.standard_normal((3, 4))),
    ("log", (), lambda r: r.uniform(0.5, 2.0, (3, 4))),
    ("tanh", (), lambda r: r.standard_normal((3, 4))),
    ("sigmoid", (), lambda r: 3 * r.standard_normal((3, 4))),
    ("softplus", (), lambda r: 3 * r.standard_normal((3, 4))),
    ("sqrt", (), lambda r: r.uniform(0.5, 2.0, (3, 4))),
    ("reciprocal", (), lambda r: r.uniform(0.5, 2.0, (3, 4))),
    ("power", (3,), lambda r: r.standard_normal((3, 4))),
    ("power", (Rational(-1, 2),), lambda r: r.uniform(0.5, 2.0, (3, 4))),
)]


@pytest.mark.parametrize("entry, params, point", TABLE, ids=[f"{e.name}{p}" for e, p, _ in TABLE])
def test_each_tabled_derivative_is_the_derivative_and_each_tabled_mistake_is_not(entry, params, point):
    rng = np.random.default_rng(0)
    value, direction = point(rng), rng.standard_normal((3, 4))
    f = compile_expr(entry(Z, *params), (Z,), "f")
    slope = compile_expr(derivative_of(entry)(Z, *params), (Z,), "slope")
    measured = np.imag(f(value + 1e-20j * direction)) / 1e-20  # the complex step, exact to rounding
    assert np.allclose(measured, slope(value) * direction, rtol=1e-13, atol=0), entry.name
    node = derivative_of(entry)(Z, *params)
    for description, wrong in entry.mistakes:
        mistake = compile_expr(wrong(*node.args[1:]), (Z,), "mistake")
        assert not np.allclose(mistake(value), slope(value), rtol=1e-3), (entry.name, description)


def test_the_tanh_derivative_is_mutated_into_its_classic_mistakes():
    H = tanh_(Z)
    O = Ones(m, dim("b"))
    found = generated(derivative_of(tanh_)(Z, value=H))
    expected = printed(sp.MatAdd(O, HadamardPower(H, 2)),            # 1 + tanh²
                       sp.MatAdd(O, -H),                               # 1 − tanh
                       sp.MatAdd(O, -HadamardPower(Z, 2)),             # at the input instead of the output
                       H)                                               # the function for its derivative
    assert expected <= set(found), set(found)


def test_the_sigmoid_derivative_and_the_function_are_swapped_and_mistaken():
    x = vector("x", "n")
    found = generated(mul(Y, sigmoid(x)))
    assert "Y(σ(x) ⊙ (𝟏 − σ(x)))" in found  # σ′ in place of σ
    found = generated(derivative_of(sigmoid)(x))
    assert {"σ(x) ⊙ (𝟏 + σ(x))", "𝟏 − σ(x)", "σ(x)"} <= set(found), set(found)


def test_the_exponential_is_not_its_own_mistake():
    descriptions = [d for d, _ in mutations(mul(Y, exp_(X)))]
    assert not any("in place of" in d for d in descriptions), descriptions


@pytest.mark.parametrize("expr, mistakes", [
    (expm(X), [exp_(X)]),
    (sqrtm(X), [sqrt_(X)]),
    (logm(X), [log_(X)]),
    (expm_frechet(X, Y), [mul(expm(X), Y), mul(Y, expm(X)),
                          sp.MatMul(Rational(1, 2), sp.MatAdd(mul(expm(X), Y), mul(Y, expm(X))))]),
    (sylvester(X, X, Y), [mul(sp.Inverse(sp.MatAdd(X, X)), Y), mul(Y, sp.Inverse(sp.MatAdd(X, X)))]),
    (sylvester(X, Y, Y), [sylvester(Y, X, Y)]),
    (X ** k, [X ** (k + 1), X ** (k - 1), HadamardPower(X, k)]),
    (power(X, 2), [power(X, 3), power(X, 1), X ** 2]),
    (commutation(m, n), [commutation(n, m), sp.Identity(m * n)]),
    (duplication(n), [sp.Transpose(elimination(n))]),
    (elimination(n), [sp.Transpose(duplication(n))]),
    (symmetrizer(n), [commutation(n, n), sp.Identity(n * n)]),
])
def test_each_construct_declares_its_classic_mistakes(expr, mistakes):
    found = generated(expr)
    assert printed(*mistakes) <= set(found), (unicode(expr), sorted(found))


def test_mistakes_that_are_no_mistakes_are_not_generated():
    assert "sylv(Y, Y, X)" not in generated(sylvester(Y, Y, X))       # swapping equal coefficients
    assert "Kₙₙ" in generated(symmetrizer(n)) and len([f for f in generated(commutation(n, n)) if f == "Kₙₙ"]) == 0
    gamma = vector("gamma", "n")
    assert not any("diag(gammaᵀ)" in f for f in generated(mul(DiagMatrix(gamma), Y)))  # diag of a row is the same


def test_a_change_the_printed_formula_does_not_show_is_no_mutant():
    """The derivative of tanh written with its value H prints 𝟏 − H^⊙2; changing the argument it also
    carries (used only by other mistakes) changes nothing printed, and must not count as a mutant."""
    W = matrix("W", "m", "n")
    V = matrix("V", "n", "b")
    pre = mul(W, V)
    node = derivative_of(tanh_)(pre, value=tanh_(mul(W, V)))
    original = unicode(node)
    assert all(text != original for text in generated(node)), original
    assert isinstance(node, ElementwiseDerivative)


def test_whole_expression_mistakes_form_even_where_sympy_refuses_to_canonicalise():
    """−(I ⊗ 2AᵀA) makes SymPy's Kronecker canonicalisation fail; the mutant is kept unevaluated."""
    from identities.define import KroneckerProduct, eye, matrix, mul
    from identities.engine.mutants import mutations
    from identities.engine.printing import unicode
    A = matrix("A", "p", "n")
    made = dict(mutations(KroneckerProduct(eye("n"), mul(2, A.T, A))))
    assert unicode(made["flip the sign"]) == "−(I ⊗ 2AᵀA)"
    assert made["scale by 2"] is not None and made["scale by ½"] is not None
