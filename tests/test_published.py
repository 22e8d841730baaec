"""A formula as a source prints it: rejected at the identity's inputs, accepted where its silent condition holds."""

from __future__ import annotations

import pytest

from identities import verify
from identities.define import cite, gradient, mul, published
from identities.engine.record import DefinitionError

from test_definitions import A, X, build

SOURCE = cite("giles2008extended")


def _rows(ident, prefix="as published"):
    return [r for r in verify(ident).rows if r.what.startswith(prefix)]


def test_a_form_that_needs_a_silent_condition_is_rejected_without_it_and_accepted_with_it():
    ident = build(published=[published(SOURCE, gradient(X, mul(2, A, X)), {"A": "symmetric"})])
    rows = _rows(ident)
    rejected = [r for r in rows if "rejected" in r.what]
    accepted = [r for r in rows if "holds when A symmetric" in r.what]
    assert len(rejected) == len(accepted) == 2, rows
    assert all(r.ok for r in rows), "\n".join(f"{r.what}: {r.detail}" for r in rows)


def test_a_form_wrong_under_its_stated_condition_fails_verification():
    wrong = build(published=[published(SOURCE, gradient(X, mul(3, A, X)), {"A": "symmetric"})])
    bad = [r for r in _rows(wrong) if not r.ok]
    assert bad and all("holds when" in r.what for r in bad), bad


def test_a_published_form_equal_to_the_claim_under_every_input_cannot_be_shown_wrong():
    same_value = build(published=[published(SOURCE, gradient(X, mul(A.T, X) + mul(A, X)))])
    bad = [r for r in _rows(same_value) if not r.ok]
    assert bad and all("rejected" in r.what for r in bad)


@pytest.mark.parametrize("entry, message", [
    (published(SOURCE, gradient(X, mul(2, A, X)), {"B": "symmetric"}), "there is no symbol B"),
    (published(SOURCE, gradient(X, mul(2, A, X)), {"A": "unitary"}), "needs A unitary"),
    (published(SOURCE, gradient(X, A)), "shape"),
    (published("Cookbook (125)", gradient(X, mul(2, A, X))), "cites its source"),
])
def test_bad_published_entries_are_refused(entry, message):
    with pytest.raises(DefinitionError, match=message):
        build(published=[entry])
