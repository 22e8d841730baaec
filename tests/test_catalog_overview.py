"""The catalog overview heads each identity with the result it is about, not its first claim."""

from __future__ import annotations

import sys

import pytest

from docs_site import EXT

if str(EXT) not in sys.path:
    sys.path.insert(0, str(EXT))
pytest.importorskip("sphinx")

from handbook.catalog import HEADLINE, headline  # noqa: E402

import identities  # noqa: E402


def test_the_headline_is_the_highest_ranked_claim_of_every_identity():
    ranked = 0
    for ident in identities.all_identities():
        kinds = [claim.kind for claim in ident.claims]
        best = min(kinds, key=lambda kind: HEADLINE.index(kind))
        assert headline(ident).kind == best, (ident.id, kinds)
        ranked += len(set(kinds)) > 1
    assert ranked, "no identity states claims of two kinds, so the ranking was not exercised"


def test_a_hessian_heads_an_identity_that_states_one_after_its_gradient():
    both = [i for i in identities.all_identities()
            if [c.kind for c in i.claims][:1] == ["gradient"] and any(c.kind == "hessian" for c in i.claims)]
    assert both
    assert all(headline(i).kind == "hessian" for i in both)


def test_a_rule_is_listed_by_the_rule_its_title_states_not_by_its_example():
    from handbook.catalog import statement
    rules = identities.families().get("rules", ())
    assert rules
    for ident in rules:
        assert statement(ident).astext() == ident.title.split(": ", 1)[1], ident.id
