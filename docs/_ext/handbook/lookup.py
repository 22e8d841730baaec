"""The search page's formula and word lookup: its scripts, and the index they read.

The scripts (``docs/_static/lookup/``, one per module of ``identities/lookup/``, and
``lookup-page.js``, which puts the lookup in front of Sphinx's search) are added to the search page,
in the order of :data:`SCRIPTS` (each uses what the ones before it define).  The index is written after
an HTML build as ``_static/lookup-index.json`` (for programs) and ``lookup-index.js`` (the same data as
a script, which a page opened from disk can load where it cannot fetch a file).  Both come from
:func:`identities.lookup.index.build`, the index ``python -m identities find`` reads.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from identities.lookup.index import build, dumps

__all__ = ["SCRIPTS", "add_scripts", "write_index", "setup"]

#: The lookup's scripts under ``_static/``, in load order (tests/test_lookup.py loads them in Node.js).
SCRIPTS = ("lookup/tokens.js", "lookup/parser.js", "lookup/evaluator.js", "lookup/fingerprint.js", "lookup/match.js",
           "lookup/words.js", "lookup/find.js", "lookup-page.js")


def write_index(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    text = dumps(build(docs=Path(app.srcdir)))
    (static / "lookup-index.json").write_text(text, encoding="utf-8")
    (static / "lookup-index.js").write_text(f"LookupIndex.set({text});\n", encoding="utf-8")


def add_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The lookup's scripts on the search page only (the other pages never search)."""
    if pagename == "search":
        for script in SCRIPTS:
            app.add_js_file(script)


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", add_scripts)
    app.connect("build-finished", write_index)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
