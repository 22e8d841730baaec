"""Column sums 𝟏ᵀM, the companion of the row sums M𝟏.

Statistics over the rows of a batch (the mean and variance of each column in layer normalisation
with one example per column) are column sums; written 𝟏ᵀM they read as a person writes them and
print as ``M.sum(axis=0, keepdims=True)``, which keeps the imaginary part of a complex step (unlike
``np.var`` or ``np.linalg.norm``).  A row vector r is spread across rows as 𝟏r with :class:`Ones`.
"""

from __future__ import annotations

import sympy as sp
from sympy.printing.precedence import PRECEDENCE

from ..nodes import JUXTAPOSED, _OfOneMatrix
from ..printing import print_rule

__all__ = ["ColSums"]


class ColSums(_OfOneMatrix):
    """The row of column sums 𝟏ᵀM of a matrix M."""

    precedence = JUXTAPOSED

    @property
    def shape(self):
        return (sp.Integer(1), self.arg.shape[1])


print_rule(
    ColSums,
    latex=lambda p, e: r"\mathbf{1}^{\top} %s" % p.parenthesize(e.arg, PRECEDENCE["Mul"]),
    unicode=lambda p, e: "𝟏ᵀ" + p.parenthesize(e.arg, PRECEDENCE["Mul"]),
    numpy=lambda p, e: p.sums(p._operand(e.arg), 0),
)
