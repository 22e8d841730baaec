"""The catalog as a whole: every identity verifies, kills its wrong versions, and keeps its id."""

from __future__ import annotations

import re

from pathlib import Path

import pytest

import identities
from identities.engine.printing import unicode
from identities.engine.verify import NEGATIVE_CONTROL

IDS_FILE = Path(identities.__file__).with_name("published_ids.txt")
CATALOG = identities.all_identities()

#: The ids the first published catalog promised; they must always resolve.
PROMISED = """trace-linear trace-AXB trace-quadratic frobenius-norm-squared least-squares least-squares-vector
quadratic-form log-det inverse-differential log-det-trace vec-kronecker least-squares-hessian linear-layer
attention-scores softmax-attention rule-linearity rule-product rule-transpose rule-trace-cyclic
rule-frobenius-identification rule-chain""".split()


def _published() -> list[str]:
    lines = IDS_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("ident", CATALOG, ids=lambda i: i.id)
def test_identity_verifies(ident):
    report = identities.verify(ident, seed=0)
    assert report.ok, str(report)


@pytest.mark.parametrize("ident", CATALOG, ids=lambda i: i.id)
def test_identity_verifies_at_another_seed(ident):
    report = identities.verify(ident, seed=1)
    assert report.ok, str(report)


@pytest.mark.parametrize("ident", CATALOG, ids=lambda i: i.id)
def test_every_non_equivalent_mutant_is_killed(ident):
    report = identities.mutants(ident, seed=0)
    assert report.mutants, f"{ident.id}: no mutants were generated"
    assert report.ok, "\n".join(f"survived: {m.description} → {unicode(m.expr)}" for m in report.survivors)


@pytest.mark.parametrize("ident", CATALOG, ids=lambda i: i.id)
def test_negative_controls_ran(ident):
    """Every stored claim was scaled by 1 + δ and rejected, with δ = 1e-8 wherever the complex step measured
    (1e-5 only where finite differences had to: complex variables, functions not complex-analytic)."""
    controls = [r for r in identities.verify(ident, seed=0).rows if "× (1 + " in r.what]
    assert controls, ident.id
    for row in controls:
        assert float(row.what.split("(1 + ")[1].split(")")[0]) == NEGATIVE_CONTROL[row.method], row


@pytest.mark.parametrize("ident", CATALOG, ids=lambda i: i.id)
def test_identity_has_what_a_page_needs(ident):
    assert ident.doc.strip(), f"{ident.id}: the module docstring is the page's prose"
    assert ">>>" in ident.doc, f"{ident.id}: the docstring needs a runnable example"
    assert ident.sources, f"{ident.id}: cite at least one source"
    # a title is plain text in headings, the browser's title bar, the sidebar and search results
    assert not re.search(r"[_^\\{}$]", ident.title), f"{ident.id}: TeX markup in the title {ident.title!r}"
    assert all(v.description for v in ident.symbols)


def test_published_ids_match_the_registry():
    published = _published()
    assert len(published) == len(set(published)), "an id is listed twice"
    registered = {i.id for i in CATALOG}
    missing = registered - set(published)
    assert not missing, f"new ids are published with `python -m identities ids --update`: {sorted(missing)}"
    for old in published:  # an id never disappears: a renamed identity keeps it as an alias
        identities.get(old)


def test_promised_ids_exist():
    for identity_id in PROMISED:
        assert identities.get(identity_id).id == identity_id


def test_unknown_id_suggests_close_ones():
    with pytest.raises(KeyError, match="did you mean 'log-det'"):
        identities.get("log-dett")


def test_aliases_resolve():
    assert identities.get("logdet").id == "log-det"
