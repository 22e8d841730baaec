"""Citing the handbook: a permalink, BibTeX and a plain reference per identity; CITATION.cff, LICENSE, one version."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import bibtexparser
import pytest

import identities
from identities import citing
from identities.edition import TITLE, edition

from test_generated_pages import KATEX, LINEAR, Scratch

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
CONF = (ROOT / "docs" / "conf.py").read_text(encoding="utf-8")
BASE = PYPROJECT["project"]["urls"]["Documentation"]


def test_the_version_is_written_once_in_pyproject():
    assert identities.__version__ == PYPROJECT["project"]["version"] == edition().version
    init = (ROOT / "identities" / "__init__.py").read_text(encoding="utf-8")
    assert not re.search(r"__version__\s*=\s*['\"]", init), "identities/__init__.py types a version"
    assert "version = release = EDITION.version" in CONF


def test_the_base_url_is_set_once_and_absolute():
    assert re.fullmatch(r"https://[^\s\"]+/", BASE), BASE
    assert edition().url == BASE
    assert re.search(r"^html_baseurl = base_url\(EDITION\.url\)$", CONF, re.M)
    assert len(re.findall(r"^html_baseurl\b", CONF, re.M)) == 1, "docs/conf.py sets html_baseurl more than once"


@pytest.mark.parametrize("ident", identities.all_identities(), ids=lambda i: i.id)
def test_the_bibtex_entry_of_every_identity_parses(ident):
    library = bibtexparser.parse_string(citing.bibtex(ident, BASE))
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    (entry,) = library.entries
    fields = {f.key: f.value for f in entry.fields}
    url = f"{BASE}id/{ident.id}.html"
    assert entry.entry_type == "misc" and entry.key == f"matcalc:{ident.id}"
    assert fields["version"] == identities.__version__ and fields["year"] == PYPROJECT["tool"]["identities"][
        "released"][:4]
    assert fields["url"] == url and fields["howpublished"] == rf"\url{{{url}}}"
    assert fields["title"] == "{" + TITLE + "}"
    assert rf"\texttt{{{ident.id}}}" in fields["note"] and identities.__version__ in fields["note"]
    assert citing.bibtex(ident, BASE).isascii(), "BibTeX without Unicode works with every BibTeX"


def test_the_plain_reference_names_version_id_title_and_permalink():
    ident = identities.get("log-det")
    text = citing.plain(ident, BASE)
    assert text == (f"The matrix-calculus-identities authors (2026). {TITLE}, version {identities.__version__}, "
                    f"identity log-det: “{ident.title}”. {BASE}id/log-det.html")
    assert citing.permalink("log-det") == "id/log-det.html", "without a base URL the address is relative"


def test_citation_cff_states_what_pyproject_and_the_docs_say():
    yaml = pytest.importorskip("yaml", reason="PyYAML reads CITATION.cff (it comes with myst-parser, a docs extra)")
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["message"].strip() and cff["type"] == "software"
    assert cff["title"] == TITLE
    assert [a["name"] for a in cff["authors"]] == [a["name"] for a in PYPROJECT["project"]["authors"]]
    assert cff["version"] == PYPROJECT["project"]["version"]
    assert str(cff["date-released"]) == PYPROJECT["tool"]["identities"]["released"]
    assert cff["license"] == PYPROJECT["project"]["license"]["text"] == "MIT"
    assert cff["url"] == BASE


def test_the_license_file_is_the_mit_license_of_the_authors():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n") and "Permission is hereby granted, free of charge" in text
    assert f"Copyright (c) {edition().year} {edition().author_line}" in text


@pytest.mark.skipif(not KATEX.is_file(), reason="KaTeX is not installed: run `make docs-assets`")
def test_an_identity_page_has_a_canonical_link_and_a_cite_block(tmp_path):
    scratch = Scratch(tmp_path)
    scratch.write("toy_linear", LINEAR)
    result = scratch.build("-D", "html_baseurl=https://example.org/hb/")
    assert result.ok and not result.warnings(), result.output
    page = (scratch.out / "id" / "toy-linear.html").read_text(encoding="utf-8")
    url = "https://example.org/hb/id/toy-linear.html"
    assert f'<link rel="canonical" href="{url}"' in page
    for what in ("permalink", "bibtex", "plain"):
        assert f"cite-text cite-{what}" in page, what
    assert f"<pre><span></span>{url}" in page, "the permalink block"
    assert "matcalc:toy-linear" in page and f"version {identities.__version__}" in page
