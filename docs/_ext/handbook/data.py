"""The catalog as data on the site: ``catalog.json`` and its JSON Schema at the site's root.

Written when an HTML build ends, from the registry, by the same code as ``python -m identities
export --format json --base-url <html_baseurl>``, so the two are the same file. The addresses
``catalog.json`` and ``catalog.schema.json`` are permanent, like the identities' pages.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder

#: Where the site ships the export, relative to its root.
CATALOG_JSON = "catalog.json"
SCHEMA_JSON = "catalog.schema.json"


def write_catalog(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write the export and its schema into the output folder (HTML builds only)."""
    if exception is not None or not isinstance(app.builder, StandaloneHTMLBuilder) or not app.config.identity_pages:
        return
    from identities import export
    outdir = Path(app.builder.outdir)
    text = export.dumps(export.catalog(app.config.html_baseurl))
    path = outdir / CATALOG_JSON
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    shutil.copyfile(export.SCHEMA, outdir / SCHEMA_JSON)
