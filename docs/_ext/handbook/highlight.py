"""Python code highlighted with fewer spans: names, punctuation, whitespace and the attribute dot as plain text.

The theme colours names, punctuation and whitespace exactly as the code's own text
(``.highlight .n``, ``.p`` and ``.w`` have the colour of ``.highlight``, in the light and the dark
scheme alike), so the ``<span>`` Pygments wraps around each of them changes nothing a reader sees;
the dot of ``np.linalg.inv`` or ``X.T``, which Pygments calls an operator, is one pixel column wide
and reads the same in the text's colour.  On an identity's page, whose code is printed three times
(NumPy, JAX, PyTorch), these spans were two thirds of the weight of the code; keywords, the other
operators, numbers, strings, comments and function names keep their colours.
"""

from __future__ import annotations

from pygments.filter import Filter
from pygments.lexers import PythonConsoleLexer, PythonLexer
from pygments.token import Name, Operator, Punctuation, Text, Whitespace

__all__ = ["PlainTokens", "LightPythonLexer", "LightPythonConsoleLexer"]

#: Token types shown in the text's own colour (exactly these: Name.Function and the like keep theirs).
PLAIN = frozenset({Name, Punctuation, Whitespace})


class PlainTokens(Filter):
    """Pass names, punctuation, whitespace and attribute dots on as plain text, which the formatter
    writes unwrapped."""

    def filter(self, lexer, stream):
        for ttype, value in stream:
            yield (Text if ttype in PLAIN or (ttype is Operator and value == ".") else ttype), value


class LightPythonLexer(PythonLexer):
    """Sphinx's Python lexer (lines kept as they are) with :class:`PlainTokens`."""

    def __init__(self, **options):
        options.setdefault("stripnl", False)
        super().__init__(**options)
        self.add_filter(PlainTokens())


class LightPythonConsoleLexer(PythonConsoleLexer):
    """Sphinx's lexer of ``>>>`` sessions (doctests) with :class:`PlainTokens`."""

    def __init__(self, **options):
        options.setdefault("stripnl", False)
        super().__init__(**options)
        self.add_filter(PlainTokens())
