"""The Matrix Cookbook map page: equations (33)–(144) of the Cookbook's derivative chapter, each with
the identities that state it (links that must resolve), whether its number was confirmed, and why an
equation is left out.

The equations come from ``identities/cookbook_equations.toml``; which identities state one is read
from their ``cookbook(...)`` sources, so the page depends on the data file and on every module.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

import identities
from identities.engine import cookbook

from .blocks import bullets, emphasis, identity_ref, literal, para, section, strong, table
from .catalog import note_catalog, note_listing

HEADERS = ["eq.", "section", "what it says", "stated by", "confirmed", "left out because / note"]
WIDTHS = [3, 3, 8, 5, 4, 6]


def _joined(parts: list) -> list:
    out = []
    for k, part in enumerate(parts):
        out += [", "] if k else []
        out.append(part)
    return out


def _row(eq: cookbook.Equation, ids: tuple[str, ...], docname: str) -> list:
    stated = _joined([identity_ref(i, docname, show_id=True) for i in ids]) if ids else (
        "—" if eq.left_out is not None or not eq.real_derivative else [emphasis("not yet")])
    confirmed = ["✓ ", *_joined([literal(key) for key in eq.confirmed_by])] if eq.confirmed else [strong("unconfirmed")]
    why = []
    if eq.left_out is not None and not ids:
        why.append(eq.left_out)
    if eq.note:
        why += (["; "] if why else []) + [emphasis("note: "), eq.note]
    return [eq.label, eq.section, eq.statement, stated, confirmed, why or ""]


class CookbookMapDirective(SphinxDirective):
    """``{cookbook-map}``: the counts, the table of the chapter, the numbers cited outside it, each
    identity's numbers, and the sources the numbers were confirmed in."""

    def run(self):
        docname = self.env.docname
        idents = identities.all_identities()
        note_listing(self)
        note_catalog(self, idents)
        self.env.note_dependency(str(cookbook.DATA))
        eqs, stated = cookbook.equations(), cookbook.stated_by(idents)
        missing = cookbook.unmapped(idents)
        chapter = [eqs[n] for n in cookbook.CHAPTER]
        outside = [eq for n, eq in eqs.items() if n not in cookbook.CHAPTER]
        n_stated = sum(eq.number in stated for eq in chapter)
        n_left = sum(eq.left_out is not None and eq.number not in stated for eq in chapter)
        out = [para(f"Of the {len(chapter)} equations ({cookbook.CHAPTER[0]})–({cookbook.CHAPTER[-1]}), {n_stated} "
                    f"are stated by an identity of the catalog, {n_left} are left out for the reason given, and "
                    f"{len(missing)} real-valued derivatives are not yet stated by any identity"
                    + (": " + ", ".join(f"({n})" for n in missing) if missing else "") + ".")]
        out.append(section("cookbook-chapter-2", f"Equations ({cookbook.CHAPTER[0]})–({cookbook.CHAPTER[-1]})",
                           table(HEADERS, [_row(eq, stated.get(eq.number, ()), docname) for eq in chapter],
                                 classes=["cookbook-map"], widths=WIDTHS)))
        if outside:
            out.append(section("cookbook-outside", "Numbers cited outside the derivative chapter",
                               para("Identities whose formula is printed elsewhere in the Cookbook cite it by number "
                                    "too; those numbers are checked the same way."),
                               table(HEADERS, [_row(eq, stated.get(eq.number, ()), docname) for eq in outside],
                                     classes=["cookbook-map"], widths=WIDTHS)))
        by_identity = cookbook.by_identity(idents)
        out.append(section("cookbook-by-identity", "By identity",
                           table(["identity", "id", "Cookbook equations"],
                                 [[[identity_ref(i, docname)], [identity_ref(i, docname, show_id=True)],
                                   ", ".join(f"({n})" for n in numbers)] for i, numbers in by_identity.items()],
                                 classes=["catalog"], widths=[5, 3, 3])))
        out.append(section("cookbook-sources", "Where the numbers were confirmed",
                           para("A number is marked confirmed only where it was read beside its formula in one of "
                                "these sources, named by the keys of the table's column ", emphasis("confirmed"),
                                ". An identity may cite only a confirmed number (a test enforces it)."),
                           bullets([[literal(key), f" — {text}"] for key, text in cookbook.sources().items()])))
        return out
