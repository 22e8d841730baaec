"""The command line: its outputs, its exit codes, and one-line errors instead of tracebacks."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import identities
from identities.__main__ import EXIT_BROKEN_CATALOG, EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from identities.engine import cache, registry


def run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "identities", *argv], capture_output=True, text=True)


def test_list_names_every_identity(capsys):
    assert main(["list"]) == EXIT_OK
    out = capsys.readouterr().out
    assert all(i.id in out for i in identities.all_identities())


def test_show_prints_statement_shapes_conditions_and_sources(capsys):
    assert main(["show", "trace-quadratic"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "∇_X tr(XᵀAX) = (A + Aᵀ)X" in out
    assert "n×k" in out and "sources:" in out and "numerator layout" in out


def test_verify_prints_one_row_per_identity(capsys):
    assert main(["verify", "trace-quadratic"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "trace-quadratic  ok" in out and "complex-step" in out and "1 of 1 identities verified" in out


def test_mutants_rejects_the_classic_mistakes_by_name(capsys):
    assert main(["mutants", "-v", "trace-quadratic"]) == EXIT_OK
    out = capsys.readouterr().out
    killed = int(re.search(r"trace-quadratic: (\d+) killed, 0 equivalent, 0 survived", out).group(1))
    assert killed >= 10, out
    # 2AX for (A + Aᵀ)X is rejected and named; the numerator-layout transpose is rejected by its shape
    assert re.search(r"killed +gradient wrt X: drop the transpose of A +→ \(A \+ A\)X +\[missing symmetric part", out)
    assert re.search(r"killed +gradient wrt X: transpose the result .*it is the transpose", out)
    assert re.search(r"killed +gradient wrt X: scale by 2 .*factor 2", out)


@pytest.mark.parametrize("command", ["verify", "mutants"])
def test_parallel_runs_print_the_same_in_the_same_order(command, capsys, monkeypatch):
    monkeypatch.setenv(cache.ENV, "off")  # the workers compute; nothing is read from disk
    ids = ["vec-kronecker", "trace-linear", "softmax-jacobian", "log-det"]
    assert main([command, "--seed", "5", *ids]) == EXIT_OK
    serial = capsys.readouterr().out
    assert main([command, "--seed", "5", "-j", "2", *ids]) == EXIT_OK
    assert capsys.readouterr().out == serial
    assert [word for word in re.findall(r"^([\w-]+)", serial, re.M) if word in ids] == ids


def test_all_cores_is_minus_j_0(capsys):
    assert main(["verify", "-j", "0", "trace-linear", "trace-AXB"]) == EXIT_OK
    assert "2 of 2 identities verified" in capsys.readouterr().out


@pytest.mark.parametrize("argv, needle", [
    (["show", "log-dett"], "did you mean 'log-det'"),
    (["verify", "no-such-id"], "no identity 'no-such-id'"),
    (["frobnicate"], "invalid choice"),
    (["verify", "--seed", "x"], "expected a non-negative integer, got 'x'"),
    (["verify", "--seed", "-1"], "expected a non-negative integer, got '-1'"),
    (["mutants", "-j", "-2"], "expected a non-negative integer, got '-2'"),
    (["show"], "the following arguments are required"),
    ([], "the following arguments are required"),
])
def test_bad_input_is_one_line_and_exit_2(argv, needle):
    result = run(*argv)
    assert result.returncode == EXIT_USAGE
    assert needle in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr


# -- a catalog of our own, to break ----------------------------------------------------------------

TOY = '''"""A toy identity."""

from identities.define import *

A = matrix("A", "n", "n")
X = matrix("X", "n", "k")
IDENTITY = identity(id="{id}", title="Toy", symbols=[variable(X, "x"), constant(A, "a")],
                    function=Trace(mul(X.T, A, X)), claims=[gradient(X, {gradient})], sources=(cite("giles2008extended"),))
'''
RIGHT, WRONG = "add(A, A.T) * X", "2 * A * X"


@pytest.fixture
def catalog(tmp_path, monkeypatch):
    """Point the registry at a fresh package ``toycatalog`` whose modules the test writes."""
    package = tmp_path / "toycatalog"
    (package / "toys").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "toys" / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "PACKAGE", "toycatalog")
    monkeypatch.setattr(registry, "ROOT", package)
    monkeypatch.setenv(cache.ENV, "off")
    registry._catalog.cache_clear()
    yield package / "toys"
    registry._catalog.cache_clear()
    for name in [m for m in sys.modules if m == "toycatalog" or m.startswith("toycatalog.")]:
        del sys.modules[name]


def test_a_wrong_identity_fails_verification_with_exit_1(catalog, capsys):
    (catalog / "right.py").write_text(TOY.format(id="toy-right", gradient=RIGHT))
    (catalog / "wrong.py").write_text(TOY.format(id="toy-wrong", gradient=WRONG))
    assert main(["verify", "toy-right"]) == EXIT_OK
    assert main(["verify"]) == EXIT_FAILED
    out = capsys.readouterr().out
    assert re.search(r"toy-wrong +FAILED", out) and "missing symmetric part" in out
    assert "1 of 2 identities verified" in out


BROKEN = [
    # (what, module source, line named, words of the message)
    ("syntax error", TOY.format(id="toy-a", gradient=RIGHT).replace("A = matrix", "A = = matrix"), 5,
     "SyntaxError: invalid syntax"),
    ("exception at import", TOY.format(id="toy-a", gradient=RIGHT).replace('X = matrix', 'X = 1 / 0\nX = matrix'),
     6, "ZeroDivisionError: division by zero"),
    ("inconsistent definition", TOY.format(id="toy-a", gradient="A"), 7,
     "DefinitionError: identity 'toy-a': the gradient with respect to X has shape"),
    ("no record", '"""Nothing here."""\n', None, "defines no IDENTITY"),
    ("duplicate id", TOY.format(id="toy-ok", gradient=RIGHT), 7, "id 'toy-ok' is already defined in"),
]


@pytest.mark.parametrize("what, source, line, words", BROKEN, ids=[b[0] for b in BROKEN])
@pytest.mark.parametrize("argv", [["list"], ["show", "toy-ok"], ["verify"], ["mutants", "-j", "2"]])
def test_a_broken_module_is_named_by_file_and_line_with_exit_3(catalog, capsys, argv, what, source, line, words):
    (catalog / "a_ok.py").write_text(TOY.format(id="toy-ok", gradient=RIGHT))
    (catalog / "b_broken.py").write_text(source)
    assert main(argv) == EXIT_BROKEN_CATALOG
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    where = "b_broken.py" + (f":{line}:" if line else ":")
    assert where in err and words in err, err
    assert err.startswith("python -m identities: error: broken catalog module: ")


# -- the Cookbook map --------------------------------------------------------------------------------

def test_cookbook_prints_the_map_both_ways(capsys):
    assert main(["cookbook"]) == EXIT_OK
    out = capsys.readouterr().out
    equations, _, by_identity = out.partition("\nidentity → equations\n")
    assert re.search(r"\(57\) ✓ 2\.1\.4 +∂ln\|det X\|/∂X = X⁻ᵀ\n +→ log-det(, [\w-]+)*\n", equations)
    assert re.search(r"\(45\) ✓ 2 +.*\n +left out: complex-valued", equations)
    assert "not yet stated by an identity" in equations or "0 real derivatives not yet stated" in out
    assert re.search(r"^  log-det +\(43\), \(57\)$", by_identity, re.M)


def test_cookbook_json_has_every_equation_and_every_citing_identity(capsys):
    import json

    assert main(["cookbook", "--json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    numbers = [e["number"] for e in data["equations"]]
    assert set(range(33, 145)) <= set(numbers) and numbers == sorted(numbers)
    by_number = {e["number"]: e for e in data["equations"]}
    assert "log-det" in by_number[57]["identities"] and by_number[57]["confirmed"] is True
    assert data["identities"]["log-det"] == [43, 57]


def test_a_broken_cookbook_map_is_one_line_with_exit_3(tmp_path, monkeypatch, capsys):
    from identities.engine import cookbook

    broken = tmp_path / cookbook.DATA.name
    broken.write_text(cookbook.DATA.read_text(encoding="utf-8").replace("number = 77\n", "number = 76\n"))
    monkeypatch.setattr(cookbook, "DATA", broken)
    cookbook._load.cache_clear()
    try:
        assert main(["cookbook"]) == EXIT_BROKEN_CATALOG
    finally:
        cookbook._load.cache_clear()
    err = capsys.readouterr().err
    assert err.startswith("python -m identities: error: broken Cookbook map: cookbook_equations.toml: ")
    assert len(err.strip().splitlines()) == 1 and "(76) is listed twice" in err


def test_calling_main_in_process_leaves_the_signal_handling_alone(capsys):
    # main() once made a closed pipe kill the whole process (SIGPIPE to its default): a test worker
    # serving the handbook to a browser then died silently when the browser dropped a connection
    import signal
    before = signal.getsignal(signal.SIGPIPE)
    assert main(["list"]) == EXIT_OK
    assert signal.getsignal(signal.SIGPIPE) == before
    capsys.readouterr()


def test_the_program_ends_quietly_when_its_reader_goes_away():
    # `python -m identities list | head -1`: the reader closes the pipe after one line
    done = subprocess.run(f"{sys.executable} -m identities list | head -1", shell=True, capture_output=True,
                          text=True)
    assert done.stdout.count("\n") == 1 and "Error" not in done.stderr and "Traceback" not in done.stderr, done.stderr
