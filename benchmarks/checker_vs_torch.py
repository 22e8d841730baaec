"""Time and calls of a passing and a failing gradient check: ours against
``torch.autograd.gradcheck`` in fast mode.  torch is not a dependency of the project: run this in a
separate environment that has both (the project importable from the working tree), e.g.

    python3 -m venv /tmp/peers && /tmp/peers/bin/pip install torch==2.13.0 numpy scipy sympy
    PYTHONPATH=. /tmp/peers/bin/python benchmarks/checker_vs_torch.py             # one thread
    PYTHONPATH=. /tmp/peers/bin/python benchmarks/checker_vs_torch.py --threads   # the libraries' default

The objective is log det X (κ = 10, and κ = 1e6 for the right answer) with its gradient X⁻ᵀ; the
wrong answer is X⁻¹ (transposed).
A rejected answer is timed at n = 60: on a mismatch gradcheck recomputes the full numerical Jacobian
(2·n² + 1 evaluations), which at n = 300 did not finish in 500 s.

By default both run single-threaded (BLAS and torch): on a shared machine a multi-threaded BLAS makes
every timing depend on what else is running (the same check measured 0.013 s and 0.87 s minutes
apart).  ``--threads`` keeps the libraries' own thread counts.  Either way their runs alternate, each
taking its fastest, so that both meet the same conditions.
"""

from __future__ import annotations

import os
import sys

THREADED = "--threads" in sys.argv[1:]
if not THREADED:
    for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[_variable] = "1"   # before NumPy loads its BLAS

import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from helpers import Counted, conditioned  # noqa: E402
from identities import check_gradient  # noqa: E402

ROUNDS = 15


def ours(X, grad):
    f = Counted(lambda X: np.log(np.linalg.det(X)))
    return f, lambda: check_gradient(f, grad, X).verdict


def torch_fast(X, transposed):
    import torch

    if not THREADED:
        torch.set_num_threads(1)
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
            return "passed" if torch.autograd.gradcheck(LogDet.apply, (Xt,), fast_mode=True) else "failed"
        except Exception:   # gradcheck raises on a mismatch
            return "failed"
    return calls, run


def race(runs: dict) -> dict:
    """Alternate the runs ROUNDS times; each one's fastest time and last verdict."""
    best, verdict = {name: np.inf for name in runs}, {}
    for _ in range(ROUNDS):
        for name, run in runs.items():
            start = time.perf_counter()
            verdict[name] = run()
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: (best[name], verdict[name]) for name in runs}


def main() -> int:
    threads = "the libraries' default threads" if THREADED else "single-threaded"
    print(f"log det X; {threads}, fastest of {ROUNDS} alternating runs")
    print(f"{'checker':<26} {'n':>4} {'κ':>6} {'answer':<12} {'verdict':<8} {'seconds':>8} {'calls of f':>10}")
    for n, kappa, label, grad, transposed in ((300, 10, "right", lambda X: np.linalg.inv(X).T, False),
                                              (300, 1e6, "right", lambda X: np.linalg.inv(X).T, False),
                                              (60, 10, "transposed", np.linalg.inv, True)):
        X = conditioned(n, kappa, 0)
        X *= np.exp(-1 - np.linalg.slogdet(X)[1] / n)   # log det X = −n: det X representable at κ = 1e6
        f, mine = ours(X, grad)
        runs, counters = {"identities.check_gradient": mine}, {"identities.check_gradient": f}
        try:
            calls, theirs = torch_fast(X, transposed)
            runs["torch gradcheck (fast)"] = theirs
        except ImportError:
            print("torch is not installed here; see the docstring")
        results = race(runs)
        for name, (seconds, verdict) in results.items():
            count = counters[name].calls if name in counters else calls[0]
            print(f"{name:<26} {n:>4} {kappa:>6.0e} {label:<12} {verdict:<8} {seconds:8.4f} {count // ROUNDS:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
