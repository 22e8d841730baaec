"""The conventions paragraph for papers: right in every layout and vec order, and valid LaTeX."""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest
import sympy as sp

from identities import conventions, get
from identities.__main__ import main

COMBINATIONS = [(layout, vec) for layout in conventions.LAYOUTS for vec in conventions.VECS]
ORDER = {"column": "F", "row": "C"}
SIZES = {"m": 3, "n": 4, "p": 2, "q": 5}


def _value(expr, **matrices) -> np.ndarray:
    """An expression of the catalog evaluated at explicit matrices (SymPy, independent of the printed code)."""
    dims = {s: SIZES[s.name] for s in expr.free_symbols if s.name in SIZES}
    expr = expr.subs(dims)
    values = {s: sp.ImmutableMatrix(matrices[s.name]) for s in expr.atoms(sp.MatrixSymbol)}
    return np.array(sp.N(expr.xreplace(values).doit().as_explicit()), dtype=float)


def _basis(rows: int, cols: int, order: str):
    """The unit matrices E_k in the order in which vec lists the entries."""
    for k in range(rows * cols):
        e = np.zeros(rows * cols)
        e[k] = 1.0
        yield e.reshape(rows, cols, order=order)


def _measured(layout: str, vec: str) -> dict[str, np.ndarray]:
    """Each example of the paragraph, computed from its definition with NumPy, and the inputs."""
    rng = np.random.default_rng(0)
    m, n, p, q = SIZES["m"], SIZES["n"], SIZES["p"], SIZES["q"]
    order = ORDER[vec]
    A, B, X = rng.standard_normal((p, m)), rng.standard_normal((n, q)), rng.standard_normal((m, n))
    # d/dX_ij of log det at a well-conditioned square matrix, by central differences
    S = 3 * np.eye(n) + 0.3 * rng.standard_normal((n, n))
    h, G = 1e-6, np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            E = np.zeros((n, n))
            E[i, j] = h
            G[i, j] = (np.linalg.slogdet(S + E)[1] - np.linalg.slogdet(S - E)[1]) / (2 * h)
    J = np.column_stack([(A @ E @ B).reshape(-1, order=order) for E in _basis(m, n, order)])  # vec(AXB) = J vec(X)
    Ah = rng.standard_normal((p, m))
    H = np.array([[np.trace((Ah @ Ek).T @ (Ah @ El)) for El in _basis(m, n, order)] for Ek in _basis(m, n, order)])
    return {
        "inputs": {"A": A, "B": B, "X": S, "Ah": Ah},
        "gradient": G,                                   # entries ∂f/∂X_ij: shape of X
        "partial": G.T if layout == "numerator" else G,   # numerator: (∂f/∂X)_ji = ∂f/∂X_ij
        "vec": J,
        "jacobian": J if layout == "numerator" else J.T,
        "hessian": H,                                    # d²f = vec(dX)ᵀ H vec(dX) for f = ½‖AX − B‖²
    }


@pytest.mark.parametrize("layout, vec", COMBINATIONS)
def test_every_example_of_the_paragraph_is_right_in_its_convention(layout, vec):
    measured = _measured(layout, vec)
    inputs = measured["inputs"]
    for role, example in conventions.examples(layout, vec).items():
        matrices = {"X": inputs["X"]} if example.identity == "log-det" else \
            {"A": inputs["Ah" if role == "hessian" else "A"], "B": inputs["B"]}
        got = _value(example.expr, **matrices)
        assert got.shape == measured[role].shape, (role, got.shape, measured[role].shape)
        np.testing.assert_allclose(got, measured[role], rtol=1e-6, atol=1e-8, err_msg=f"{role} in {layout}/{vec}")


@pytest.mark.parametrize("layout, vec", COMBINATIONS)
def test_the_paragraph_states_its_convention_and_its_examples(layout, vec):
    text = conventions.paragraph(layout, vec)
    assert f"in {layout} layout" in text and ("the columns of $X$" if vec == "column" else "the rows of $X$") in text
    for example in conventions.examples(layout, vec).values():
        if example.identity != "vec-kronecker" or example.lhs.startswith(r"\frac"):
            assert example.latex in text, example.latex
    shapes = {"numerator": (r"\partial y/\partial x \in \mathbb{R}^{m\times n}", r"$pq\times mn$"),
              "denominator": (r"\partial y/\partial x \in \mathbb{R}^{n\times m}", r"$mn\times pq$")}[layout]
    assert all(s in text for s in shapes)
    other = "denominator" if layout == "numerator" else "numerator"
    assert f"{other} layout" not in text
    assert text.count("{") == text.count("}"), "unbalanced braces"
    assert rf"\cite{{{conventions.BIBTEX_KEY}}}" in text and f"@misc{{{conventions.BIBTEX_KEY}," in text


def test_the_paragraph_takes_its_examples_from_the_catalog():
    kron = next(c for c in get("vec-kronecker").claims if c.kind == "jacobian").expr
    assert conventions.examples("numerator", "column")["jacobian"].expr == kron


def test_the_command_prints_the_paragraph(capsys):
    assert main(["conventions", "--latex", "--layout", "denominator", "--vec", "row"]) == 0
    assert capsys.readouterr().out == conventions.paragraph("denominator", "row")
    for bad in (["conventions"], ["conventions", "--latex", "--vec", "diagonal"],
                ["conventions", "--latex", "--layout", "mixed"]):
        with pytest.raises(SystemExit) as exc:
            main(bad)
        assert exc.value.code == 2


@pytest.mark.skipif(shutil.which("pdflatex") is None,
                    reason="pdflatex is not installed: install a TeX distribution (Debian: apt-get install "
                           "texlive-latex-recommended) to compile the paragraphs")
@pytest.mark.parametrize("layout, vec", COMBINATIONS)
def test_the_paragraph_compiles_with_latex(tmp_path, layout, vec):
    source = ("\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\begin{document}\n"
              + conventions.paragraph(layout, vec) + "\\end{document}\n")
    (tmp_path / "paper.tex").write_text(source, encoding="utf-8")
    done = subprocess.run(["pdflatex", "-halt-on-error", "-interaction=nonstopmode", "paper.tex"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and (tmp_path / "paper.pdf").is_file(), done.stdout[-3000:]
