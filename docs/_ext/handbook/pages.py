"""The pages every identity and family gets, written as small MyST sources when the builder starts.

At ``builder-inited`` one source per identity (``id/<id>.md``) and per family (``family/<name>.md``)
is written into two folders of the docs that git ignores; Sphinx then discovers and reads them like
any other page, so the addresses stay ``id/<id>.html`` and ``family/<name>.html`` and the pages
enter search, the index and ``objects.inv``. Each source is a title and one directive that renders
from the registry. Family pages are in the toctree; identity pages are reached from their family's
page (they are marked ``orphan``), so that no page carries the whole catalog in its navigation.

A source is written only when its text changes: Sphinx compares a file's modification time with
the time it last read the page, so rewriting an unchanged source would make every page be read
again. Sources of identities and families that no longer exist are deleted; Sphinx then sees those
pages as removed, and :func:`remove_stale_outputs` deletes the HTML pages and copied sources it
would otherwise leave behind.
"""

from __future__ import annotations

import glob
import importlib
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

import identities
from identities import ids

logger = logging.getLogger(__name__)

#: The folders of generated sources, under the docs' source folder; nothing else is written there.
FOLDERS = ("id", "family")
SUFFIX = ".md"
HEADER = "<!-- Generated when the handbook is built, from {what}: edit that, not this file. -->\n"
#: Identity pages are reached from their family's page, not from the toctree (see catalog.FamilyDirective).
ORPHAN = "---\norphan: true\n---\n"


def identity_docname(identity_id: str) -> str:
    return f"id/{identity_id}"


def family_docname(family: str) -> str:
    return f"family/{family}"


def page_sources() -> dict[str, str]:
    """docname → MyST source of every generated page."""
    out = {}
    for ident in identities.all_identities():
        out[identity_docname(ident.id)] = (ORPHAN + HEADER.format(what=f"the module {ident.module}")
                                           + f"\n# {_escape(ident.title)}\n\n"
                                           f"```{{identity:identity}} {ident.id}\n```\n")
    for old, new in ids.moved().items():
        if identity_docname(old) not in out:
            out[identity_docname(old)] = moved_source(old, new)
    for family in identities.families():
        out[family_docname(family)] = (HEADER.format(what=f"the package identities.{family}")
                                       + f"\n# {_escape(family_heading(family))}\n\n"
                                       f"```{{identity-family}} {family}\n```\n")
    return out


def moved_source(old: str, new: str) -> str:
    """The page at a published id that now resolves to another identity (renamed or merged): the old
    address keeps working, sends the browser on to the identity's page, and says where it went."""
    target = f"{new}.html#{new}"
    return ("---\norphan: true\nmyst:\n  html_meta:\n"
            f'    "http-equiv=refresh": "0; url={target}"\n    "robots": "noindex"\n---\n'
            + HEADER.format(what=f"{ids.PUBLISHED.name} and {ids.CHANGELOG.name}")
            + f"\n# {_escape(old)}\n\n"
            f"The identity published as `{old}` is now {{identity}}`{new}`: its id `{old}` remains an alias "
            f"of it, and this address sends you on to its page.\n")


def moved_target(pagename: str) -> str | None:
    """The id a moved page's address now belongs to, or None for any other page."""
    folder, _, name = pagename.partition("/")
    return ids.moved().get(name) if folder == FOLDERS[0] else None


def canonical_of_moved_pages(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """``html-page-context``: the canonical link of a moved page is its identity's page."""
    new = moved_target(pagename)
    if new and context.get("pageurl"):
        context["pageurl"] = context["pageurl"].rsplit("/", 1)[0] + f"/{new}.html"


def family_heading(family: str) -> str:
    """"Trace identities", but "Hessians" and "Layers" (a plural family name stands alone)."""
    name = family.capitalize()
    return name if family.endswith("s") else f"{name} identities"


def family_package(family: str):
    """The family's package (``identities.<family>``), whose docstring introduces the family page."""
    return importlib.import_module(f"identities.{family}")


def family_intro(family: str) -> str:
    """The family package's docstring: the short introduction of its page (a plain line without one)."""
    doc = family_package(family).__doc__ or ""
    if doc.strip():
        return doc
    count = len(identities.families()[family])
    return f"The {family} family of the catalog: {count} identit{'y' if count == 1 else 'ies'}."


def _escape(text: str) -> str:
    return "".join("\\" + ch if ch in "\\`*_[]<>#$" else ch for ch in text)


def write_sources(app: Sphinx) -> None:
    """Write the generated sources that changed and delete those of pages that no longer exist."""
    if not app.config.identity_pages:
        return
    srcdir = Path(app.srcdir)
    wanted = {srcdir / f"{docname}{SUFFIX}": text for docname, text in page_sources().items()}
    for path, text in wanted.items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for folder in FOLDERS:
        for path in (srcdir / folder).glob(f"*{SUFFIX}"):
            if path not in wanted:
                path.unlink()


def remove_stale_outputs(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    """Delete the HTML page, copied source and doctree of every page that no longer exists.

    Sphinx forgets a removed page but leaves its files in the output folder, where they would stay
    reachable and searchable. Removed pages are those Sphinx reports; after a fresh environment
    (``-E``) it reports none, so the generated folders of the output are also compared with the
    pages that exist now.
    """
    builder = app.builder
    if not isinstance(builder, StandaloneHTMLBuilder):
        return []
    outdir = Path(builder.outdir)
    stale = set(removed)
    for folder in FOLDERS:
        for page in (outdir / folder).glob(f"*{builder.out_suffix}"):
            docname = f"{folder}/{page.name[:-len(builder.out_suffix)]}"
            if docname not in env.found_docs:
                stale.add(docname)
    for docname in sorted(stale):
        files = [Path(builder.get_outfilename(docname)), Path(env.doctreedir) / f"{docname}.doctree",
                 *(outdir / "_sources").glob(f"{glob.escape(docname)}.*")]
        for path in files:
            path.unlink(missing_ok=True)
        logger.info("removed the output of %s, which no longer exists", docname)
    return []
