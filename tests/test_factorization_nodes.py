"""Factorization, solve and matrix-part nodes: their three printings, their refusals, the code they
compile to, and the classic mistakes they generate."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from identities.define import (DiagMatrix, bar, chol, column, diagonal, dim, eigh_values, eigh_vectors,
                               gap, matrix, mul, named, nuclear_norm, phi, pinv, qr_q, qr_r, solve, spectral_norm,
                               svd_s, svd_u, svd_v, sym, tril, triu)
from identities.engine.compile import compile_expr
from identities.engine.constructs import factorization_code as fc
from identities.engine.mutants import mutations
from identities.engine.printing import latex, numpy_code, unicode

A, M = matrix("A", "n", "n"), matrix("M", "n", "n")
B, b = matrix("B", "m", "n"), matrix("b", "n", "k")
lam = named("lambda", eigh_values(sym(A)))


@pytest.mark.parametrize("expr, tex, text, code", [
    (chol(sym(A)), r"\operatorname{chol}\left(\operatorname{sym}\left(A\right)\right)", "chol(sym(A))",
     "cholesky_lower(sym(A))"),
    (phi(mul(A.T, M)), r"\Phi\left(A^{\top} M\right)", "Φ(AᵀM)", "phi_lower(A.T @ M)"),
    (tril(M), r"\operatorname{tril}\left(M\right)", "tril(M)", "np.tril(M)"),
    (triu(M).T, r"\operatorname{triu}\left(M\right)^{\top}", "triu(M)ᵀ", "np.triu(M).T"),
    (diagonal(mul(A, M)), r"\operatorname{diag}\left(A M\right)", "diag(AM)", "np.diag(A @ M).reshape(-1, 1)"),
    (eigh_values(A), r"\operatorname{eigh}_{\lambda}\left(A\right)", "eigh_λ(A)", "eigenvalues(A)"),
    (eigh_vectors(A).T, r"\operatorname{eigh}_{U}\left(A\right)^{\top}", "eigh_U(A)ᵀ", "eigenvectors(A).T"),
    (gap(lam), r"\left[\frac{1}{\lambda_{j} - \lambda_{i}}\right]_{i \neq j}", "[1/(λⱼ − λᵢ)]ᵢ≠ⱼ",
     "gap_matrix(lambda_)"),
    (gap(named("s", svd_s(B)), 2), r"\left[\frac{1}{s_{j}^{2} - s_{i}^{2}}\right]_{i \neq j}", "[1/(sⱼ² − sᵢ²)]ᵢ≠ⱼ",
     "gap_matrix(s, 2)"),
    (mul(svd_u(B), svd_v(B).T), r"\operatorname{svd}_{U}\left(B\right) \operatorname{svd}_{V}\left(B\right)^{\top}",
     "svd_U(B) svd_V(B)ᵀ", "svd_u(B) @ svd_v(B).T"),
    (qr_r(B), r"\operatorname{qr}_{R}\left(B\right)", "qr_R(B)", "qr_r(B)"),
    (column(named("U", svd_u(B)), 1), r"U_{:,1}", "U[:,1]", "U[:, 0:1]"),
    (column(named("U", svd_u(B)), dim("n")), r"U_{:,n}", "U[:,n]", "U[:, n - 1:n]"),
    (solve(A, b), r"A^{-1} b", "A⁻¹b", "np.linalg.solve(A, b)"),
    (solve(A.T, b), r"A^{-\top} b", "A⁻ᵀb", "np.linalg.solve(A.T, b)"),
    (solve(mul(A, M), b).T, r"\left(\left(A M\right)^{-1} b\right)^{\top}", "((AM)⁻¹b)ᵀ",
     "np.linalg.solve(A @ M, b).T"),
    (pinv(B), r"B^{+}", "B⁺", "pinv_full_rank(B)"),
    (mul(pinv(B), pinv(B).T), r"B^{+} B^{+\top}", "B⁺B⁺ᵀ", "pinv_full_rank(B) @ pinv_full_rank(B).T"),
    (nuclear_norm(B), r"\left\|B\right\|_{*}", "‖B‖_*", "nuclear_norm(B)"),
    (2 * spectral_norm(B), r"2 \left\|B\right\|_{2}", "2‖B‖₂", "2*spectral_norm(B)"),
])
def test_each_node_prints_as_a_person_writes_it(expr, tex, text, code):
    assert latex(expr) == tex
    assert unicode(expr) == text
    assert numpy_code(expr, hoisted=frozenset({"lambda", "s", "U"}))[0] == code


def test_a_greek_name_is_a_letter_in_print_and_a_safe_name_in_code():
    lambar = bar("lambda", "n", 1)
    assert (latex(lambar), unicode(lambar)) == (r"\bar{\lambda}", "λ̄")
    fn = compile_expr(mul(DiagMatrix(lam), lambar), (A, lambar), "f")
    assert "lambda_ = eigenvalues(sym(A))" in fn.source and "def f(A, lambdabar):" in fn.source
    a = np.diag([1.0, 2.0, 3.0])
    assert np.allclose(fn(a, np.ones((3, 1))), [[1.0], [2.0], [3.0]])


def test_printed_code_carries_every_helper_it_calls():
    code = compile_expr(mul(svd_u(B), svd_v(B).T), (B,), "polar")
    for helper in ("def svd_u(", "def svd_v(", "def svd_thin(", "def refine_eigenpairs(", "def column_signs("):
        assert helper in code.source
    namespace: dict = {}
    exec(code.source, namespace)  # runs as it stands, as on a page
    x = np.random.default_rng(0).standard_normal((5, 3))
    U, _, Vt = np.linalg.svd(x, full_matrices=False)
    assert np.allclose(namespace["polar"](x), U @ Vt)


def test_compiled_nodes_compute_what_numpy_computes():
    rng = np.random.default_rng(3)
    g = rng.standard_normal((4, 4))
    a, rhs, tall = g @ g.T + 4 * np.eye(4), rng.standard_normal((4, 2)), rng.standard_normal((6, 4))
    assert np.allclose(compile_expr(chol(sym(A)), (A,), "f")(a), np.linalg.cholesky(a))
    assert np.allclose(compile_expr(solve(A, b), (A, b), "f")(a, rhs), np.linalg.solve(a, rhs))
    assert np.allclose(compile_expr(pinv(B), (B,), "f")(tall), np.linalg.pinv(tall))
    assert np.allclose(compile_expr(mul(qr_q(B), qr_r(B)), (B,), "f")(tall), tall)
    assert np.allclose(compile_expr(diagonal(A), (A,), "f")(a), np.diag(a)[:, None])
    assert np.isclose(compile_expr(nuclear_norm(B), (B,), "f")(tall), np.linalg.norm(tall, "nuc"))
    assert np.allclose(compile_expr(column(B, dim("n")), (B,), "f")(tall), tall[:, -1:])
    assert np.allclose(compile_expr(eigh_values(sym(A)), (A,), "f")(a), fc.eigenvalues(a))


@pytest.mark.parametrize("build, message", [
    (lambda: chol(B), "Cholesky takes a square matrix"),
    (lambda: sym(B), "Sym takes a square matrix"),
    (lambda: phi(B), "Phi takes a square matrix"),
    (lambda: eigh_vectors(B), "EigenVectors takes a square matrix"),
    (lambda: diagonal(B), "DiagonalOf takes a square matrix"),
    (lambda: svd_u(matrix("W", 2, 3)), "tall or square matrix"),
    (lambda: qr_r(matrix("W", 2, 3)), "tall or square matrix"),
    (lambda: solve(A, B), "right-hand side"),
    (lambda: gap(A), "column vector"),
    (lambda: gap(eigh_values(A), 3), "power 1"),
    (lambda: column(B, 0), "counts columns from 1"),
    (lambda: column(matrix("W", 3, 2), 3), "has 2 columns"),
    (lambda: chol(sp.Symbol("x")), "takes a square matrix expression"),
])
def test_bad_arguments_are_refused_with_a_sentence(build, message):
    with pytest.raises((ValueError, TypeError), match=message):
        build()


def _described(expr) -> dict[str, sp.Basic]:
    return {description.split(":")[0]: mutant for description, mutant in mutations(expr)}


def test_each_node_generates_its_classic_mistakes():
    L = chol(sym(A))
    found = _described(mul(L, phi(M)))
    assert found["tril for Φ (the diagonal not halved)"] == mul(L, tril(M))
    assert found["the upper triangle for the lower"] == mul(L, sp.Transpose(phi(M.T)))
    assert found["the upper factor Lᵀ for L"] == mul(L.T, phi(M))
    assert found["drop the symmetrisation"] == mul(chol(A), phi(M))
    F = gap(named("s", svd_s(B)), 2)
    found = _described(mul(svd_v(B), F))
    assert found["the gap with its sign flipped (1/(xᵢ − xⱼ))"] == mul(svd_v(B), -F)
    assert found["gaps of the values, not of their squares"] == mul(svd_v(B), gap(named("s", svd_s(B))))
    assert found["Vᵀ for V (NumPy's svd returns Vᵀ)"] == mul(svd_v(B).T, F)
    assert _described(eigh_vectors(A) * M)["Uᵀ for U"] == eigh_vectors(A).T * M
    assert _described(qr_r(B) * b)["Rᵀ for R"] == qr_r(B).T * b
    assert _described(mul(M, solve(A, b)))["solve with the transpose"] == mul(M, solve(A.T, b))
    assert _described(mul(pinv(B), B))["the transpose for the pseudo-inverse"] == mul(B.T, B)
    assert _described(mul(column(B, 1), b.T))["the column at the other end"] == mul(column(B, dim("n")), b.T)
    assert _described(mul(M, triu(A)))["the lower triangle for the upper"] == mul(M, tril(A))


def test_a_node_that_is_its_own_transpose_stays_as_it_is():
    from identities.engine.forms import transpose
    assert transpose(sym(M)) == sym(M) and transpose(DiagMatrix(b[:, 0])) == DiagMatrix(b[:, 0])
    assert transpose(chol(A)) == sp.Transpose(chol(A))
