"""The handbook's Sphinx extension: identities as a domain, pages generated from the registry.

Modules, one job each:

- ``domain``       the ``identity`` domain: directive, role, index, objects for search and ``objects.inv``
- ``render``       the sections of one identity's page
- ``pages``        the generated sources of ``id/<id>`` and ``family/<name>``, and the outputs of removed pages
- ``locations``    messages about an identity point at its module; a module that cannot load stops the build
- ``catalog``      family tables, the catalog overview, the common-mistakes page
- ``cookbook``     the Matrix Cookbook map: each equation (33)–(144) and the identities that state it
- ``conventions``  layout-convention tables from the catalog
- ``changelog``    the changelog and errata of the published ids
- ``data``         the catalog as JSON at the site's root (catalog.json), as ``python -m identities export`` writes it
- ``records``      the verification and mutation reports an identity's page shows
- ``katex_offline`` math typeset at build time, with local CSS and fonts
- ``lookup``       the formula and word lookup index the search page reads
- ``highlight``    Python highlighted without spans that change no colour (names, punctuation, spaces)
- ``latex``        the PDF: each family's identity pages in its chapter, tables and formulas that fit the page
"""

from __future__ import annotations

from sphinx.application import Sphinx

from . import catalog, changelog, conventions, cookbook, data, highlight, locations, pages
from .domain import IdentityDomain, IdentityRole, pages_linking_to_retitled_identities, remember_titles

#: Bump when the extension changes what it renders, so Sphinx re-reads every page.
ENV_VERSION = 7


def setup(app: Sphinx) -> dict:
    app.add_config_value("identity_pages", True, "env", bool)  # a page per identity and family
    app.add_domain(IdentityDomain)
    app.add_role("identity", IdentityRole())
    app.add_directive("identity-family", catalog.FamilyDirective)
    app.add_directive("identity-catalog", catalog.CatalogDirective)
    app.add_directive("identity-families", catalog.FamilyListDirective)
    app.add_directive("common-mistakes", catalog.MistakesDirective)
    app.add_directive("layout-table", conventions.LayoutTableDirective)
    app.add_directive("conventions-paragraph", conventions.ConventionsParagraphDirective)
    app.add_directive("identity-formula", catalog.FormulaDirective)
    app.add_directive("cookbook-map", cookbook.CookbookMapDirective)
    app.add_directive("identity-changelog", changelog.ChangelogDirective)
    app.connect("builder-inited", locations.check_catalog, priority=100)  # before anything reads the catalog
    app.connect("builder-inited", pages.write_sources)
    app.connect("env-get-outdated", pages.remove_stale_outputs)
    app.connect("env-get-outdated", catalog.outdated_listings)
    app.connect("env-get-outdated", remember_titles)
    app.connect("env-get-updated", pages_linking_to_retitled_identities)
    app.connect("html-page-context", pages.canonical_of_moved_pages)
    app.connect("build-finished", data.write_catalog)
    app.setup_extension("sphinx_design")   # the code of an identity in NumPy, JAX and PyTorch is a set of tabs
    app.add_lexer("python", highlight.LightPythonLexer)
    app.add_lexer("pycon", highlight.LightPythonConsoleLexer)
    app.setup_extension("handbook.katex_offline")
    app.setup_extension("handbook.lookup")
    app.setup_extension("handbook.latex")
    return {"version": "1", "env_version": ENV_VERSION, "parallel_read_safe": True, "parallel_write_safe": True}
