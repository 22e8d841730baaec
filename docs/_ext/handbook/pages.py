"""Pages that exist for every identity and family without a source file on disk.

Sphinx reads documents it discovers in the source tree. After discovery we add one docname per
identity (``id/<id>``) and per family (``family/<name>``), each pointing at a small committed stub
(``_templates/virtual.md``, excluded from normal discovery); the ``source-read`` event then
replaces the stub's text with the page's source: a title and one directive that renders from the
registry. So URLs are stable (``id/log-det.html``), pages enter the toctree, search and index like any
other, and nothing generated is written into the source tree.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.project import Project

import identities

STUB = Path("_templates") / "virtual.md"


def identity_docname(identity_id: str) -> str:
    return f"id/{identity_id}"


def family_docname(family: str) -> str:
    return f"family/{family}"


def virtual_sources() -> dict[str, str]:
    """docname → MyST source of every generated page."""
    out = {}
    for ident in identities.all_identities():
        out[identity_docname(ident.id)] = (f"# {_escape(ident.title)}\n\n"
                                           f"```{{identity:identity}} {ident.id}\n```\n")
    for family in identities.families():
        out[family_docname(family)] = (f"# {_escape(family_heading(family))}\n\n"
                                       f"```{{identity-family}} {family}\n```\n")
    return out


def family_heading(family: str) -> str:
    """"Trace identities", but "Hessians" and "Layers" (a plural family name stands alone)."""
    name = family.capitalize()
    return name if family.endswith("s") else f"{name} identities"


def family_intro(family: str) -> str:
    """The family package's docstring: the short introduction of its page (a plain line without one)."""
    doc = importlib.import_module(f"identities.{family}").__doc__ or ""
    if doc.strip():
        return doc
    count = len(identities.families()[family])
    return f"The {family} family of the catalog: {count} identit{'y' if count == 1 else 'ies'}."


def _escape(text: str) -> str:
    return "".join("\\" + ch if ch in "\\`*_[]<>#$" else ch for ch in text)


class HandbookProject(Project):
    """Sphinx's project, whose discovery also finds the generated pages (picklable with the environment)."""

    def discover(self, *args, **kwargs) -> set[str]:
        docnames = super().discover(*args, **kwargs)
        for docname in virtual_sources():
            self.docnames.add(docname)
            self._docname_to_path[docname] = STUB
        return docnames


def add_virtual_docs(app: Sphinx) -> None:
    """Make the project's discovery also find the generated pages (unless ``identity_pages = False``)."""
    if not app.config.identity_pages:
        return
    stub = Path(app.srcdir) / STUB
    if not stub.is_file():
        raise FileNotFoundError(f"the stub page {stub} is missing; it is committed with the docs")
    for project in {id(p): p for p in (app.project, app.env.project)}.values():
        project.__class__ = HandbookProject


def fill_virtual_doc(app: Sphinx, docname: str, source: list[str]) -> None:
    if not app.config.identity_pages:
        return
    text = virtual_sources().get(docname)
    if text is not None:
        source[0] = text
