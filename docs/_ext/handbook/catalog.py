"""Directives that tabulate the catalog: a family page, the overview of every identity, common mistakes.

A page that shows identities depends on their modules (``note_catalog``): editing one makes Sphinx
read the page again. A page that lists identities (a family's, or all of them) also depends on the
list itself (``note_listing``): adding, removing or renaming an identity makes Sphinx read it again,
through :func:`outdated_listings` at ``env-get-outdated``.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import identities
from identities.engine.forms import LAYOUTS, forms

from . import records
from .blocks import dmath, identity_ref, literal, para, table, section, doc_ref, toctree
from .latex import identity_pages
from .pages import family_docname, family_heading, family_intro, family_package, identity_docname
from .locations import module_location
from .render import conditions_sentence, prose

logger = logging.getLogger(__name__)


def note_catalog(directive: SphinxDirective, idents) -> None:
    """The directive's page shows these identities: it is read again when one of their modules changes."""
    for ident in idents:
        directive.env.note_dependency(ident.path)


def listing(family: str | None) -> tuple[str, ...]:
    """The ids of one family (or of the whole catalog, ``None``), in catalog order."""
    idents = identities.all_identities() if family is None else identities.families().get(family, ())
    return tuple(ident.id for ident in idents)


def note_listing(directive: SphinxDirective, family: str | None = None) -> None:
    """The directive's page lists the identities of a family (or of the catalog, ``None``): it is read
    again when that list changes."""
    domain = directive.env.domains["identity"]
    domain.note_listing(directive.env.docname, family, listing(family))


def outdated_listings(app, env, added, changed, removed) -> list[str]:
    """``env-get-outdated``: the pages whose list of identities is no longer the catalog's."""
    domain = env.domains["identity"]
    return sorted(docname for docname, lists in domain.listings.items()
                  if any(listing(family) != ids for family, ids in lists.items()))


#: Which claim heads an identity in the overview: the highest-order result (a Hessian over the
#: gradient stated on the way), a Jacobian over the differential it is read from.
HEADLINE = ("hessian", "jacobian", "vjp", "gradient", "differential", "equal")


def headline(ident):
    """The claim that states what the identity is about, by ``HEADLINE``; the first of its kind."""
    rank = {kind: k for k, kind in enumerate(HEADLINE)}
    return min(ident.claims, key=lambda claim: rank.get(claim.kind, len(HEADLINE)))


def statement(ident) -> nodes.Node:
    """The house form of the identity's headline claim, the identity in one line, as Unicode text:
    the pages that list many identities (the catalog overview, a family's page) stay light, since
    typeset math costs kilobytes a formula; the identity's own page typesets everything.  A rule
    states its claims on an example; its title ("Product rule: d(MN) = dM N + M dN") states the rule."""
    if ident.family == "rules" and ": " in ident.title:
        return para(ident.title.split(": ", 1)[1], classes=["formula-text"])
    return para(forms(ident, headline(ident))[0].unicode, classes=["formula-text"])


def overview_rows(idents, docname: str) -> list[list]:
    return [[[identity_ref(i.id, docname, show_id=True)], [identity_ref(i.id, docname)], statement(i),
             conditions_sentence(i) if i.conditions else "—"] for i in idents]


OVERVIEW_HEADERS = ["id", "identity", "statement", "conditions"]


class FamilyDirective(SphinxDirective):
    """``{identity-family} trace``: the family's introduction, a table of its identities, and the
    classic wrong answers of each that the checker rejects.

    The table is how a reader reaches an identity's page: identity pages are not in the toctree,
    so the navigation every page carries lists families and guides, not every identity (whose
    number would make each page's navigation, and the build, grow with the whole catalog). The
    wrong answers are here rather than on one page for the catalog, so that an edit to an identity
    makes Sphinx read again its family's mistakes, not the whole catalog's.
    """

    required_arguments = 1

    def run(self):
        family = self.arguments[0]
        idents = identities.families().get(family)
        if not idents:
            logger.warning("unknown identity family %r", family, location=self.get_location())
            return []
        note_catalog(self, idents)
        note_listing(self, family)
        package = family_package(family).__file__
        self.env.note_dependency(package)
        out = prose(family_intro(family), self.state.document, package)
        out.append(table(OVERVIEW_HEADERS, overview_rows(idents, self.env.docname), classes=["catalog"],
                         widths=[3, 3, 4, 4]))
        out.append(identity_pages(docnames=[identity_docname(ident.id) for ident in idents]))
        mistakes = [part for ident in idents for part in identity_mistakes(ident, self.env.docname)]
        if mistakes:
            out.append(section(f"mistakes-{family}", "Common mistakes", para(MISTAKES_INTRO), *mistakes))
        return out


MISTAKES_INTRO = ("The classic wrong answers of each identity that the checker rejects, and what it says about "
                  "each; the wrong formulas themselves are in the verification record on the identity's page.")


def _wrong_shape(reason: str | None) -> bool:
    return bool(reason) and (reason.startswith("ill-shaped") or "could not be evaluated at these shapes" in reason)


def identity_mistakes(ident, docname: str) -> list[nodes.Node]:
    """A heading (anchor ``mistakes-<id>``), a link to the identity, and per claim the right answer and a
    table of the rejected wrong answers with what the checker said."""
    report, error = records.mutation(ident.id)
    if error is not None:
        logger.warning("identity %s: mutation testing raised %s", ident.id, error, location=module_location(ident))
        return []
    blocks = []
    for claim in ident.claims:
        killed = [m for m in report.killed if m.claim.key == claim.key]
        shaped = [m for m in killed if not _wrong_shape(m.reason)]
        rows = [[m.description, records.plain_reason(m.reason)] for m in shaped]
        if len(shaped) < len(killed):   # one line for the mistakes that do not even have the right shape
            rows.append([f"{len(killed) - len(shaped)} more", "the wrong shape: rejected before any value is compared"])
        if rows:
            blocks.append(para("Right answer: ", forms(ident, claim)[0].unicode))
            blocks.append(table(["mistake", "what the checker says"], rows, classes=["mutants"], widths=[3, 7]))
    if not blocks:
        return []
    anchor = f"mistakes-{ident.id}"
    heading = nodes.rubric(ident.title, ident.title, ids=[anchor], names=[anchor])
    return [heading, para("Identity page: ", identity_ref(ident.id, docname), " (", literal(ident.id), ")."), *blocks]


class CatalogDirective(SphinxDirective):
    """``{identity-catalog}``: every identity, family by family, with its statement and conditions."""

    def run(self):
        docname = self.env.docname
        note_listing(self)
        out = []
        for family, idents in identities.families().items():
            note_catalog(self, idents)
            out.append(section(f"catalog-{family}", family_heading(family),
                               para("Family page: ", doc_ref(family_docname(family), family_heading(family),
                                                             docname), "."),
                               table(OVERVIEW_HEADERS, overview_rows(idents, docname),
                                     classes=["catalog"],
                                     widths=[3, 3, 4, 4])))
        return out


class FamilyListDirective(SphinxDirective):
    """``{identity-families}``: a list of the family pages, and the (hidden) toctree that puts them in
    the navigation."""

    option_spec = {"caption": lambda text: text}

    def run(self):
        docname = self.env.docname
        families = identities.families()
        note_listing(self)
        items = nodes.bullet_list()
        for family, idents in families.items():
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


class MistakesDirective(SphinxDirective):
    """``{common-mistakes}``: where each family's page lists the classic wrong answers the checker
    rejects. The page depends on the list of families and identities only, not on their contents."""

    def run(self):
        docname = self.env.docname
        note_listing(self)
        items = nodes.bullet_list()
        for family, idents in identities.families().items():
            li = nodes.list_item()
            li += para(doc_ref(family_docname(family), family_heading(family), docname),
                       f": the wrong answers of its {len(idents)} identit{'y' if len(idents) == 1 else 'ies'}, "
                       "in its section Common mistakes.")
            items += li
        return [items]


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
