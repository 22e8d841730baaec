"""Block matrices [A, B; C, D]: printed in all three forms, computed with np.block, refused when the
sizes of the blocks do not fit, and carrying their classic mistake (the off-diagonal blocks exchanged)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from identities.define import Determinant, Inverse, block, matrix, mul
from identities.engine.compile import compile_expr
from identities.engine.mutants import mutations
from identities.engine.printing import latex, missing_printers, numpy_code, unicode

A, B, C, D = matrix("A", "n", "n"), matrix("B", "n", "m"), matrix("C", "m", "n"), matrix("D", "m", "m")


def test_a_block_matrix_prints_in_all_three_forms():
    M = block([[A, B], [C, D]])
    assert latex(M) == r"\begin{bmatrix} A & B \\ C & D \end{bmatrix}"
    assert unicode(M) == "[A, B; C, D]"
    assert numpy_code(M) == ("np.block([[A, B], [C, D]])", frozenset())
    assert missing_printers(M) == ()


def test_a_negative_block_stays_readable_in_unicode():
    assert unicode(block([[A, mul(-1, B)], [C, D]])) == "[A, −B; C, D]"


def test_the_code_assembles_the_blocks_and_keeps_a_complex_step():
    fn = compile_expr(Determinant(block([[A, B], [C, D]])), (A, B, C, D), "f")
    rng = np.random.default_rng(0)
    a, b, c, d = rng.standard_normal((2, 2)), rng.standard_normal((2, 3)), rng.standard_normal((3, 2)), \
        rng.standard_normal((3, 3))
    assert np.isclose(fn(a, b, c, d), np.linalg.det(np.block([[a, b], [c, d]])))
    assert np.iscomplexobj(fn(a + 1e-20j, b, c, d))


def test_blocks_whose_sizes_clash_are_refused():
    with pytest.raises(ValueError, match="block row 1"):
        block([[A, C], [C, D]])
    with pytest.raises(ValueError, match="block column 1"):
        block([[A, B], [matrix("E", "m", "m"), D]])
    with pytest.raises(ValueError, match="same number of blocks"):
        block([[A, B], [C]])
    with pytest.raises(TypeError, match="not a matrix"):
        block([[A, 1], [C, D]])


def test_exchanging_square_off_diagonal_blocks_is_a_registered_mistake():
    P, Q, R, T = (matrix(name, "n", "n") for name in "PQRT")
    described = dict(mutations(Inverse(block([[P, Q], [R, T]]))))
    assert described["exchange the off-diagonal blocks"] == Inverse(sp.BlockMatrix([[P, R], [Q, T]]))
