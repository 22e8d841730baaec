"""Three printers for one expression: LaTeX for the page, Unicode for the terminal, NumPy for the code.

Each is a small subclass of a SymPy printer with one ``_print_<Class>`` method per construct
(STYLE 7): transposes print as ``^\\top``, inverse transposes as ``X^{-\\top}``, products as ``@``.
"""

from __future__ import annotations

import re

import sympy as sp
from sympy.matrices.expressions.diagonal import DiagMatrix
from sympy.printing.latex import LatexPrinter
from sympy.printing.numpy import NumPyPrinter
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.str import StrPrinter

from .nodes import Named, Ones, RowSums, Softmax, SoftmaxRows, Vec

__all__ = ["latex", "unicode", "numpy_code", "NUMPY_HELPERS", "helpers_used"]


def _is_differential(name: str) -> bool:
    return len(name) > 1 and name[0] == "d" and name[1].isalpha()


def _is_cotangent(name: str) -> bool:
    return name.endswith("bar") and len(name) > 3


def _is_inverse_transpose(expr) -> sp.Expr | None:
    """The X in X⁻ᵀ written either as (X⁻¹)ᵀ or (Xᵀ)⁻¹, else None."""
    if isinstance(expr, sp.Transpose) and isinstance(expr.arg, sp.Inverse):
        if isinstance(expr.arg.arg, sp.Transpose):  # ((Xᵀ)⁻¹)ᵀ is X⁻¹, handled by the caller
            return None
        return expr.arg.arg
    if isinstance(expr, sp.Inverse) and isinstance(expr.arg, sp.Transpose):
        return expr.arg.arg
    return None


class HandbookLatexPrinter(LatexPrinter):
    """LaTeX in the house notation: ``^{\\top}``, ``X^{-\\top}``, upright tr/det/vec, ``\\mathrm{d}X``, ``\\bar{Z}``."""

    def _print_MatrixSymbol(self, expr):
        name = expr.name
        if _is_differential(name):
            return r"\mathrm{d}" + self._print(sp.Symbol(name[1:]))
        if _is_cotangent(name):
            return r"\bar{%s}" % self._print(sp.Symbol(name[:-3]))
        return self._print(sp.Symbol(name))

    def _wrap(self, expr) -> str:
        text = self._print(expr)
        atomic = isinstance(expr, (sp.MatrixSymbol, sp.Identity, SoftmaxRows, Softmax, DiagMatrix, Vec, Ones, Named)) or not expr.is_MatrixExpr
        if isinstance(expr, sp.MatrixSymbol) and _is_differential(expr.name):
            atomic = False
        return text if atomic and "^" not in text else r"\left(%s\right)" % text

    def _print_MatAdd(self, expr):
        out = ""
        for i, term in enumerate(expr.args):
            text = self._print(term)
            if i and text.startswith("-"):
                out += " - " + text[1:].lstrip()
            else:
                out += (" + " if i else "") + text
        return out

    def _print_MatMul(self, expr):
        coeff, factors = expr.as_coeff_matrices()
        grouped = (sp.MatAdd, sp.KroneckerProduct, sp.HadamardProduct, sp.MatMul)
        body = " ".join(r"\left(%s\right)" % self._print(f) if isinstance(f, grouped) else self._print(f)
                        for f in factors)
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
        return r"%s^{\top}" % self._wrap(expr.arg)

    def _print_Inverse(self, expr):
        base = _is_inverse_transpose(expr)
        if base is not None:
            return r"%s^{-\top}" % self._wrap(base)
        return r"%s^{-1}" % self._wrap(expr.arg)

    def _print_Trace(self, expr):
        return r"\operatorname{tr}\left(%s\right)" % self._print(expr.arg)

    def _print_Determinant(self, expr):
        if isinstance(expr.arg, sp.MatrixSymbol):
            return r"\det %s" % self._print(expr.arg)
        return r"\det\left(%s\right)" % self._print(expr.arg)

    def _print_log(self, expr, exp=None):
        if isinstance(expr.args[0], sp.Determinant):
            return r"\log %s" % self._print(expr.args[0])
        return r"\log\left(%s\right)" % self._print(expr.args[0])

    def _print_Identity(self, expr):
        return r"I_{%s}" % self._print(expr.rows)

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
        return self._print(sp.MatrixSymbol(expr.name, *expr.shape))

    def _print_Ones(self, expr):
        rows, cols = expr.shape
        if rows == 1:
            return r"\mathbf{1}_{%s}^{\top}" % self._print(cols)
        if cols == 1:
            return r"\mathbf{1}_{%s}" % self._print(rows)
        return r"\mathbf{1}_{%s \times %s}" % (self._print(rows), self._print(cols))


_SUPERSCRIPT_T = "ᵀ"
_NAME_START = re.compile(r"^\(?(d[A-Za-z]|tr\(|det\(|softmax\(|vec)")
_NAME_END = re.compile(r"d[A-Za-z][ᵀ⁻¹]*\)?$")


def _starts_with_name(text: str) -> bool:
    """True when a factor opens with a multi-letter name (dX, tr(…)), which needs a space before it."""
    return bool(_NAME_START.match(text))


def _ends_with_name(text: str) -> bool:
    return bool(_NAME_END.search(text)) and not text.endswith(")") or text.endswith("))")


class HandbookUnicodePrinter(StrPrinter):
    """Plain-text formulas for the terminal: Aᵀ(AX − B), X⁻ᵀ, tr(AXB), B ᵀ ⊗ A, QKᵀ/√d."""

    def _print_MatrixSymbol(self, expr):
        name = expr.name
        if _is_cotangent(name):
            return name[:-3] + "\u0304"
        return name

    def _wrap(self, expr) -> str:
        text = self._print(expr)
        atomic = isinstance(expr, (sp.MatrixSymbol, sp.Identity, SoftmaxRows, Softmax, DiagMatrix, Vec, Ones, Named)) or not expr.is_MatrixExpr
        if isinstance(expr, sp.MatrixSymbol) and _is_differential(expr.name):
            atomic = False
        return text if atomic else f"({text})"

    def _print_Transpose(self, expr):
        base = _is_inverse_transpose(expr)
        if base is not None:
            return self._wrap(base) + "⁻ᵀ"
        if isinstance(expr.arg, sp.Inverse) and isinstance(expr.arg.arg, sp.Transpose):
            return self._wrap(expr.arg.arg.arg) + "⁻¹"
        return self._wrap(expr.arg) + _SUPERSCRIPT_T

    def _print_Inverse(self, expr):
        base = _is_inverse_transpose(expr)
        if base is not None:
            return self._wrap(base) + "⁻ᵀ"
        return self._wrap(expr.arg) + "⁻¹"

    def _print_Trace(self, expr):
        return f"tr({self._print(expr.arg)})"

    def _print_Determinant(self, expr):
        if isinstance(expr.arg, sp.MatrixSymbol):
            return f"det {self._print(expr.arg)}"
        return f"det({self._print(expr.arg)})"

    def _print_log(self, expr):
        return f"log {self._print(expr.args[0])}" if isinstance(expr.args[0], sp.Determinant) else f"log({self._print(expr.args[0])})"

    def _print_Identity(self, expr):
        return "I"

    def _print_Pow(self, expr, rational=False):
        if expr.exp == sp.Rational(1, 2):
            return "√" + self.parenthesize(expr.base, PRECEDENCE["Pow"])
        if expr.exp == -sp.Rational(1, 2):
            return "1/√" + self.parenthesize(expr.base, PRECEDENCE["Pow"])
        return super()._print_Pow(expr, rational)

    def _print_Rational(self, expr):
        return "½" if expr == sp.Rational(1, 2) else super()._print_Rational(expr)

    def _print_Half(self, expr):
        return "½"

    def _print_MatMul(self, expr):
        coeff, factors = expr.as_coeff_matrices()
        texts = [self.parenthesize(f, PRECEDENCE["Mul"], strict=False) for f in factors]
        body = ""
        for i, text in enumerate(texts):
            spaced = i and (_starts_with_name(text) or _ends_with_name(texts[i - 1]))
            body += (" " if spaced else "") + text
        return self._with_coefficient(coeff, body)

    def _with_coefficient(self, coeff, body: str) -> str:
        sign = ""
        if coeff.could_extract_minus_sign():
            sign, coeff = "−", -coeff
        if coeff == 1:
            return sign + body
        numer, denom = coeff.as_numer_denom()
        if numer == 1 and denom != 1:
            return f"{sign}{body}/{self.parenthesize(denom, PRECEDENCE['Pow']) if not denom.is_Pow else self._print(denom)}"
        return f"{sign}{self.parenthesize(coeff, PRECEDENCE['Mul'])}{body}"

    def _print_MatAdd(self, expr):
        out = ""
        for i, term in enumerate(expr.args):
            text = self._print(term)
            if text.startswith("−"):
                out += (" − " if i else "−") + text[1:]
            else:
                out += (" + " if i else "") + text
        return out

    def _print_Add(self, expr, order=None):
        out = ""
        for i, term in enumerate(self._as_ordered_terms(expr, order=order)):
            text = self._print(term)
            if text.startswith("-") or text.startswith("−"):
                out += (" − " if i else "−") + text[1:]
            else:
                out += (" + " if i else "") + text
        return out

    def _print_Mul(self, expr):
        coeff, rest = expr.as_coeff_Mul()
        if coeff != 1 and coeff != -1 or rest.is_Mul:
            return super()._print_Mul(expr).replace("*", "·")
        text = self._print(rest)
        return ("−" + text) if coeff == -1 else text

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
        return self._print(sp.MatrixSymbol(expr.name, *expr.shape))

    def _print_Ones(self, expr):
        rows, _ = expr.shape
        return "𝟏ᵀ" if rows == 1 else "𝟏"


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


class HandbookNumPyPrinter(NumPyPrinter):
    """NumPy code that also runs on complex input (for the complex step): ``@``, ``.T``, ``np.linalg.inv``."""

    def __init__(self, settings=None, hoisted: frozenset[str] = frozenset()):
        super().__init__(settings)
        self.helpers: set[str] = set()
        self.hoisted = hoisted

    def _module_format(self, fqn, register=True):
        return "np." + fqn[len("numpy."):] if fqn.startswith("numpy.") else fqn

    def _print_MatrixSymbol(self, expr):
        return expr.name

    def _operand(self, expr) -> str:
        """*expr* printed as an operand of ``@``, ``*`` or ``.T``: parenthesised unless it is one call or name."""
        text = self._print(expr)
        callable_like = (sp.MatrixSymbol, sp.Identity, sp.Inverse, sp.Trace, sp.Determinant, sp.KroneckerProduct,
                         SoftmaxRows, Softmax, DiagMatrix, Ones, Vec, RowSums, sp.Transpose)
        if isinstance(expr, Named) and expr.name in self.hoisted:
            return text
        if isinstance(expr, callable_like) or not expr.is_MatrixExpr and expr.is_Atom:
            return text
        return f"({text})"

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
        return f"np.linalg.inv({self._print(expr.arg)})"

    def _print_Trace(self, expr):
        return f"np.trace({self._print(expr.arg)})"

    def _print_Determinant(self, expr):
        return f"np.linalg.det({self._print(expr.arg)})"

    def _print_Identity(self, expr):
        return f"np.eye({self._print(expr.rows)})"

    def _print_KroneckerProduct(self, expr):
        out = self._print(expr.args[-1])
        for arg in reversed(expr.args[:-1]):
            out = f"np.kron({self._print(arg)}, {out})"
        return out

    def _print_HadamardProduct(self, expr):
        return " * ".join(self._operand(a) for a in expr.args)

    def _print_SoftmaxRows(self, expr):
        self.helpers.add("softmax_rows")
        return f"softmax_rows({self._print(expr.arg)})"

    def _print_Softmax(self, expr):
        self.helpers.add("softmax")
        return f"softmax({self._print(expr.arg)})"

    def _print_DiagMatrix(self, expr):
        return f"np.diagflat({self._print(expr.args[0])})"

    def _print_Vec(self, expr):
        return f'{self._operand(expr.arg)}.reshape(-1, 1, order="{expr.order}")'

    def _print_RowSums(self, expr):
        return f"{self._operand(expr.arg)}.sum(axis=1, keepdims=True)"

    def _print_Ones(self, expr):
        return f"np.ones(({self._print(expr.args[0])}, {self._print(expr.args[1])}))"

    def _print_Named(self, expr):
        return expr.name if expr.name in self.hoisted else self._operand(expr.expr)


def latex(expr) -> str:
    """The LaTeX of *expr* in the house notation."""
    return HandbookLatexPrinter({"order": "none"}).doprint(expr)


def unicode(expr) -> str:
    """A plain-text rendering of *expr* for terminals and search snippets."""
    return HandbookUnicodePrinter({"order": "none"}).doprint(expr)


def numpy_code(expr, hoisted: frozenset[str] = frozenset()) -> tuple[str, frozenset[str]]:
    """The NumPy expression for *expr* and the helper functions it calls; named sub-expressions
    listed in *hoisted* are printed by name (they are assigned before)."""
    printer = HandbookNumPyPrinter({"fully_qualified_modules": False}, hoisted=hoisted)
    text = printer.doprint(expr)
    return text, frozenset(printer.helpers)


def helpers_used(names) -> str:
    """The source of the named helpers, in a stable order."""
    return "".join(NUMPY_HELPERS[n] + "\n\n" for n in sorted(names))
