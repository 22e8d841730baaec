"""One expression, three printers: the LaTeX, the Unicode and the NumPy code must say the same thing."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from identities.define import (HadamardProduct, Inverse, KroneckerProduct, Ones, RowSums, SoftmaxRows, Trace, Transpose, Vec,
                               add, d, dim, eye, log, matrix, mul, Determinant)
from identities.engine.compile import compile_expr
from identities.engine.printing import latex, unicode

A, X, Y = matrix("A", "n", "n"), matrix("X", "n", "k"), matrix("Y", "n", "n")
C, B = matrix("C", "p", "n"), matrix("B", "p", "k")


@pytest.mark.parametrize("expr, tex, text", [
    (add(A, A.T) * X, r"\left(A + A^{\top}\right) X", "(A + Aᵀ)X"),
    (Inverse(Y).T, r"Y^{-\top}", "Y⁻ᵀ"),
    (mul(2, C.T, add(C * X, -B)), r"2 C^{\top} \left(C X - B\right)", "2Cᵀ(CX − B)"),
    (Trace(mul(A, d(X), X.T)), r"\operatorname{tr}\left(A \mathrm{d}X X^{\top}\right)", "tr(A dX Xᵀ)"),
    (KroneckerProduct(X.T, A), r"X^{\top} \otimes A", "Xᵀ ⊗ A"),
    (Vec(X, "C"), r"\operatorname{vec}_{r}\left(X\right)", "vecᵣ(X)"),
    (-log(Determinant(Y)), r"- \log \det Y", "−log det Y"),
    (log(Determinant(mul(A, Y))), r"\log \det\left(A Y\right)", "log det(AY)"),
])
def test_latex_and_unicode(expr, tex, text):
    assert latex(expr) == tex
    assert unicode(expr) == text


def test_numpy_code_is_parenthesised_correctly():
    rng = np.random.default_rng(0)
    a, y, b = rng.standard_normal((3, 3)), rng.standard_normal((3, 3)), rng.standard_normal((3, 3))
    M = matrix("M", "n", "n")
    f = compile_expr(M * HadamardProduct(A, Y), (M, A, Y), "f")  # M(A ⊙ Y), not (MA) ⊙ Y
    assert np.allclose(f(b, a, y), b @ (a * y))
    g = compile_expr(add(HadamardProduct(A, Y), -RowSums(HadamardProduct(A, Y)) * Ones(1, dim("n"))), (A, Y), "g")
    assert np.allclose(g(a, y), a * y - (a * y).sum(axis=1, keepdims=True))


def test_generated_code_binds_dimensions_and_is_self_contained():
    Q, K = matrix("Q", "n", "d"), matrix("K", "m", "d")
    code = compile_expr(SoftmaxRows(Q * K.T / sp.sqrt(dim("d"))), (Q, K), "probabilities")
    assert "def softmax_rows" in code.source and "_, d = Q.shape" in code.source
    namespace: dict = {}
    exec(code.source, namespace)
    q, k = np.ones((2, 4)), np.ones((3, 4))
    assert np.allclose(namespace["probabilities"](q, k), np.full((2, 3), 1 / 3))
    assert compile_expr(KroneckerProduct(eye("k"), A), (A, X), "h")(np.eye(2), np.ones((2, 3))).shape == (6, 6)


def test_named_parts_print_by_name_and_are_assigned_once_in_code():
    from identities.define import named
    from identities.engine.nodes import unname
    Q, K, V = matrix("Q", "n", "d"), matrix("K", "m", "d"), matrix("V", "m", "p")
    S = named("S", mul(1 / sp.sqrt(dim("d")), Q, K.T))
    P = named("P", SoftmaxRows(S))
    out = mul(P, V)
    assert latex(out) == "P V" and unicode(out) == "PV" and unicode(P.T) == "Pᵀ"
    code = compile_expr(out, (Q, K, V), "attention")
    assert code.source.count("S = ") == 1 and "    P = softmax_rows(S)\n    return P @ V" in code.source
    inline = compile_expr(unname(out), (Q, K, V), "attention")
    q, k, v = (np.random.default_rng(0).standard_normal(s) for s in ((2, 3), (4, 3), (4, 5)))
    assert np.allclose(code(q, k, v), inline(q, k, v))


def test_differentials_and_cotangents_are_nodes_not_naming_habits():
    from identities.define import bar
    delta, plain_dX = matrix("delta", "n", "n"), matrix("dX", "n", "k")
    assert latex(delta.T) == r"\delta^{\top}" and unicode(delta.T) == "δᵀ"  # a Greek letter, not d·elta
    assert latex(plain_dX.T) == r"dX^{\top}"  # a matrix merely named dX is no perturbation
    assert latex(d(X).T) == r"\left(\mathrm{d}X\right)^{\top}" and unicode(d(X).T) == "(dX)ᵀ"
    assert unicode(mul(A, d(X), X.T)) == "A dX Xᵀ" and unicode(mul(A, plain_dX, X.T)) == "AdXXᵀ"
    Ybar = bar("Y", "n", "k")
    assert (latex(Ybar), unicode(Ybar), Ybar.name) == (r"\bar{Y}", "Y\u0304", "Ybar")
    assert d(X).name == "dX" and d(X).shape == X.shape and d(X) != plain_dX


def test_a_named_part_may_be_labelled_with_a_cotangent():
    from identities.define import bar, named
    Pbar = named(bar("P", "n", "k"), mul(A, X))
    assert (latex(Pbar.T), unicode(Pbar.T)) == (r"\bar{P}^{\top}", "P̄ᵀ")
    code = compile_expr(mul(Y, Pbar), (A, X, Y), "f")
    assert "    Pbar = A @ X\n    return Y @ Pbar" in code.source


@pytest.mark.parametrize("expr, tex, text, code", [
    # a juxtaposition (dX, M𝟏) takes parentheses under a transpose, not inside a product
    (Transpose(RowSums(mul(A, Y))), r"\left(\left(A Y\right)\mathbf{1}\right)^{\top}", "((AY)𝟏)ᵀ", "(A @ Y).sum(axis=1, keepdims=True).T"),
    (mul(A, RowSums(Y)), r"A Y\mathbf{1}", "AY𝟏", "A @ Y.sum(axis=1, keepdims=True)"),
    # a function call needs none; a row of ones is already a transpose
    (Transpose(SoftmaxRows(Y)), r"\operatorname{softmax}\left(Y\right)^{\top}", "softmax(Y)ᵀ", "softmax_rows(Y).T"),
    (Transpose(Ones(1, dim("n"))), r"\left(\mathbf{1}_{n}^{\top}\right)^{\top}", "(𝟏ᵀ)ᵀ", "np.ones((1, n)).T"),
    (Transpose(Inverse(mul(A, Y))), r"\left(A Y\right)^{-\top}", "(AY)⁻ᵀ", "np.linalg.inv(A @ Y).T"),
    (Transpose(mul(A, Y)), r"\left(A Y\right)^{\top}", "(AY)ᵀ", "(A @ Y).T"),
    (mul(Inverse(A), add(A, Y)), r"A^{-1} \left(A + Y\right)", "A⁻¹(A + Y)", "np.linalg.inv(A) @ (A + Y)"),
])
def test_parentheses_follow_precedence_in_every_printer(expr, tex, text, code):
    from identities.engine.printing import numpy_code
    assert latex(expr) == tex and unicode(expr) == text
    assert numpy_code(expr)[0] == code


def test_forms_say_which_layout_they_are():
    import identities
    from identities.engine.forms import LAYOUTS, forms
    vk = identities.get("vec-kronecker")
    jac = next(c for c in vk.claims if c.kind == "jacobian")
    assert [f.layout for f in forms(vk, jac)] == ["house", "row-vec", "denominator"]
    assert [f.vec for f in forms(vk, jac)] == ["F", "C", "F"]
    tq = identities.get("trace-quadratic")
    assert [f.layout for f in forms(tq, tq.claims[0])] == ["house", "numerator"]
    every = {f.layout for i in identities.all_identities() for c in i.claims for f in forms(i, c)}
    assert every <= set(LAYOUTS) and {"house", "numerator", "denominator", "row-vec"} <= every


def test_scalar_powers_read_as_written():
    """(det X)ᵖ, not det Xᵖ or det X**p; an exponent with no superscript characters is ^(…)."""
    from identities.define import Determinant, Rational, Trace, dim, matrix, mul, number, scalar, vector
    from identities.engine.printing import latex, unicode
    X, x = matrix("X", "n", "n"), vector("x", "n")
    p, c = number("p", values=(0.5,)), scalar("c")
    assert unicode(Determinant(X) ** p) == "(det X)ᵖ"
    assert latex(Determinant(X) ** p) == r"\left(\det X\right)^{p}"
    assert unicode(c ** dim("n")) == "cⁿ"
    assert unicode(Trace(mul(x.T, x)) ** Rational(3, 2)) == "(‖x‖²)^(3/2)"
    assert latex(Trace(mul(x.T, x)) ** Rational(3, 2)) == r"\left(\left\lVert x \right\rVert^{2}\right)^{\frac{3}{2}}"
    assert unicode(Rational(1, 2) * Trace(mul(X.T, X))) == "½‖X‖²_F"
    assert unicode(2 * c ** 2) == "2c²"


def test_scalar_products_are_juxtaposed_as_people_write_them():
    """2λx, not (2·λ)x; a word factor is set off (2λ tr(X)), and two words by a dot."""
    from identities.define import Determinant, Trace, matrix, mul, scalar
    X, x, lam = matrix("X", "n", "n"), matrix("x", "n", 1), scalar("lamda")
    assert unicode(mul(2 * lam, x)) == "2λx"
    assert unicode(lam * Trace(mul(x.T, x))) == "λ‖x‖²"
    assert unicode(2 * lam * Trace(X)) == "2λ tr(X)"
    assert unicode(-2 * lam * Determinant(X)) == "−2λ det X"
    assert unicode(Trace(X) * Determinant(X)) in ("det X·tr(X)", "tr(X)·det X")


@pytest.mark.parametrize("name, text, tex", [
    ("Sigma_0", "Σ₀", r"\Sigma_{0}"),
    ("X_12", "X₁₂", r"X_{12}"),
    ("sigma_i", "σᵢ", r"\sigma_{i}"),
    ("d_K", "d_K", r"d_{K}"),           # no subscript capital K in Unicode: written as typed
    ("Xhat_1", "X̂₁", r"\hat{X}_{1}"),
])
def test_subscripted_names_print_as_subscripts_in_both_printers(name, text, tex):
    for symbol in (sp.Symbol(name), sp.MatrixSymbol(name, 3, 3)):
        assert unicode(symbol) == text
        assert latex(symbol) == tex


def test_a_product_built_factor_by_factor_prints_as_one_product():
    """−½d log 2π, not + (−(½)·d)·log(2π): nested and unevaluated products are flattened, and a
    term that prints with a minus is subtracted."""
    from identities.define import Determinant, log, matrix, mul
    d = sp.Symbol("d", positive=True)
    S = matrix("Sigma", "d", "d")
    f = sp.Add(sp.Mul(sp.Integer(-1), sp.Rational(1, 2), log(Determinant(S)), evaluate=False),
               sp.Mul(sp.Mul(sp.Integer(-1), sp.Rational(1, 2), d, evaluate=False), log(2 * sp.pi), evaluate=False),
               evaluate=False)
    assert unicode(f) == "−½ log det Σ − ½d log(2π)"
    assert "+ -" not in latex(f) and latex(f).count(" - ") == 1


def test_a_sum_of_transposes_prints_as_the_transpose_of_the_sum():
    from identities.define import Inverse, Trace, matrix, mul
    x, mu, S = matrix("x", "d", 1), matrix("mu", "d", 1), matrix("Sigma", "d", "d")
    r = sp.MatAdd(x, -mu)
    quadratic = Trace(mul(r.T, Inverse(S), r))
    assert unicode(quadratic) == "tr((x − μ)ᵀΣ⁻¹(x − μ))"
    assert latex(quadratic) == (r"\operatorname{tr}\left(\left(x - \mu\right)^{\top} \Sigma^{-1} "
                                r"\left(x - \mu\right)\right)")
    assert unicode(Inverse(r.T)) == "((x − μ)ᵀ)⁻¹"   # a further superscript keeps the brackets
