"""docs/_katex/line-breaks.js: where a long display formula may wrap, and what it leaves as KaTeX wrote it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from docs_site import DOCS, KATEX

MODULE = DOCS / "_katex" / "line-breaks.js"
#: Renders each formula of stdin's JSON list with the module and with KaTeX itself.
SCRIPT = """
const ours = require(process.argv[1]), katex = require(process.argv[2]);
const [formulas, options] = JSON.parse(require("fs").readFileSync(0, "utf8"));
console.log(JSON.stringify(formulas.map(f => [ours.renderToString(f, options), katex.renderToString(f, options)])));
"""


def render(*formulas: str, display: bool = True) -> list[tuple[str, str]]:
    """Each formula as this module writes it and as KaTeX alone writes it."""
    node = shutil.which("node")
    if node is None or not KATEX.is_file():
        pytest.fail(f"Node.js and KaTeX are needed (KaTeX at {KATEX.parent}): run `make docs-assets`")
    options = {"displayMode": display, "throwOnError": True}
    done = subprocess.run([node, "-e", SCRIPT, str(MODULE), str(KATEX)], input=json.dumps([formulas, options]),
                          capture_output=True, text=True, timeout=60, check=True)
    return [tuple(pair) for pair in json.loads(done.stdout)]


def pieces(html: str) -> list[str]:
    """The text of each unbreakable piece of the formula's HTML (glyphs in KaTeX's order)."""
    row = html[html.index('class="katex-html"'):]
    return [re.sub(r"<[^>]*>|\u200b", "", part) for part in row.split('<span class="base">')[1:]]


def mathml(html: str) -> str:
    return html[html.index('<span class="katex-mathml">'):html.index('<span class="katex-html"')]


def test_a_bracket_opens_so_that_a_line_may_break_at_an_operator_inside_it():
    (ours, katex), = render(r"\operatorname{tr}\left(\left(A + B\right)^{\top} \mathrm{d}X\right) = C - D")
    assert pieces(katex) == ["tr((A+B)⊤dX)=", "C−", "D"]
    assert pieces(ours) == ["tr((A", "+B)⊤dX)", "=C", "−D"]


def test_the_operator_starts_the_next_line_as_in_a_broken_display():
    (ours, _), = render(r"\nabla_{x} f = A x + b")
    assert pieces(ours) == ["∇xf", "=Ax", "+b"]


def test_the_source_and_the_mathml_are_kept_for_the_copy_button_and_screen_readers():
    tex = r"\nabla_{X} f = \operatorname{tr}\left(A - \left(B + C\right)^{-1}\right)"
    (ours, katex), = render(tex)
    assert mathml(ours) == mathml(katex)
    assert f'<annotation encoding="application/x-tex">{tex}</annotation>' in ours


def test_fractions_roots_scripts_and_braces_stay_whole():
    formulas = [r"\frac{a + b}{c}", r"\sqrt{a + b}", r"X^{a + b}", r"{a + b}",
                r"\begin{aligned} a &= b + c \end{aligned}"]
    for ours, katex in render(*formulas):
        assert len(pieces(ours)) == 1 and ours == katex


def test_no_line_holds_an_operator_alone():
    """A derivation line starts with "=": the first piece carries what follows it."""
    (ours, katex), = render(r"= \left(A + B\right) C")
    assert pieces(katex) == ["=", "(A+B)C"]
    assert pieces(ours) == ["=(A", "+B)C"]


def test_a_formula_with_nothing_to_cut_is_written_as_katex_writes_it():
    assert all(ours == katex for ours, katex in render(r"\det X", r"\left(A B\right)^{\top}", r"\frac{1}{2} X"))


def test_inline_formulas_are_left_to_katex():
    (ours, katex), = render(r"\left(A + B\right) C", display=False)
    assert ours == katex
