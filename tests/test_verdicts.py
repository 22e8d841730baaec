"""A check that cannot decide never verifies a claim and never rejects a wrong answer.

The checker has three verdicts: passed, failed, and anything else (it could not judge).  A negative
control or a mutant counts as rejected only on "failed"; an undecided check fails the catalog row
and says why.  The checker is replaced here by one that never decides, so that the rule is tested
whatever the real checker does today.
"""

from __future__ import annotations

import dataclasses

import pytest

import identities
from identities.__main__ import EXIT_FAILED, main
from identities.engine import cache, mutants, verify
from identities.engine.checks import INCONCLUSIVE

REASON = "the measurement noise exceeds the allowance"


@pytest.fixture
def undecided(monkeypatch):
    """Every form check, in verification and in mutation testing, reaches no verdict."""
    monkeypatch.setenv(cache.ENV, "off")  # results of a stand-in checker must not be kept

    def check_form(*args, **kwargs):
        real = verify.check_form.__wrapped__(*args, **kwargs)
        return dataclasses.replace(real, verdict=INCONCLUSIVE, diagnosis=None, reason=REASON)

    check_form.__wrapped__ = verify.check_form
    monkeypatch.setattr(verify, "check_form", check_form)
    monkeypatch.setattr(mutants, "check_form", check_form)


def test_an_undecided_check_neither_verifies_a_form_nor_rejects_a_negative_control(undecided):
    report = verify.verify(identities.get("trace-quadratic"), 0)
    forms = [r for r in report.rows if not r.what.startswith(("negative control", "derivation"))]
    controls = [r for r in report.rows if r.what.startswith("negative control")]
    assert forms and controls and not report.ok
    for row in forms + controls:
        assert not row.ok and f"could not decide (inconclusive): {REASON}" in row.detail, row
    assert all(r.ok for r in report.rows if r.what.startswith("derivation")), "derivations use no form check"


def test_an_undecided_check_kills_no_mutant(undecided, capsys):
    report = mutants.mutation_report(identities.get("trace-quadratic"), 0)
    decided = [m for m in report.mutants if m.check is not None and m.status == "killed"]
    assert not decided, "a mutant was counted as rejected although its check could not decide"
    assert report.inconclusive and not report.ok and report.failures == report.inconclusive
    assert all(REASON in m.reason for m in report.inconclusive)
    assert "inconclusive" in report.summary
    assert main(["mutants", "trace-quadratic"]) == EXIT_FAILED
    out = capsys.readouterr().out
    assert f"inconclusive: scale by 2 → 2(A + Aᵀ)X (the check could not decide (inconclusive): {REASON})" in out


def test_mutants_that_cannot_even_be_formed_are_still_killed(undecided):
    """SymPy refuses softmax(xᵀ) before any check runs: rejected whatever the checker says."""
    report = mutants.mutation_report(identities.get("softmax-jacobian"), 0)
    assert [(m.description, m.reason) for m in report.killed] == [
        ("x → xᵀ (ill-shaped: ValueError)", "ill-shaped: cannot be formed")]


def test_a_square_result_symmetric_up_to_rounding_gets_no_transposed_control():
    """A Hessian written with X⁻ᵀ computed two ways is symmetric up to rounding far above an
    absolute 1e-14 when its entries are large; its transpose is not a wrong answer to reject."""
    import numpy as np

    from identities.engine.verify import _is_symmetric_square
    rng = np.random.default_rng(0)
    S = rng.standard_normal((6, 6)) * 50
    H = S + S.T
    H[0, 1] += 1e-12
    assert _is_symmetric_square(H)
    assert not _is_symmetric_square(H + 1e-6 * np.abs(H).max() * np.triu(np.ones((6, 6)), 1))
    assert not _is_symmetric_square(np.ones((2, 3)))
