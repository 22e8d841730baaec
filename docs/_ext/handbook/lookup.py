"""The lookup index shipped with the handbook, for the search page's formula and word lookup.

Written after an HTML build as ``_static/lookup-index.json`` (for programs) and ``lookup-index.js``
(the same data as a script, which a page opened from disk can load where it cannot fetch a file).
Both come from :func:`identities.lookup.index.build`, the index ``python -m identities find`` reads.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from identities.lookup.index import build, dumps

__all__ = ["write_index", "setup"]


def write_index(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    text = dumps(build(docs=Path(app.srcdir)))
    (static / "lookup-index.json").write_text(text, encoding="utf-8")
    (static / "lookup-index.js").write_text(f"LookupIndex.set({text});\n", encoding="utf-8")


def setup(app: Sphinx) -> dict:
    app.connect("build-finished", write_index)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
