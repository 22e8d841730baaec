"""The handbook on a web host: canonical links, a sitemap, social-card metadata and a 404 page, all from one address.

``html_baseurl`` is the only address the configuration holds (docs/conf.py sets it with :func:`base_url`:
the address Read the Docs serves the build at, or else pyproject.toml's). Once the configuration is read
this extension derives from it what the three extensions it sets up need:

- sphinx-sitemap writes ``sitemap.xml``, every page with its absolute address (``sitemap_excludes``: the
  pages no search engine should list). It lists only the pages a build writes, so after an incremental
  build (``make docs`` after an edit) the file would hold only the pages that changed: :class:`WholeSitemap`
  hands it the others too;
- sphinxext-opengraph gives every page ``og:title``, ``og:description``, ``og:type`` and an absolute
  ``og:url`` (``ogp_site_url``). A page's description is the start of its text, except on the front page,
  which is what a link to the site shows: there it is ``site_description``, one sentence saying what the
  site is;
- sphinx-notfound-page writes ``404.html`` with its stylesheets, scripts and navigation addressed from the
  site's path (``notfound_urls_prefix``, e.g. ``/en/stable/``): a host serves that one file for a missing
  address at any depth (``/en/stable/id/nope.html``), where relative links would point nowhere. The text of
  the page (``docs/404.md``) is addressed the same way here, since sphinx-notfound-page rewrites only its
  images.
"""

from __future__ import annotations

import contextlib
import html
import io
import os
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

import sphinx_sitemap
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.errors import ConfigError

from identities import citing, ids

#: Set by Read the Docs while it builds: the address it serves that build at, such as
#: ``https://<project>.readthedocs.io/en/stable/`` (or the project's own domain).
CANONICAL_URL_VARIABLE = "READTHEDOCS_CANONICAL_URL"
#: Pages that are not content: the search page, the general index and the 404 page.
NOT_CONTENT = ("search.html", "genindex.html", "404.html")


def base_url(configured: str, environ: Mapping[str, str] = os.environ) -> str:
    """The site's address, ending in "/": where Read the Docs serves this build when it is the one building
    it (so a deployment needs no edit), else the configured address."""
    url = environ.get(CANONICAL_URL_VARIABLE) or configured
    return url if not url or url.endswith("/") else url + "/"


def unlisted_pages(moved: Iterable[str]) -> list[str]:
    """The pages a sitemap leaves out: those that are not content, and the old addresses of renamed or merged
    identities (each forwards to its identity's page, which is listed)."""
    return [*NOT_CONTENT, *(citing.page_path(old) for old in sorted(moved))]


def derive_from_base_url(app: Sphinx, config) -> None:
    """``config-inited``: the other extensions' addresses from ``html_baseurl``, which must be absolute."""
    base = config.html_baseurl
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc or not base.endswith("/"):
        raise ConfigError(f"html_baseurl must be an absolute http(s) address ending in '/', not {base!r}: "
                          "set it as [project.urls] Documentation in pyproject.toml")
    config.ogp_site_url = base
    config.notfound_urls_prefix = parts.path
    config.sitemap_excludes = unlisted_pages(ids.moved())


class WholeSitemap:
    """Every page in ``sitemap.xml``, however few pages the build wrote: the pages it did not write this time are
    handed to sphinx-sitemap, through the handler it collects written pages with, before it writes the file.

    A page is being written when its doctree is resolved, which Sphinx does in the main process even when
    other processes write the pages (``-j``).
    """

    def __init__(self):
        self.written: set[str] = set()

    def start(self, app: Sphinx) -> None:
        self.written.clear()

    def note(self, app: Sphinx, doctree: nodes.document, docname: str) -> None:
        self.written.add(docname)

    def add_unwritten(self, app: Sphinx, exception: Exception | None) -> None:
        if exception is None and isinstance(app.builder, StandaloneHTMLBuilder):
            for docname in sorted(app.env.found_docs - self.written):
                sphinx_sitemap.add_html_link(app, docname, "page.html", {}, None)


def _relative(uri: str) -> bool:
    return bool(uri) and not urlsplit(uri).scheme and not uri.startswith(("#", "/"))


def absolute_links_on_404(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: the links in the 404 page's text start at the site's path, like its navigation."""
    if docname != app.config.notfound_pagename:
        return
    for ref in doctree.findall(nodes.reference):
        if _relative(ref.get("refuri", "")):
            ref["refuri"] = app.config.notfound_urls_prefix + ref["refuri"]


def content_root_on_404(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """``html-page-context``: scripts that address files from the page's ``data-content_root`` find them from
    the 404 page too, wherever it is served."""
    if pagename == app.config.notfound_pagename:
        context["content_root"] = app.config.notfound_urls_prefix


def describe_the_front_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """``html-page-context``, before sphinxext-opengraph: the front page's ``og:description`` and
    ``<meta name="description">`` are ``site_description`` (sphinxext-opengraph keeps a description it finds)."""
    description = app.config.site_description
    if pagename != app.config.root_doc or not description:
        return
    context["meta"] = {**(context.get("meta") or {}), "og:description": description}
    context["metatags"] += f'<meta name="description" content="{html.escape(description)}" />\n'


def setup(app: Sphinx) -> dict:
    app.add_config_value("site_description", "", "html", str)
    app.setup_extension("sphinx_sitemap")
    # sphinxext-opengraph prints a line when it is imported without matplotlib, which it would use to draw
    # social-card images; the handbook draws none (docs/conf.py turns them off), so the line says nothing.
    with contextlib.redirect_stdout(io.StringIO()):
        app.setup_extension("sphinxext.opengraph")
    app.setup_extension("notfound.extension")
    app.connect("config-inited", derive_from_base_url, priority=400)  # before notfound checks its prefix
    app.connect("doctree-resolved", absolute_links_on_404)
    app.connect("html-page-context", content_root_on_404)
    app.connect("html-page-context", describe_the_front_page, priority=400)
    sitemap = WholeSitemap()
    app.connect("builder-inited", sitemap.start)
    app.connect("doctree-resolved", sitemap.note)
    app.connect("build-finished", sitemap.add_unwritten, priority=400)  # before sphinx-sitemap writes the file
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
