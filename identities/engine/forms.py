"""What a reader sees of an identity — its statement and every layout of each result — built
from the one stored expression, plus the NumPy functions printed from those same expressions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import sympy as sp

from .callables import (claim_name, claim_parameters, code_listing, differentiated_function, function_of,
                        house_function)
from .callables import memo as _memo
from .compile import Compiled, compile_expr
from .nodes import Named, Vec, named_parts
from .printing import latex, latex_operand, unicode, unicode_operand
from .record import Claim, Identity
from .symbols import is_complex, is_scalar

__all__ = ["Form", "LAYOUTS", "CONVENTION_LABELS", "forms", "statement", "definitions", "where", "function_of",
           "differentiated_function", "claim_function", "form_function", "claim_name", "claim_parameters",
           "output_symbol", "cotangent_pairing", "swap_kronecker", "transpose", "code_listing"]

#: The layouts a form can be written in: the stored (house) form, its transposes (numerator layout
#: of a gradient or VJP, denominator layout of a Jacobian) and the two vec orders of a Jacobian or
#: Hessian stored in the other one.
LAYOUTS = ("house", "numerator", "denominator", "column-vec", "row-vec")
_VEC_LAYOUT = {"F": "column-vec", "C": "row-vec"}


@dataclass(frozen=True)
class Form:
    """One way of writing a claim: the house form or a layout variant, each verified on its own.

    ``layout``: one of :data:`LAYOUTS`.  ``transposed``: the stored object is the transpose of the
    house object (numerator layout of a gradient or VJP, denominator layout of a Jacobian).
    ``vec``: the vec order of a Jacobian/Hessian.
    """

    claim: Claim
    label: str
    expr: sp.Expr
    lhs_latex: str
    lhs_unicode: str
    layout: str
    transposed: bool = False
    vec: str = "F"

    @property
    def house(self) -> bool:
        """The stored form itself, in the house convention."""
        return self.layout == "house"

    @cached_property
    def latex(self) -> str:
        return f"{self.lhs_latex} = {latex(self.expr)}"

    @cached_property
    def unicode(self) -> str:
        return f"{self.lhs_unicode} = {unicode(self.expr)}"


def transpose(expr):
    """The transpose of *expr*, written the way a person would: (AB)ᵀ = BᵀAᵀ with the order kept,
    a sum's transpose left as (A + B)ᵀ, (Xᵀ)ᵀ = X, X⁻¹ᵀ = X⁻ᵀ.  SymPy's own ``.T`` reorders terms."""
    if isinstance(expr, sp.Transpose):
        return expr.arg
    if isinstance(expr, sp.Inverse):
        return sp.Inverse(expr.arg.arg) if isinstance(expr.arg, sp.Transpose) else sp.Transpose(expr)
    if isinstance(expr, sp.MatMul):
        coeff, factors = expr.as_coeff_matrices()
        flipped = [transpose(f) for f in reversed(factors)]
        return sp.MatMul(*([coeff] if coeff != 1 else []), *flipped, evaluate=False) if len(flipped) > 1 or coeff != 1 \
            else flipped[0]
    if isinstance(expr, sp.KroneckerProduct):
        return expr.func(*(transpose(a) for a in expr.args))
    if isinstance(expr, sp.Identity) or not expr.is_Matrix:
        return expr
    if expr._eval_transpose() == expr:  # a node that is its own transpose: diag(x), sym(M)
        return expr
    return sp.Transpose(expr)  # sums, Hadamard products, named parts and other nodes: (A + B)ᵀ, Pᵀ


def swap_kronecker(expr):
    """The same matrix in the other vec order: Kronecker factors swapped (vec(AXB) = (Bᵀ⊗A)vec X
    becomes vec_r(AXB) = (A⊗Bᵀ)vec_r X).  Valid for sums and scalar multiples of two-factor
    Kronecker products; anything else raises, so no variant is ever guessed."""
    if isinstance(expr, sp.KroneckerProduct):
        if len(expr.args) != 2:
            raise ValueError("only two-factor Kronecker products can be reordered")
        return sp.KroneckerProduct(expr.args[1], expr.args[0])
    if isinstance(expr, sp.MatAdd):
        return sp.MatAdd(*(swap_kronecker(a) for a in expr.args), evaluate=False)
    if isinstance(expr, sp.MatMul):
        coeff, factors = expr.as_coeff_matrices()
        if len(factors) == 1:
            return sp.MatMul(coeff, swap_kronecker(factors[0]), evaluate=False)
    raise ValueError(f"cannot write {expr} in the other vec order as a formula")


def _lhs(ident: Identity, claim: Claim, order: str, transposed: bool) -> tuple[str, str]:
    if claim.kind == "equal":
        return latex(ident.function), unicode(ident.function)
    x_l, x_u = latex(claim.wrt), unicode(claim.wrt)
    if claim.kind in ("gradient", "hessian"):  # of a scalar function, which has one output
        f_l, f_u = latex_operand(ident.function), unicode_operand(ident.function)
    if claim.kind in ("gradient", "vjp"):
        f_l, f_u = (f_l, f_u) if claim.kind == "gradient" else ("L", "L")
        if transposed or is_scalar(claim.wrt) or claim.convention == "free":
            return rf"\frac{{\partial {f_l}}}{{\partial {x_l}}}", f"∂{f_u}/∂{x_u}"
        return rf"\nabla_{{{x_l}}} {f_l}", f"∇_{x_u} {f_u}"
    if claim.kind == "differential":
        several = sum(v.role == "variable" for v in ident.symbols) > 1  # then say which one moves
        sub_l, sub_u = (r"_{%s}" % x_l, f"_{x_u}") if several else ("", "")
        if claim.of is not None or _is_named_output(*ident.outputs[0]):  # an output with a name: dU, dL
            out = output_symbol(ident, claim.of)
            return r"\mathrm{d}%s %s" % (sub_l, latex(out)), f"d{sub_u}{' ' if sub_u else ''}{unicode(out)}"
        return r"\mathrm{d}%s\left(%s\right)" % (sub_l, latex(ident.function)), f"d{sub_u}({unicode(ident.function)})"
    vec_x = Vec(claim.wrt, order)
    if claim.kind == "jacobian":
        vec_f = Vec(ident.function, order)
        num_l, num_u = rf"\partial {latex(vec_f)}", f"∂{unicode(vec_f)}"
        den_l, den_u = rf"\partial {latex(vec_x)}", f"∂{unicode(vec_x)}"
        if transposed:
            return rf"\left(\frac{{{num_l}}}{{{den_l}}}\right)^{{\top}}", f"({num_u}/{den_u})ᵀ"
        return rf"\frac{{{num_l}}}{{{den_l}}}", f"{num_u}/{den_u}"
    return (rf"\frac{{\partial^{{2}} {f_l}}}{{\partial {latex(vec_x)}\, \partial {latex(vec_x.T)}}}",
            f"∂²{f_u}/∂{unicode(vec_x)}∂{unicode(vec_x.T)}")


def forms(ident: Identity, claim: Claim) -> tuple[Form, ...]:
    """The house form of *claim* and its generated layout variants, house first (printed once per
    identity: every check and every mutant reuses them)."""
    memo = _memo(ident)
    if ("forms", claim) not in memo:
        memo["forms", claim] = _forms(ident, claim)
    return memo["forms", claim]


def _forms(ident: Identity, claim: Claim) -> tuple[Form, ...]:
    house = Form(claim, _house_label(ident, claim), claim.expr, *_lhs(ident, claim, claim.vec, False),
                 layout="house", vec=claim.vec)
    if claim.kind == "equal" or is_scalar(claim.wrt) or ident.structure_of(claim.wrt) is not None \
            or is_complex(claim.wrt):
        # No layouts to choose: a number, an equality, a matrix tied to its structure — or a complex
        # gradient, whose transpose written ∂f/∂Z would read as a Wirtinger derivative, which it is not.
        return (house,)
    rows, cols = claim.wrt.shape
    out = [house]
    if claim.kind in ("gradient", "vjp"):
        label = f"numerator layout (∂/∂{claim.wrt.name}, the transpose: {_shape_words(cols, rows)})"
        out.append(Form(claim, label, transpose(claim.expr), *_lhs(ident, claim, claim.vec, True),
                        layout="numerator", transposed=True))
    if claim.kind in ("jacobian", "hessian"):
        other = "C" if claim.vec == "F" else "F"
        try:
            swapped = swap_kronecker(claim.expr)
        except ValueError:
            swapped = None
        if swapped is not None:
            out.append(Form(claim, f"{_order_words(other)} (vec order {other!r})", swapped,
                            *_lhs(ident, claim, other, False), layout=_VEC_LAYOUT[other], vec=other))
    if claim.kind == "jacobian":
        out.append(Form(claim, "denominator layout (the transpose: rows index inputs)", transpose(claim.expr),
                        *_lhs(ident, claim, claim.vec, True), layout="denominator", transposed=True, vec=claim.vec))
    return tuple(out)


def _shape_words(rows, cols) -> str:
    return f"{rows}×{cols}"


def _order_words(order: str) -> str:
    return "column-stacking vec" if order == "F" else "row-stacking vec"


#: What the stored form of a claim with respect to a structured variable is, by convention.
CONVENTION_LABELS = {
    "sym": "gradient in the trace inner product restricted to {structure} matrices (itself {structure})",
    "free": "derivative by the free entries of a {structure} matrix (Matrix Cookbook §2.8)",
}


#: What a claim with respect to a scalar variable is called, by its kind.
SCALAR_KIND_WORDS = {"gradient": "derivative", "vjp": "reverse mode (VJP)", "differential": "differential",
                     "jacobian": "Jacobian", "hessian": "second derivative"}


def _house_label(ident: Identity, claim: Claim) -> str:
    if claim.kind == "equal":
        return "equality (an algebraic identity, no derivative)"
    if is_scalar(claim.wrt):
        return f"{SCALAR_KIND_WORDS[claim.kind]} with respect to the scalar {unicode(claim.wrt)} (a number)"
    if claim.convention is not None:
        prefix = "" if claim.kind == "gradient" else "reverse mode (VJP), "
        return prefix + CONVENTION_LABELS[claim.convention].format(structure=ident.structure_of(claim.wrt))
    rows, cols = claim.wrt.shape
    return {
        "gradient": f"gradient, house convention (shape of {unicode(claim.wrt)}: {_shape_words(rows, cols)})",
        "vjp": f"reverse mode (VJP), shape of {unicode(claim.wrt)}: {_shape_words(rows, cols)}",
        "differential": "differential (forward mode, JVP)" + (f" of {claim.of}" if claim.of else ""),
        "jacobian": f"Jacobian, numerator layout, {_order_words(claim.vec)}",
        "hessian": f"Hessian, {_order_words(claim.vec)}",
    }[claim.kind]


def definitions(ident: Identity) -> list[tuple[str, str]]:
    """The defining line ``f = …`` of each output (LaTeX, Unicode); an output that is itself a named
    part is written out (``p = softmax(x)``, not ``p = p``)."""
    lines = []
    for name, expr in ident.outputs:
        body = expr.expr if _is_named_output(name, expr) else expr
        out = output_symbol(ident, name)
        lines.append((f"{latex(out)} = {latex(body)}", f"{unicode(out)} = {unicode(body)}"))
    return lines


def _is_named_output(name: str, expr) -> bool:
    return isinstance(expr, Named) and expr.name == name


def where(ident: Identity) -> list[tuple[str, str]]:
    """The named sub-expressions the formulas use, as ``P = softmax(S)`` lines (LaTeX, Unicode),
    each written with the names defined before it (outputs are stated by their defining lines)."""
    parts = named_parts(sp.Tuple(*(expr for _, expr in ident.outputs), *(c.expr for c in ident.claims)))
    stated = {name for name, expr in ident.outputs if _is_named_output(name, expr)}
    return [(f"{latex(p.symbol)} = {latex(p.expr)}", f"{unicode(p.symbol)} = {unicode(p.expr)}") for p in parts
            if p.name not in stated]


def statement(ident: Identity) -> list[Form]:
    """The house form of every claim: the identity as a reader states it."""
    return [forms(ident, c)[0] for c in ident.claims]


# -- compiled functions ---------------------------------------------------------------------------

def output_symbol(ident: Identity, name: str | None = None) -> sp.MatrixSymbol:
    """An output as a symbol of its own (f, F, O, U), for writing dF, vec(dF), ⟨F̄, dF⟩ on a page;
    *name* picks one of several outputs."""
    name = ident.outputs[0][0] if name is None else name
    expr = ident.output_expr(name)
    return sp.MatrixSymbol(name, *(expr.shape if expr.is_Matrix else (1, 1)))


def cotangent_pairing(ident: Identity) -> tuple[str, str]:
    """⟨Ȳ, dY⟩ — summed over the outputs, ⟨λ̄, dλ⟩ + ⟨Ū, dU⟩ — the change of the loss a VJP pulls
    back (LaTeX, Unicode)."""
    pairs = [(upstream, output_symbol(ident, name)) for upstream, (name, _) in zip(ident.upstreams, ident.outputs)]
    tex = " + ".join(rf"\langle {latex(u)}, \mathrm{{d}}{latex(y)} \rangle" for u, y in pairs)
    text = " + ".join(f"⟨{unicode(u)}, d{unicode(y)}⟩" for u, y in pairs)
    return tex, text


def form_function(ident: Identity, form: Form) -> Compiled:
    """The NumPy function printed from one form of a claim."""
    if form.house:  # the function the record hands a reader (Identity.numpy) is this very one
        return house_function(ident, form.claim)
    memo = _memo(ident)
    key = ("form", form.claim, form.label)
    if key not in memo:
        name = claim_name(form.claim) + ("" if form.house else ("_T" if form.transposed else f"_{form.vec}"))
        if not form.house and not form.transposed:
            name = claim_name(form.claim)[:-2] + f"_{form.vec}"
        memo[key] = compile_expr(form.expr, claim_parameters(ident, form.claim), name)
    return memo[key]


def claim_function(ident: Identity, claim: Claim) -> Compiled:
    """The NumPy function printed from the claim's stored expression."""
    return form_function(ident, forms(ident, claim)[0])
