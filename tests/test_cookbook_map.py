"""The Matrix Cookbook map: the data of (33)–(144) and the identities' cookbook(...) sources agree."""

from __future__ import annotations

import pytest

import identities
from identities.engine import cookbook


@pytest.fixture(scope="module")
def catalog():
    return identities.all_identities()


def test_every_number_an_identity_cites_is_in_the_map_and_confirmed(catalog):
    """A Cookbook number is cited only where it was read beside its formula in a source that prints
    the numbers; a number the map does not know, or knows as unconfirmed, fails here by name."""
    eqs = cookbook.equations()
    unknown = {n: ids for n, ids in cookbook.stated_by(catalog).items() if n not in eqs}
    unconfirmed = {n: ids for n, ids in cookbook.stated_by(catalog).items() if n in eqs and not eqs[n].confirmed}
    assert not unknown, f"cited Cookbook numbers missing from {cookbook.DATA.name}: {unknown}"
    assert not unconfirmed, f"cited Cookbook numbers not confirmed in {cookbook.DATA.name}: {unconfirmed}"


def test_an_equation_left_out_is_not_stated_by_an_identity(catalog):
    stated = cookbook.stated_by(catalog)
    both = {n: ids for n, ids in stated.items() if n in cookbook.equations() and cookbook.equations()[n].left_out}
    assert not both, f"these equations are stated by an identity, yet the map gives a reason to leave them out: {both}"


def test_every_real_derivative_of_the_chapter_is_stated_or_left_out_with_a_reason(catalog):
    missing = cookbook.unmapped(catalog)
    assert not missing, (
        f"{len(missing)} real-valued derivative equations of the Cookbook's chapter 2 are neither cited by an "
        f"identity (cookbook(...)) nor left out with a reason in {cookbook.DATA.name}: "
        + ", ".join(f"({n})" for n in missing))


def test_the_whole_chapter_is_in_the_data_with_a_titled_section_and_a_described_source():
    eqs = cookbook.equations()
    assert [n for n in cookbook.CHAPTER if n not in eqs] == []
    for eq in eqs.values():
        assert eq.section in cookbook.sections() and eq.statement.strip()
        assert all(key in cookbook.sources() for key in eq.confirmed_by)
        assert not eq.confirmed or eq.confirmed_by
    used = {key for eq in eqs.values() for key in eq.confirmed_by}
    assert used == set(cookbook.sources()), "a source is described but confirms nothing"


def test_what_is_not_a_real_derivative_is_left_out_with_a_reason():
    for n in cookbook.CHAPTER:
        eq = cookbook.equations()[n]
        assert eq.real_derivative or eq.left_out, f"({n})"


def test_the_map_is_computed_from_the_identities_both_ways(catalog):
    stated, back = cookbook.stated_by(catalog), cookbook.by_identity(catalog)
    assert "log-det" in stated[57] and back["log-det"] == (43, 57)
    assert {(n, i) for n, ids in stated.items() for i in ids} == {(n, i) for i, ns in back.items() for n in ns}


@pytest.mark.parametrize("edit, words", [
    (lambda text: text.replace("number = 77\n", "number = 76\n"), "(76) is listed twice"),
    (lambda text: text.replace("[[equation]]\nnumber = 90\n", "[[unused]]\nnumber = 90\n"), "missing: [90]"),
    (lambda text: text.replace('confirmed_by = ["sympy"]', 'confirmed_by = ["rumour"]', 1), "'rumour'"),
    (lambda text: text.replace('confirmed_by = ["lean"]\n\n[[equation]]\nnumber = 35',
                               'confirmed_by = []\n\n[[equation]]\nnumber = 35'), "(34) is marked confirmed without"),
    (lambda text: text.replace('section = "2.8.3"', 'section = "2.9"'), "section '2.9'"),
    (lambda text: text.replace('left_out = "a definition: it introduces the single-entry matrix J^ij"\n', ''),
     "(73) is not a real-valued derivative"),
    (lambda text: text + "\n[[equation\n", "cannot be read"),
])
def test_an_inconsistent_data_file_is_refused_with_one_sentence(edit, words, tmp_path, monkeypatch):
    broken = tmp_path / cookbook.DATA.name
    broken.write_text(edit(cookbook.DATA.read_text(encoding="utf-8")), encoding="utf-8")
    monkeypatch.setattr(cookbook, "DATA", broken)
    cookbook._load.cache_clear()
    try:
        with pytest.raises(cookbook.CookbookDataError, match="cookbook_equations.toml: ") as info:
            cookbook.equations()
        assert words in str(info.value) and "\n" not in str(info.value)
    finally:
        cookbook._load.cache_clear()
