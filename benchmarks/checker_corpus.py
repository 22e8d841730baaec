"""Run the checker on the seeded corpus and print false alarms, detections, inconclusive verdicts
and cost (calls of the function) per category.

    .venv/bin/python benchmarks/checker_corpus.py                # the full corpus (a few minutes)
    .venv/bin/python benchmarks/checker_corpus.py --scale 0.05   # a slice

A *false alarm* is a correct claim that failed; a *false pass* is a wrong claim that passed;
*detected* counts wrong claims that did not pass.  Inconclusive verdicts are listed apart.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from checker_corpus import CORRECT, UNJUDGEABLE, WRONG, corpus  # noqa: E402
from identities.engine.checks import COMPLEX  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scale", type=float, default=1.0)
    options = parser.parse_args(argv)
    rows: dict[str, list] = defaultdict(list)
    breaches = []
    start = time.perf_counter()
    for case in corpus(options.seed, options.scale):
        check = case.run()
        rows[case.category].append((case, check))
        if check.verdict not in case.must:
            breaches.append((case, check))
    elapsed = time.perf_counter() - start
    print(f"checker corpus, seed {options.seed}, scale {options.scale:g}: "
          f"{sum(map(len, rows.values()))} checks in {elapsed:.0f} s")
    print()
    header = (f"{'category':<56} {'n':>5} {'pass':>5} {'fail':>5} {'inc':>5} {'false':>6}  "
              f"{'calls: median':>13} {'max':>4} {'≤6':>5}")
    print(header)
    print("-" * len(header))
    for category, results in rows.items():
        verdicts = [c.verdict for _, c in results]
        wrong = sum(c.verdict not in case.must for case, c in results)
        calls = np.array([c.evaluations for _, c in results])
        passed_calls = np.array([c.evaluations for _, c in results if c.verdict == "passed"])
        cheap = f"{np.mean(passed_calls <= 6):5.0%}" if passed_calls.size else "    –"
        print(f"{category:<56} {len(results):>5} {verdicts.count('passed'):>5} {verdicts.count('failed'):>5} "
              f"{verdicts.count('inconclusive'):>5} {wrong:>6}  {np.median(calls):>13.0f} {calls.max():>4} {cheap}")
    print()
    print("'false': verdicts a sound checker must not give (a correct claim failed, a wrong claim passed,")
    print("an unjudgeable case not inconclusive).  '≤6': share of passing checks that took at most 6 calls.")
    print()
    _summary(rows)
    if breaches:
        print()
        print(f"{len(breaches)} unsound verdicts:")
        for case, check in breaches[:40]:
            print(f"  [{case.category}] {case.label}: {check!r}")
    return 0


def _summary(rows) -> None:
    def select(pred):
        return [(case, c) for results in rows.values() for case, c in results if pred(case)]

    for path, label in (("complex", "complex step"), ("finite", "finite differences")):
        correct = select(lambda k: k.must is CORRECT and k.path == path and k.category.startswith("correct"))
        if correct:
            alarms = sum(c.verdict == "failed" for _, c in correct)
            inconclusive = sum(c.verdict == "inconclusive" for _, c in correct)
            calls = [c.evaluations for _, c in correct if c.verdict == "passed"]
            print(f"correct compositions ({label}): {len(correct)}, false alarms {alarms} "
                  f"({alarms / len(correct):.2%}), inconclusive {inconclusive}, passing checks: "
                  f"median {np.median(calls):.0f} calls, {np.mean(np.array(calls) <= 6):.0%} in ≤ 6 calls")
    on_complex = [(case, c) for results in rows.values() for case, c in results
                  if c.verdict == "passed" and c.method == COMPLEX]
    if on_complex:
        costly = defaultdict(int)
        for case, c in on_complex:
            if c.evaluations > 6:
                costly[case.category] += 1
        cheap = len(on_complex) - sum(costly.values())
        print(f"passing first-order checks on the complex path: {len(on_complex)}, in ≤ 6 calls {cheap} "
              f"({cheap / len(on_complex):.2%}); more: " + (", ".join(f"{k} {v}" for k, v in costly.items()) or "none"))
    wrong = select(lambda k: k.must is WRONG)
    if wrong:
        detected = sum(c.verdict != "passed" for _, c in wrong)
        print(f"wrong claims: {len(wrong)}, detected (not passed) {detected} ({detected / len(wrong):.2%})")
    unjudgeable = select(lambda k: k.must is UNJUDGEABLE)
    if unjudgeable:
        told = sum(c.verdict == "inconclusive" for _, c in unjudgeable)
        print(f"unjudgeable cases (kinks at the point, float32): {len(unjudgeable)}, inconclusive {told}")
    every = [c.evaluations for results in rows.values() for _, c in results]
    print(f"calls per check: at most {max(every)} (budget 100)")


if __name__ == "__main__":
    sys.exit(main())
