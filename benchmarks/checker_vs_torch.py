"""Time and calls of a passing and a failing gradient check at n = 300: ours against
``torch.autograd.gradcheck`` in fast mode.  torch is not a dependency of the project: run this in a
separate environment that has both (the project importable from the working tree), e.g.

    python3 -m venv /tmp/peers && /tmp/peers/bin/pip install torch numpy scipy sympy
    PYTHONPATH=. /tmp/peers/bin/python benchmarks/checker_vs_torch.py

The objective is log det X (κ = 10) with its gradient X⁻ᵀ; the wrong answer is X⁻¹ (transposed).
A rejected answer is timed at n = 60: on a mismatch gradcheck recomputes the full numerical Jacobian
(2·n² + 1 evaluations), which at n = 300 did not finish in 500 s.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from helpers import Counted, conditioned  # noqa: E402
from identities import check_gradient  # noqa: E402

REPEATS = 5


def _best(run):
    times, result = [], None
    for _ in range(REPEATS):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def ours(X, grad):
    f = Counted(lambda X: np.log(np.linalg.det(X)))
    seconds, check = _best(lambda: check_gradient(f, grad, X))
    return seconds, f.calls // REPEATS, check.verdict


def torch_fast(X, transposed):
    import torch

    calls = [0]

    class LogDet(torch.autograd.Function):
        @staticmethod
        def forward(ctx, X):
            calls[0] += 1
            ctx.save_for_backward(X)
            return torch.logdet(X)

        @staticmethod
        def backward(ctx, g):
            (X,) = ctx.saved_tensors
            inverse = torch.linalg.inv(X)
            return g * (inverse if transposed else inverse.T)

    Xt = torch.tensor(X, dtype=torch.float64, requires_grad=True)

    def run():
        try:
            return torch.autograd.gradcheck(LogDet.apply, (Xt,), fast_mode=True)
        except Exception:   # gradcheck raises on a mismatch
            return False
    seconds, ok = _best(run)
    return seconds, calls[0] // REPEATS, "passed" if ok else "failed"


def main() -> int:
    print(f"log det X, κ = 10; best of {REPEATS} runs")
    print(f"{'checker':<26} {'n':>4} {'answer':<12} {'verdict':<8} {'seconds':>8} {'calls of f':>10}")
    for n, label, grad, transposed in ((300, "right", lambda X: np.linalg.inv(X).T, False),
                                       (60, "transposed", np.linalg.inv, True)):
        X = conditioned(n, 10, 0)
        s, calls, verdict = ours(X, grad)
        print(f"{'identities.check_gradient':<26} {n:>4} {label:<12} {verdict:<8} {s:8.3f} {calls:>10}")
        try:
            s, calls, verdict = torch_fast(X, transposed)
            print(f"{'torch gradcheck (fast)':<26} {n:>4} {label:<12} {verdict:<8} {s:8.3f} {calls:>10}")
        except ImportError:
            print("torch is not installed here; see the docstring")
    return 0


if __name__ == "__main__":
    sys.exit(main())
