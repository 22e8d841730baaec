"""Three printers for one expression: LaTeX for the page, Unicode for the terminal, NumPy for the code.

Each is a small subclass of a SymPy printer with one ``_print_<Class>`` method per construct, as
SymPy's own printers are written: transposes print as ``^\\top``, inverse transposes as
``X^{-\\top}``, products as ``@``.  Parentheses come from precedence: the two mathematical printers
read each node's declared precedence (see :mod:`.nodes`), the NumPy printer reads Python's grammar
of the code it has just printed.

The code printer serves three array libraries (:data:`BACKENDS`): NumPy, whose code the checker
runs, and JAX and PyTorch, whose code the handbook prints beside it.  A rule names operations
(``printer.call("linalg.solve", A, B)``) and each :class:`Backend` spells them, so the three codes
come from the same expression and the same rule; an operation a library lacks is refused with
:class:`CodeUnavailable` rather than printed wrong.
"""

from __future__ import annotations

import ast
import keyword
import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np
import sympy as sp
from sympy.printing.latex import LatexPrinter
from sympy.printing.numpy import NumPyPrinter
from sympy.printing.precedence import PRECEDENCE, precedence_traditional
from sympy.printing.pretty.pretty_symbology import greek_unicode
from sympy.printing.str import StrPrinter

from .nodes import FUNCTION_CALL, Cotangent, Differential, Named

__all__ = ["latex", "unicode", "latex_operand", "unicode_operand", "numpy_code", "code", "NUMPY_HELPERS",
           "helpers_used", "print_rule", "numpy_helper", "code_helper", "code_operation", "helper_functions", "missing_printers",
           "exponent", "code_name", "Backend", "BACKENDS", "NUMPY", "JAX", "TORCH", "backend_of", "CodeUnavailable"]


def code_name(name: str) -> str:
    """The Python name of a symbol or named part in generated code: a keyword gets a trailing underscore
    (λ is written ``lambda`` for its LaTeX \\lambda, and assigned as ``lambda_``)."""
    return name + "_" if keyword.iskeyword(name) else name


def _is_inverse_transpose(expr) -> sp.Expr | None:
    """The X in X⁻ᵀ written either as (X⁻¹)ᵀ or (Xᵀ)⁻¹, else None."""
    if isinstance(expr, sp.Transpose) and isinstance(expr.arg, sp.Inverse):
        if isinstance(expr.arg.arg, sp.Transpose):  # ((Xᵀ)⁻¹)ᵀ is X⁻¹, handled by the caller
            return None
        return expr.arg.arg
    if isinstance(expr, sp.Inverse) and isinstance(expr.arg, sp.Transpose):
        return expr.arg.arg
    return None


def _squared_norm(expr) -> sp.Expr | None:
    """The M of tr(MᵀM) or tr(MMᵀ), which people write ‖M‖² (‖M‖²_F for a matrix), else None."""
    if not isinstance(expr, sp.Trace) or not isinstance(expr.arg, sp.MatMul):
        return None
    coeff, factors = expr.arg.as_coeff_matrices()
    if coeff != 1 or len(factors) != 2:
        return None
    first, second = factors
    if isinstance(first, sp.Transpose) and first.arg == second:
        return second
    if isinstance(second, sp.Transpose) and second.arg == first:
        return first
    return None


def _is_column(expr) -> bool:
    return getattr(expr, "shape", (0, 0))[1] == 1


def _coeff_matrices(expr) -> tuple[sp.Expr, list]:
    """A product's scalar coefficient and matrix factors, with nested products flattened (A(2BX) is
    2ABX: products are associative and scalars commute, so people write the coefficient first)."""
    coeff, factors = expr.as_coeff_matrices()
    flat = []
    for factor in factors:
        if isinstance(factor, sp.MatMul):
            inner, inner_factors = _coeff_matrices(factor)
            coeff, flat = coeff * inner, flat + inner_factors
        else:
            flat.append(factor)
    return coeff, flat


class HandbookLatexPrinter(LatexPrinter):
    """LaTeX in the house notation: ``^{\\top}``, ``X^{-\\top}``, upright tr/det/vec, ``\\mathrm{d}X``, ``\\bar{Z}``."""

    def _print_MatrixSymbol(self, expr):
        return self._print(sp.Symbol(expr.name))

    def _print_Cotangent(self, expr):
        return r"\bar{%s}" % self._print(sp.Symbol(expr.of))

    def _print_ScalarConstant(self, expr):
        return self._print(sp.Symbol(expr.name))

    def parenthesize(self, item, level, strict=False, is_neg=False):
        if _reads_as_transpose(item, level):
            return self._print(item)
        return super().parenthesize(item, level, strict=strict, is_neg=is_neg)

    def _wrap(self, expr) -> str:
        """*expr* as the base of a superscript (ᵀ, ⁻¹): parenthesised unless it binds tighter."""
        return self.parenthesize(expr, PRECEDENCE["Pow"])

    def _print_MatAdd(self, expr):
        inner = _transposed_sum(expr)
        if inner is not None:
            return r"\left(%s\right)^{\top}" % self._print(inner)
        return _join_terms([self._print(term) for term in expr.args], "-", keep_first=True)

    def _print_MatMul(self, expr):
        coeff, factors = _coeff_matrices(expr)
        body = " ".join(self.parenthesize(f, PRECEDENCE["Mul"]) for f in factors)
        if coeff == 1:
            return body
        if coeff == -1:
            return "- " + body
        sign = "- " if coeff.could_extract_minus_sign() else ""
        magnitude = -coeff if sign else coeff
        numer, denom = magnitude.as_numer_denom()
        if denom != 1:
            return r"%s\frac{%s}{%s} %s" % (sign, self._print(numer), self._print(denom), body)
        return f"{sign}{self._print(magnitude)} {body}"

    def _print_Transpose(self, expr):
        base = _is_inverse_transpose(expr)
        if base is not None:
            return r"%s^{-\top}" % self._wrap(base)
        if isinstance(expr.arg, sp.Inverse) and isinstance(expr.arg.arg, sp.Transpose):
            return r"%s^{-1}" % self._wrap(expr.arg.arg.arg)
        if hasattr(expr.arg, "superscript"):  # a node written as a superscript joins the transpose: A^{+⊤}
            return r"%s^{%s\top}" % (self._wrap(expr.arg.arg), expr.arg.superscript[0])
        return r"%s^{\top}" % self._wrap(expr.arg)

    def _print_Inverse(self, expr):
        base = _is_inverse_transpose(expr)
        if base is not None:
            return r"%s^{-\top}" % self._wrap(base)
        return r"%s^{-1}" % self._wrap(expr.arg)

    def _print_Trace(self, expr):
        norm = _squared_norm(expr)
        if norm is not None:
            return r"\left\lVert %s \right\rVert%s^{2}" % (self._print(norm), "" if _is_column(norm) else "_{F}")
        return r"\operatorname{tr}\left(%s\right)" % self._print(expr.arg)

    def _print_Determinant(self, expr):
        if isinstance(expr.arg, (sp.MatrixSymbol, Named)):
            return r"\det %s" % self._print(expr.arg)
        return r"\det\left(%s\right)" % self._print(expr.arg)

    def _print_Mul(self, expr):
        if not expr.is_Mul:   # SymPy prints a negative power, 1/x, through its product printer
            return super()._print_Mul(expr)
        expr = _flat_product(expr)
        if not expr.is_Mul:   # the numbers cancelled: 2·½·x is x
            return self._print(expr)
        coeff, rest = expr.as_coeff_Mul()
        if coeff == sp.Rational(1, 2) and _squared_norm(rest) is not None:   # ½‖AX − B‖²_F, as people write it
            return r"\frac{1}{2} %s" % self._print(rest)
        return super()._print_Mul(expr)

    def _print_Add(self, expr, order=None):
        """Terms joined by + and −: a term that prints with a minus is subtracted (never "+ -")."""
        return _join_terms([self._print(term) for term in self._as_ordered_terms(expr, order=order)], "-",
                           keep_first=True)

    def _print_Pow(self, expr):
        """A power of det X or log det X is (det X)ᵖ: unbracketed, det X^{p} would read as det(Xᵖ)."""
        if (isinstance(expr.base, (sp.Determinant, sp.log)) or _squared_norm(expr.base) is not None) \
                and not (expr.exp.is_Rational and expr.exp < 0):   # ‖x‖² carries an exponent already
            return r"\left(%s\right)^{%s}" % (self._print(expr.base), self._print(expr.exp))
        return super()._print_Pow(expr)

    def _print_log(self, expr, exp=None):
        if isinstance(expr.args[0], sp.Determinant):
            return r"\log %s" % self._print(expr.args[0])
        return r"\log\left(%s\right)" % self._print(expr.args[0])

    def _print_Identity(self, expr):
        return "1" if expr.rows == 1 else r"I_{%s}" % self._print(expr.rows)

    def _print_KroneckerProduct(self, expr):
        return r" \otimes ".join(self.parenthesize(a, PRECEDENCE["Mul"], strict=True) for a in expr.args)

    def _print_HadamardProduct(self, expr):
        return r" \odot ".join(self.parenthesize(a, PRECEDENCE["Mul"], strict=True) for a in expr.args)

    def _print_SoftmaxRows(self, expr):
        return r"\operatorname{softmax}\left(%s\right)" % self._print(expr.arg)

    _print_Softmax = _print_SoftmaxRows

    def _print_DiagMatrix(self, expr):
        return r"\operatorname{diag}\left(%s\right)" % self._print(expr.args[0])

    def _print_Vec(self, expr):
        op = r"\operatorname{vec}" if expr.order == "F" else r"\operatorname{vec}_{r}"
        return r"%s\left(%s\right)" % (op, self._print(expr.arg))

    def _print_RowSums(self, expr):
        return r"%s\mathbf{1}" % self._wrap(expr.arg)

    def _print_Named(self, expr):
        return self._print(expr.symbol)

    def _print_Ones(self, expr):
        rows, cols = expr.shape
        if rows == 1:
            return r"\mathbf{1}_{%s}^{\top}" % self._print(cols)
        if cols == 1:
            return r"\mathbf{1}_{%s}" % self._print(rows)
        return r"\mathbf{1}_{%s \times %s}" % (self._print(rows), self._print(cols))


_SUPERSCRIPT_T = "ᵀ"
_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
#: Characters an exponent may be written with as superscripts (digits, signs, parentheses and the
#: small letters Unicode has superscripts for); any other exponent is written ^(…).
_SUPERSCRIPT_OF = dict(zip("0123456789+−-=()abcdefghijklmnoprstuvwxyz",
                           "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"))


def _superscript(text: str) -> str | None:
    """*text* in superscript characters, or None where one of them has no superscript."""
    return "".join(_SUPERSCRIPT_OF[c] for c in text) if text and all(c in _SUPERSCRIPT_OF for c in text) else None
#: Name suffixes written as accents, as SymPy's LaTeX printer does (Xhat is X̂ there as here).
_ACCENTS = {"hat": "\u0302", "tilde": "\u0303"}


def _join_terms(texts: list[str], minus: str, keep_first: bool = False) -> str:
    """Printed terms joined by + and *minus*: a term printed with a leading minus sign (ASCII or
    Unicode) is subtracted, so that no sum reads "+ -".  *keep_first*: the first term keeps its
    sign as printed."""
    out = []
    for i, text in enumerate(texts):
        if text.startswith(("-", "−")) and (i or not keep_first):
            out.append((f" {minus} " if i else minus) + text[1:].lstrip())
        else:
            out.append((" + " if i else "") + text)
    return "".join(out)


def _transposed_sum(expr):
    """The sum whose transpose the difference *expr* is, when each of its terms is a transpose (x − μ
    for xᵀ − μᵀ, which SymPy makes of (x − μ)ᵀ), positive terms first; else None."""
    inner = []
    for term in expr.args:
        coeff, factors = _coeff_matrices(term) if isinstance(term, sp.MatMul) else (1, [term])
        if len(factors) != 1 or not isinstance(factors[0], sp.Transpose):
            return None
        inner.append((sp.sympify(coeff), factors[0].arg))
    if not any(coeff.could_extract_minus_sign() for coeff, _ in inner):
        return None   # Aᵀ + Bᵀ reads as well as it is: only a difference is written back, (x − μ)ᵀ
    inner.sort(key=lambda pair: bool(pair[0].could_extract_minus_sign()))
    return sp.MatAdd(*(arg if coeff == 1 else sp.MatMul(coeff, arg) for coeff, arg in inner), evaluate=False)


def _reads_as_transpose(item, level) -> bool:
    """True for a sum printed as the transpose of a sum, (x − μ)ᵀ, in a product: it needs no brackets
    there (as the base of a further superscript it keeps them)."""
    return isinstance(item, sp.MatAdd) and level <= PRECEDENCE["Mul"] and _transposed_sum(item) is not None


def _flat_product(expr):
    """A scalar product as one product with one numeric coefficient: −½·d·log 2π, not
    (−1)·(½·d)·log 2π, which a statement built factor by factor holds unevaluated."""
    factors = [f for a in expr.args for f in (_flat_product(a).args if a.is_Mul else (a,))]
    if len(factors) == len(expr.args) and sum(f.is_Number for f in factors) <= 1:
        return expr
    return sp.Mul(*factors)


def _is_letter(text: str) -> bool:
    """True for a number or a one-letter name with its marks (2, (3/2), λ, X̂₁, σᵢ, √d): a factor that can stand
    next to another without a sign between them."""
    core = "".join(c for c in text if c not in _SUBSCRIPT_OF.values() and c not in _SUPERSCRIPT_OF.values()
                   and not unicodedata.combining(c))
    core = core.removeprefix("√")
    return core.strip("()").replace("/", "").replace(".", "").isnumeric() or (len(core) == 1 and core.isalpha())


#: Characters a subscript may be written with as subscripts (Unicode has no capital ones).
_SUBSCRIPT_OF = dict(zip("0123456789+−-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))


def _accented(name: str) -> str:
    """A symbol name for the terminal as SymPy's LaTeX printer writes it: ``gamma`` as γ, ``Xhat``
    as X̂, ``Ptilde`` as P̃, ``Sigma_0`` as Σ₀ (``d_K``, whose K has no subscript character, as d_K)."""
    base, sub = name.rsplit("_", 1) if "_" in name.strip("_") else (name, "")
    if sub:
        small = "".join(_SUBSCRIPT_OF[c] for c in sub) if all(c in _SUBSCRIPT_OF for c in sub) else None
        return _accented(base) + (small or "_" + greek_unicode.get(sub, sub))
    for suffix, accent in _ACCENTS.items():
        if name.endswith(suffix) and len(name) > len(suffix):
            return _accented(name[: -len(suffix)]) + accent
    return greek_unicode.get(name, name)


def _opens_with_word(expr) -> bool:
    """True when *expr*, printed, opens with a multi-letter word (dX, softmax(…), vec(…)), so that a
    factor before it needs a space: A dX B, not AdXB.  Parentheses around it do not matter."""
    while True:
        if isinstance(expr, Differential) or getattr(expr, "precedence", None) == FUNCTION_CALL:
            return True
        if isinstance(expr, sp.MatMul):
            coeff, factors = expr.as_coeff_matrices()
            if coeff != 1:
                return False
            expr = factors[0]
        elif isinstance(expr, (sp.MatAdd, sp.KroneckerProduct, sp.HadamardProduct)):
            expr = expr.args[0]
        elif isinstance(expr, (sp.Transpose, sp.Inverse)):
            expr = expr.arg
        else:
            return False


class HandbookUnicodePrinter(StrPrinter):
    """Plain-text formulas for the terminal: Aᵀ(AX − B), X⁻ᵀ, tr(AXB), B ᵀ ⊗ A, QKᵀ/√d."""

    def parenthesize(self, item, level, strict=False):
        """Parentheses by mathematical precedence, as in LaTeX (a transpose binds like a power)."""
        if _reads_as_transpose(item, level):
            return self._print(item)
        prec = precedence_traditional(item)
        if prec < level or (not strict and prec <= level):
            return f"({self._print(item)})"
        return self._print(item)

    def _print_MatrixSymbol(self, expr):
        return _accented(expr.name)

    def _print_Cotangent(self, expr):
        return _accented(expr.of) + "\u0304"

    def _print_ScalarConstant(self, expr):
        return _accented(expr.name)

    def _wrap(self, expr) -> str:
        """*expr* as the base of a superscript (ᵀ, ⁻¹): parenthesised unless it binds tighter."""
        return self.parenthesize(expr, PRECEDENCE["Pow"])

    def _print_Transpose(self, expr):
        base = _is_inverse_transpose(expr)
        if base is not None:
            return self._wrap(base) + "⁻ᵀ"
        if isinstance(expr.arg, sp.Inverse) and isinstance(expr.arg.arg, sp.Transpose):
            return self._wrap(expr.arg.arg.arg) + "⁻¹"
        if hasattr(expr.arg, "superscript"):  # a node written as a superscript joins the transpose: A⁺ᵀ
            return self._wrap(expr.arg.arg) + expr.arg.superscript[1] + _SUPERSCRIPT_T
        return self._wrap(expr.arg) + _SUPERSCRIPT_T

    def _print_Inverse(self, expr):
        base = _is_inverse_transpose(expr)
        if base is not None:
            return self._wrap(base) + "⁻ᵀ"
        return self._wrap(expr.arg) + "⁻¹"

    def _print_Trace(self, expr):
        norm = _squared_norm(expr)
        if norm is not None:
            return f"‖{self._print(norm)}‖²" + ("" if _is_column(norm) else "_F")
        return f"tr({self._print(expr.arg)})"

    def _print_Determinant(self, expr):
        if isinstance(expr.arg, (sp.MatrixSymbol, Named)):
            return f"det {self._print(expr.arg)}"
        return f"det({self._print(expr.arg)})"

    def _print_log(self, expr):
        return f"log {self._print(expr.args[0])}" if isinstance(expr.args[0], sp.Determinant) else f"log({self._print(expr.args[0])})"

    def _print_Identity(self, expr):
        return "1" if expr.rows == 1 else "I"

    def _print_Pi(self, expr):
        return "π"

    def _print_Symbol(self, expr):
        """A scalar's name as it is written: ell → ℓ, tau → τ (as SymPy's LaTeX printer writes them)."""
        return "ℓ" if expr.name == "ell" else _accented(expr.name)

    def _print_Pow(self, expr, rational=False):
        if expr.exp == sp.Rational(1, 2):
            return "√" + self.parenthesize(expr.base, PRECEDENCE["Pow"])
        if expr.exp == -sp.Rational(1, 2):
            return "1/√" + self.parenthesize(expr.base, PRECEDENCE["Pow"])
        if expr.base.is_Matrix:
            return super()._print_Pow(expr, rational)
        base = self.parenthesize(expr.base, PRECEDENCE["Pow"], strict=True)
        if (" " in base or _squared_norm(expr.base) is not None) and not base.startswith("("):
            base = f"({base})"   # det X, log det X, ‖x‖²: (det X)ᵖ, not det Xᵖ
        exponent = self._print(expr.exp)
        raised = _superscript(exponent)
        return base + (raised if raised is not None else f"^({exponent})")

    def _print_Rational(self, expr):
        return "½" if expr == sp.Rational(1, 2) else super()._print_Rational(expr)

    def _print_Half(self, expr):
        return "½"

    def _print_MatMul(self, expr):
        coeff, factors = _coeff_matrices(expr)
        body = ""
        for i, factor in enumerate(factors):
            spaced = i and (_opens_with_word(factor) or isinstance(factors[i - 1], Differential))
            body += (" " if spaced else "") + self.parenthesize(factor, PRECEDENCE["Mul"])
        return self._with_coefficient(coeff, body, spaced=_opens_with_word(factors[0]) and body[0] != "(")

    def _with_coefficient(self, coeff, body: str, spaced: bool = False) -> str:
        """*body* scaled by *coeff*: −body, body/2, 2body (2 softmax(S) when body opens with a word)."""
        sign = ""
        if coeff.could_extract_minus_sign():
            sign, coeff = "−", -coeff
        if coeff == 1:
            return sign + body
        numer, denom = coeff.as_numer_denom()
        if numer == 1 and denom != 1:
            return f"{sign}{body}/{self.parenthesize(denom, PRECEDENCE['Pow']) if not denom.is_Pow else self._print(denom)}"
        if coeff.is_Mul and denom == 1:   # a symbolic coefficient: 2λx, k det(Xᵏ) X⁻ᵀ
            text = self._juxtaposed(coeff)
            spaced = spaced or not _is_letter(text.rsplit(" ", 1)[-1].rsplit("·", 1)[-1][-1:] or "·") \
                or text.endswith(")")
            return f"{sign}{text}{' ' if spaced else ''}{body}"
        return f"{sign}{self.parenthesize(coeff, PRECEDENCE['Mul'])}{' ' if spaced else ''}{body}"

    def _print_MatAdd(self, expr):
        inner = _transposed_sum(expr)
        if inner is not None:
            return f"({self._print(inner)})ᵀ"
        return _join_terms([self._print(term) for term in expr.args], "−")

    def _print_Add(self, expr, order=None):
        return _join_terms([self._print(term) for term in self._as_ordered_terms(expr, order=order)], "−")

    def _print_Mul(self, expr):
        if not expr.is_Mul:   # SymPy prints a negative power, 1/x, through its product printer
            return super()._print_Mul(expr)
        expr = _flat_product(expr)
        if not expr.is_Mul:   # the numbers cancelled: 2·½·x is x
            return self._print(expr)
        coeff, rest = expr.as_coeff_Mul()
        if coeff == sp.Rational(1, 2) and _squared_norm(rest) is not None:   # ½‖AX − B‖²_F, as people write it
            return "½" + self._print(rest)
        if (coeff != 1 and coeff != -1 or rest.is_Mul) and sp.fraction(rest)[1] == 1:
            return self._juxtaposed(expr)
        if coeff != 1 and coeff != -1 or rest.is_Mul:   # a quotient: 2/√d, as SymPy writes it
            text = super()._print_Mul(expr).replace("*", "·")
            return "−" + text[1:] if text.startswith("-") else text
        text = self._print(rest)
        return ("−" + text) if coeff == -1 else text

    def _juxtaposed(self, expr) -> str:
        """A product of scalars as people write it: 2λ, λ‖x‖², 2λx; a factor that is a word
        (tr(A), log det X) is set off by a middle dot, where juxtaposition would run words together."""
        coeff, rest = expr.as_coeff_Mul()
        sign = ""
        if coeff < 0:
            sign, coeff = "−", -coeff
        texts = [self.parenthesize(f, PRECEDENCE["Mul"]) for f in rest.as_ordered_factors()]
        texts = ([] if coeff == 1 else ["½" if coeff == sp.Rational(1, 2) else self.parenthesize(coeff, PRECEDENCE["Mul"])]) + \
            sorted(texts, key=lambda text: not _is_letter(text))
        out = texts[0]
        for previous, text in zip(texts, texts[1:]):
            if _is_letter(text) or text[0] in "(‖|":
                out += text if _is_letter(previous) or text[0] in "(‖|" else "·" + text
            else:
                out += (" " if _is_letter(previous) else "·") + text
        return sign + out

    def _print_KroneckerProduct(self, expr):
        return " ⊗ ".join(self.parenthesize(a, PRECEDENCE["Mul"], strict=True) for a in expr.args)

    def _print_HadamardProduct(self, expr):
        return " ⊙ ".join(self.parenthesize(a, PRECEDENCE["Mul"], strict=True) for a in expr.args)

    def _print_SoftmaxRows(self, expr):
        return f"softmax({self._print(expr.arg)})"

    _print_Softmax = _print_SoftmaxRows

    def _print_DiagMatrix(self, expr):
        return f"diag({self._print(expr.args[0])})"

    def _print_Vec(self, expr):
        return ("vec" if expr.order == "F" else "vecᵣ") + f"({self._print(expr.arg)})"

    def _print_RowSums(self, expr):
        return self._wrap(expr.arg) + "𝟏"

    def _print_Named(self, expr):
        return self._print(expr.symbol)

    def _print_Ones(self, expr):
        rows, _ = expr.shape
        return "𝟏ᵀ" if rows == 1 else "𝟏"


class CodeUnavailable(NotImplementedError):
    """A construct has no faithful equivalent in an array library: the code for that library is not printed.

    ``backend`` is the library's label ("JAX", "PyTorch") and ``construct`` names what it lacks; the
    message is one sentence saying both, and :attr:`notice` what the handbook and the export say in
    place of the code."""

    def __init__(self, backend: str, construct: str):
        self.backend, self.construct = backend, construct
        super().__init__(f"{construct} has no faithful equivalent in {backend}")

    @property
    def notice(self) -> str:
        """What a page or the export says in place of the code."""
        return f"{self.backend} code is not available for this identity: {self}."


@dataclass(eq=False)
class Backend:
    """An array library the code is printed for: NumPy (the code the checker runs), JAX or PyTorch.

    ``imports`` and ``setup`` open every listing (for JAX, the switch to float64); ``functions``
    spells each operation the printing rules name, by its NumPy name (``"linalg.inv"``, ``"trace"``)
    or the name of a NumPy helper (``"cholesky_lower"``): a function to call (``"torch.linalg.inv"``)
    or a template with ``{0}``, ``{1}``… for its arguments (``"jax.nn.softmax({0}, axis=1)"``);
    ``helpers`` holds the source of the helper functions the code may call by name, printed above
    it.  An operation in neither has no equivalent there: printing it raises
    :class:`CodeUnavailable` naming it.  ``more_imports`` adds an import line to a listing that uses
    a name starting with its key (``"math."``: ``import math``).
    """

    name: str
    label: str
    imports: tuple[str, ...]
    setup: str = ""
    functions: dict[str, str] = field(default_factory=dict)
    helpers: dict[str, str] = field(default_factory=dict)
    more_imports: dict[str, str] = field(default_factory=dict)

    def spell(self, op: str) -> str | None:
        """The spelling of an operation that is a library function (None: a helper, or missing)."""
        return self.functions.get(op)

    def opening(self, body: str) -> str:
        """The lines that open a listing of *body*: its imports (with those *body* needs beyond the
        usual ones), then the setup."""
        lines = list(self.imports) + sorted(line for prefix, line in self.more_imports.items()
                                            if re.search(r"(?<![\w.])" + re.escape(prefix), body))
        return "\n".join(lines) + (f"\n\n{self.setup}" if self.setup else "")


#: The operations the printers of :mod:`printing` itself name, by their NumPy names; each backend
#: spells them in its library (the construct modules add their own, see :func:`code_operation`).
_LIBRARY_OPERATIONS = ("linalg.inv", "linalg.det", "linalg.solve", "linalg.matrix_power", "trace", "kron", "eye",
                       "ones", "diagflat", "diag", "tril", "triu", "real", "conj", "block",
                       "exp", "log", "tanh", "sqrt")

#: Helper functions the NumPy code may call, by name; printed above the code that uses them.
NUMPY_HELPERS: dict[str, str] = {
    "softmax": (
        "def softmax(x):\n"
        "    \"\"\"Softmax of a vector; its maximum is subtracted first to avoid overflow.\"\"\"\n"
        "    e = np.exp(x - x.max())\n"
        "    return e / e.sum()\n"
    ),
    "softmax_rows": (
        "def softmax_rows(S):\n"
        "    \"\"\"Softmax of each row; the row maximum is subtracted first to avoid overflow.\"\"\"\n"
        "    E = np.exp(S - S.max(axis=1, keepdims=True))\n"
        "    return E / E.sum(axis=1, keepdims=True)\n"
    ),
}

NUMPY = Backend("numpy", "NumPy", ("import numpy as np",),
                functions={op: f"np.{op}" for op in _LIBRARY_OPERATIONS}, helpers=NUMPY_HELPERS)
JAX = Backend("jax", "JAX", ("import jax", "import jax.numpy as jnp"),
              # JAX computes in float32 unless told otherwise; the identities are stated in float64.
              setup='jax.config.update("jax_enable_x64", True)',
              functions={**{op: f"jnp.{op}" for op in _LIBRARY_OPERATIONS},
                         "softmax": "jax.nn.softmax({0}, axis=0)", "softmax_rows": "jax.nn.softmax({0}, axis=1)"},
              more_imports={"jax.scipy.linalg.": "import jax.scipy.linalg"})
TORCH = Backend("torch", "PyTorch", ("import torch",),
                # no block (concatenations, see HandbookTorchPrinter); kron is a helper (see torch_code)
                functions={**{op: f"torch.{op}" for op in _LIBRARY_OPERATIONS if op not in ("block", "kron")},
                           "softmax": "torch.softmax({0}, dim=0)", "softmax_rows": "torch.softmax({0}, dim=1)"},
                more_imports={"math.": "import math"})
#: The backends code is printed for, by name; NumPy's is the code the checker runs.
BACKENDS: dict[str, Backend] = {b.name: b for b in (NUMPY, JAX, TORCH)}


def backend_of(backend: str | Backend) -> Backend:
    """A backend given by name ("numpy", "jax", "torch") or itself; an unknown name is refused."""
    if isinstance(backend, Backend):
        return backend
    try:
        return BACKENDS[backend]
    except KeyError:
        raise ValueError(f"unknown backend {backend!r}; the code is printed for {', '.join(BACKENDS)}") from None


class HandbookNumPyPrinter(NumPyPrinter):
    """NumPy code that also runs on complex input (for the complex step): ``@``, ``.T``, ``np.linalg.inv``.

    It is also the code printer of the other backends (:class:`HandbookJaxPrinter`,
    :class:`HandbookTorchPrinter`): every rule writes its code through :meth:`call`, :meth:`eye`,
    :meth:`ones`, :meth:`sums` and :meth:`block`, which spell each operation in the printer's
    :class:`Backend`, so one rule per construct serves the three libraries."""

    backend: Backend = NUMPY

    def __init__(self, settings=None, hoisted: frozenset[str] = frozenset()):
        super().__init__(settings)
        self.helpers: set[str] = set()
        self.hoisted = hoisted

    def _module_format(self, fqn, register=True):
        return "np." + fqn[len("numpy."):] if fqn.startswith("numpy.") else fqn

    # -- the vocabulary of the rules: one operation, spelled in the printer's backend ---------------
    def call(self, op: str, *args) -> str:
        """The call of operation *op* (a NumPy name such as ``"linalg.solve"``, or a helper's name) on
        *args* (expressions, printed here, or code already printed): the backend's library function,
        or its helper, which the code then carries.  Missing in the backend: :class:`CodeUnavailable`."""
        texts = [a if isinstance(a, str) else self._print(a) for a in args]
        spelled = self.backend.spell(op)
        if spelled is None:
            if op not in self.backend.helpers:
                raise CodeUnavailable(self.backend.label, op)
            self.helpers.add(op)
            spelled = op
        return spelled.format(*texts) if "{" in spelled else f"{spelled}({', '.join(texts)})"

    def eye(self, size) -> str:
        return self.call("eye", size)

    def ones(self, rows, cols) -> str:
        return self.call("ones", f"({self._print(rows)}, {self._print(cols)})")

    def sums(self, operand: str, axis: int) -> str:
        """The sums of *operand* (printed code) along *axis*, kept as a row or a column."""
        return f"{operand}.sum(axis={axis}, keepdims=True)"

    def vec(self, operand: str, order: str) -> str:
        """vec of *operand* (printed code) as a column, stacking columns ("F") or rows ("C")."""
        return f'{operand}.reshape(-1, 1, order="{order}")'

    def block(self, grid: list[list[str]]) -> str:
        """The block matrix of printed blocks, row by row."""
        return self.call("block", "[" + ", ".join("[" + ", ".join(row) + "]" for row in grid) + "]")

    # -- the printing of SymPy's nodes ---------------------------------------------------------------
    def _print_MatrixSymbol(self, expr):
        return code_name(expr.name)

    _print_Differential = _print_MatrixSymbol

    def _print_ScalarConstant(self, expr):
        return expr.name

    def _operand(self, expr) -> str:
        """*expr* printed as an operand of ``@``, ``*`` or ``.T``: parenthesised unless the code is
        already a Python primary (a name, a number, a call, an attribute), which binds tighter than
        any operator."""
        text = self._print(expr)
        return text if _is_primary(text) else f"({text})"

    def _print_MatMul(self, expr):
        coeff, factors = expr.as_coeff_matrices()
        body = " @ ".join(self._operand(f) for f in factors)
        if coeff == 1:
            return body
        if coeff == -1:
            return f"-{body}"
        return f"{self.parenthesize(coeff, PRECEDENCE['Mul'])} * ({body})" if len(factors) > 1 else \
            f"{self.parenthesize(coeff, PRECEDENCE['Mul'])} * {body}"

    def _print_MatAdd(self, expr):
        out = ""
        for i, term in enumerate(expr.args):
            text = self._print(term)
            if i and text.startswith("-"):
                out += " - " + text[1:]
            else:
                out += (" + " if i else "") + text
        return out

    def _print_Transpose(self, expr):
        return self._operand(expr.arg) + ".T"

    def _print_Inverse(self, expr):
        return self.call("linalg.inv", expr.arg)

    def _print_Trace(self, expr):
        return self.call("trace", expr.arg)

    def _print_Determinant(self, expr):
        return self.call("linalg.det", expr.arg)

    def _print_Identity(self, expr):
        return self.eye(expr.rows)

    def _print_KroneckerProduct(self, expr):
        out = self._print(expr.args[-1])
        for arg in reversed(expr.args[:-1]):
            out = self.call("kron", arg, out)
        return out

    def _print_HadamardProduct(self, expr):
        return " * ".join(self._operand(a) for a in expr.args)

    def _print_SoftmaxRows(self, expr):
        return self.call("softmax_rows", expr.arg)

    def _print_Softmax(self, expr):
        return self.call("softmax", expr.arg)

    def _print_DiagMatrix(self, expr):
        return self.call("diagflat", expr.args[0])

    def _print_Vec(self, expr):
        return self.vec(self._operand(expr.arg), expr.order)

    def _print_RowSums(self, expr):
        return self.sums(self._operand(expr.arg), 1)

    def _print_Ones(self, expr):
        return self.ones(expr.args[0], expr.args[1])

    def _print_Named(self, expr):
        return code_name(expr.name) if expr.name in self.hoisted else self._operand(expr.expr)


#: NumPy functions SymPy's own printing may call for scalars (log det X, √d, π), and their JAX names.
_SCALAR_FUNCTIONS = ("exp", "log", "sqrt", "tanh", "sin", "cos", "abs", "real", "imag", "conjugate", "pi", "e")


class HandbookJaxPrinter(HandbookNumPyPrinter):
    """JAX code (``jax.numpy`` as ``jnp``): NumPy's code with each operation spelled by :data:`JAX`."""

    backend = JAX

    def _module_format(self, fqn, register=True):
        if fqn.startswith("numpy."):
            name = fqn[len("numpy."):]
            if name not in _SCALAR_FUNCTIONS:
                raise CodeUnavailable(self.backend.label, fqn)
            return "jnp." + name
        return fqn


#: NumPy's scalar functions as PyTorch spells them on tensors, and as the math module spells them on
#: Python numbers (sizes such as the d of 1/√d are ints, which torch functions refuse).
_TORCH_SCALARS = {"exp": "torch.exp", "log": "torch.log", "sqrt": "torch.sqrt", "tanh": "torch.tanh",
                  "sin": "torch.sin", "cos": "torch.cos", "abs": "torch.abs", "real": "torch.real",
                  "imag": "torch.imag", "conjugate": "torch.conj", "pi": "math.pi", "e": "math.e"}
_MATH_SCALARS = {"exp": "math.exp", "log": "math.log", "sqrt": "math.sqrt", "tanh": "math.tanh", "sin": "math.sin",
                 "cos": "math.cos", "abs": "abs", "pi": "math.pi", "e": "math.e"}


def _tensor_free(expr) -> bool:
    """Whether *expr* is a number computed from sizes, numbers and sampled constants only (no matrix, no
    scalar parameter): PyTorch code computes it with Python's ``math``.  Sizes are the integer
    symbols (:data:`.symbols.DIMS`); a scalar parameter is a real one."""
    if not isinstance(expr, sp.Expr) or getattr(expr, "is_Matrix", False):
        return False
    for node in sp.preorder_traversal(expr):
        if isinstance(node, sp.MatrixExpr) or getattr(node, "is_Matrix", False):
            return False
        if isinstance(node, sp.Symbol) and not node.is_integer:   # a scalar parameter, not a size
            return False
    return True


class HandbookTorchPrinter(HandbookNumPyPrinter):
    """PyTorch code on float64 (or complex128) tensors: NumPy's code with each operation spelled by
    :data:`TORCH`; constants are made in float64 (PyTorch's default is float32), reductions name
    ``dim``, block matrices are concatenations, and numbers computed from sizes use ``math``."""

    backend = TORCH

    def __init__(self, settings=None, hoisted: frozenset[str] = frozenset()):
        super().__init__(settings, hoisted)
        self._python_number = False

    def _print(self, expr, **kwargs):
        if self._python_number or not _tensor_free(expr) or expr.is_Atom:
            return super()._print(expr, **kwargs)
        self._python_number = True
        try:
            return super()._print(expr, **kwargs)
        finally:
            self._python_number = False

    def _module_format(self, fqn, register=True):
        if fqn.startswith("numpy."):
            name = fqn[len("numpy."):]
            spelled = (_MATH_SCALARS if self._python_number else _TORCH_SCALARS).get(name)
            if spelled is None:
                raise CodeUnavailable(self.backend.label, fqn)
            return spelled
        return fqn

    def eye(self, size) -> str:
        return f"torch.eye({self._print(size)}, dtype=torch.float64)"

    def ones(self, rows, cols) -> str:
        return f"torch.ones(({self._print(rows)}, {self._print(cols)}), dtype=torch.float64)"

    def sums(self, operand: str, axis: int) -> str:
        return f"{operand}.sum(dim={axis}, keepdim=True)"

    def vec(self, operand: str, order: str) -> str:
        return f"{operand}.T.reshape(-1, 1)" if order == "F" else f"{operand}.reshape(-1, 1)"

    def block(self, grid: list[list[str]]) -> str:
        rows = ["torch.cat([" + ", ".join(row) + "], dim=1)" for row in grid]
        return "torch.cat([" + ", ".join(rows) + "], dim=0)"


#: The code printer of each backend.
CODE_PRINTERS: dict[str, type[HandbookNumPyPrinter]] = {
    "numpy": HandbookNumPyPrinter, "jax": HandbookJaxPrinter, "torch": HandbookTorchPrinter}


def _is_primary(code: str) -> bool:
    node = ast.parse(code, mode="eval").body
    return isinstance(node, (ast.Name, ast.Call, ast.Attribute, ast.Subscript)) or (
        isinstance(node, ast.Constant) and not isinstance(node.value, complex))


def latex(expr) -> str:
    """The LaTeX of *expr* in the house notation."""
    return HandbookLatexPrinter({"order": "none"}).doprint(expr)


def unicode(expr) -> str:
    """A plain-text rendering of *expr* for terminals and search snippets."""
    return HandbookUnicodePrinter({"order": "none"}).doprint(expr)


def latex_operand(expr, level: int = PRECEDENCE["Mul"], strict: bool = True) -> str:
    """The LaTeX of *expr* as an operand at precedence *level*: in parentheses when it binds looser
    (by default: a sum next to a product)."""
    return HandbookLatexPrinter({"order": "none"}).parenthesize(expr, level, strict=strict)


def unicode_operand(expr, level: int = PRECEDENCE["Mul"], strict: bool = False) -> str:
    """The Unicode of *expr* as an operand at precedence *level*: in parentheses unless it binds
    tighter (by default: a sum or a product next to an operator such as ∇_X)."""
    return HandbookUnicodePrinter({"order": "none"}).parenthesize(expr, level, strict=strict)


def numpy_code(expr, hoisted: frozenset[str] = frozenset()) -> tuple[str, frozenset[str]]:
    """The NumPy expression for *expr* and the helper functions it calls; named sub-expressions
    listed in *hoisted* are printed by name (they are assigned before)."""
    return code(expr, NUMPY, hoisted)


def code(expr, backend: str | Backend = NUMPY, hoisted: frozenset[str] = frozenset()) -> tuple[str, frozenset[str]]:
    """The expression for *expr* in *backend*'s library ("numpy", "jax", "torch") and the helper
    functions it calls.  A construct the library has no equivalent of raises :class:`CodeUnavailable`."""
    backend = backend_of(backend)
    printer = CODE_PRINTERS[backend.name]({"fully_qualified_modules": False}, hoisted=hoisted)
    text = printer.doprint(expr)
    if backend is not NUMPY and re.search(r"\bnp\.", text):   # a rule that wrote NumPy itself
        raise CodeUnavailable(backend.label, f"the NumPy code {text!r}")
    return text, frozenset(printer.helpers)


def _calls(source: str, helpers: dict[str, str]) -> set[str]:
    """The registered helpers a helper's source calls by name."""
    return {node.func.id for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in helpers}


def helpers_used(names, backend: str | Backend = NUMPY) -> str:
    """The source of the named helpers and of every helper they call, in a stable order."""
    helpers = backend_of(backend).helpers
    wanted, todo = set(), list(names)
    while todo:
        name = todo.pop()
        if name not in wanted:
            if name not in helpers:
                raise CodeUnavailable(backend_of(backend).label, name)
            wanted.add(name)
            todo += _calls(helpers[name], helpers) - wanted
    return "".join(helpers[n] + "\n\n" for n in sorted(wanted))


def helper_functions(*names) -> dict[str, object]:
    """The named helpers as callables, executed from the very source printed above generated code
    (for tests and for readers who want one without printing an expression)."""
    namespace: dict[str, object] = {"np": np}
    exec(compile(helpers_used(names), "<numpy helpers>", "exec"), namespace)
    return {n: namespace[n] for n in names}


def print_rule(cls: type, *, latex, unicode, numpy) -> type:
    """Teach the three house printers one construct: each argument is a function ``(printer, expr) -> str``.

    A construct module declares its node and its three printings side by side and calls this once,
    so that printing.py does not grow with every construct and no construct is printable in one
    form but not another.  Inside a rule, ``printer._print(arg)`` prints an operand and
    ``printer.parenthesize(arg, level)`` brackets it by precedence; a NumPy rule that calls a helper
    function adds its name to ``printer.helpers`` (see :func:`numpy_helper`).

    The ``numpy`` rule is the code rule of every backend: written with the printer's vocabulary
    (``printer.call(op, *args)``, ``printer.eye(n)``, ``printer.sums(code, axis)``…) it prints JAX
    and PyTorch code too, each operation spelled by that backend (see :func:`code_operation`); a rule
    that writes ``np.`` itself prints NumPy only, and the other backends refuse it.
    """
    name = f"_print_{cls.__name__}"
    for printer, rule in ((HandbookLatexPrinter, latex), (HandbookUnicodePrinter, unicode),
                          (HandbookNumPyPrinter, numpy)):
        if not callable(rule):
            raise TypeError(f"print_rule({cls.__name__}): every printer needs a rule, got {rule!r}")
        setattr(printer, name, rule)
    _MISSING.clear()
    return cls


def exponent(printer, expr) -> str:
    """*expr* printed as an exponent, a sum in the order people write one (k − 1, not −1 + k)."""
    if isinstance(expr, sp.Add):
        return printer._print_Add(expr, order="lex")
    return printer._print(expr)


def numpy_helper(name: str, source: str) -> None:
    """Register the source of a helper function that printed NumPy code may call by *name*; it is
    printed above the code that uses it, so the code on a page runs as it stands."""
    if not name.isidentifier() or f"def {name}(" not in source:
        raise ValueError(f"numpy_helper: {name!r} must be an identifier defined by the source")
    if NUMPY_HELPERS.get(name, source) != source:
        raise ValueError(f"numpy_helper: a different helper called {name!r} is already registered")
    NUMPY_HELPERS[name] = source


def code_helper(backend: str | Backend, name: str, source: str) -> None:
    """Register the source of a helper function that *backend*'s code may call by *name* (for NumPy,
    the same as :func:`numpy_helper`)."""
    backend = backend_of(backend)
    if not name.isidentifier() or f"def {name}(" not in source:
        raise ValueError(f"code_helper: {name!r} must be an identifier defined by the source")
    if backend.helpers.get(name, source) != source:
        raise ValueError(f"code_helper: a different {backend.label} helper called {name!r} is already registered")
    backend.helpers[name] = source


def code_operation(backend: str | Backend, op: str, spelling: str) -> None:
    """Spell operation *op* in *backend*: a library function (``"torch.linalg.matrix_exp"``) or a
    template with ``{0}``, ``{1}``… for the arguments (``"jax.nn.softmax({0}, axis=1)"``)."""
    backend = backend_of(backend)
    if backend.functions.get(op, spelling) != spelling:
        raise ValueError(f"code_operation: {op!r} is already spelled {backend.functions[op]!r} in {backend.label}")
    backend.functions[op] = spelling


#: Printer methods that print every node of a broad class the same way, whatever the node means
#: (SymPy's ``_print_Basic`` writes ``ClassName(args)``): they do not count as knowing a construct.
_CATCH_ALL = frozenset({"Basic", "Expr", "Atom", "AtomicExpr", "MatrixExpr", "Application", "Boolean", "object"})
#: The NumPy printer must know a scalar function by name (``np.exp``); its generic function printing
#: writes an undefined call.  The mathematical printers spell any named function correctly.
_NUMPY_CATCH_ALL = _CATCH_ALL | {"Function", "AppliedUndef", "UndefinedFunction"}

_PRINTERS = (("LaTeX", HandbookLatexPrinter, _CATCH_ALL), ("Unicode", HandbookUnicodePrinter, _CATCH_ALL),
             ("NumPy", HandbookNumPyPrinter, _NUMPY_CATCH_ALL))


#: missing_printers by class; print_rule empties it, since a rule may come after a check.
_MISSING: dict[type, tuple[str, ...]] = {}


def missing_printers(node) -> tuple[str, ...]:
    """The house printers ("LaTeX", "Unicode", "NumPy") that have no printing of their own for the class
    of *node*: a closed check, so that a formula never reaches a page or the checker half-printable."""
    cls = type(node)
    if cls not in _MISSING:
        _MISSING[cls] = tuple(
            label for label, printer, catch_all in _PRINTERS
            if getattr(cls, printer.printmethod, None) is None
            and not any(hasattr(printer, f"_print_{c.__name__}") for c in cls.__mro__ if c.__name__ not in catch_all))
    return _MISSING[cls]
