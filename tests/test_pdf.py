"""The handbook as one PDF (`make pdf`): its LaTeX sources hold every page and every identity, and no HTML.

Compiling the PDF takes three LuaLaTeX runs over some 2,000 pages, longer than the whole suite, so
the suite does not compile it (`make pdf` does). These tests build the LaTeX sources as `make pdf`
does (Sphinx's LaTeX builder, warnings as errors, every reference resolved), which needs no TeX, and
read them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest

import identities
from identities import ids
from identities.edition import DISTRIBUTION
from identities.engine.forms import forms

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
sys.path.insert(0, str(DOCS / "_ext"))

from handbook.catalog import headline  # noqa: E402
from handbook.pages import family_docname, family_heading, identity_docname  # noqa: E402

#: The fonts the PDF is set in (docs/conf.py): the text fonts, and the one a glyph they lack comes from.
TEXT_FONTS = ("DejaVu Serif", "DejaVu Sans", "DejaVu Sans Mono")
FALLBACK_FONT = "DejaVu Math TeX Gyre"


@dataclass(frozen=True)
class Sources:
    returncode: int
    output: str
    tex: str


@pytest.fixture(scope="module")
def latex(docs_site, tmp_path_factory) -> Sources:
    """The LaTeX sources of the PDF, built fresh. The site's build (``docs_site``) comes first: both write
    the generated page sources under docs/, and two builds writing them at once could read a half-written one."""
    out = tmp_path_factory.mktemp("latex")
    done = subprocess.run([sys.executable, "-m", "sphinx", "-b", "latex", "-W", "--keep-going", "-n", "-E", "-q",
                           "--no-color", str(DOCS), str(out)], cwd=ROOT, capture_output=True, text=True, timeout=1800)
    tex = out / f"{DISTRIBUTION}.tex"
    return Sources(done.returncode, done.stdout + done.stderr, tex.read_text(encoding="utf-8") if tex.is_file() else "")


@pytest.fixture(scope="module")
def tex(latex) -> str:
    if latex.returncode != 0 or not latex.tex:
        pytest.fail(f"the LaTeX sources did not build:\n{latex.output}")
    return latex.tex


def label(docname: str, anchor: str = "") -> str:
    """How Sphinx's LaTeX writer labels a page (``doc::doc``) or an anchor in it (``doc:anchor``)."""
    return rf"\label{{\detokenize{{{docname}:{anchor or ':doc'}}}}}"


def test_the_latex_sources_build_with_warnings_as_errors_and_nitpicky_references(latex):
    assert latex.returncode == 0, latex.output
    assert "WARNING" not in latex.output and "ERROR" not in latex.output, latex.output


def test_the_pdf_is_named_where_make_pdf_says_it_is():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "LATEX := docs/_build/latex\n" in makefile and f"PDF := $(LATEX)/{DISTRIBUTION}.pdf\n" in makefile


#: Pages that exist for a web host only: the page it answers a missing address with.
SITE_ONLY = {"404"}


def _pages() -> list[str]:
    """Every page of the handbook but the addresses of moved identities, which only send a browser on,
    and the pages of ``SITE_ONLY``."""
    moved = {identity_docname(old) for old in ids.moved()}
    found = sorted(path.relative_to(DOCS).with_suffix("").as_posix() for path in DOCS.rglob("*.md")
                   if not path.relative_to(DOCS).parts[0].startswith("_"))
    return [docname for docname in found if docname not in moved and docname not in SITE_ONLY]


def test_every_page_of_the_handbook_is_in_the_document(tex):
    pages = _pages()
    assert {"index", "conventions", "catalog", "mistakes", "cookbook", "changelog", "api"} <= set(pages)
    assert len(pages) > len(identities.all_identities())
    missing = [docname for docname in pages if label(docname) not in tex]
    assert not missing, f"pages missing from the PDF: {missing}"


def _heading_before(tex: str, command: str, position: int) -> str:
    """The line of the last ``\\command{`` before *position*."""
    start = tex.rindex(f"\\{command}{{", 0, position)
    return tex[start:tex.index("\n", start)]


def test_the_home_page_sections_are_the_parts_and_each_family_a_chapter_of_the_first(tex):
    parts = [tex.index(rf"\part{{{name}}}") for name in ("Families", "Guide", "Reference")]
    assert parts == sorted(parts)
    for family in identities.families():
        page = tex.index(label(family_docname(family)))
        assert parts[0] < page < parts[1], family
        assert _heading_before(tex, "chapter", page) == rf"\chapter{{{family_heading(family)}}}"


@pytest.mark.parametrize("ident", identities.all_identities(), ids=lambda i: i.id)
def test_every_identity_is_a_section_of_its_family_with_its_id_as_label(tex, ident):
    page = tex.index(label(identity_docname(ident.id)))
    line = tex.rindex("\n", 0, page)
    assert tex.rindex("\n", 0, line) == tex.rindex("\n\\section{", 0, page), "the page does not start with a section"
    assert label(identity_docname(ident.id), ident.id) in tex, "the permanent anchor is missing"
    family = tex.rindex(label(family_docname(ident.family)), 0, page)
    assert tex.rindex("\\chapter{", 0, page) < family, "the identity is not in its family's chapter"
    house = forms(ident, headline(ident))[0].latex
    assert house in tex, "the statement is not LaTeX math"


def test_each_verification_record_is_there_unfolded(tex):
    count = len(identities.all_identities())
    assert len(re.findall(r"\\sphinxstylestrong\{Every check \(\d+\)\}", tex)) == count
    assert len(re.findall(r"\\sphinxstylestrong\{Every wrong answer tried \(\d+\)\}", tex)) == count


def test_the_conventions_tables_keep_their_column_widths_and_break_across_pages(tex):
    start = tex.index(label("conventions"))
    chapter = tex[start:tex.index(r"\chapter{", start)]
    for header in ("situation", "defining identity", "object", "numerator layout", "denominator layout",
                   "column stacking", "row stacking"):
        assert re.search(r"\\sphinxstyletheadfamily \\sphinxAtStartPar\n" + re.escape(header), chapter), header
    tables = re.findall(r"\\begin\{(tabular|tabulary|longtable)\}(?:\[[^]]*\])?\{([^\n]*)\}\n", chapter)
    assert len(tables) >= 5, tables
    assert all(kind == "longtable" and r"\X{" in columns for kind, columns in tables), tables


def test_math_in_a_table_is_braced_and_never_a_display_environment(tex):
    """A matrix's ``&`` and ``\\\\`` in a cell must not end the table's cell or row (handbook.latex)."""
    tables = [match.group(0)
              for match in re.finditer(r"\\begin\{(tabular|tabulary|longtable)\}.*?\\end\{\1\}", tex, re.S)]
    assert len(tables) > len(identities.all_identities())
    for table in tables:
        assert r"\begin{equation" not in table
        openings = (r"{\sbox0{\(", r"{\raggedright\(", r"{\(\displaystyle\begin{aligned}")
        braced = sum(table.count(opening) for opening in openings)
        formulas = re.findall(r"\\\((?!\\checkmark|\\pmb\{\\checkmark)", table)  # not Sphinx's ✓ for the text
        assert len(formulas) == braced, table[:300]


def test_no_html_reaches_the_latex_sources(tex):
    tags = re.findall(r"</?(?:details|summary|div|span|p|a|table|code|pre|button)\b[^>]*>", tex)
    assert not tags, tags[:5]
    assert "katex" not in tex.lower()


@lru_cache(maxsize=None)
def _has_glyph(font: str, char: str) -> bool:
    listed = subprocess.run(["fc-list", f"{font}:charset={ord(char):x}", "family"], capture_output=True, text=True)
    return bool(listed.stdout.strip())


def test_every_character_of_the_text_is_in_the_pdf_fonts(tex):
    if shutil.which("fc-list") is None or not _has_glyph(FALLBACK_FONT, "ℓ"):
        pytest.skip("fontconfig or the DejaVu fonts are missing: `make latex-tools` installs them")
    lacking = {char for char in set(tex) if ord(char) > 127 and not _has_glyph(FALLBACK_FONT, char)
               and not all(_has_glyph(font, char) for font in TEXT_FONTS)}
    assert not lacking, f"no font of the PDF has {sorted(lacking)}: LuaLaTeX would stop at them"
