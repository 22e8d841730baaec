"""The hooks a construct module uses: one call teaches all three printers a node, one decorator its mistakes."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixExpr

from identities.engine.compile import compile_expr
from identities.engine.mutants import mutation_rule, mutations
from identities.engine.printing import latex, numpy_code, numpy_helper, print_rule, unicode
from identities.engine.symbols import matrix


class _Doubled(MatrixExpr):
    """A toy construct, 2M, printed as double(M) and computed by a helper."""

    def __new__(cls, arg):
        return super().__new__(cls, arg)

    @property
    def shape(self):
        return self.args[0].shape


numpy_helper("double", "def double(M):\n    return 2 * M\n")
print_rule(_Doubled,
           latex=lambda p, e: r"\operatorname{double}\left(%s\right)" % p._print(e.args[0]),
           unicode=lambda p, e: f"double({p._print(e.args[0])})",
           numpy=lambda p, e: (p.helpers.add("double"), f"double({p._print(e.args[0])})")[1])


@mutation_rule(_Doubled)
def _forget_doubling(node, parent):
    yield "forget to double", node.args[0]


X = matrix("X", "n", "n")


def test_one_rule_prints_the_node_in_all_three_forms():
    expr = _Doubled(X.T)
    assert latex(expr) == r"\operatorname{double}\left(X^{\top}\right)"
    assert unicode(expr) == "double(Xᵀ)"
    assert numpy_code(expr) == ("double(X.T)", frozenset({"double"}))


def test_the_printed_code_carries_its_helper_and_runs():
    fn = compile_expr(_Doubled(X), (X,), "f")
    assert "def double(M):" in fn.source
    value = np.arange(4.0).reshape(2, 2)
    assert np.array_equal(fn(value), 2 * value)


def test_a_registered_mistake_is_generated():
    described = [d for d, _ in mutations(_Doubled(X) * X)]
    assert "forget to double" in described


def test_rules_are_refused_when_incomplete_or_conflicting():
    with pytest.raises(TypeError, match="every printer needs a rule"):
        print_rule(_Doubled, latex=None, unicode=str, numpy=str)
    with pytest.raises(ValueError, match="already registered"):
        numpy_helper("double", "def double(M):\n    return M + M\n")
    with pytest.raises(ValueError, match="must be an identifier"):
        numpy_helper("triple", "def thrice(M):\n    return 3 * M\n")
