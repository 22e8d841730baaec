"""Split a typed formula into tokens: ASCII, NumPy, LaTeX and Unicode spellings of the same signs.

``Xᵀ``, ``X^T``, ``X^\\top``, ``X.T`` and ``X'`` all give a transpose; ``‖`` and ``\\|`` a norm bar;
``AXB`` three symbols; ``dX`` the differential of X; ``np.linalg.inv`` the function inv.  A long
word that names no function (``inverse``) is refused: the query is words, not a formula.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Token", "ParseError", "tokens", "symbol_name", "FUNCTIONS", "BINARY", "NORM_KINDS"]

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
_SUBSCRIPTS = {"ₓ": "x", "ₖ": "k", "ₙ": "n", "ₘ": "m", "ᵢ": "i", "ⱼ": "j",
               **{c: str(i) for i, c in enumerate("₀₁₂₃₄₅₆₇₈₉")}}
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
NORM_KINDS = {"F": "normF", "fro": "normF", "2": "norm2", "*": "nuclear", "∗": "nuclear", "nuc": "nuclear",
               "tr": "nuclear"}
DIGITS = "0123456789"
_WORD_LETTERS = 4  # a run of this many letters, not all capitals, that names no function is a word, not a product


class ParseError(ValueError):
    """The query cannot be read as a formula; ``column`` (1-based) says where."""

    def __init__(self, message: str, column: int):
        super().__init__(f"column {column}: {message}")
        self.message, self.column = message, column


@dataclass(frozen=True)
class Token:
    kind: str   # NUM ID DSYM EYE FN OP LP RP BAR DBAR SUP SUB DOT_T TOP WRT PARTIAL NABLA DIFF STR NUMPY
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


def _word_tokens(word: str, col: int) -> list[Token]:
    """Tokens of a run of letters: a function, a Greek name, a symbol with an accent, a differential
    dX, or a product of one-letter symbols (AXB); a long lowercase word is refused."""
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
            if name not in FUNCTIONS:
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
            out += _word_tokens(m.group(0), col)
            i += len(m.group(0))
            continue
        if c == "_":
            if not out:
                raise ParseError("a subscript follows nothing", col)
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
            out.append(Token("WRT", symbol_name(wrt, col), col))
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
        out.append(Token("ID", symbol_name(inner, col) + _ACCENTS[name], col))
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


def symbol_name(text: str, col: int) -> str:
    toks = tokens(text)
    if len(toks) != 1 or toks[0].kind != "ID":
        raise ParseError(f"expected one symbol, got {text!r}", col)
    return toks[0].value
