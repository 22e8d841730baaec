"""One identity as a page: every section printed from the registry record, nothing typed twice."""

from __future__ import annotations

import inspect
import re

import sympy as sp
from docutils import nodes
from docutils.parsers.rst import Parser
from docutils.utils import new_document
from sphinx.util import logging

import identities
from identities import citing
from identities.engine.conditions import CONDITIONS
from identities.engine.forms import (code_listing, cotangent_pairing, definitions, forms, output_symbol, transpose,
                                     where)
from identities.engine.printing import BACKENDS, CodeUnavailable
from identities.engine.nodes import Differential, Vec
from identities.engine.printing import latex
from identities.engine.sources import citation

from . import records
from .pages import family_docname, family_heading
from .blocks import (bullets, code, details, dmath, doc_ref, emphasis, identity_ref, imath, literal, para, section, strong,
                     table, tabs, admonition)

logger = logging.getLogger(__name__)

KIND_WORDS = {"gradient": "gradient", "differential": "differential (JVP)", "jacobian": "Jacobian",
              "hessian": "Hessian", "vjp": "vector-Jacobian product (VJP)", "equal": "equality"}
#: Said under the statement of an identity whose claims are equalities.
EQUALITY_NOTE = ("This is an equality between two expressions, not a derivative: it is checked by evaluating both "
                 "sides at random inputs and comparing them within the rounding error they can make there.")
VEC_WORDS = {"F": "column stacking", "C": "row stacking"}
ROLE_WORDS = {"variable": "variable", "constant": "constant", "upstream": "upstream gradient"}


def shape_latex(shape) -> str:
    if shape == ():
        return r"\text{scalar}"
    rows, cols = shape
    return rf"{latex(rows)} \times {latex(cols)}"


def expr_shape(expr) -> tuple:
    return expr.shape if getattr(expr, "is_Matrix", False) else (1, 1)


def wrapped_latex(expr) -> str:
    """LaTeX of a factor that will stand next to another: sums and Kronecker products in parentheses."""
    text = latex(expr)
    if isinstance(expr, (sp.MatAdd, sp.Add, sp.KroneckerProduct)):
        return rf"\left({text}\right)"
    if isinstance(expr, sp.MatMul) and any(isinstance(a, sp.KroneckerProduct) for a in expr.args):
        return rf"\left({text}\right)"
    return text


def condition_words(name: str, condition: str) -> str:
    c = CONDITIONS[condition]
    return f"{name} {c.words} ({c.symbol.format(name)})"


def kind_words(v) -> list[str]:
    """What kind of symbol *v* is beyond its shape: complex entries, a structure."""
    return (["complex"] if v.is_complex else []) + ([f"{v.structure} structure"] if v.structure else [])


def conditions_sentence(ident) -> str:
    stated = [f"{v.name} {', '.join(kind_words(v))}" for v in ident.symbols if kind_words(v)]
    stated += [condition_words(n, c) for n, c in ident.conditions]
    if not stated:
        return "none: it holds for every input of the stated shapes"
    return "; ".join(stated)


def identity_page(ident, env, location: str, document) -> list[nodes.Node]:
    """The sections of an identity's page, in reading order; ``location`` is where messages about it point."""
    docname = env.docname
    sid = lambda name: f"{ident.id}-{name}"  # noqa: E731 - stable section anchors
    parts = [
        *lead_and_rest(prose(ident.doc, document, ident.path), about_line(ident, env)),
        section(sid("statement"), "Statement", *statement(ident, docname)),
        section(sid("shapes"), "Symbols and shapes", shapes_table(ident)),
        section(sid("conditions"), "Conditions", conditions_block(ident)),
        section(sid("layouts"), "The result in every layout", *layouts(ident, docname)),
        _optional(sid("modes"), "Forward and reverse mode", modes(ident, docname)),
        _optional(sid("derivation"), "Derivation, checked step by step", derivation(ident, docname)),
        section(sid("code"), "Code: NumPy, JAX, PyTorch", *code_section(ident)),
        _optional(sid("related"), "Related identities", related(ident, env)),
        _optional(sid("sources"), "Sources", [bullets([citation(s) for s in ident.sources])] if ident.sources else []),
        section(sid("cite"), "Cite this", *cite(ident, env)),
        section(sid("verification"), "Verification record", *verification(ident, location)),
    ]
    return [p for p in parts if p is not None]


#: Said above the code of every identity.
CODE_NOTE = ("The functions below are printed from the same expressions as the formulas above. The NumPy code is "
             "the exact code the checker runs; the JAX and PyTorch code are printed by the same rules and compute "
             "the same values: ")


def code_section(ident) -> list[nodes.Node]:
    """The code of the identity in NumPy, JAX and PyTorch, one tab each; where a library has no
    faithful equivalent of one of its constructs, its tab says so instead of showing code."""
    items = []
    for backend in BACKENDS.values():
        try:
            children = [code(code_listing(ident, backend))]
        except CodeUnavailable as exc:
            children = [para(exc.notice, classes=["code-unavailable"])]
        items.append((backend.label, backend.name, children))
    return [para(CODE_NOTE, literal("make interop"), " runs them against the NumPy code for every identity."),
            tabs(items, group="code")]


def _optional(anchor: str, title: str, children: list[nodes.Node]):
    return section(anchor, title, *children) if children else None


# -- prose ---------------------------------------------------------------------------------------------

ABSOLUTE_VALUE = re.compile(r"(?<![|`\\])\|(?=\S)([^|`\n]+?)(?<=\S)\|(?![|_])")


def escape_absolute_values(text: str) -> str:
    """Docstrings write |det X| for an absolute value; reST would read it as a substitution reference."""
    return ABSOLUTE_VALUE.sub(r"\\|\1\\|", text)


def prose(doc: str, document, source: str) -> list[nodes.Node]:
    """A module docstring, parsed as reStructuredText (its doctest becomes a doctest block).

    ``source`` is the module's file: messages about the text (a reference that does not resolve)
    name it, with the line in the docstring, which starts on the module's first line.
    """
    text = escape_absolute_values(inspect.cleandoc(doc))
    if not text:
        return []
    sub = new_document(source, document.settings)
    Parser().parse(text, sub)
    children = list(sub.children)
    if children and isinstance(children[0], nodes.paragraph):
        children[0]["classes"].append("lead")
    return children


def lead_and_rest(parts: list[nodes.Node], line) -> list[nodes.Node]:
    """The line about the identity right after the lead paragraph."""
    return [*parts[:1], line, *parts[1:]]


def about_line(ident, env) -> nodes.paragraph:
    """Its family (the page that lists it: the navigation has an entry per family, not per identity),
    its aliases and its id."""
    parts: list = []
    if env.config.identity_pages:
        parts += [strong("Family: "), doc_ref(family_docname(ident.family), family_heading(ident.family),
                                              env.docname), ". "]
    if ident.aliases:
        parts.append(strong("Also known as: "))
        for k, alias in enumerate(ident.aliases):
            parts += [", " if k else "", emphasis(alias)]
        parts.append(". ")
    parts += [strong("Id: "), literal(ident.id), "."]
    return para(*parts, classes=["identity-about"])


# -- statement, shapes, conditions ---------------------------------------------------------------------

def statement(ident, docname: str) -> list[nodes.Node]:
    out = [dmath(text, docname) for text, _ in definitions(ident)]
    out += [dmath(form.latex, docname) for c in ident.claims for form in forms(ident, c)[:1]]
    parts = where(ident)
    if parts:
        out.append(para(strong("where")))
        out += [dmath(text, docname) for text, _ in parts]
    out.append(para(strong("Conditions: "), conditions_sentence(ident), "."))
    if ident.is_algebraic:
        out.append(para(EQUALITY_NOTE))
    return out


def shapes_table(ident) -> nodes.table:
    rows = []
    for v in ident.symbols:
        rows.append([imath(latex(v.symbol)), imath(shape_latex(v.shape)), ROLE_WORDS[v.role], v.description,
                     ", ".join(kind_words(v) + [CONDITIONS[c].words for c in v.conditions]) or "—"])
    for name, expr in ident.outputs:
        meaning = ("an output of the function" if ident.several_outputs else
                   "the function" + (" (a scalar)" if ident.is_scalar else ""))
        rows.append([imath(latex(output_symbol(ident, name))), imath(shape_latex(expr_shape(expr))), "output",
                     meaning, "—"])
    return table(["symbol", "shape", "role", "meaning", "conditions"], rows, classes=["shapes"],
                 widths=[2, 3, 3, 6, 5])


def conditions_block(ident) -> nodes.Node:
    if not ident.conditions and not any(kind_words(v) for v in ident.symbols):
        return para("None: the identity holds for every input of the stated shapes. The checker draws dense, "
                    "non-symmetric matrices of several sizes, so a transposed formula cannot pass by luck.")
    items = [[imath(latex(v.symbol)), f" has {' and a '.join(kind_words(v))}: it is drawn"
              f"{' and perturbed' if v.role == 'variable' else ''} as such."] for v in ident.symbols if kind_words(v)]
    items += [[imath(latex(ident.var(n).symbol)), f" is {CONDITIONS[c].words} ({CONDITIONS[c].symbol.format(n)})."]
              for n, c in ident.conditions]
    return bullets(items)


# -- layouts and modes ---------------------------------------------------------------------------------

def layouts(ident, docname: str) -> list[nodes.Node]:
    """Every generated form of every claim, the house form first; each one is verified on its own."""
    out = []
    for claim in ident.claims:
        rows = []
        for form in forms(ident, claim):
            label = [strong("house: "), form.label] if form.house else form.label
            extra = []
            if claim.kind in ("jacobian", "hessian"):
                extra = [" — NumPy: ", literal(f'X.reshape(-1, order="{form.vec}")')]
            rows.append([[label, *extra], dmath(form.latex, docname), imath(shape_latex(expr_shape(form.expr)))])
        if claim.wrt is None:
            out.append(para(strong(_cap(KIND_WORDS[claim.kind]))))
        else:
            out.append(para(strong(f"{_cap(KIND_WORDS[claim.kind])} with respect to "), imath(latex(claim.wrt))))
        out.append(table(["layout", "formula", "shape"], rows, classes=["layouts"], widths=[3, 6, 1]))
    return out


def modes(ident, docname: str) -> list[nodes.Node]:
    """The same linear map used forward (JVP) and backward (VJP), printed from the stored claims."""
    rows = []
    for claim in ident.claims:
        if claim.wrt is None or not hasattr(claim.wrt, "shape"):   # an equality; a scalar's derivative
            continue
        dX = Differential(claim.wrt)
        if claim.kind == "gradient" and claim.convention != "free":
            rows.append(["forward (JVP)", dmath(rf"\mathrm{{d}}{latex(output_symbol(ident))} = {latex(sp.Trace(sp.MatMul(transpose(claim.expr), dX, evaluate=False)))}",
                                                docname)])
        elif claim.kind == "differential":
            rows.append(["forward (JVP)", dmath(forms(ident, claim)[0].latex, docname)])
        elif claim.kind == "vjp":
            rows.append(["reverse (VJP)", dmath(forms(ident, claim)[0].latex, docname)])
        elif claim.kind == "jacobian":
            dF = Differential(output_symbol(ident))
            rows.append(["forward (JVP)", dmath(rf"{latex(Vec(dF, claim.vec))} = "
                                                rf"{wrapped_latex(claim.expr)}\, {latex(Vec(dX, claim.vec))}", docname)])
    if not rows:
        return []
    note = para("A JVP pushes a perturbation forward; a VJP pulls an upstream gradient back. "
                "Both apply the one linear map stored above.")
    return [note, table(["mode", "formula"], rows, classes=["modes"], widths=[1, 5])]


# -- derivation ----------------------------------------------------------------------------------------

def derivation(ident, docname: str) -> list[nodes.Node]:
    der = ident.derivation
    if der is None:
        return []
    out = latex(output_symbol(ident))
    if der.order == 2:
        lhs = rf"\mathrm{{d}}^{{2}}{out}"
    elif ident.derivation_mode == "reverse":
        lhs = rf"\mathrm{{d}}L = {cotangent_pairing(ident)[0]}"
    else:
        lhs = rf"\mathrm{{d}}{out}"
    rows = []
    for k, step in enumerate(der.steps, 1):
        head = lhs if k == 1 else ""
        body = latex(step.expr)
        reason = step.reason + (f" (compared after vec, {VEC_WORDS[step.vec]})" if step.vec else "")
        rows.append([str(k), dmath(f"{head} = {body}" if head else f"= {body}", docname), reason])
    perturbed = ", ".join(latex(Differential(w)) for w in der.wrt)
    intro = para("Each line is an expression of the catalog, checked numerically: line 1 against the "
                 "directional derivative along ", imath(perturbed), ", each later line against the one before "
                 "it, and the last line against the stored result. A typo in any line fails the build.")
    return [intro, table(["#", "line", "because"], rows, classes=["derivation"], widths=[1, 9, 4])]


# -- links, sources, citation --------------------------------------------------------------------------

def related(ident, env) -> list[nodes.Node]:
    docname = env.docname
    items = [[identity_ref(other, docname), " (", literal(other), ")"] for other in ident.see_also]
    return [bullets(items)] if items else []


def permalink(ident, env) -> str:
    """The page's permanent address: absolute when the deployment's base URL (``html_baseurl``) is set."""
    return citing.permalink(ident.id, env.config.html_baseurl)


#: The page that renders the changelog and errata of the published ids, where the project has one.
CHANGELOG_PAGE = "changelog"


def cite_block(text: str, what: str, language: str = "none") -> nodes.literal_block:
    """A text to copy as it is; docs/_static/cite.js gives each one a copy button."""
    block = nodes.literal_block(text, text, classes=["cite-text", f"cite-{what}"])
    block["language"] = language
    return block


def cite(ident, env) -> list[nodes.Node]:
    """The permalink, the version, a BibTeX entry and a plain-text reference, each with a copy button."""
    base = env.config.html_baseurl
    version = identities.__version__
    changelog = ([": ", doc_ref(CHANGELOG_PAGE, "changelog and errata", env.docname)]
                 if CHANGELOG_PAGE in env.found_docs else [""])
    return [
        para(strong("Permalink"), " (the id ", literal(ident.id), " is permanent", *changelog, ")"),
        cite_block(permalink(ident, env), "permalink"),
        para(strong("BibTeX"), f" (the handbook, version {version}, at this identity)"),
        cite_block(citing.bibtex(ident, base), "bibtex", "bibtex"),
        para(strong("Plain text")),
        cite_block(citing.plain(ident, base), "plain"),
    ]


# -- verification --------------------------------------------------------------------------------------

def verification(ident, location) -> list[nodes.Node]:
    report, error = records.verification(ident.id)
    out: list[nodes.Node] = []
    if error is not None:
        logger.warning("identity %s: verification raised %s: %s", ident.id, type(error).__name__, error,
                       location=location)
        return [admonition("warning", para(f"Verification raised {type(error).__name__}: {error}"))]
    if not report.ok:
        for row in report.failures:
            logger.warning("identity %s: check failed: %s %s", ident.id, row.what, row.detail, location=location)
    sizes = "; ".join(report.sizes)
    passed = sum(r.ok for r in report.rows)
    out.append(para(strong("Result: "), f"{passed} of {len(report.rows)} checks passed "
                    f"at seed {report.seed} (methods: {', '.join(report.methods) or 'algebra'}; sizes {sizes}); "
                    f"largest relative error of a positive check {report.max_rel_error:.1e}."))
    rows = [[r.what, r.method, r.sizes, f"{r.rel_error:.1e}", f"{r.tolerance:.1e}", "ok" if r.ok else "FAILED"]
            for r in report.rows]
    out += details(f"Every check ({len(report.rows)})",
                   table(["check", "method", "sizes", "rel. error", "tolerance", "result"], rows,
                         classes=["verification"], widths=[6, 4, 3, 3, 3, 2]))
    out += mutants(ident, location)
    return out


#: The wrong formulas of the record are printed up to this many characters of LaTeX in all (a
#: typeset character costs about 40 bytes of HTML): the fully expanded wrong backward passes would
#: make a page of megabytes. Beyond it a mistake is named, not printed; the mistake's name says
#: what was changed, and ``python -m identities mutants ID`` prints every formula.
FORMULA_BUDGET = 400
#: ... and one of more characters than this is never printed (it would not fit on a line anyway).
FORMULA_LIMIT = 200


def mutants(ident, location) -> list[nodes.Node]:
    report, error = records.mutation(ident.id)
    if error is not None:
        logger.warning("identity %s: mutation testing raised %s: %s", ident.id, type(error).__name__, error,
                       location=location)
        return [admonition("warning", para(f"Mutation testing raised {type(error).__name__}: {error}"))]
    for m in report.failures:
        logger.warning("identity %s: the wrong answer %r (%s) %s", ident.id, m.description, m.claim.kind,
                       "passed the checker" if m.status == "survived" else m.reason, location=location)
    out = [para(strong("Classic wrong answers: "),
                f"{len(report.killed)} rejected, {len(report.equivalent)} equivalent under the conditions, "
                f"{len(report.survivors)} undetected.")]
    rows, left, unprinted = [], FORMULA_BUDGET, 0
    for m in report.mutants:
        try:
            tex = latex(m.expr)
        except Exception:   # a wrong formula SymPy cannot even print (it canonicalises as it prints)
            tex = None
        if tex is None:
            unprinted += 1
            rows.append([m.description, "(cannot be printed)", m.status, records.plain_reason(m.reason)])
            continue
        if len(tex) <= min(left, FORMULA_LIMIT):
            left -= len(tex)
            formula = imath(tex)
        else:
            unprinted += 1
            formula = "(named only)"
        rows.append([m.description, formula, m.status, records.plain_reason(m.reason)])
    if rows:
        note = [para(f"{unprinted} of these wrong formulas are named, not printed, to keep the page short: ",
                     literal(f"python -m identities mutants {ident.id}"), " prints every one.")] if unprinted else []
        out += details(f"Every wrong answer tried ({len(rows)})", *note,
                       table(["mistake", "wrong formula", "verdict", "what the checker says"], rows,
                             classes=["mutants"], widths=[5, 7, 4, 8]))
    return out


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
