"""A slice of the checker corpus (the full run is ``benchmarks/checker_corpus.py``): every verdict
must be one a sound checker may give, classic mistakes are named, mutations of inputs are noted,
no check exceeds the call budget, and a passing check of a correct first derivative on the complex
path takes at most six calls of the function."""

from __future__ import annotations

import pytest

from checker_corpus import corpus
from identities.engine.checks import MAX_EVALUATIONS

SLICE = list(corpus(seed=1, scale=0.03))


@pytest.mark.parametrize("case", SLICE, ids=[f"{k.category}: {k.label}" for k in SLICE])
def test_corpus_slice_verdicts_are_sound(case):
    check = case.run()
    assert check.verdict in case.must, (case.category, case.label, check, check.notes)
    assert check.evaluations <= MAX_EVALUATIONS, check
    if case.expect_diagnosis and check.verdict == "failed":
        assert check.diagnosis.startswith(case.expect_diagnosis), check
    if case.notes_must_mention:
        assert any(case.notes_must_mention in n for n in check.notes), check.notes


#: Correct first derivatives whose checks take the complex path, ill-conditioned ones (κ ≤ 1e8) among them.
COMPLEX_PATH = ("correct composition, complex step", "κ(A)=1e6 constant, passed as an argument",
                "differential of X⁻¹, correct", "VJP of softmax rows, correct", "Jacobian of X⁻¹, correct")


def test_a_passing_check_on_the_complex_path_takes_at_most_six_calls():
    cases = [k for k in corpus(seed=2, scale=0.1) if k.category in COMPLEX_PATH]
    costly = [(k.category, k.label, c) for k in cases for c in [k.run()] if c.ok and c.evaluations > 6]
    assert len(cases) > 200 and not costly, costly
