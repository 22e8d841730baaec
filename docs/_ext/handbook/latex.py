r"""The handbook as one LaTeX document (``make pdf``): what the PDF needs that the site does not.

The site reaches an identity's page from its family's table, never through a toctree, so that the
navigation every page carries does not grow with the catalog (identity pages are ``orphan``). The
LaTeX builder writes one document made of the pages that toctrees reach from the root, in their
order. So a family page leaves an :class:`identity_pages` node after its table: under the LaTeX
builder it becomes a hidden toctree of the family's identity pages (each page a section of the
family's chapter); under any other builder it is removed before the page is stored. The
handbook's tables keep the relative column widths they are built with, and break across pages.

Math in a table cell is set in braces: a matrix in a formula (``\begin{bmatrix} A & B \\ C & D``)
would otherwise have its ``&`` and ``\\`` read as the table's own, ending the cell or the row.
A displayed formula in a cell starts on the cell's first line, level with the text beside it,
and breaks across lines where it can rather than run past the cell; an inline one wider than its
column is shrunk to fit.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.latex import LaTeXTranslator

from .blocks import toctree


class identity_pages(nodes.General, nodes.Element):
    """Where a family's identity pages go in the PDF; ``docnames`` lists them, in catalog order."""


def include_identity_pages(doctree: nodes.document, docname: str, latex: bool) -> None:
    """Each :class:`identity_pages` node becomes a toctree (LaTeX) or nothing."""
    for node in list(doctree.findall(identity_pages)):
        if latex:
            node.replace_self(toctree(docname, node["docnames"]))
        else:
            node.parent.remove(node)


def fit_tables(doctree: nodes.document) -> None:
    """The handbook's tables keep their columns' relative widths, and break across pages. The LaTeX builder
    would otherwise size the columns to their content, which leaves a displayed formula the whole width
    and its label a column of broken words, and set a table of up to 30 rows, a family's for one, in a
    box that cannot break, which runs off the page once the rows wrap."""
    for table in doctree.findall(nodes.table):
        if "handbook-table" in table["classes"]:
            table["classes"] += [name for name in ("colwidths-given", "longtable") if name not in table["classes"]]


def prepare_page(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: a page read for the LaTeX builder is made ready for the PDF."""
    latex = app.builder.format == "latex"
    include_identity_pages(doctree, app.env.docname, latex)
    if latex:
        fit_tables(doctree)


def visit_math(self: LaTeXTranslator, node: nodes.math) -> None:
    """Inline math; in a table cell, in braces and shrunk to the column's width if it is wider (a formula
    does not break inside its parentheses, and would run over the next column)."""
    if self.table is None:
        return LaTeXTranslator.visit_math(self, node)
    self.body.append(r"{\sbox0{")
    try:
        LaTeXTranslator.visit_math(self, node)  # ends by raising SkipNode
    finally:
        self.body.append(r"}\ifdim\wd0>\linewidth\resizebox{\linewidth}{!}{\usebox0}\else\usebox0\fi}")


def visit_math_block(self: LaTeXTranslator, node: nodes.math_block) -> None:
    """Displayed math; in a table cell, in braces and in display style on the cell's first line (an
    equation environment there would put its display skip above the formula, below the other cells' text).
    A formula of one line is set inline and ragged right, so that it can break after a relation or an
    operation rather than run past the cell; one of several lines, or with alignment marks, is set as an
    ``aligned`` block.
    A numbered equation keeps its environment, which its number needs."""
    if self.table is None or node.get("label"):
        return LaTeXTranslator.visit_math_block(self, node)
    lines = [part.strip() for part in node.astext().split("\n\n") if part.strip()]
    if len(lines) == 1 and "&" not in lines[0] and r"\\" not in lines[0]:
        self.body.append(rf"{{\raggedright\(\displaystyle {lines[0]}\)\par}}")
    else:
        block = r" \\ ".join(lines)
        self.body.append(rf"{{\(\displaystyle\begin{{aligned}}[t]{block}\end{{aligned}}\)}}")
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict:
    # before the toctree collector (priority 500) reads the page's toctrees
    app.connect("doctree-read", prepare_page, priority=400)
    app.add_node(nodes.math, override=True, latex=(visit_math, None))
    app.add_node(nodes.math_block, override=True, latex=(visit_math_block, None))
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
