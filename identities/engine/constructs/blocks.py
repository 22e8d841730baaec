"""Block matrices: [A, B; C, D] assembled from matrix blocks whose sizes fit.

Schur complements, the inverse and the determinant of a partitioned matrix, and the covariance of
stacked random vectors are written with a matrix of blocks. SymPy's BlockMatrix is the node (its
products, transposes and inverses stay unevaluated in a formula); this module gives it its three
printings — a bmatrix in LaTeX, [A, B; C, D] in Unicode (rows separated by semicolons, as MATLAB and
NumPy's ``np.block`` take them), ``np.block([[A, B], [C, D]])`` in NumPy, which keeps the imaginary
part of a complex step — and its classic mistake: the off-diagonal blocks exchanged, B for C.
"""

from __future__ import annotations

import sympy as sp

from ..mutants import mutation_rule
from ..printing import print_rule

__all__ = ["block"]


def block(rows) -> sp.BlockMatrix:
    """The block matrix whose rows of blocks are *rows*: ``block([[A, B], [C, D]])`` is [A, B; C, D].

    Every row has the same number of blocks, the blocks of a row have the same number of rows, and
    those of a column the same number of columns; anything else is refused with the sizes that clash."""
    rows = [list(row) for row in rows]
    if not rows or not rows[0] or any(len(row) != len(rows[0]) for row in rows):
        raise ValueError("block() takes a non-empty list of rows with the same number of blocks in each")
    for i, row in enumerate(rows):
        for j, item in enumerate(row):
            if not getattr(item, "is_Matrix", False):
                raise TypeError(f"block(): the block at row {i + 1}, column {j + 1} is not a matrix: {item!r}")
    for i, row in enumerate(rows):
        for j, item in enumerate(row):
            if sp.simplify(item.rows - row[0].rows) != 0:
                raise ValueError(f"block(): the blocks of block row {i + 1} have {row[0].rows} and {item.rows} rows")
            if sp.simplify(item.cols - rows[0][j].cols) != 0:
                raise ValueError(f"block(): the blocks of block column {j + 1} have {rows[0][j].cols} and "
                                 f"{item.cols} columns")
    return sp.BlockMatrix(rows)


def _grid(expr: sp.BlockMatrix):
    blocks = expr.blocks
    return [[blocks[i, j] for j in range(blocks.cols)] for i in range(blocks.rows)]


print_rule(
    sp.BlockMatrix,
    latex=lambda p, e: r"\begin{bmatrix} %s \end{bmatrix}" % r" \\ ".join(
        " & ".join(p._print(b) for b in row) for row in _grid(e)),
    unicode=lambda p, e: "[" + "; ".join(", ".join(p._print(b) for b in row) for row in _grid(e)) + "]",
    numpy=lambda p, e: p.block([[p._print(b) for b in row] for row in _grid(e)]),
)


@mutation_rule(sp.BlockMatrix)
def _swap_off_diagonal(node, parent):
    grid = _grid(node)
    for i in range(len(grid)):
        for j in range(i + 1, len(grid[0])):
            if j < len(grid) and grid[i][j].shape == grid[j][i].shape and grid[i][j] != grid[j][i]:
                swapped = [row[:] for row in grid]
                swapped[i][j], swapped[j][i] = grid[j][i], grid[i][j]
                yield "exchange the off-diagonal blocks", sp.BlockMatrix(swapped)
