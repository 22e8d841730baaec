"""Directives that tabulate the catalog: a family page, the overview of every identity, common mistakes.

Each one depends on the identity modules it shows (``note_dependency``), and on each family folder
so that a new identity module makes the page be read again.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import identities
from identities.engine.forms import LAYOUTS, forms
from identities.engine.printing import latex

from . import records
from .blocks import dmath, identity_ref, imath, literal, para, table, section, doc_ref
from .pages import family_intro, family_docname, family_heading
from .render import conditions_sentence, prose

logger = logging.getLogger(__name__)


def note_catalog(directive: SphinxDirective, idents) -> None:
    for ident in idents:
        directive.env.note_dependency(ident.path)
        directive.env.note_dependency(str(Path(ident.path).parent))


def statement_math(ident) -> nodes.Node:
    """The house form of the first claim: the identity in one line."""
    return imath(forms(ident, ident.claims[0])[0].latex)


def overview_rows(idents, docname: str) -> list[list]:
    return [[[identity_ref(i.id, docname, show_id=True)], [identity_ref(i.id, docname)], statement_math(i),
             conditions_sentence(i) if i.conditions else "—"] for i in idents]


OVERVIEW_HEADERS = ["id", "identity", "statement", "conditions"]


class FamilyDirective(SphinxDirective):
    """``{identity-family} trace``: the family's introduction and a table of its identities."""

    required_arguments = 1

    def run(self):
        family = self.arguments[0]
        idents = identities.families().get(family)
        if not idents:
            logger.warning("unknown identity family %r", family, location=self.get_location())
            return []
        note_catalog(self, idents)
        out = prose(family_intro(family), self.state.document)
        out.append(table(OVERVIEW_HEADERS, overview_rows(idents, self.env.docname), classes=["catalog"],
                         widths=[2, 3, 5, 3]))
        out.append(toctree(self.env.docname, [f"id/{i.id}" for i in idents]))
        return out


class CatalogDirective(SphinxDirective):
    """``{identity-catalog}``: every identity, family by family, with its statement and conditions."""

    def run(self):
        docname = self.env.docname
        out = []
        for family, idents in identities.families().items():
            note_catalog(self, idents)
            out.append(section(f"catalog-{family}", family_heading(family),
                               para("Family page: ", doc_ref(family_docname(family), family_heading(family),
                                                             docname), "."),
                               table(OVERVIEW_HEADERS, overview_rows(idents, docname), classes=["catalog"],
                                     widths=[2, 3, 5, 3])))
        return out


class FamilyListDirective(SphinxDirective):
    """``{identity-families}``: a list of the family pages, and the (hidden) toctree that puts them in
    the navigation; each family page holds the toctree of its own identities."""

    option_spec = {"caption": lambda text: text}

    def run(self):
        docname = self.env.docname
        families = identities.families()
        items = nodes.bullet_list()
        for family, idents in families.items():
            note_catalog(self, idents)
            li = nodes.list_item()
            li += para(doc_ref(family_docname(family), family_heading(family), docname),
                       f" — {len(idents)} identit{'y' if len(idents) == 1 else 'ies'}: ",
                       *_joined([identity_ref(i.id, docname, show_id=True) for i in idents]))
            items += li
        tree = toctree(docname, [family_docname(f) for f in families], self.options.get("caption"))
        return [tree, items]


def _joined(refs):
    out = []
    for k, ref in enumerate(refs):
        out += [", "] if k else []
        out.append(ref)
    return out


def toctree(parent: str, docnames: list[str], caption: str | None = None) -> nodes.Node:
    """A hidden toctree node, as the ``toctree`` directive would make it."""
    from sphinx import addnodes
    tree = addnodes.toctree(parent=parent, entries=[(None, d) for d in docnames], includefiles=list(docnames),
                            maxdepth=-1, caption=caption, glob=False, hidden=True, includehidden=False,
                            numbered=0, titlesonly=True)
    wrapper = nodes.compound(classes=["toctree-wrapper"])
    wrapper += tree
    return wrapper


class MistakesDirective(SphinxDirective):
    """``{common-mistakes}``: the classic wrong answers of the catalog and what the checker says."""

    def run(self):
        docname = self.env.docname
        out = []
        for ident in identities.all_identities():
            note_catalog(self, [ident])
            report, error = records.mutation(ident.id)
            if error is not None:
                logger.warning("identity %s: mutation testing raised %s", ident.id, error,
                               location=self.get_location())
                continue
            blocks = []
            for claim in ident.claims:
                rows = [[m.description, imath(latex(m.expr)), records.plain_reason(m.reason)]
                        for m in report.killed if m.claim == claim]
                if rows:
                    blocks.append(para("Right answer: ", imath(forms(ident, claim)[0].latex)))
                    blocks.append(table(["mistake", "wrong formula", "what the checker says"], rows,
                                        classes=["mutants"], widths=[3, 4, 6]))
            if not blocks:
                continue
            head = para("Identity page: ", identity_ref(ident.id, docname), " (", literal(ident.id), ").")
            out.append(section(f"mistakes-{ident.id}", ident.title, head, *blocks))
        return out



class FormulaDirective(SphinxDirective):
    """``{identity-formula} vec-kronecker``: formulas of one identity, printed from the catalog, so
    that a guide page never types a catalog formula by hand.

    ``:kind:`` keeps the claims of one kind (gradient, differential, jacobian, hessian, vjp, equal);
    ``:layout:`` keeps the forms written in one layout: ``house`` (the default, the stored form),
    ``numerator``, ``denominator``, ``column-vec`` or ``row-vec``; ``:convention:`` keeps the claims of
    one convention for a structured variable (``sym`` or ``free``).
    """

    required_arguments = 1
    option_spec = {"kind": directives.unchanged, "layout": lambda text: directives.choice(text, LAYOUTS),
                   "convention": lambda text: directives.choice(text, ("sym", "free"))}

    def run(self):
        try:
            ident = identities.get(self.arguments[0])
        except KeyError as exc:
            logger.warning("identity-formula: %s", exc, location=self.get_location())
            return []
        note_catalog(self, [ident])
        kind, layout = self.options.get("kind"), self.options.get("layout", "house")
        convention = self.options.get("convention")
        chosen = [form for claim in ident.claims if kind in (None, claim.kind) and convention in (None, claim.convention)
                  for form in forms(ident, claim) if form.layout == layout]
        if not chosen:
            found = sorted({f"{c.kind} in layout {f.layout}" for c in ident.claims for f in forms(ident, c)})
            logger.warning("identity-formula: no form of %r matches kind=%r layout=%r convention=%r; it has: %s",
                           ident.id, kind, layout, convention, "; ".join(found), location=self.get_location())
            return []
        out = [dmath(form.latex, self.env.docname) for form in chosen]
        out.append(para("From ", identity_ref(ident.id, self.env.docname), " (", identity_ref(
            ident.id, self.env.docname, show_id=True), "), where it is verified."))
        return out
