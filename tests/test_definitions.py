"""Identity records refuse inconsistent definitions at build time, naming the identity."""

from __future__ import annotations

import pytest

from identities.define import (Trace, add, cite, constant, d, derivation, gradient, identity, matrix, mul, step,
                               variable)
from identities import verify
from identities.engine.record import DefinitionError

A = matrix("A", "n", "n")
X = matrix("X", "n", "k")
B = matrix("B", "k", "k")


def build(**overrides):
    spec = dict(id="toy", title="Toy", symbols=[variable(X, "x"), constant(A, "a")],
                function=Trace(mul(X.T, A, X)), claims=[gradient(X, add(A, A.T) * X)], sources=(cite("giles2008extended"),))
    spec.update(overrides)
    return identity(**spec)


def test_a_consistent_definition_builds():
    assert build().id == "toy"


@pytest.mark.parametrize("overrides, message", [
    ({"id": "Bad Id"}, "lowercase slugs"),
    ({"id": "toy\n"}, "lowercase slugs"),  # `$` alone would let a trailing newline through
    ({"see_also": ["log-det\n"]}, "not an id"),
    ({"symbols": [variable(X, "x"), constant(A, "a"), constant(matrix("dX", "n", "k"), "c")]},
     "name of the perturbation of X"),
    ({"claims": [gradient(X, A)]}, "shape"),
    ({"claims": [gradient(X, X.T * A)]}, "shape"),
    ({"function": Trace(mul(X.T, matrix("C", "n", "n"), X))}, "undeclared symbols"),
    ({"symbols": [variable(X, "x"), constant(A, "a", "nilpotent")]}, "unknown condition"),
    ({"symbols": [variable(X, "x", "invertible"), constant(A, "a")]}, "square"),
    ({"symbols": [variable(X, "x"), constant(A, "a", "spd", "orthogonal")]}, "cannot be sampled together"),
    ({"claims": [gradient(A, A)]}, "not a declared variable"),
    ({"claims": []}, "at least one claim"),
    ({"derivation": derivation(X, step(Trace(mul(X.T, A, d(X))), ""))}, "needs a reason"),
    ({"derivation": derivation(X, step(Trace(mul(X.T, B, d(X))), "why"))}, "undeclared"),
])
def test_inconsistent_definitions_are_refused(overrides, message):
    with pytest.raises(DefinitionError, match=message) as info:
        build(**overrides)
    assert "'toy'" in str(info.value) or "Bad Id" in str(info.value) or "toy\\n" in str(info.value)


def test_a_typo_in_a_derivation_fails_verification():
    wrong = build(derivation=derivation(
        X,
        step(add(Trace(mul(d(X).T, A, X)), Trace(mul(X.T, A, d(X)))), "product rule"),
        step(add(Trace(mul(X.T, A, d(X))), Trace(mul(X.T, A, d(X)))), "typo: Aᵀ written as A"),
    ))
    report = verify(wrong)
    bad = [r.what for r in report.failures]
    assert bad and all("derivation" in w for w in bad), str(report)


def test_a_wrong_first_line_fails_verification():
    wrong = build(derivation=derivation(X, step(Trace(mul(X.T, A, d(X))), "forgot one term")))
    assert "derivation line 1 = directional derivative" in [r.what for r in verify(wrong).failures]


def test_a_wrong_claim_fails_verification_and_names_the_mistake():
    wrong = build(claims=[gradient(X, 2 * A * X)])
    report = verify(wrong)
    assert not report.ok
    assert any("missing symmetric part" in r.detail for r in report.failures), str(report)


def test_a_named_part_may_not_take_a_symbol_name_or_two_meanings():
    from identities.define import named
    with pytest.raises(DefinitionError, match="has the name of a symbol"):
        build(claims=[gradient(X, named("A", add(A, A.T)) * X)])
    with pytest.raises(DefinitionError, match="two different sub-expressions"):
        build(claims=[gradient(X, add(named("M", A) * X, named("M", A.T) * X))])


def test_a_named_part_labelled_with_a_cotangent_must_have_its_shape():
    from identities.define import bar, named
    assert build(claims=[gradient(X, mul(named(bar("G", "n", "n"), add(A, A.T)), X))]).id == "toy"
    with pytest.raises(DefinitionError, match="labelled with shape"):
        build(claims=[gradient(X, mul(named(bar("G", "n", "k"), add(A, A.T)), X))])


def test_the_same_derivative_stated_twice_is_refused():
    with pytest.raises(DefinitionError, match="state each derivative once"):
        build(claims=[gradient(X, add(A, A.T) * X), gradient(X, add(A.T, A) * X)])
