"""Every construct prints as LaTeX, Unicode and NumPy, and the three say the same thing.

The golden strings pin the notation a reader sees (e^X for the matrix exponential, exp(X) entry
by entry, X^⊙2 for a Hadamard power, K_{m,n}); the code is checked by running it, not by reading it.
"""

from __future__ import annotations

import numpy as np
import pytest
import scipy.linalg as sla
import sympy as sp
from sympy.matrices.expressions.hadamard import HadamardPower

from identities.define import (ColSums, Rational, commutation, derivative_of, dim, duplication, elimination,
                               exp_, expm, expm_frechet, integer, log_, logm, matrix, mul, number, power,
                               reciprocal, sigmoid, softplus, sqrt_, sqrtm, sylvester, symmetrizer, tanh_, vector)
from identities.engine.compile import compile_expr
from identities.engine.printing import latex, numpy_code, unicode

X, Y = matrix("X", "n", "n"), matrix("Y", "n", "n")
Z = matrix("Z", "m", "b")
x = vector("x", "n")
k = integer("k", values=(2, 3))
eps = number("epsilon", values=(1e-5,))
m, n = dim("m"), dim("n")


@pytest.mark.parametrize("expr, tex, text, code", [
    (exp_(Z), r"\exp\left(Z\right)", "exp(Z)", "np.exp(Z)"),
    (log_(Z), r"\log\left(Z\right)", "log(Z)", "np.log(Z)"),
    (tanh_(mul(X, Y)), r"\tanh\left(X Y\right)", "tanh(XY)", "np.tanh(X @ Y)"),
    (sigmoid(x), r"\sigma\left(x\right)", "σ(x)", "sigmoid(x)"),
    (softplus(Z), r"\operatorname{softplus}\left(Z\right)", "softplus(Z)", "softplus(Z)"),
    (sqrt_(Z), r"\sqrt{Z}", "√Z", "np.sqrt(Z)"),
    (sqrt_(X + Y), r"\sqrt{X + Y}", "√(X + Y)", "np.sqrt(X + Y)"),
    (sqrt_(X).T, r"\left(\sqrt{X}\right)^{\top}", "(√X)ᵀ", "np.sqrt(X).T"),
    (power(Z, 2), r"Z^{\odot 2}", "Z^⊙2", "Z**2"),
    (power(X + Y, Rational(-1, 2)), r"\left(X + Y\right)^{\odot - \frac{1}{2}}", "(X + Y)^⊙(−1/2)",
     "(X + Y)**(-1/2)"),
    (reciprocal(Z), r"Z^{\odot -1}", "Z^⊙(−1)", "Z**(-1)"),
    (derivative_of(tanh_)(Z), r"\mathbf{1}_{m \times b} - \tanh\left(Z\right)^{\odot 2}", "𝟏 − tanh(Z)^⊙2",
     "np.ones((m, b)) - (np.tanh(Z)**2)"),
    (derivative_of(sigmoid)(x), r"\sigma\left(x\right) \odot \left(\mathbf{1}_{n} - \sigma\left(x\right)\right)",
     "σ(x) ⊙ (𝟏 − σ(x))", "sigmoid(x) * (np.ones((n, 1)) - sigmoid(x))"),
    (derivative_of(softplus)(x), r"\sigma\left(x\right)", "σ(x)", "sigmoid(x)"),
    (derivative_of(power)(Z, k), r"k Z^{\odot k - 1}", "kZ^⊙(k − 1)", "k * (Z**(k - 1))"),
    (ColSums(Z), r"\mathbf{1}^{\top} Z", "𝟏ᵀZ", "Z.sum(axis=0, keepdims=True)"),
    (expm(X), r"e^{X}", "e^X", "expm(X)"),
    (expm(X + Y).T, r"\left(e^{X + Y}\right)^{\top}", "(e^(X + Y))ᵀ", "expm(X + Y).T"),
    (expm_frechet(X, Y), r"L_{\exp}\left(X, Y\right)", "L_exp(X, Y)", "expm_frechet(X, Y)"),
    (sqrtm(X), r"X^{1/2}", "X^½", "sqrtm(X)"),
    (logm(X), r"\operatorname{Log}\left(X\right)", "Log(X)", "logm(X)"),
    (sylvester(X, Y.T, Y), r"\operatorname{sylv}\left(X, Y^{\top}, Y\right)", "sylv(X, Yᵀ, Y)", "sylvester(X, Y.T, Y)"),
    (X ** k, r"X^{k}", "Xᵏ", "np.linalg.matrix_power(X, k)"),
    (mul(k, X.T ** (k - 1)), r"k \left(X^{\top}\right)^{k - 1}", "k(Xᵀ)ᵏ⁻¹", "k * np.linalg.matrix_power(X.T, k - 1)"),
    (X ** 3, r"X^{3}", "X³", "np.linalg.matrix_power(X, 3)"),
    (commutation(m, n), r"K_{m,n}", "Kₘₙ", "commutation(m, n)"),
    (commutation("d", "b"), r"K_{d,b}", "K_(d,b)", "commutation(d, b)"),
    (duplication(n), r"D_{n}", "Dₙ", "duplication(n)"),
    (elimination(n), r"L_{n}", "Lₙ", "elimination(n)"),
    (symmetrizer(n), r"N_{n}", "Nₙ", "symmetrizer(n)"),
    (mul(eps, X), r"\epsilon X", "εX", "epsilon * X"),
])
def test_each_construct_prints_in_the_three_forms(expr, tex, text, code):
    assert latex(expr) == tex
    assert unicode(expr) == text
    assert numpy_code(expr)[0] == code


def test_sympy_hadamard_square_prints_as_a_power():
    square = sp.hadamard_product(Z, Z)
    assert isinstance(square, HadamardPower)
    assert (latex(square), unicode(square), numpy_code(square)[0]) == (r"Z^{\odot 2}", "Z^⊙2", "Z**2")


def test_printed_code_carries_the_helpers_it_calls_and_the_ones_they_call():
    code = compile_expr(expm_frechet(X, Y), (X, Y), "L")
    assert "def expm_frechet(X, E):" in code.source and "def expm(X):" in code.source
    rng = np.random.default_rng(0)
    a, e = rng.standard_normal((3, 3)), rng.standard_normal((3, 3))
    assert np.allclose(code(a, e), sla.expm_frechet(a, e, compute_expm=False), rtol=1e-12, atol=0)


@pytest.mark.parametrize("expr, reference", [
    (expm(X), lambda a, _: sla.expm(a)),
    (sqrtm(mul(X, X.T)), lambda a, _: sla.sqrtm(a @ a.T)),
    (logm(mul(X, X.T)), lambda a, _: sla.logm(a @ a.T)),
    (sylvester(X, X.T, Y), lambda a, y: sla.solve_sylvester(a, a.T, y)),
    (power(X, 3), lambda a, _: a ** 3),
    (X ** 3, lambda a, _: a @ a @ a),
    (mul(Y, derivative_of(tanh_)(X)), lambda a, y: y @ (1 - np.tanh(a) ** 2)),
])
def test_the_printed_code_computes_the_construct(expr, reference):
    code = compile_expr(expr, (X, Y), "f")
    rng = np.random.default_rng(1)
    a, y = rng.standard_normal((3, 3)) + 3 * np.eye(3), rng.standard_normal((3, 3))
    assert np.allclose(code(a, y), reference(a, y), rtol=1e-10, atol=0)


def test_the_printed_special_matrices_take_their_sizes_from_the_arguments():
    V = matrix("V", "m", "n")
    code = compile_expr(mul(commutation(m, n), sp.MatrixSymbol("v", m * n, 1)), (V, sp.MatrixSymbol("v", m * n, 1)),
                        "f")
    assert "    m, n = V.shape" in code.source
    v = np.arange(6.0).reshape(2, 3)
    assert np.array_equal(code(v, v.reshape(-1, 1, order="F")), v.T.reshape(-1, 1, order="F"))
