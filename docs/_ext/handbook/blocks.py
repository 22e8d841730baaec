"""Small builders of docutils nodes, so the renderers read as page outlines rather than node plumbing."""

from __future__ import annotations

import html
from typing import Iterable, Union

from docutils import nodes
from sphinx import addnodes

Cell = Union[str, nodes.Node, list]


def text_or_nodes(part: Cell) -> list[nodes.Node]:
    if isinstance(part, str):
        return [nodes.Text(part)]
    if isinstance(part, list):
        return [n for p in part for n in text_or_nodes(p)]
    return [part]


def para(*parts: Cell, classes: Iterable[str] = ()) -> nodes.paragraph:
    """A paragraph of strings and inline nodes."""
    node = nodes.paragraph(classes=list(classes))
    for part in parts:
        node += text_or_nodes(part)
    return node


def imath(latex: str) -> nodes.math:
    return nodes.math(latex, latex)


def dmath(latex: str, docname: str) -> nodes.math_block:
    """Displayed math, never numbered: cite ids and anchors, not equation numbers."""
    return nodes.math_block(latex, latex, docname=docname, number=None, label=None, nowrap=False)


def literal(text: str) -> nodes.literal:
    return nodes.literal(text, text)


def emphasis(text: str) -> nodes.emphasis:
    return nodes.emphasis(text, text)


def strong(text: str) -> nodes.strong:
    return nodes.strong(text, text)


def code(source: str, language: str = "python") -> nodes.literal_block:
    node = nodes.literal_block(source, source, language=language)
    node["highlight_args"] = {}
    return node


def tabs(items: Iterable[tuple[str, str, list[nodes.Node]]], group: str) -> nodes.container:
    """Tabs, one per (label, key, children), the first one shown (sphinx-design's tab set, as its
    ``tab-set-code`` directive builds it).  Tabs of one *group* follow each other across pages: a
    reader who picks the tab with a key sees it picked on the next page too."""
    from sphinx_design.shared import create_component

    items_ = []
    for label, key, children in items:
        title = nodes.rubric(label, label, classes=["sd-tab-label"], sync_group=group, sync_id=key)
        content = create_component("tab-content", classes=["sd-tab-content"], children=children)
        items_.append(create_component("tab-item", classes=["sd-tab-item"], children=[title, content]))
    return create_component("tab-set", classes=["sd-tab-set"], children=items_)


def bullets(items: Iterable[Cell]) -> nodes.bullet_list:
    out = nodes.bullet_list()
    for item in items:
        li = nodes.list_item()
        li += item if isinstance(item, nodes.Body) else para(item)
        out += li
    return out


def section(anchor: str, title: Cell, *children: nodes.Node) -> nodes.section:
    node = nodes.section(ids=[anchor], names=[anchor])
    heading = nodes.title()
    heading += text_or_nodes(title)
    node += heading
    for child in children:
        if child is not None:
            node += child
    return node


def xref(domain: str, reftype: str, target: str, content: Cell, refdoc: str, explicit: bool = True,
         warn: bool = True) -> addnodes.pending_xref:
    """A cross-reference resolved after reading (an identity, a document, a label)."""
    node = addnodes.pending_xref("", refdomain=domain, reftype=reftype, reftarget=target, refexplicit=explicit,
                                 refwarn=warn, refdoc=refdoc)
    node += text_or_nodes(content) if not isinstance(content, str) else nodes.inline(content, content)
    return node


def identity_ref(identity_id: str, refdoc: str, show_id: bool = False) -> addnodes.pending_xref:
    """A link to an identity, showing its title (or its id in code type)."""
    content = literal(identity_id) if show_id else nodes.inline(identity_id, identity_id)
    return xref("identity", "identity", identity_id, content, refdoc, explicit=show_id)


def doc_ref(docname: str, title: str, refdoc: str) -> addnodes.pending_xref:
    return xref("std", "doc", "/" + docname, title, refdoc)


def table(headers: list[str], rows: list[list[Cell]], classes: Iterable[str] = (),
          widths: list[int] | None = None) -> nodes.table:
    """A table with a header row; a cell is a string, a node, or a list of them.

    *widths* are the columns' relative widths, which the PDF keeps (handbook.latex); the site sizes
    its columns to their content."""
    ncols = len(headers)
    tbl = nodes.table(classes=["handbook-table", *classes])
    group = nodes.tgroup(cols=ncols)
    tbl += group
    for w in widths or [1] * ncols:
        group += nodes.colspec(colwidth=w)
    head = nodes.thead()
    head += _row(headers)
    group += head
    body = nodes.tbody()
    for r in rows:
        body += _row(r)
    group += body
    return tbl


def _row(cells: list[Cell]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += cell if isinstance(cell, nodes.Body) else para(cell)
        row += entry
    return row


def admonition(kind: str, *children: nodes.Node) -> nodes.Element:
    cls = {"warning": nodes.warning, "note": nodes.note, "tip": nodes.tip}[kind]
    node = cls()
    for child in children:
        node += child
    return node


def details(summary: str, *children: nodes.Node) -> list[nodes.Node]:
    """*children* folded under a one-line *summary* the reader can open (HTML ``<details>``; other
    builders, the PDF's among them, show the summary as a paragraph of its own, then the children)."""
    unfolded = addnodes.only(expr="not html")
    unfolded += para(strong(summary))
    return [nodes.raw("", f'<details class="folded"><summary>{html.escape(summary)}</summary>', format="html"),
            unfolded, *children, nodes.raw("", "</details>", format="html")]


def toctree(parent: str, docnames: list[str], caption: str | None = None) -> nodes.Node:
    """A hidden toctree node, as the ``toctree`` directive would make it."""
    tree = addnodes.toctree(parent=parent, entries=[(None, d) for d in docnames], includefiles=list(docnames),
                            maxdepth=-1, caption=caption, glob=False, hidden=True, includehidden=False,
                            numbered=0, titlesonly=True)
    wrapper = nodes.compound(classes=["toctree-wrapper"])
    wrapper += tree
    return wrapper
