"""A conventions paragraph for papers: the layout and vec order a paper uses, in ready-to-paste LaTeX.

``python -m identities conventions --latex [--layout numerator|denominator] [--vec column|row]``
prints it: the shape of gradients, the layout of Jacobians (of vectors and of matrices, through
vec), the vec order, the definition of the Hessian, one worked example of each, and a citation of
the handbook with its BibTeX entry (as LaTeX comments, below the paragraph). It needs ``amsmath``
and ``amssymb``.

The examples are the catalog's own, verified formulas, printed from their expressions in the
chosen convention — ∂ log det X/∂X from ``log-det``, the Jacobian of AXB from ``vec-kronecker``,
the Hessian of ½‖AX − B‖²_F from ``least-squares-hessian`` — so the paragraph cannot state an
example that the checker has not verified in that layout and vec order (the one derived form,
the denominator-layout Jacobian in row order, is the transpose of a verified one).
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .edition import TITLE, edition
from .engine.forms import forms, transpose
from .engine.printing import latex
from .engine.registry import get

__all__ = ["LAYOUTS", "VECS", "Example", "examples", "paragraph", "BIBTEX_KEY", "bibtex"]

LAYOUTS = ("numerator", "denominator")
VECS = ("column", "row")
#: The key of the handbook's BibTeX entry that the paragraph cites.
BIBTEX_KEY = "matcalc-handbook"


@dataclass(frozen=True)
class Example:
    """One formula of the paragraph: its left-hand side (LaTeX) and the catalog's expression for it."""

    identity: str
    lhs: str
    expr: sp.Expr

    @property
    def latex(self) -> str:
        return f"{self.lhs} = {latex(self.expr)}"


def _check(layout: str, vec: str) -> None:
    if layout not in LAYOUTS:
        raise ValueError(f"layout {layout!r} is not one of {', '.join(LAYOUTS)}")
    if vec not in VECS:
        raise ValueError(f"vec order {vec!r} is not one of {', '.join(VECS)}")


def _form(identity_id: str, kind: str, layout: str):
    ident = get(identity_id)
    claim = next(c for c in ident.claims if c.kind == kind)
    return next(f for f in forms(ident, claim) if f.layout == layout)


def _wrapped(expr) -> str:
    text = latex(expr)
    return rf"\left({text}\right)" if isinstance(expr, (sp.KroneckerProduct, sp.MatAdd)) else text


def examples(layout: str = "numerator", vec: str = "column") -> dict[str, Example]:
    """The worked examples of the paragraph in this convention, by role: ``partial`` (∂ log det X/∂X),
    ``gradient`` (∇ log det X, in numerator layout, where it differs), ``vec`` (vec(AXB) = J vec X), ``jacobian`` (∂(AXB)/∂X), ``hessian``."""
    _check(layout, vec)
    vec_layout = "house" if vec == "column" else "row-vec"
    kron = _form("vec-kronecker", "jacobian", vec_layout).expr       # vec(AXB) = kron · vec(X)
    logdet_house = _form("log-det", "gradient", "house").expr        # ∇ log det X, shape of X
    logdet_numerator = _form("log-det", "gradient", "numerator").expr
    gradient = {"gradient": Example("log-det", r"\nabla_{X} \log\det X", logdet_house)} if layout == "numerator" else {}
    return {
        "partial": Example("log-det", r"\frac{\partial \log\det X}{\partial X}",
                           logdet_numerator if layout == "numerator" else logdet_house),
        **gradient,
        "vec": Example("vec-kronecker", r"\operatorname{vec}(AXB)", kron),
        "jacobian": Example("vec-kronecker", r"\frac{\partial (AXB)}{\partial X}",
                            kron if layout == "numerator" else transpose(kron)),
        "hessian": Example("least-squares-hessian", "H", _form("least-squares-hessian", "hessian", vec_layout).expr),
    }


def bibtex() -> str:
    """The handbook's BibTeX entry (the handbook as a whole, at this version)."""
    ed = edition()
    fields = [("author", "{" + " and ".join(ed.authors) + "}"), ("title", "{" + TITLE + "}"),
              ("version", ed.version)]
    if ed.year:
        fields.append(("year", ed.year))
    if ed.url:
        fields += [("url", ed.url), ("howpublished", rf"\url{{{ed.url}}}")]
    fields.append(("note", f"Version {ed.version}"))
    width = max(len(name) for name, _ in fields)
    body = "".join(f"  {name:<{width}} = {{{value}}},\n" for name, value in fields)
    return f"@misc{{{BIBTEX_KEY},\n{body}}}"


def paragraph(layout: str = "numerator", vec: str = "column") -> str:
    """The paragraph, then the BibTeX entry it cites as LaTeX comments."""
    ex = examples(layout, vec)
    version = edition().version
    R = r"\mathbb{R}"
    if layout == "numerator":
        jacobian = (rf"the Jacobian $\partial y/\partial x \in {R}^{{m\times n}}$ has entries "
                    r"$(\partial y/\partial x)_{ij} = \partial y_i/\partial x_j$, so that "
                    r"$\mathrm{d}y = (\partial y/\partial x)\,\mathrm{d}x$")
        scalar = (rf"$\partial f/\partial X \in {R}^{{n\times m}}$ has entries "
                  r"$(\partial f/\partial X)_{ji} = \partial f/\partial X_{ij}$, so that "
                  r"$\mathrm{d}f = \operatorname{tr}\bigl((\partial f/\partial X)\,\mathrm{d}X\bigr)$; the gradient "
                  r"$\nabla_X f = (\partial f/\partial X)^{\top}$ has the shape of $X$. For example, "
                  rf"${ex['partial'].latex}$ and ${ex['gradient'].latex}$")
        matrix = (r"the $pq\times mn$ matrix $\partial\operatorname{vec}(F)/\partial\operatorname{vec}(X)$, so that "
                  r"$\operatorname{vec}(\mathrm{d}F) = (\partial F/\partial X)\operatorname{vec}(\mathrm{d}X)$")
    else:
        jacobian = (rf"the Jacobian $\partial y/\partial x \in {R}^{{n\times m}}$ has entries "
                    r"$(\partial y/\partial x)_{ji} = \partial y_i/\partial x_j$, so that "
                    r"$\mathrm{d}y = (\partial y/\partial x)^{\top}\mathrm{d}x$")
        scalar = (rf"$\partial f/\partial X \in {R}^{{m\times n}}$ has entries "
                  r"$(\partial f/\partial X)_{ij} = \partial f/\partial X_{ij}$, so that "
                  r"$\mathrm{d}f = \operatorname{tr}\bigl((\partial f/\partial X)^{\top}\mathrm{d}X\bigr)$: it is the "
                  r"gradient $\nabla_X f$, of the shape of $X$. For example, "
                  rf"${ex['partial'].latex}$")
        matrix = (r"the $mn\times pq$ matrix whose transpose is the Jacobian of $\operatorname{vec}(F)$ with respect "
                  r"to $\operatorname{vec}(X)$, so that "
                  r"$\operatorname{vec}(\mathrm{d}F) = (\partial F/\partial X)^{\top}\operatorname{vec}(\mathrm{d}X)$")
    stacks = ("the columns of $X$ stacked into one vector" if vec == "column" else
              "the rows of $X$ stacked into one vector (the order of NumPy's and PyTorch's default reshape)")
    text = (
        f"% Conventions: {layout} layout, vec stacks {vec}s. Needs \\usepackage{{amsmath,amssymb}}; the BibTeX entry\n"
        f"% for \\cite{{{BIBTEX_KEY}}} is below. Printed by `python -m identities conventions --latex "
        f"--layout {layout} --vec {vec}`.\n"
        r"\paragraph{Conventions.}" "\n"
        f"We write derivatives in {layout} layout. For $y\\colon {R}^{{n}}\\to {R}^{{m}}$, {jacobian}. "
        f"For a scalar function $f$ of $X \\in {R}^{{m\\times n}}$, {scalar}. "
        f"We write $\\operatorname{{vec}}(X) \\in {R}^{{mn}}$ for {stacks}, so that "
        f"$\\operatorname{{vec}}(AXB) = {_wrapped(ex['vec'].expr)} \\operatorname{{vec}}(X)$, "
        f"and for $F\\colon {R}^{{m\\times n}}\\to {R}^{{p\\times q}}$ we write $\\partial F/\\partial X$ for {matrix}; "
        f"for example, ${ex['jacobian'].latex}$. "
        r"The Hessian of a scalar function $f$ of $X$ is the symmetric $mn\times mn$ matrix $H$ with entries "
        r"$H_{kl} = \partial^{2} f/\partial\operatorname{vec}(X)_{k}\,\partial\operatorname{vec}(X)_{l}$, so that "
        r"$\mathrm{d}^{2} f = \operatorname{vec}(\mathrm{d}X)^{\top} H \operatorname{vec}(\mathrm{d}X)$; "
        rf"for example, $f(X) = \tfrac{{1}}{{2}}\|AX - B\|_{{F}}^{{2}}$ has ${ex['hessian'].latex}$. "
        f"These conventions, and each identity we use, are stated in both layouts and both vec orders, and "
        f"checked numerically, in \\emph{{{TITLE}}}, version {version}~\\cite{{{BIBTEX_KEY}}}.\n"
    )
    return text + "%\n" + "".join(f"% {line}\n" for line in bibtex().splitlines())
