"""A function with several outputs: one upstream gradient per output, a differential per output,
refusals for what does not make sense, a compiled function returning a tuple, and pages that state
each output."""

from __future__ import annotations

import numpy as np
import pytest

from identities.define import (Inverse, Trace, add, bar, cite, d, derivation, differential_of, eye, gradient, identity,
                               jacobian, matrix, mul, named, step, upstream, variable, vjp)
from identities.engine.forms import cotangent_pairing, definitions, forms, function_of
from identities.engine.record import DefinitionError
from identities.engine.verify import verify

X = matrix("X", "n", "n")
A = matrix("A", "n", "n")
dX = d(X)
Ybar, Zbar = bar("Y", "n", "n"), bar("Z", "n", "n")
Y = named("Y", mul(A, X))
Z = named("Z", Inverse(X))


def build(**overrides):
    """A toy with two outputs, Y = AX and Z = X⁻¹, a differential for each and their joint VJP."""
    spec = dict(
        id="toy-pair", title="Toy", output=("Y", "Z"), function=(Y, Z),
        symbols=[variable(X, "x", "invertible"), variable(A, "a"), upstream(Ybar, "ȳ"), upstream(Zbar, "z̄")],
        claims=[differential_of(X, mul(A, dX), of="Y"), differential_of(X, mul(-1, Z, dX, Z), of="Z"),
                vjp(X, add(mul(A.T, Ybar), mul(-1, Z.T, Zbar, Z.T)))],
        sources=(cite("giles2008extended"),))
    spec.update(overrides)
    return identity(**spec)


def test_several_outputs_pair_with_their_own_upstream_gradients():
    ident = build()
    assert ident.several_outputs and [name for name, _ in ident.outputs] == ["Y", "Z"]
    assert ident.upstreams == (Ybar, Zbar)
    swapped = build(symbols=[variable(X, "x", "invertible"), variable(A, "a"), upstream(Zbar, "z̄"),
                             upstream(Ybar, "ȳ")])
    assert swapped.upstreams == (Ybar, Zbar), "upstream gradients come in the order of the outputs"
    assert cotangent_pairing(ident) == (r"\langle \bar{Y}, \mathrm{d}Y \rangle + \langle \bar{Z}, \mathrm{d}Z \rangle",
                                        "⟨Y\u0304, dY⟩ + ⟨Z\u0304, dZ⟩")


def test_the_function_returns_a_tuple_and_computes_shared_parts_once():
    shared = named("P", mul(A, X))
    ident = build(function=(mul(shared, X), mul(shared, A)), claims=[differential_of(X, mul(A, dX, X), of="Y")],
                  symbols=[variable(X, "x"), variable(A, "a")])
    fn = function_of(ident)
    assert fn.source.count("P = A @ X") == 1 and "return P @ X, P @ A" in fn.source
    a, x = np.arange(4.0).reshape(2, 2), np.eye(2) + 1
    first, second = fn(x, a)
    assert np.allclose(first, a @ x @ x) and np.allclose(second, a @ x @ a)


def test_pages_state_each_output_and_name_the_one_a_differential_is_of():
    ident = build()
    assert [text for _, text in definitions(ident)] == ["Y = AX", "Z = X⁻¹"]
    dY, dZ = (forms(ident, c)[0] for c in ident.claims[:2])
    assert dY.unicode == "d_X Y = A dX" and dZ.unicode == "d_X Z = −Z dX Z"
    assert "of Z" in dZ.label


def test_each_differential_is_checked_against_its_own_output():
    wrong = build(claims=[differential_of(X, mul(A, dX), of="Z")], symbols=[variable(X, "x", "invertible"),
                                                                           variable(A, "a")])
    right = build(claims=[differential_of(X, mul(A, dX), of="Y"), differential_of(X, mul(-1, Z, dX, Z), of="Z")],
                  symbols=[variable(X, "x", "invertible"), variable(A, "a")])
    assert verify(right, 0).ok
    report = verify(wrong, 0)
    assert not report.ok and report.failures[0].what.startswith("differential (forward mode, JVP) of Z")


@pytest.mark.parametrize("overrides, message", [
    ({"output": "Y"}, "one name per expression"),
    ({"output": ("Y", "Z", "W")}, "one name per expression"),
    ({"output": ("Y", "Y")}, "output names repeat"),
    ({"output": ("Y", "A")}, "has the name of a symbol"),
    ({"symbols": [variable(X, "x", "invertible"), variable(A, "a"), upstream(matrix("G", "n", "n"), "g"),
                  upstream(Zbar, "z̄")]}, "must say which of the outputs"),
    ({"symbols": [variable(X, "x", "invertible"), variable(A, "a"), upstream(Ybar, "ȳ", of="W"),
                  upstream(Zbar, "z̄")]}, "'W', which is not an output"),
    ({"symbols": [variable(X, "x", "invertible"), variable(A, "a"), upstream(Ybar, "ȳ"),
                  upstream(bar("Y2", "n", "n"), "ȳ", of="Y")]}, "has two upstream gradients"),
    ({"symbols": [variable(X, "x", "invertible"), variable(A, "a"), upstream(Ybar, "ȳ")]},
     "one upstream gradient .* per output; 'Z' has none"),
    ({"symbols": [variable(X, "x", "invertible"), variable(A, "a"), upstream(bar("Y", "n", 1), "ȳ"),
                  upstream(Zbar, "z̄")]}, "must have the shape"),
    ({"claims": [differential_of(X, mul(A, dX))]}, "say which one a differential is of"),
    ({"claims": [differential_of(X, mul(A, dX), of="W")]}, "'W', which is not an output"),
    ({"claims": [gradient(X, X)]}, "gradient needs a function with one output"),
    ({"claims": [jacobian(X, eye("n"))]}, "jacobian needs a function with one output"),
    ({"claims": [differential_of(X, mul(A, dX), of="Y")], "derivation": derivation(X, step(mul(A, dX), "why"))},
     "written in reverse mode"),
])
def test_inconsistent_outputs_are_refused(overrides, message):
    with pytest.raises(DefinitionError, match=message):
        build(**overrides)


def test_a_reverse_derivation_sums_the_pairings_of_every_output():
    ident = build(derivation=derivation(
        X,
        step(add(Trace(mul(Ybar.T, A, dX)), Trace(mul(Zbar.T, mul(-1, Z, dX, Z)))), "dℓ = ⟨Ȳ, dY⟩ + ⟨Z̄, dZ⟩"),
        step(Trace(mul(add(mul(A.T, Ybar), mul(-1, Z.T, Zbar, Z.T)).T, dX)), "cyclic trace"),
    ))
    assert ident.derivation_mode == "reverse"
    rows = [r for r in verify(ident, 0).rows if r.what.startswith("derivation")]
    assert rows and all(r.ok for r in rows), rows


def test_the_joint_vjp_is_checked_against_every_output_at_once():
    """The VJP pairs each output with its own upstream direction: a VJP that forgets one output's
    contribution (here Z̄'s) is rejected, and so is one that gets it wrong."""
    assert verify(build(), 0).ok
    for wrong in (mul(A.T, Ybar), add(mul(A.T, Ybar), mul(Z.T, Zbar, Z.T))):
        report = verify(build(claims=[vjp(X, wrong)]), 0)
        assert not report.ok and report.failures[0].what.startswith("reverse mode (VJP)"), str(report)
