"""A scalar parameter (a length-scale, a temperature) is a number: drawn, printed, checked and mutated as one."""

from __future__ import annotations

import numpy as np
import pytest

from identities.define import (Determinant, Inverse, Trace, add, cite, constant, eye, gradient, identity, log, matrix,
                               mul, scalar, variable, vjp, upstream)
from identities.engine.compile import compile_expr
from identities.engine.forms import forms
from identities.engine.mutants import mutation_report, mutations
from identities.engine.printing import latex, unicode
from identities.engine.record import DefinitionError
from identities.engine.sampler import draw
from identities.engine.verify import verify

A = matrix("A", "n", "n")
t = scalar("t")
SOURCES = (cite("magnus2019matrix"),)
shifted = add(A, mul(t, eye("n")))


def shift_identity(claim_expr=None):
    """d/dt log det(A + tI) = tr((A + tI)⁻¹), for SPD A and t > 0."""
    return identity(id="toy-shift", title="log det of a shifted matrix",
                    symbols=[variable(t, "the shift", "positive"), constant(A, "a matrix", "spd")],
                    function=log(Determinant(shifted)),
                    claims=[gradient(t, Trace(Inverse(shifted)) if claim_expr is None else claim_expr)],
                    sources=SOURCES)


def test_a_scalar_is_drawn_as_a_number_meeting_its_condition():
    dr = draw(shift_identity(), 3)
    value = dr.values["t"]
    assert value.shape == () and value > 0


def test_the_derivative_in_a_scalar_verifies_and_a_wrong_one_is_rejected():
    assert verify(shift_identity()).ok
    wrong = shift_identity(mul(2, Trace(Inverse(shifted))))
    report = verify(wrong)
    assert not report.ok and "factor 2" in report.failures[0].detail


def test_a_scalar_derivative_has_one_form_written_as_a_partial_derivative():
    ident = shift_identity()
    (only,) = forms(ident, ident.claims[0])
    assert only.lhs_unicode.startswith("∂") and only.unicode.endswith("tr((A + tI)⁻¹)")


def test_the_code_takes_the_scalar_as_a_parameter_and_returns_a_number():
    fn = compile_expr(Trace(Inverse(shifted)), (t, A), "grad_t")
    assert "def grad_t(t, A):" in fn.source
    assert np.shape(fn(0.5, np.eye(3))) == () and np.isclose(fn(0.5, np.eye(3)), 2.0)


def test_names_print_as_written():
    ell = scalar("ell")
    assert unicode(ell ** -3) == "ℓ⁻³" and latex(ell) == r"\ell"


def test_the_power_rule_off_by_one_is_a_mutant_of_a_scalar_power_only():
    ell = scalar("ell")
    described = [d for d, _ in mutations(mul(ell ** -3, A))]
    assert "ℓ⁻³ → ℓ⁻²" in described and "ℓ⁻³ → ℓ⁻⁴" in described
    from identities.define import sqrt, dim
    assert not any("√" in d and "→" in d for d, _ in mutations(mul(1 / sqrt(dim("d")), A)))


def test_every_mutant_of_the_scalar_derivative_is_killed_or_equivalent():
    assert mutation_report(shift_identity()).ok


@pytest.mark.parametrize("name", ["n", "k", "2x", "a b"])
def test_a_scalar_needs_an_identifier_that_is_not_a_dimension(name):
    with pytest.raises(ValueError, match="scalar"):
        scalar(name)


def test_a_matrix_derivative_for_a_scalar_is_refused():
    with pytest.raises(DefinitionError, match="is a number, but the claim is a matrix expression"):
        shift_identity(Inverse(shifted))


def test_a_one_by_one_matrix_used_as_a_scalar_is_refused_with_the_way_out():
    x = matrix("x", 1, 1)
    with pytest.raises(DefinitionError, match=r"declare it with scalar\('x'\)"):
        identity(id="toy", title="t", symbols=[variable(x, "a 1×1 matrix"), constant(A, "a")],
                 function=Trace(mul(x, x)), claims=[gradient(x, Trace(mul(2, x)))])


def test_an_undeclared_scalar_is_refused():
    with pytest.raises(DefinitionError, match=r"the scalar t is not declared: declare a parameter .* with scalar\('t'\)"):
        identity(id="toy", title="t", symbols=[variable(A, "a")], function=Trace(mul(t, A)),
                 claims=[gradient(A, mul(t, eye("n")))])


def test_a_scalar_takes_no_matrix_condition():
    with pytest.raises(DefinitionError, match="a scalar may only be 'positive'"):
        identity(id="toy", title="t", symbols=[variable(t, "t", "invertible"), constant(A, "a")],
                 function=Trace(mul(t, A)), claims=[gradient(t, Trace(A))])


def test_a_vjp_with_respect_to_a_scalar_is_a_number():
    from identities.define import bar
    Ybar = bar("Y", "n", "n")
    ident = identity(id="toy-scale", title="scaling", output="Y",
                     symbols=[variable(t, "a scale"), constant(A, "a"), upstream(Ybar, "upstream")],
                     function=mul(t, A), claims=[vjp(t, Trace(mul(Ybar.T, A)))], sources=SOURCES)
    assert verify(ident).ok and mutation_report(ident).ok
