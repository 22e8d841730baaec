"""Generated identity and family pages on a scratch catalog: what is written, read again, removed, reported.

Each test copies the package's engine with a small family of its own (``toy``) into a temporary
folder and builds tests/roots/test-generated-pages against it in a separate process (the catalog a
process imports is fixed once imported). That root records which pages each build reads and writes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import identities
from identities.engine.registry import NOT_FAMILIES

from docs_site import EXT, KATEX

ROOTS = Path(__file__).parent / "roots"
PACKAGE = Path(identities.__file__).resolve().parent

pytestmark = pytest.mark.skipif(not KATEX.is_file(), reason="KaTeX is not installed: run `make docs-assets`")

FAMILY_DOC = '"""Toy identities of a scratch catalog."""\n'


def module(identifier: str, title: str, function: str, gradient: str, doc: str = "A toy identity.") -> str:
    """The text of a small, correct identity module (``X`` and ``A`` are n×k)."""
    return f'''"""{doc}

>>> 1 + 1
2
"""

from identities.define import *

A = matrix("A", "n", "k")
X = matrix("X", "n", "k")

IDENTITY = identity(
    id="{identifier}", title="{title}",
    symbols=[variable(X, "the variable"), constant(A, "a constant")],
    function={function}, claims=[gradient(X, {gradient})], sources=(cite("giles2008extended"),))
'''


LINEAR = module("toy-linear", "Toy linear trace", "Trace(mul(A.T, X))", "A")
QUADRATIC = module("toy-quadratic", "Toy squared norm", "Trace(mul(X.T, X))", "2 * X")


@dataclass
class Result:
    ok: bool
    output: str
    read: set[str]
    written: set[str]

    def warnings(self) -> list[str]:
        return [line for line in self.output.splitlines() if "WARNING" in line or "ERROR" in line]


class Scratch:
    """A scratch catalog (package ``identities`` with one family, ``toy``) and a handbook built from it."""

    def __init__(self, folder: Path):
        self.package = folder / "catalog" / "identities"
        shutil.copytree(PACKAGE, self.package, ignore=self._families_and_caches)
        self.family = self.package / "toy"
        self.family.mkdir()
        (self.family / "__init__.py").write_text(FAMILY_DOC, encoding="utf-8")
        self.src, self.out, self.log = folder / "src", folder / "html", folder / "build.log"
        shutil.copytree(ROOTS / "test-generated-pages", self.src)

    @staticmethod
    def _families_and_caches(directory: str, names: list[str]) -> set[str]:
        skipped = {n for n in names if n == "__pycache__"}
        if Path(directory).resolve() == PACKAGE:
            skipped |= {n for n in names if (Path(directory) / n / "__init__.py").is_file() and n not in NOT_FAMILIES}
        return skipped

    def write(self, name: str, text: str) -> Path:
        path = self.family / f"{name}.py"
        path.write_text(text, encoding="utf-8")
        return path

    def build(self, *options: str) -> Result:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(self.package.parent), str(EXT)])}
        command = [sys.executable, "-m", "sphinx", "-b", "html", "-n", "--keep-going", "--no-color", *options,
                   str(self.src), str(self.out)]
        with open(self.log, "w", encoding="utf-8") as out:  # a file, not a pipe (see docs_site.py)
            # run from the scratch folder: `python -m` puts the working folder first on sys.path
            done = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, cwd=self.package.parent, env=env,
                                  timeout=300)
        return Result(done.returncode == 0, self.log.read_text(encoding="utf-8"),
                      self._names("read.txt"), self._names("written.txt"))

    def _names(self, file: str) -> set[str]:
        path = self.out / file
        return set(path.read_text(encoding="utf-8").split()) if path.is_file() else set()


@pytest.fixture
def scratch(tmp_path) -> Scratch:
    catalog = Scratch(tmp_path)
    catalog.write("toy_linear", LINEAR)
    catalog.write("toy_quadratic", QUADRATIC)
    return catalog


def built(scratch: Scratch, *options: str) -> Result:
    result = scratch.build(*options)
    assert result.ok and not result.warnings(), result.output
    return result


def test_every_identity_and_family_gets_a_source_and_a_page(scratch):
    built(scratch)
    assert sorted(p.name for p in (scratch.src / "id").iterdir()) == ["toy-linear.md", "toy-quadratic.md"]
    assert sorted(p.name for p in (scratch.src / "family").iterdir()) == ["toy.md"]
    page = (scratch.out / "id" / "toy-linear.html").read_text(encoding="utf-8")
    assert 'id="toy-linear"' in page and "Toy linear trace" in page
    family = (scratch.out / "family" / "toy.html").read_text(encoding="utf-8")
    assert "../id/toy-linear.html#toy-linear" in family and "../id/toy-quadratic.html#toy-quadratic" in family
    assert "Toy identities of a scratch catalog" in family


#: A toy identity whose one construct has NumPy code only (a helper registered for NumPy alone).
NUMPY_ONLY = '''"""A toy identity whose construct exists in NumPy only.

>>> 1 + 1
2
"""

import sympy as sp

from identities.define import *
from identities.engine.printing import numpy_helper, print_rule


class Twice(sp.MatrixExpr):
    def __new__(cls, arg):
        return super().__new__(cls, arg)

    @property
    def shape(self):
        return self.args[0].shape


numpy_helper("numpy_only_twice", "def numpy_only_twice(M):\\n    return 2 * M\\n")
print_rule(Twice, latex=lambda p, e: r"\\operatorname{twice}\\left(%s\\right)" % p._print(e.args[0]),
           unicode=lambda p, e: f"twice({p._print(e.args[0])})",
           numpy=lambda p, e: p.call("numpy_only_twice", e.args[0]))

A = matrix("A", "n", "k")
X = matrix("X", "n", "k")

IDENTITY = identity(
    id="toy-twice", title="Toy doubled trace",
    symbols=[variable(X, "the variable"), constant(A, "a constant")],
    function=Trace(mul(A.T, Twice(X))), claims=[gradient(X, 2 * A)], sources=(cite("giles2008extended"),))
'''


def test_the_code_shows_in_numpy_jax_and_pytorch_tabs_or_says_it_is_not_available(scratch):
    scratch.write("toy_twice", NUMPY_ONLY)
    built(scratch)
    page = (scratch.out / "id" / "toy-linear.html").read_text(encoding="utf-8")
    code = page[page.index('id="toy-linear-code"'):]
    code = code[:code.index("</section>")]
    assert [label in code for label in (">\nNumPy</label>", ">\nJAX</label>", ">\nPyTorch</label>")] == [True] * 3
    assert 'data-sync-group="code"' in code and code.count('<div class="highlight">') == 3
    text = re.sub(r"<[^>]+>", "", code)
    assert "import jax.numpy as jnp" in text and "jnp.trace(A.T @ X)" in text and "torch.trace(A.T @ X)" in text
    page = (scratch.out / "id" / "toy-twice.html").read_text(encoding="utf-8")
    code = page[page.index('id="toy-twice-code"'):]
    text = re.sub(r"<[^>]+>", "", code[:code.index("</section>")])
    assert "numpy_only_twice(X)" in text   # the NumPy code, then a sentence where each other library's would be
    for label in ("JAX", "PyTorch"):
        assert (f"{label} code is not available for this identity: numpy_only_twice has no faithful equivalent "
                f"in {label}.") in text


def test_a_rebuild_with_nothing_changed_rewrites_no_source_and_reads_no_page(scratch):
    first = built(scratch)
    assert {"index", "catalog", "guide", "family/toy", "id/toy-linear", "id/toy-quadratic"} <= first.read
    sources = {p: p.stat().st_mtime_ns for folder in ("id", "family") for p in (scratch.src / folder).iterdir()}
    again = built(scratch)
    assert again.read == set() and again.written == set()
    assert {p: p.stat().st_mtime_ns for p in sources} == sources


def test_editing_an_identity_reads_again_exactly_the_pages_that_show_it(scratch):
    built(scratch)
    scratch.write("toy_linear", module("toy-linear", "Toy linear trace", "Trace(mul(A.T, X))", "A",
                                       doc="A toy identity, edited."))
    result = built(scratch)
    # its page, its family's table and the catalog show it; the index lists ids only
    assert result.read == {"id/toy-linear", "family/toy", "catalog"}
    assert "guide" not in result.written  # it links to the identity, whose title did not change
    assert "A toy identity, edited." in (scratch.out / "id" / "toy-linear.html").read_text(encoding="utf-8")


def test_a_new_title_is_written_into_the_pages_that_link_to_the_identity(scratch):
    built(scratch)
    scratch.write("toy_linear", module("toy-linear", "Toy linear trace, renamed", "Trace(mul(A.T, X))", "A"))
    result = built(scratch)
    assert "guide" in result.written and "guide" not in result.read
    assert "Toy linear trace, renamed" in (scratch.out / "guide.html").read_text(encoding="utf-8")


def test_a_page_linking_to_a_removed_identity_is_written_again_and_warns(scratch):
    built(scratch)
    (scratch.family / "toy_linear.py").unlink()
    result = scratch.build()
    assert "guide" in result.written
    assert any("guide.md" in w and "unknown identity toy-linear" in w for w in result.warnings()), result.output


def test_a_new_identity_gets_its_page_and_the_pages_listing_the_catalog_are_read_again(scratch):
    built(scratch)
    scratch.write("toy_cubic", module("toy-sum", "Toy sum", "Trace(mul(A.T, X)) + Trace(mul(X.T, X))",
                                      "A + 2 * X"))
    result = built(scratch)
    assert result.read == {"id/toy-sum", "family/toy", "catalog", "index"}
    assert (scratch.out / "id" / "toy-sum.html").is_file()


@pytest.mark.parametrize("options", [(), ("-E",)], ids=["incremental", "fresh-environment"])
def test_a_removed_identity_loses_its_source_its_page_and_its_copied_source(scratch, options):
    built(scratch)
    gone = [scratch.src / "id" / "toy-quadratic.md", scratch.out / "id" / "toy-quadratic.html",
            scratch.out / "_sources" / "id" / "toy-quadratic.md.txt"]
    assert all(path.is_file() for path in gone)
    (scratch.family / "toy_quadratic.py").unlink()
    result = built(scratch, *options)
    assert [path for path in gone if path.exists()] == []
    assert "family/toy" in result.read
    assert "toy-quadratic" not in (scratch.out / "searchindex.js").read_text(encoding="utf-8")
    assert (scratch.out / "id" / "toy-linear.html").is_file()


@pytest.mark.parametrize("text, line", [
    ('"""Broken."""\nfrom identities.define import *\nIDENTITY = identity(\n', 3),
    ('"""Broken."""\nfrom identities.define import *\nA = matrix("A", "n", "n")\nB = 1 / 0\n', 4),
    ('"""Broken."""\nfrom identities.define import *\nX = matrix("X", "n", "n")\n'
     'IDENTITY = identity(id="Not An Id", title="t", symbols=[variable(X, "x")], function=Trace(X), '
     'claims=[gradient(X, eye("n"))], sources=("s",))\n', 4),
], ids=["syntax-error", "exception-at-import", "refused-definition"])
def test_a_broken_module_stops_the_build_with_one_error_at_its_file_and_line(scratch, text, line):
    scratch.write("toy_broken", text)
    result = scratch.build()
    assert not result.ok
    assert f"toy_broken.py:{line}" in result.output, result.output
    assert "Traceback" not in result.output and "sphinx-err" not in result.output, result.output


def test_messages_about_an_identity_name_its_module_not_its_generated_page(scratch):
    linking = module("toy-linear", "Toy linear trace", "Trace(mul(A.T, X))", "A",
                     doc="A toy identity.\n\nSee :identity:`no-such-identity`.")
    path = scratch.write("toy_linear", linking)
    wrong = scratch.write("toy_wrong", module("toy-wrong", "Toy wrong gradient", "Trace(mul(X.T, X))", "3 * X"))
    result = scratch.build()
    unresolved = [w for w in result.warnings() if "no-such-identity" in w]
    assert unresolved and all(w.startswith(f"{path}:3:") for w in unresolved), result.output
    failed = [w for w in result.warnings() if "toy-wrong" in w]
    line = next(k for k, text in enumerate(wrong.read_text().splitlines(), 1) if text.startswith("IDENTITY"))
    assert failed and all(w.startswith(f"{wrong}:{line}:") for w in failed), result.output
    assert not [w for w in result.warnings() if "/id/" in w.split(":")[0]], result.output
