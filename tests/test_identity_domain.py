"""The identity domain on a tiny docs project, built in this process: role, directive, errors, duplicates,
index, rebuilds. (Generated pages, over a scratch catalog, are in test_generated_pages.py.)"""

from __future__ import annotations

import re
import shutil
import sys
from io import StringIO
from pathlib import Path

import pytest

pytest.importorskip("sphinx")
from sphinx.testing.util import SphinxTestApp  # noqa: E402

from docs_site import EXT, KATEX  # noqa: E402

ROOTS = Path(__file__).parent / "roots"

pytestmark = [
    pytest.mark.skipif(not KATEX.is_file(), reason="KaTeX is not installed: run `make docs-assets`"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
    pytest.mark.filterwarnings("ignore::PendingDeprecationWarning"),
    # sphinxcontrib-katex's render server keeps two pipes that it never closes; in-process builds
    # can see them collected late. Not a fault of the code under test.
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


@pytest.fixture(autouse=True, scope="module")
def _no_render_server_left_behind():
    """Stop any KaTeX render server these in-process builds left running (each build stops its own;
    this is the safety net, so that no Node.js process outlives the test session)."""
    yield
    import os
    import signal
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == os.getpid() and b"katex-server" in (proc / "cmdline").read_bytes():
                os.kill(int(proc.name), signal.SIGTERM)
        except (OSError, ValueError, IndexError):
            continue


def make_app(tmp_path: Path, root: str = "test-identity-domain", **files: str) -> tuple[SphinxTestApp, StringIO]:
    src = tmp_path / "src"
    if not src.exists():
        shutil.copytree(ROOTS / root, src)
    for name, text in files.items():
        (src / f"{name}.md").write_text(text, encoding="utf-8")
    warnings = StringIO()
    if str(EXT) not in sys.path:
        sys.path.insert(0, str(EXT))
    app = SphinxTestApp("html", srcdir=src, builddir=tmp_path / "build", warning=warnings, status=StringIO())
    return app, warnings


def build(tmp_path, **files):
    app, warnings = make_app(tmp_path, **files)
    try:
        app.build()
    finally:
        app.cleanup()
    return app, warnings.getvalue()


def test_role_resolves_by_id_alias_and_domain_qualified_name(tmp_path):
    app, warnings = build(tmp_path)
    # (first.md's related-identity links warn: this tiny project does not describe those identities)
    assert "index.md" not in warnings, warnings
    index = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert index.count('href="first.html#trace-quadratic"') == 4
    assert "Gradient of a quadratic trace form" in index  # a plain role shows the title
    assert "the quadratic form" in index


ROLE_FORMS = ("---\norphan: true\n---\n# Third\n\n"
              "Tilde: {identity}`~quadratic trace`. Bang: {identity}`!trace-quadratic`.\n")


def test_tilde_shows_the_id_and_bang_suppresses_the_link(tmp_path):
    app, warnings = build(tmp_path, third=ROLE_FORMS)
    assert "third.md" not in warnings, warnings
    page = (app.outdir / "third.html").read_text(encoding="utf-8")
    tilde = page[page.index("Tilde:"):page.index("Bang:")]
    # ~ links the alias's identity and shows its id, in code type, instead of its title
    assert 'href="first.html#trace-quadratic"' in tilde and "<code" in tilde, tilde
    assert re.sub(r"<[^>]+>", "", tilde).strip() == "Tilde: trace-quadratic.", tilde
    bang = page[page.index("Bang:"):]
    bang = bang[:bang.index("</p>")]
    assert "<a " not in bang and re.sub(r"<[^>]+>", "", bang).strip() == "Bang: trace-quadratic.", bang


def test_objects_reach_the_domain_the_labels_and_the_general_index(tmp_path):
    app, _ = build(tmp_path)
    domain = app.env.domains["identity"]
    assert domain.objects["trace-quadratic"].docname == "first"  # second.md used :no-index:
    objects = set(domain.get_objects())
    assert ("trace-quadratic", "trace-quadratic", "identity", "first", "trace-quadratic", 1) in objects
    assert ("quadratic trace", "quadratic trace", "identity", "first", "trace-quadratic", 2) in objects
    assert app.env.domains.standard_domain.labels["trace-quadratic"][0] == "first"
    genindex = (app.outdir / "genindex.html").read_text(encoding="utf-8")
    assert "trace-quadratic (identity)" in genindex


def test_unknown_id_in_a_role_is_a_warning_so_an_error_under_W(tmp_path):
    _, warnings = build(tmp_path, third="# Third\n\nSee {identity}`no-such-identity`.\n")
    assert "unknown identity no-such-identity" in warnings


def test_unknown_id_in_the_directive_is_a_warning(tmp_path):
    _, warnings = build(tmp_path, third="# Third\n\n```{identity:identity} no-such-identity\n```\n")
    assert "unknown identity 'no-such-identity'" in warnings


def test_duplicate_description_warns_with_both_locations(tmp_path):
    _, warnings = build(tmp_path, third="# Third\n\n```{identity:identity} trace-quadratic\n```\n")
    line = next(w for w in warnings.splitlines() if "duplicate description of identity trace-quadratic" in w)
    assert "third.md" in line and "first.md" in line


def test_clear_doc_forgets_an_identity_whose_page_is_removed(tmp_path):
    build(tmp_path)
    (tmp_path / "src" / "first.md").write_text("# First\n\nNo identity any more.\n", encoding="utf-8")
    app, warnings = build(tmp_path)
    assert "trace-quadratic" not in app.env.domains["identity"].objects
    assert "unknown identity trace-quadratic" in warnings


def test_merge_domaindata_takes_the_other_process_objects():
    from handbook.domain import Entry, IdentityDomain

    class Env:
        domaindata: dict = {}

        def doc2path(self, docname):
            return docname + ".md"

    domain = IdentityDomain.__new__(IdentityDomain)
    domain.env = Env()
    domain.data = {"objects": {"a": Entry("one", "a", "A")}, "aliases": {}, "listings": {"one": {None: ("a",)}},
                   "references": {}}
    other = {"objects": {"b": Entry("two", "b", "B"), "c": Entry("three", "c", "C")},
             "aliases": {"bee": ("b", "two")},
             "listings": {"two": {"fam": ("b",)}, "three": {None: ("c",)}},
             "references": {"two": ("a",), "three": ("b",)}}
    domain.merge_domaindata({"two"}, other)
    assert set(domain.objects) == {"a", "b"} and domain.aliases == {"bee": ("b", "two")}
    assert domain.listings == {"one": {None: ("a",)}, "two": {"fam": ("b",)}}
    assert domain.references == {"two": ("a",)}


def test_editing_an_identity_module_rereads_the_page_that_shows_it(tmp_path):
    import identities
    app, _ = build(tmp_path)
    assert identities.get("trace-quadratic").path in {str(p) for p in app.env.dependencies["first"]}
