"""Read a formula typed as ASCII, NumPy, LaTeX or Unicode into a small tree; nothing typed is executed.

The tree is made of JSON-ready lists, ``[op, *children]``: ``["sym", "X"]``, ``["num", 2.0]``,
``["dsym", "X"]`` (the differential dX), ``["eye"]`` (I), and operations such as
``["mul", a, b]``, ``["T", a]``, ``["tr", a]``.  The handbook's search page reads the same spellings
into the same trees (``docs/_static/lookup/parser.js``), so both ask the same question of the index.

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
from dataclasses import dataclass, field

from .tokens import BINARY, FUNCTIONS, NORM_KINDS, ParseError, Token, symbol_name, tokens

__all__ = ["Query", "ParseError", "parse", "looks_like_formula", "FUNCTIONS"]


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
                wrt = symbol_name(self.take().value, t.col)
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
                if t.value not in NORM_KINDS:
                    raise ParseError(f"unknown norm ‖·‖_{t.value}", t.col)
                kind = NORM_KINDS[t.value]
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
                if key not in NORM_KINDS:
                    raise ParseError("norm's second argument must be 'fro', 2 or 'nuc'", t.col)
                kind = NORM_KINDS[key]
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
    a LaTeX command), or it reads as one (``log det X``); without a letter it is not one (``(108)``)."""
    if not re.search(r"[^\W\d_]", text):
        return False
    if _FORMULA_SIGNS.search(text):
        return True
    try:
        parse(text)
    except ParseError:
        return False
    return True
