"""Read a formula typed as ASCII, NumPy, LaTeX or Unicode into a small tree; nothing typed is executed.

The tree is made of JSON-ready lists, ``[op, *children]``: ``["sym", "X"]``, ``["num", 2.0]``,
``["dsym", "X"]`` (the differential dX), ``["eye"]`` (I), and operations such as
``["mul", a, b]``, ``["T", a]``, ``["tr", a]``.  The handbook's search page reads the same spellings
into the same trees (``docs/_static/lookup.js``), so both ask the same question of the index.

A query may be wrapped in a derivative: ``d(…)``, ``d …``, ``∂/∂X …``, ``\\frac{\\partial}{\\partial X}``,
``∇_X …``; :func:`parse` returns it apart from the expression.  Anything else that cannot be read
raises :class:`ParseError`, which names the column.

>>> parse("tr(X^T A X)").expr
['tr', ['mul', ['mul', ['T', ['sym', 'X']], ['sym', 'A']], ['sym', 'X']]]
>>> parse("tr(XᵀAX)").expr == parse(r"\\operatorname{tr}(X^\\top A X)").expr
True
>>> parse("∇_X log det X").derivative
{'op': 'grad', 'wrt': 'X'}
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["Query", "ParseError", "parse", "looks_like_formula", "FUNCTIONS"]

#: Names a reader may give a function, and the operation each one is.
FUNCTIONS = {
    "tr": "tr", "trace": "tr", "det": "det", "log": "log", "ln": "log", "exp": "exp", "inv": "inv",
    "pinv": "pinv", "diag": "diag", "vec": "vec", "kron": "kron", "sqrt": "sqrt", "tanh": "tanh",
    "sigmoid": "sigmoid", "softmax": "softmax", "abs": "abs", "norm": "norm", "sum": "sum",
    "logdet": "logdet", "transpose": "T", "matmul": "mul", "dot": "mul", "multiply": "had",
}
#: Functions of two arguments (the NumPy spellings, and kron(A, B)).
BINARY = {"kron", "mul", "had"}
_GREEK = {"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "eta": "η",
          "theta": "θ", "lambda": "λ", "mu": "μ", "nu": "ν", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ",
          "psi": "ψ", "omega": "ω", "Sigma": "Σ", "Lambda": "Λ", "Phi": "Φ", "Omega": "Ω", "Gamma": "Γ",
          "Theta": "Θ", "Delta": "Δ", "Psi": "Ψ", "ell": "ℓ", "pi": "π", "xi": "ξ", "zeta": "ζ", "kappa": "κ"}
_SUPERSCRIPTS = {"ᵀ": "T", "⊤": "T", "⁻": "-", "⁺": "+", "†": "+", "ᵏ": "k", "ⁿ": "n", "ᵐ": "m",
                 **{c: str(i) for i, c in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")}}
_SUBSCRIPTS = {"ₓ": "x", "ₖ": "k", "ₙ": "n", "ₘ": "m", "ᵢ": "i", "ⱼ": "j", **{c: str(i) for i, c in enumerate("₀₁₂₃₄₅₆₇₈₉")}}
_FRACTIONS = {"½": 0.5, "⅓": 1 / 3, "¼": 0.25, "⅔": 2 / 3, "¾": 0.75}
_OPERATORS = {"+": "+", "-": "-", "−": "-", "–": "-", "*": "*", "·": "*", "⋅": "*", "×": "*", "@": "@", "/": "/",
              "⊗": "⊗", "∘": "∘", "⊙": "∘", "^": "^", "=": "=", ",": ","}
_LATEX_OPERATORS = {"otimes": "⊗", "circ": "∘", "odot": "∘", "cdot": "*", "times": "*", "ast": "*"}
_LATEX_SKIP = {"left", "right", "big", "Big", "bigl", "bigr", "Bigl", "Bigr", "bigg", "Bigg", "biggl", "biggr",
               "Biggl", "Biggr", "displaystyle", "quad", "qquad", ",", ";", "!", ":", " ", "mathopen", "mathclose"}
_LATEX_FONTS = {"mathbf", "boldsymbol", "bm", "mathit", "mathsf", "mathrm", "operatorname", "text", "textrm",
                "mathbb", "mathcal", "mathnormal"}
_ACCENTS = {"bar": "\u0304", "overline": "\u0304", "hat": "\u0302", "widehat": "\u0302", "tilde": "\u0303"}
_NUMPY_PREFIXES = ("np.linalg.", "numpy.linalg.", "np.", "numpy.", "linalg.", "la.")
_NORM_KINDS = {"F": "normF", "fro": "normF", "2": "norm2", "*": "nuclear", "∗": "nuclear", "nuc": "nuclear",
               "tr": "nuclear"}
DIGITS = "0123456789"
_WORD_LETTERS = 4  # a run of this many letters, not all capitals, that names no function is a word, not a product


class ParseError(ValueError):
    """The query cannot be read as a formula; ``column`` (1-based) says where."""

    def __init__(self, message: str, column: int):
        super().__init__(f"column {column}: {message}")
        self.message, self.column = message, column


@dataclass
class Query:
    """A parsed formula: the expression, the derivative wrapped around it (``{"op": "d" | "grad",
    "wrt": name or None}`` or None), the right-hand side of an ``=`` (or None), and whether it used
    NumPy's spelling (where ``*`` is the entrywise product)."""

    expr: list
    derivative: dict | None = None
    rhs: list | None = None
    numpy: bool = False
    symbols: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"expr": self.expr, "derivative": self.derivative, "rhs": self.rhs, "numpy": self.numpy,
                "symbols": self.symbols}


@dataclass(frozen=True)
class Token:
    kind: str   # NUM ID DSYM EYE FN OP LP RP BAR DBAR SUP SUB DOT_T TOP FRAC PARTIAL NABLA DIFF STR
    value: object
    col: int


# -- tokens ------------------------------------------------------------------------------------------
def _latex_group(text: str, i: int) -> tuple[str, int]:
    """The content of the ``{…}`` group at *i* (or the single character there) and the index after it."""
    while i < len(text) and text[i] == " ":
        i += 1
    if i < len(text) and text[i] == "{":
        depth, j = 0, i
        while j < len(text):
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            if depth == 0:
                return text[i + 1:j], j + 1
            j += 1
        raise ParseError("a '{' is never closed", i + 1)
    if i < len(text) and text[i] == "\\":
        m = re.match(r"\\[A-Za-z]+", text[i:])
        if m:
            return m.group(0), i + len(m.group(0))
    if i < len(text):
        return text[i], i + 1
    raise ParseError("a group is missing at the end", i + 1)


def _word_tokens(word: str, col: int, after_dot: bool) -> list[Token]:
    """Tokens of a run of letters: a function, a Greek name, a symbol with an accent, a differential
    dX, or a product of one-letter symbols (AXB); a long lowercase word is refused."""
    if after_dot and word == "T":
        return [Token("DOT_T", "T", col)]
    if word in FUNCTIONS or word.lower() in ("tr", "trace", "det", "log", "exp"):
        return [Token("FN", FUNCTIONS.get(word, FUNCTIONS.get(word.lower())), col)]
    if word in _GREEK:
        return [Token("ID", _GREEK[word], col)]
    for suffix, mark in (("bar", "\u0304"), ("hat", "\u0302")):
        if word.endswith(suffix) and len(word) > len(suffix):
            stem = word[: -len(suffix)]
            name = _GREEK.get(stem, stem)
            if len(name) == 1:
                return [Token("ID", name + mark, col)]
    if word == "I":
        return [Token("EYE", "I", col)]
    if len(word) >= _WORD_LETTERS and not word.isupper():
        raise ParseError(f"'{word}' is not a function or a symbol", col)
    out, k = [], 0
    while k < len(word):  # AXB -> A X B; dX -> the differential of X; a lone I is the identity matrix
        c = word[k]
        if c == "d" and k + 1 < len(word) and (k > 0 or len(word) == 2):
            out.append(Token("DSYM", word[k + 1], col + k))
            k += 2
            continue
        out.append(Token("EYE", "I", col + k) if c == "I" else Token("ID", c, col + k))
        k += 1
    return out


def tokens(text: str) -> list[Token]:
    """The tokens of *text*; unknown characters and LaTeX commands are refused with their column."""
    text = unicodedata.normalize("NFC", text)
    out: list[Token] = []
    i = 0
    while i < len(text):
        c, col = text[i], i + 1
        if c.isspace():
            i += 1
            continue
        prefix = next((p for p in _NUMPY_PREFIXES if text.startswith(p, i)), None)
        if prefix and (i == 0 or not text[i - 1].isalnum()):
            m = re.match(r"[A-Za-z_]+", text[i + len(prefix):])
            name = m.group(0) if m else ""
            if name not in FUNCTIONS and name not in ("trace",):
                raise ParseError(f"'{prefix}{name}' is not a NumPy function the search knows", col)
            out.append(Token("FN", FUNCTIONS[name], col))
            out.append(Token("NUMPY", None, col))
            i += len(prefix) + len(name)
            continue
        if c in DIGITS or (c == "." and text[i + 1:i + 2] in tuple(DIGITS)):
            m = re.match(r"\d*\.?\d+(e-?\d+)?", text[i:])
            out.append(Token("NUM", float(m.group(0)), col))
            i += len(m.group(0))
            continue
        if c in _FRACTIONS:
            out.append(Token("NUM", _FRACTIONS[c], col))
            i += 1
            continue
        if c == "*" and text[i + 1:i + 2] == "*":
            out.append(Token("OP", "^", col))
            i += 2
            continue
        if c == "σ" and text[i + 1:].lstrip().startswith("("):
            out.append(Token("FN", "sigmoid", col))
            i += 1
            continue
        if c == "." and text[i + 1:i + 2] == "*":
            out.append(Token("OP", "∘", col))
            i += 2
            continue
        if c == "." and re.match(r"\.T(?![A-Za-z])", text[i:]):
            out.append(Token("DOT_T", "T", col))
            i += 2
            continue
        if c.isalpha() and c.isascii():
            m = re.match(r"[A-Za-z]+", text[i:])
            out += _word_tokens(m.group(0), col, False)
            i += len(m.group(0))
            continue
        if c == "_":
            content, j = _latex_group(text, i + 1)
            out.append(Token("SUB", _sub_text(content), col))
            i = j
            continue
        if unicodedata.category(c) == "Mn":  # a combining accent: X̄ is one symbol
            if not out or out[-1].kind != "ID":
                raise ParseError(f"the accent {c!r} follows no symbol", col)
            out[-1] = Token("ID", out[-1].value + c, out[-1].col)
            i += 1
            continue
        if c in _SUPERSCRIPTS:
            j = i
            while j < len(text) and text[j] in _SUPERSCRIPTS:
                j += 1
            value = "".join(_SUPERSCRIPTS[x] for x in text[i:j])
            out.append(Token("SUP", value, col) if value != "T" or out else Token("TOP", "T", col))
            i = j
            continue
        if c in _SUBSCRIPTS:
            j = i
            while j < len(text) and text[j] in _SUBSCRIPTS:
                j += 1
            out.append(Token("SUB", "".join(_SUBSCRIPTS[x] for x in text[i:j]), col))
            i = j
            continue
        if c == "'" :
            if out and (out[-1].kind in ("LP",) or (out[-1].kind == "OP" and out[-1].value == ",")):
                m = re.match(r"'([^']*)'", text[i:])
                if not m:
                    raise ParseError("a quote is never closed", col)
                out.append(Token("STR", m.group(1), col))
                i += len(m.group(0))
                continue
            out.append(Token("SUP", "T", col))
            i += 1
            continue
        if c == '"':
            m = re.match(r'"([^"]*)"', text[i:])
            if not m:
                raise ParseError("a quote is never closed", col)
            out.append(Token("STR", m.group(1), col))
            i += len(m.group(0))
            continue
        if c in "([{":
            out.append(Token("LP", c, col))
            i += 1
            continue
        if c in ")]}":
            out.append(Token("RP", c, col))
            i += 1
            continue
        if c == "‖":
            out.append(Token("DBAR", "‖", col))
            i += 1
            continue
        if c == "|":
            if text[i + 1:i + 2] == "|":
                out.append(Token("DBAR", "‖", col))
                i += 2
            else:
                out.append(Token("BAR", "|", col))
                i += 1
            continue
        if c in _OPERATORS:
            out.append(Token("OP", _OPERATORS[c], col))
            i += 1
            continue
        if c == "∇":
            out.append(Token("NABLA", None, col))
            i += 1
            continue
        if c == "∂":
            out.append(Token("PARTIAL", None, col))
            i += 1
            continue
        if c == "√":
            out.append(Token("FN", "sqrt", col))
            i += 1
            continue
        if c in _GREEK.values() or c in "ℓ":
            out.append(Token("ID", c, col))
            i += 1
            continue
        if c == "\\":
            i = _latex(text, i, out)
            continue
        raise ParseError(f"unexpected character {c!r}", col)
    return out


def _sub_text(content: str) -> str:
    content = content.strip()
    m = re.fullmatch(r"\\(?:mathrm|text|mathbf|operatorname)\{(\w+)\}", content)
    if m:
        content = m.group(1)
    if content.startswith("\\") and content[1:] in _GREEK:
        return _GREEK[content[1:]]
    if content in ("\\ast", "\\star"):
        return "*"
    return content


def _latex(text: str, i: int, out: list[Token]) -> int:
    """Read the LaTeX command at *i* into *out*; the index after it."""
    col = i + 1
    m = re.match(r"\\([A-Za-z]+|.)", text[i:])
    name, j = m.group(1), i + len(m.group(0))
    if name in _LATEX_SKIP:
        return j
    if name in ("|", "Vert", "lVert", "rVert"):
        out.append(Token("DBAR", "‖", col))
    elif name in ("vert", "lvert", "rvert"):
        out.append(Token("BAR", "|", col))
    elif name in ("{", "}"):
        out.append(Token("LP" if name == "{" else "RP", name, col))
    elif name in _LATEX_OPERATORS:
        out.append(Token("OP", _LATEX_OPERATORS[name], col))
    elif name in ("top", "intercal"):
        out.append(Token("TOP", "T", col))
    elif name == "dagger":
        out.append(Token("SUP", "+", col))
    elif name == "nabla":
        out.append(Token("NABLA", None, col))
    elif name == "partial":
        out.append(Token("PARTIAL", None, col))
    elif name == "frac":
        top, j = _latex_group(text, j)
        bottom, j = _latex_group(text, j)
        if top.strip() in ("\\partial", "∂", "d", "\\mathrm{d}") and bottom.strip():
            wrt = re.sub(r"^(\\partial|∂|\\mathrm\{d\}|d)\s*", "", bottom.strip())
            out.append(Token("WRT", _symbol_name(wrt, col), col))
        else:
            out.append(Token("LP", "(", col))
            out += _shifted(tokens(top), col)
            out.append(Token("RP", ")", col))
            out.append(Token("OP", "/", col))
            out.append(Token("LP", "(", col))
            out += _shifted(tokens(bottom), col)
            out.append(Token("RP", ")", col))
    elif name == "sqrt":
        out.append(Token("FN", "sqrt", col))
    elif name in _ACCENTS:
        inner, j = _latex_group(text, j)
        out.append(Token("ID", _symbol_name(inner, col) + _ACCENTS[name], col))
    elif name in _LATEX_FONTS:
        inner, j = _latex_group(text, j)
        inner = inner.strip()
        if inner in ("T", "\\top") and out and out[-1].kind == "OP" and out[-1].value == "^":
            out.append(Token("TOP", "T", col))
        elif inner == "d":
            out.append(Token("DIFF", "d", col))
        elif inner in ("I", "1") and name in ("mathbf", "mathbb", "boldsymbol", "bm", "mathrm"):
            if inner == "1":
                raise ParseError("the vector of ones is not supported in formula search", col)
            out.append(Token("EYE", "I", col))
        else:
            out += _shifted(tokens(inner), col)
    elif name in _GREEK:
        out.append(Token("ID", _GREEK[name], col))
    elif name.lower() in FUNCTIONS or name in ("tr", "Tr"):
        out.append(Token("FN", FUNCTIONS[name.lower()], col))
    else:
        raise ParseError(f"unknown LaTeX command \\{name}", col)
    return j


def _shifted(toks: list[Token], col: int) -> list[Token]:
    return [Token(t.kind, t.value, col) for t in toks]


def _symbol_name(text: str, col: int) -> str:
    toks = tokens(text)
    if len(toks) != 1 or toks[0].kind != "ID":
        raise ParseError(f"expected one symbol, got {text!r}", col)
    return toks[0].value


# -- grammar ---------------------------------------------------------------------------------------
_STARTS_ATOM = {"NUM", "ID", "DSYM", "EYE", "FN", "LP", "DBAR", "BAR", "DIFF"}


class _Parser:
    def __init__(self, toks: list[Token], length: int):
        self.toks, self.k, self.end = toks, 0, length + 1
        self.bars = 0    # open |…| (a | closes one rather than opening another)
        self.norms = 0   # open ‖…‖
        self.numpy = any(t.kind in ("NUMPY", "DOT_T") or (t.kind == "OP" and t.value == "@") for t in toks)
        self.toks = [t for t in toks if t.kind != "NUMPY"]

    # helpers
    def peek(self, offset: int = 0) -> Token | None:
        j = self.k + offset
        return self.toks[j] if j < len(self.toks) else None

    def col(self) -> int:
        t = self.peek()
        return t.col if t else self.end

    def take(self) -> Token:
        t = self.peek()
        if t is None:
            raise ParseError("the formula ends too early", self.end)
        self.k += 1
        return t

    def expect(self, kind: str, value=None, what: str = "") -> Token:
        t = self.peek()
        if t is None or t.kind != kind or (value is not None and t.value != value):
            found = "the end" if t is None else repr(t.value if t.value is not None else t.kind)
            raise ParseError(f"expected {what or repr(value)}, found {found}", self.col())
        return self.take()

    def is_op_at(self, offset: int, *values) -> bool:
        t = self.peek(offset)
        return t is not None and t.kind == "OP" and t.value in values

    def is_op(self, *values) -> bool:
        t = self.peek()
        return t is not None and t.kind == "OP" and t.value in values

    # query := derivative? sum ('=' sum)?
    def query(self) -> Query:
        derivative = self.derivative()
        expr = self.sum()
        if derivative is None and self.is_op("/") and self.peek(1) and self.peek(1).kind == "DSYM":
            self.take()   # d(f)/dX written as a quotient
            raise ParseError("write the derivative in front: d(…), ∂/∂X …, ∇_X …", self.col())
        rhs = None
        if self.is_op("="):
            self.take()
            rhs = self.sum()
        if self.peek() is not None:
            t = self.peek()
            raise ParseError(f"unexpected {t.value if t.value is not None else t.kind!r}", t.col)
        return Query(expr, derivative, rhs, self.numpy)

    def derivative(self) -> dict | None:
        t = self.peek()
        if t is None:
            raise ParseError("the query is empty", 1)
        if t.kind == "DIFF" or (t.kind == "ID" and t.value == "d" and self.peek(1) is not None
                                and self.peek(1).kind in ("LP", "FN", "ID", "EYE", "DBAR", "BAR")):
            self.take()
            return {"op": "d", "wrt": None}
        if t.kind == "ID" and t.value == "d" and self.is_op_at(1, "/") and self.peek(2) is not None \
                and self.peek(2).kind == "DSYM":   # d/dX
            self.k += 3
            return {"op": "grad", "wrt": self.toks[self.k - 1].value}
        if t.kind == "WRT":
            self.take()
            return {"op": "grad", "wrt": t.value}
        if t.kind == "NABLA":
            self.take()
            wrt = None
            if self.peek() is not None and self.peek().kind == "SUB":
                wrt = _symbol_name(self.take().value, t.col)
            return {"op": "grad", "wrt": wrt}
        if t.kind == "PARTIAL":   # ∂/∂X
            self.take()
            self.expect("OP", "/", "'/' after ∂")
            self.expect("PARTIAL", None, "∂X")
            return {"op": "grad", "wrt": self.expect("ID", None, "the variable after ∂").value}
        return None

    def sum(self) -> list:
        left = self.product()
        while self.is_op("+", "-"):
            op = self.take().value
            left = ["add" if op == "+" else "sub", left, self.product()]
        return left

    def product(self) -> list:
        """Kronecker and Hadamard products bind less tightly than matrix products: I ⊗ AᵀA."""
        left = self.term()
        while self.is_op("⊗", "∘"):
            op = self.take().value
            left = ["kron" if op == "⊗" else "had", left, self.term()]
        return left

    def term(self) -> list:
        left = self.unary()
        while True:
            t = self.peek()
            if t is None:
                return left
            if t.kind == "OP" and t.value in ("*", "@", "/"):
                self.take()
                op = {"*": "emul" if self.numpy else "mul", "@": "mul", "/": "div"}[t.value]
                left = [op, left, self.unary()]
            elif self._implicit(t):
                left = ["mul", left, self.unary()]
            else:
                return left

    def _implicit(self, t: Token) -> bool:
        if t.kind == "BAR":
            return self.bars == 0
        if t.kind == "DBAR":
            return self.norms == 0
        return t.kind in _STARTS_ATOM

    def unary(self) -> list:
        if self.is_op("-"):
            self.take()
            return ["neg", self.unary()]
        if self.is_op("+"):
            self.take()
            return self.unary()
        return self.postfix(self.atom())

    def postfix(self, node: list) -> list:
        while True:
            t = self.peek()
            if t is None:
                return node
            if t.kind == "SUP":
                self.take()
                node = _superscript(node, t.value, t.col)
            elif t.kind == "DOT_T":
                self.take()
                node = ["T", node]
            elif t.kind == "TOP":
                self.take()
                node = ["T", node]
            elif t.kind == "OP" and t.value == "^":
                self.take()
                node = self.power(node)
            else:
                return node

    def power(self, base: list) -> list:
        t = self.peek()
        if t is None:
            raise ParseError("an exponent is missing", self.end)
        if t.kind == "LP" and t.value == "{":
            self.take()
            if self.peek() is not None and self.peek().kind == "RP":
                raise ParseError("the exponent is empty", self.col())
            simple = self._simple_exponent()
            if simple is not None:
                self.expect("RP", "}", "'}'")
                return _superscript(base, simple, t.col)
            exponent = self.sum()
            self.expect("RP", "}", "'}'")
            return ["pow", base, exponent]
        simple = self._simple_exponent()
        if simple is not None:
            return _superscript(base, simple, t.col)
        return ["pow", base, self.postfix_free_atom()]

    def _simple_exponent(self) -> str | None:
        """T, ⊤, -1, -T, +, †, an integer or one letter written after ^ (with or without braces)."""
        t, u = self.peek(), self.peek(1)
        if t is None:
            return None
        if t.kind == "TOP" or (t.kind == "ID" and t.value == "T"):
            self.take()
            return "T"
        if t.kind == "SUP" and t.value == "+":
            self.take()
            return "+"
        if t.kind == "OP" and t.value == "+" and (u is None or u.kind == "RP"):
            self.take()
            return "+"
        if t.kind == "OP" and t.value == "-" and u is not None:
            if u.kind == "TOP" or (u.kind == "ID" and u.value == "T"):
                self.k += 2
                return "-T"
            if u.kind == "NUM" and float(u.value).is_integer():
                self.k += 2
                v = self.peek()
                if v is not None and (v.kind == "TOP" or (v.kind == "ID" and v.value == "T")) and u.value == 1:
                    self.take()
                    return "-T"
                return f"-{int(u.value)}"
        return None

    def postfix_free_atom(self) -> list:
        t = self.take()
        if t.kind == "NUM":
            return ["num", t.value]
        if t.kind == "ID":
            return ["sym", t.value]
        raise ParseError("expected an exponent", t.col)

    def atom(self) -> list:
        t = self.peek()
        if t is None:
            raise ParseError("the formula ends too early", self.end)
        if t.kind == "NUM":
            self.take()
            return ["num", t.value]
        if t.kind == "ID":
            self.take()
            name = t.value
            if self.peek() is not None and self.peek().kind == "SUB":
                name += "_" + self.take().value
            if name == "d" and self.peek() is not None and self.peek().kind == "LP":
                inner = self.group()
                if inner[0] == "sym":
                    return ["dsym", inner[1]]
                raise ParseError("d(…) of an expression only at the start of a query", t.col)
            return ["sym", name]
        if t.kind == "DSYM":
            self.take()
            return ["dsym", t.value]
        if t.kind == "DIFF":
            self.take()
            nxt = self.expect("ID", None, "a symbol after d")
            return ["dsym", nxt.value]
        if t.kind == "EYE":
            self.take()
            if self.peek() is not None and self.peek().kind == "SUB":
                self.take()
            return ["eye"]
        if t.kind == "LP":
            return self.group()
        if t.kind == "FN":
            return self.function()
        if t.kind == "BAR":
            self.take()
            self.bars += 1
            inner = self.sum()
            self.bars -= 1
            self.expect("BAR", None, "a closing '|'")
            return ["abs", inner]
        if t.kind == "DBAR":
            self.take()
            self.norms += 1
            inner = self.sum()
            self.norms -= 1
            self.expect("DBAR", None, "a closing '‖'")
            return self.norm_suffix(inner)
        found = t.value if t.value is not None else t.kind
        raise ParseError(f"unexpected {found!r}", t.col)

    def norm_suffix(self, inner: list) -> list:
        kind, square = "normF", False
        for _ in range(2):
            t = self.peek()
            if t is not None and t.kind == "SUB":
                self.take()
                if t.value not in _NORM_KINDS:
                    raise ParseError(f"unknown norm ‖·‖_{t.value}", t.col)
                kind = _NORM_KINDS[t.value]
            elif t is not None and t.kind == "SUP" and t.value == "2":
                self.take()
                square = True
            elif t is not None and t.kind == "OP" and t.value == "^" and self.peek(1) is not None \
                    and self.peek(1).kind == "NUM" and self.peek(1).value == 2:
                self.k += 2
                square = True
        node = [kind, inner]
        return ["pow", node, ["num", 2.0]] if square else node

    def group(self) -> list:
        opening = self.take()
        closing = {"(": ")", "[": "]", "{": "}"}[opening.value]
        bars, norms = self.bars, self.norms
        self.bars = self.norms = 0
        inner = self.sum()
        self.bars, self.norms = bars, norms
        self.expect("RP", closing, f"{closing!r} to close the {opening.value!r} of column {opening.col}")
        return inner

    def function(self) -> list:
        t = self.take()
        name = t.value
        if self.peek() is not None and self.peek().kind == "LP" and self.peek().value in "([":
            args = self.arguments()
        elif self.peek() is not None and self.peek().kind == "LP":
            args = [self.group()]
        else:
            if self.peek() is None:
                raise ParseError(f"{name} needs an argument", self.end)
            args = [self.term_operand()]
        if name in BINARY:
            if len(args) != 2:
                raise ParseError(f"{name} takes two arguments", t.col)
            return [name, args[0], args[1]]
        if name == "norm":
            kind = "normF"
            if len(args) == 2:
                spec = args[1]
                key = spec[1] if spec[0] == "str" else (str(int(spec[1])) if spec[0] == "num" else None)
                if key not in _NORM_KINDS:
                    raise ParseError("norm's second argument must be 'fro', 2 or 'nuc'", t.col)
                kind = _NORM_KINDS[key]
            return [kind, args[0]]
        if len(args) != 1:
            raise ParseError(f"{name} takes one argument", t.col)
        if name == "logdet":
            return ["log", ["det", args[0]]]
        return [name, args[0]]

    def term_operand(self) -> list:
        """The argument of a function written without parentheses (log det X, tr XᵀAX): a product."""
        left = self.unary()
        while self.peek() is not None and (self.is_op("*", "@") or self._implicit(self.peek())):
            if self.peek().kind == "OP":
                op = self.take().value
                left = [{"*": "emul" if self.numpy else "mul", "@": "mul"}[op], left, self.unary()]
            else:
                left = ["mul", left, self.unary()]
        return left

    def arguments(self) -> list:
        opening = self.take()
        closing = {"(": ")", "[": "]"}[opening.value]
        bars, norms = self.bars, self.norms
        self.bars = self.norms = 0
        args = []
        while True:
            t = self.peek()
            if t is not None and t.kind == "STR":
                self.take()
                args.append(["str", t.value])
            else:
                args.append(self.sum())
            if self.is_op(","):
                self.take()
                continue
            break
        self.bars, self.norms = bars, norms
        self.expect("RP", closing, f"{closing!r} to close the {opening.value!r} of column {opening.col}")
        return args


def _superscript(node: list, text: str, col: int) -> list:
    if text == "T":
        return ["T", node]
    if text in ("-T", "-1T"):
        return ["T", ["inv", node]]
    if text == "-1":
        return ["inv", node]
    if text == "+":
        return ["pinv", node]
    if re.fullmatch(r"-?\d+", text):
        return ["pow", node, ["num", float(text)]]
    if re.fullmatch(r"[a-z]", text):
        return ["pow", node, ["sym", text]]
    raise ParseError(f"cannot read the exponent {text!r}", col)


def _symbols(node, found: list[str]) -> list[str]:
    if node and node[0] in ("sym", "dsym"):
        if node[1] not in found:
            found.append(node[1])
    elif node:
        for child in node[1:]:
            if isinstance(child, list):
                _symbols(child, found)
    return found


def parse(text: str) -> Query:
    """The formula typed in *text*; :class:`ParseError` (with a column) when it cannot be read."""
    query = _Parser(tokens(text), len(text)).query()
    names = _symbols(query.expr, [])
    if query.rhs is not None:
        _symbols(query.rhs, names)
    if query.derivative and query.derivative["wrt"] and query.derivative["wrt"] not in names:
        raise ParseError(f"the formula does not depend on {query.derivative['wrt']}", 1)
    if not names:
        raise ParseError("the formula names no symbol", 1)
    query.symbols = names
    return query


#: Characters that only a formula has (a word query has none of them).
_FORMULA_SIGNS = re.compile(r"[()\[\]{}^'ᵀ⊤⁻⁺†²³\\=+*@/|‖⊗∘⊙∇∂√½·−_]|\.T\b|np\.")


def looks_like_formula(text: str) -> bool:
    """Whether *text* is meant as a formula: it has a sign no word has (a bracket, ^, ', ᵀ, an operator,
    a LaTeX command), or it reads as one (``log det X``)."""
    if _FORMULA_SIGNS.search(text):
        return True
    try:
        parse(text)
    except ParseError:
        return False
    return True
