"""The command line: its outputs, its exit codes, and one-line errors instead of tracebacks."""

from __future__ import annotations

import subprocess
import sys

import pytest

from identities.__main__ import main


def run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "identities", *argv], capture_output=True, text=True)


def test_list_names_every_identity(capsys):
    import identities
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert all(i.id in out for i in identities.all_identities())


def test_show_prints_statement_shapes_conditions_and_sources(capsys):
    assert main(["show", "trace-quadratic"]) == 0
    out = capsys.readouterr().out
    assert "∇_X tr(XᵀAX) = (A + Aᵀ)X" in out
    assert "n×k" in out and "sources:" in out and "numerator layout" in out


def test_verify_prints_one_row_per_identity(capsys):
    assert main(["verify", "trace-quadratic"]) == 0
    out = capsys.readouterr().out
    assert "trace-quadratic  ok" in out and "complex-step" in out and "1 of 1 identities verified" in out


def test_mutants_lists_counts(capsys):
    assert main(["mutants", "trace-quadratic"]) == 0
    assert "killed" in capsys.readouterr().out


@pytest.mark.parametrize("argv, needle", [
    (["show", "log-dett"], "did you mean 'log-det'"),
    (["verify", "no-such-id"], "no identity 'no-such-id'"),
    (["frobnicate"], "invalid choice"),
    (["verify", "--seed", "x"], "invalid int value"),
    (["show"], "the following arguments are required"),
    ([], "the following arguments are required"),
])
def test_bad_input_is_one_line_and_exit_2(argv, needle):
    result = run(*argv)
    assert result.returncode == 2
    assert needle in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
