"""Layout-convention tables generated from the catalog: every formula cell is a verified form.

``{layout-table} situations``  what is stored for each kind of map (scalar or vector or matrix, by input)
``{layout-table} objects``     object, shape and meaning of each kind of stored derivative
``{layout-table} layouts``     numerator against denominator layout, in the style of Wikipedia's table
``{layout-table} vec-order``   column- against row-stacking vec, with the NumPy ``order=`` to use
"""

from __future__ import annotations

import sympy as sp
from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import identities
from identities.engine.forms import cotangent_pairing, forms, output_symbol, transpose
from identities.engine.nodes import Differential, Vec
from identities.engine.printing import latex

from .blocks import identity_ref, imath, literal, para, strong, table
from .catalog import note_catalog, note_listing
from .render import expr_shape, shape_latex, wrapped_latex

logger = logging.getLogger(__name__)


def kind_of(shape) -> str:
    rows, cols = shape
    if rows == 1 and cols == 1:
        return "scalar"
    return "vector" if cols == 1 else "matrix"


def space(shape) -> str:
    kind = kind_of(shape)
    if kind == "scalar":
        return r"\mathbb{R}"
    if kind == "vector":
        return rf"\mathbb{{R}}^{{{latex(shape[0])}}}"
    return rf"\mathbb{{R}}^{{{shape_latex(shape)}}}"


def defining(ident, claim) -> str:
    """The identity that defines the stored object, written with this claim's own expression."""
    dX = Differential(claim.wrt)
    paired = lambda: latex(sp.Trace(sp.MatMul(transpose(claim.expr), dX, evaluate=False)))  # noqa: E731 - tr(Gᵀ dX)
    if claim.kind == "vjp":
        return rf"{cotangent_pairing(ident)[0]} = {paired()}"
    if claim.kind == "differential":
        return forms(ident, claim)[0].latex
    out = latex(output_symbol(ident))
    if claim.kind == "gradient":
        if kind_of(claim.wrt.shape) == "vector":
            return rf"\mathrm{{d}}{out} = {latex(sp.MatMul(transpose(claim.expr), dX, evaluate=False))}"
        return rf"\mathrm{{d}}{out} = {paired()}"
    if claim.kind == "jacobian":
        if kind_of(claim.wrt.shape) == "vector" and kind_of(expr_shape(ident.function)) != "matrix":
            return rf"\mathrm{{d}}{out} = {wrapped_latex(claim.expr)}\, {latex(dX)}"
        dF = Differential(output_symbol(ident))
        return rf"{latex(Vec(dF, claim.vec))} = {wrapped_latex(claim.expr)}\, {latex(Vec(dX, claim.vec))}"
    v = latex(Vec(dX, claim.vec))  # a Hessian
    return rf"\mathrm{{d}}^{{2}}{out} = {v}^{{\top}} {wrapped_latex(claim.expr)}\, {v}"


def object_name(ident, claim) -> str:
    """The stored object named with the example's own letters (f or F, X, L), not its whole formula."""
    out, x = latex(output_symbol(ident, claim.of)), latex(claim.wrt)
    vec_f, vec_x = latex(Vec(output_symbol(ident, claim.of), claim.vec)), latex(Vec(claim.wrt, claim.vec))
    return {
        "gradient": rf"\nabla_{{{x}}} {out}",
        "vjp": rf"\nabla_{{{x}}} L",
        "differential": rf"\mathrm{{D}}{out}({x})[{latex(Differential(claim.wrt))}]",
        "jacobian": rf"\frac{{\partial {vec_f}}}{{\partial {vec_x}}}",
        "hessian": rf"H = \frac{{\partial^{{2}} {out}}}{{\partial {vec_x}\, \partial {vec_x}^{{\top}}}}",
    }[claim.kind]


def claims():
    """The catalog's derivatives of real unstructured matrices, which these tables are about (complex and
    structured variables, scalars and equalities have sections of their own)."""
    for ident in identities.all_identities():
        for claim in ident.claims:
            v = ident.var(claim.wrt.name) if claim.wrt is not None else None
            if v is not None and not (v.is_scalar or v.is_complex or v.structure):
                yield ident, claim


def one_of_each(pairs, key):
    """The (identity, claim) of each kind that ``key`` tells apart whose stored form is the shortest
    (the first of the catalog among equals): a table of examples keeps its size however large the
    catalog grows, and shows the plainest example (every identity's own page shows all its forms)."""
    best: dict = {}
    for ident, claim in pairs:
        kind = key(ident, claim)
        length = len(forms(ident, claim)[0].latex)
        if kind not in best or length < best[kind][0]:
            best[kind] = (length, ident, claim)
    for _, ident, claim in best.values():
        yield ident, claim


def map_kind(ident, claim) -> tuple[str, str, str]:
    """What is stored, from what to what: (claim kind, input kind, output kind)."""
    return claim.kind, kind_of(claim.wrt.shape), kind_of(expr_shape(ident.function))


SITUATIONS = [
    # (function kind, input kind, claim kinds in order of preference, words)
    ("scalar", "vector", ("gradient",), "scalar output, vector input"),
    ("scalar", "matrix", ("gradient",), "scalar output, matrix input"),
    ("vector", "vector", ("jacobian",), "vector output, vector input"),
    ("matrix", "matrix", ("jacobian", "differential", "vjp"), "matrix output, matrix input"),
]


def stored(ident, claim):
    """What the house stores for this claim and its shape, computed from the object the words name:
    a gradient has the input's shape, a Jacobian one row per entry of the output and one column per
    entry of the input, a differential the output's shape for each perturbation."""
    out, x = expr_shape(ident.function), claim.wrt.shape
    if claim.kind == "gradient":
        return "gradient, in the shape of the input", x
    if claim.kind == "vjp":
        return "the gradient of a loss L through F (a VJP), in the shape of the input", x
    if claim.kind == "differential":
        return "the map itself, dX ↦ dF, whose values have the output's shape", out
    rows, cols = (sp.Mul(*out), sp.Mul(*x))
    if kind_of(out) == "matrix" or kind_of(x) == "matrix":
        return "Jacobian of vec F with respect to vec X, rows are outputs", (rows, cols)
    return "Jacobian, rows are outputs", (rows, cols)


class LayoutTableDirective(SphinxDirective):
    required_arguments = 1

    def run(self):
        note_catalog(self, identities.all_identities())
        note_listing(self)
        which = self.arguments[0]
        builders = {"situations": self.situations, "objects": self.objects, "layouts": self.layouts,
                    "vec-order": self.vec_order}
        if which not in builders:
            logger.warning("unknown layout table %r; known: %s", which, ", ".join(builders),
                           location=self.get_location())
            return []
        return builders[which]()

    def _example(self, ident):
        return [identity_ref(ident.id, self.env.docname, show_id=True)]

    def situations(self):
        rows = []
        for f_kind, x_kind, kinds, words in SITUATIONS:
            found = [(i, c) for i, c in claims() if c.kind in kinds and not i.several_outputs
                     and kind_of(expr_shape(i.function)) == f_kind and kind_of(c.wrt.shape) == x_kind]
            if not found:
                rows.append([words, "—", "—", "—", "no identity of this kind in the catalog yet"])
                continue
            ident, claim = min(found, key=lambda pair: kinds.index(pair[1].kind))
            mapping = imath(rf"{latex(output_symbol(ident))}: {space(claim.wrt.shape)} \to "
                            rf"{space(expr_shape(ident.function))}")
            storage, shape = stored(ident, claim)
            rows.append([words, mapping, [storage, ": ", imath(shape_latex(shape))],
                         imath(defining(ident, claim)), self._example(ident)])
        return [table(["situation", "map (example's shapes)", "stored as", "defining identity", "example"], rows,
                      classes=["conventions"], widths=[3, 3, 3, 9, 3])]

    def objects(self):
        rows = []
        for ident, claim in one_of_each(claims(), lambda i, c: (c.kind, kind_of(c.wrt.shape))):
            house = forms(ident, claim)[0]
            rows.append([imath(object_name(ident, claim)), imath(shape_latex(expr_shape(house.expr))),
                         imath(defining(ident, claim)), self._example(ident)])
        return [table(["object", "shape", "meaning", "example"], rows, classes=["conventions"], widths=[4, 2, 6, 3])]

    def layouts(self):
        rows = []
        for ident, claim in one_of_each(claims(), map_kind):
            if claim.kind not in ("gradient", "vjp", "jacobian"):
                continue
            fs = forms(ident, claim)
            numerator = next((f for f in fs if (f.transposed if claim.kind != "jacobian" else f.house)), None)
            denominator = next((f for f in fs if (f.house if claim.kind != "jacobian" else f.transposed)), None)
            if numerator is None or denominator is None:
                continue
            rows.append([self._example(ident), imath(numerator.latex), imath(denominator.latex),
                         "denominator" if claim.kind != "jacobian" else "numerator"])
        intro = para("Each row is a result of the catalog written both ways, one for each kind of derivative "
                     "(what is differentiated, with respect to what); the ", strong("house"), " column says "
                     "which one this handbook stores. Both were checked numerically when this page was built, "
                     "and every identity's own page shows its result in every layout.")
        return [intro, table(["identity", "numerator layout", "denominator layout", "house"], rows,
                             classes=["conventions", "compare-layouts"], widths=[4, 5, 5, 3])]

    def vec_order(self):
        X = sp.MatrixSymbol("X", sp.Symbol("m"), sp.Symbol("n"))
        numpy_rows = [
            ["column stacking", imath(latex(Vec(X, "F"))), literal('X.reshape(-1, order="F")'),
             "mathematics, MATLAB, Julia, R, Fortran; this handbook's house order"],
            ["row stacking", imath(latex(Vec(X, "C"))), literal('X.reshape(-1)  # order="C"'),
             "NumPy's default, PyTorch"],
        ]
        out = [table(["order", "written", "NumPy", "used by"], numpy_rows, classes=["conventions"],
                     widths=[2, 2, 3, 4])]
        rows = []
        for ident, claim in one_of_each(claims(), map_kind):
            if claim.kind not in ("jacobian", "hessian"):
                continue
            by_order = {f.vec: f for f in forms(ident, claim) if not f.transposed}
            if "F" in by_order and "C" in by_order:
                rows.append([self._example(ident), imath(by_order["F"].latex), imath(by_order["C"].latex)])
        if rows:
            out.append(para("A result of each kind in which vec appears, in both orders (each verified with "
                            "the matching ", literal("order="), "); every identity's page shows both:"))
            out.append(table(["identity", 'column stacking (order="F")', 'row stacking (order="C")'], rows,
                             classes=["conventions"], widths=[3, 5, 5]))
        return out


class ConventionsParagraphDirective(SphinxDirective):
    """``{conventions-paragraph}``: the LaTeX paragraph a paper pastes to state its conventions, for each
    layout and vec order (what ``python -m identities conventions --latex`` prints)."""

    def run(self):
        from identities import conventions
        note_catalog(self, [identities.get(i) for i in ("log-det", "vec-kronecker", "least-squares-hessian")])
        out = []
        for layout in conventions.LAYOUTS:
            for vec in conventions.VECS:
                house = " (the handbook's own)" if (layout, vec) == ("numerator", "column") else ""
                out.append(para(strong(f"{layout.capitalize()} layout, vec stacks {vec}s{house}"), " — ",
                                literal(f"python -m identities conventions --latex --layout {layout} --vec {vec}")))
                block = nodes.literal_block("", conventions.paragraph(layout, vec))
                block["language"] = "latex"
                out.append(block)
        return out
