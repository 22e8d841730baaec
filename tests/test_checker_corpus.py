"""A slice of the checker corpus (the full run is ``benchmarks/checker_corpus.py``): every verdict
must be one a sound checker may give, classic mistakes are named, mutations of inputs are noted,
and no check exceeds the call budget."""

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
