"""The handbook builds warning-free, and every identity reaches its page, the index, search and objects.inv."""

from __future__ import annotations

import html
import json
import re

import pytest
from sphinx.util.inventory import InventoryFile

import identities


def test_site_builds_with_warnings_as_errors_and_nitpicky_references(docs_site):
    assert docs_site.returncode == 0, docs_site.output
    assert "WARNING" not in docs_site.output and "ERROR" not in docs_site.output, docs_site.output


@pytest.mark.parametrize("ident", identities.all_identities(), ids=lambda i: i.id)
def test_every_identity_has_a_page_at_its_permanent_url(site_html, ident):
    page = (site_html / "id" / f"{ident.id}.html").read_text(encoding="utf-8")
    assert f'id="{ident.id}"' in page, "the permanent anchor is missing"
    for section in ("statement", "shapes", "layouts", "code", "cite", "verification"):
        assert f'id="{ident.id}-{section}"' in page, f"section {section} is missing"
    assert "highlight-python" in page and '<span class="k">def</span>' in page, "the NumPy code is missing"
    assert 'class="katex"' in page, "no typeset math"


def _inventory(site_html):
    data = (site_html / "objects.inv").read_bytes()
    return InventoryFile.loads(data, uri="https://handbook.example/").data


def test_objects_inv_lists_every_identity_as_an_object_and_a_label(site_html):
    inventory = _inventory(site_html)
    objects, labels = inventory["identity:identity"], inventory["std:label"]
    for ident in identities.all_identities():
        assert objects[ident.id].uri == f"https://handbook.example/id/{ident.id}.html#{ident.id}"
        assert objects[ident.id].display_name in (ident.id, "-")  # "-": the same as the name
        assert labels[ident.id].display_name == ident.title
        assert labels[ident.id].uri == objects[ident.id].uri
        for alias in ident.aliases:
            assert objects[alias.lower()].uri == objects[ident.id].uri


def test_general_index_lists_every_identity_and_alias(site_html):
    genindex = (site_html / "genindex.html").read_text(encoding="utf-8")
    for ident in identities.all_identities():
        link = f'<a href="id/{ident.id}.html#{ident.id}">'
        assert f"{link}{html.escape(ident.id)} (identity)</a>" in genindex
        for alias in ident.aliases:  # each alias is its own entry, pointing at its identity
            assert f"{link}{html.escape(alias)} (alias of {ident.id})</a>" in genindex, alias


def test_search_index_knows_every_id_and_alias(site_html):
    text = (site_html / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(re.match(r"Search\.setIndex\((.*)\)\s*$", text, re.S).group(1))
    names = set()
    for prefix, entries in index["objects"].items():
        names |= {prefix + ("." if prefix else "") + e[4] for e in entries}
    for ident in identities.all_identities():
        assert ident.id in names
        for alias in ident.aliases:
            assert alias.lower() in names


def test_family_pages_and_catalog_overview_list_every_identity(site_html):
    catalog = (site_html / "catalog.html").read_text(encoding="utf-8")
    for family, members in identities.families().items():
        page = (site_html / "family" / f"{family}.html").read_text(encoding="utf-8")
        for ident in members:
            assert f"../id/{ident.id}.html#{ident.id}" in page
            assert f"id/{ident.id}.html#{ident.id}" in catalog


def test_each_family_page_shows_its_identities_wrong_answers_and_the_mistakes_page_leads_there(site_html):
    mistakes = (site_html / "mistakes.html").read_text(encoding="utf-8")
    for family, members in identities.families().items():
        page = (site_html / "family" / f"{family}.html").read_text(encoding="utf-8")
        assert f'id="mistakes-{family}"' in page
        for ident in members:  # every identity has wrong answers the checker rejects (tests/test_catalog.py)
            assert f'id="mistakes-{ident.id}"' in page, ident.id
        assert f'href="family/{family}.html"' in mistakes


def test_no_page_loads_anything_from_the_network(site_html):
    # <link rel="canonical"> names the page's public address (html_baseurl); a browser never fetches it
    remote = re.compile(r"""<(script|link(?![^>]*rel="canonical")|img)[^>]+(src|href)=["'](https?:)?//""")
    for page in site_html.rglob("*.html"):
        assert not remote.search(page.read_text(encoding="utf-8")), f"{page} loads a remote resource"
    assert (site_html / "_static" / "katex" / "katex.min.css").is_file()
    assert list((site_html / "_static" / "katex" / "fonts").glob("*.woff2"))


def test_guide_pages_take_catalog_formulas_from_the_catalog(site_html):
    """The vec guide shows vec-kronecker in both orders through {identity-formula}, not typed LaTeX."""
    from identities.engine.forms import forms
    ident = identities.get("vec-kronecker")
    jac = next(c for c in ident.claims if c.kind == "jacobian")
    expected = [f.latex for f in forms(ident, jac) if "stacking" in f.label]
    page = (site_html / "guide" / "vec.html").read_text(encoding="utf-8")
    for tex in expected:  # KaTeX keeps the source in an annotation element
        assert tex.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in page, tex
    assert "id/vec-kronecker.html" in page


#: No page is heavier than this, so that each stays light enough for a phone: an identity's
#: verification record is a folded summary whose wrong formulas are printed only while short, the
#: pages that list many identities show their formulas as text, and the long reference pages
#: (conventions, API) are split by topic.
PAGE_LIMIT = 300_000


def test_every_page_stays_small_and_identity_pages_fold_the_verification_record(site_html):
    sizes = {str(path.relative_to(site_html)): path.stat().st_size for path in site_html.rglob("*.html")
             if "_static" not in path.parts}
    assert sizes
    heavy = {name: size for name, size in sizes.items() if size > PAGE_LIMIT}
    assert not heavy, f"pages over {PAGE_LIMIT} bytes: {heavy}"
    page = (site_html / "id" / "gp-log-marginal-likelihood.html").read_text(encoding="utf-8")
    assert page.count('<details class="folded">') == 2
    text = re.sub(r"<[^>]+>", "", page)
    assert "named, not printed" in text and "python -m identities mutants gp-log-marginal-likelihood" in text


def test_the_catalog_overview_stays_light_as_the_catalog_grows(site_html):
    """The overview lists the whole catalog, so its headline formulas are Unicode text (typeset
    math costs kilobytes a formula): about a kilobyte a row, whatever the catalog's size."""
    page = site_html / "catalog.html"
    rows = len(identities.all_identities())
    assert page.stat().st_size <= 30_000 + 2_000 * rows, (page.stat().st_size, rows)
    assert 'class="formula-text"' in page.read_text(encoding="utf-8")


def test_family_pages_count_the_wrong_answers_of_the_wrong_shape_instead_of_listing_them(site_html):
    pages = [p.read_text(encoding="utf-8") for p in (site_html / "family").glob("*.html")]
    assert pages and not any("could not be evaluated at these shapes" in page for page in pages)
    assert any("the wrong shape: rejected before any value is compared" in page for page in pages)
