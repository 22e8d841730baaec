"""Sources are data: every identity cites works of the bibliography by key, with a locator."""

from __future__ import annotations

import bibtexparser
import pytest

import identities
from identities.define import cite, cookbook
from identities.engine.record import DefinitionError
from identities.engine.sources import BIBLIOGRAPHY, COOKBOOK, Source, bibliography, citation

from test_definitions import build


def test_the_bibliography_parses_with_an_independent_bibtex_parser():
    library = bibtexparser.parse_string(BIBLIOGRAPHY.read_text(encoding="utf-8"))
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    keys = {entry.key for entry in library.entries}
    assert keys == set(bibliography()), "pybtex and bibtexparser read different entries"
    for entry in library.entries:
        for field in ("title", "year"):
            assert field in entry.fields_dict, f"{entry.key} has no {field}"
        assert "author" in entry.fields_dict or "editor" in entry.fields_dict, entry.key


@pytest.mark.parametrize("ident", identities.all_identities(), ids=lambda i: i.id)
def test_every_identity_cites_a_work_of_the_bibliography(ident):
    assert ident.sources and all(isinstance(s, Source) and s.key in bibliography() for s in ident.sources)
    assert all("lesson" not in citation(s) for s in ident.sources)


def test_every_entry_is_cited_by_some_identity():
    cited = {s.key for i in identities.all_identities() for s in i.sources}
    assert set(bibliography()) <= cited, f"uncited entries: {sorted(set(bibliography()) - cited)}"


def test_cookbook_numbers_are_data():
    assert identities.get("log-det").cookbook == (43, 57)
    assert identities.get("trace-quadratic").cookbook == (108,)
    assert citation(cookbook(43, 57)) == "Petersen & Pedersen (2012), The Matrix Cookbook, eqs. (43), (57)"
    assert cookbook(57).key == COOKBOOK


@pytest.mark.parametrize("sources, message", [
    ((), "cite at least one source"),
    (("Matrix Cookbook (2012), eq. 57",), "is not a citation"),
    ((cite("petersen2012cokbook", "eq. 57"),), "did you mean 'petersen2012cookbook'"),
    ((Source("giles2008extended", "", (3,)),), "equation numbers are recorded for the Matrix Cookbook only"),
    ((cookbook(0),), "positive integers"),
])
def test_bad_sources_are_refused_at_definition(sources, message):
    with pytest.raises(DefinitionError, match=message):
        build(sources=sources)
