"""The precision ladder: how much double-precision error this point causes, measured where a
claim disagrees with the complex step beyond the error model's first allowance.

A stable floating-point computation commits errors equivalent to input changes of about eps₆₄, so
how far a computation moves under a random relative nudge δ of its inputs (one single-precision
unit), times eps₆₄/δ, estimates its error — and the scaling leaves out the jumps of a function that
is not smooth at the point (a max with a tie), which a nudge of a few units in the last place would
take for error.  The rungs, cheapest first:

1. the claim at ``CLAIM_NUDGES`` nudged points — calls of the derivative only: its sensitivity is
   the derivative's own where the claim is right, so it stands for the error of both sides, and it
   is read as the claim's spread over the random direction, so that it does not hinge on how one
   direction happens to meet the sensitive inputs;
2. then, along the disagreeing direction, alternately the complex step and the claim at nudged
   inputs, and the complex step rescaled by a power of the golden ratio (in exact arithmetic the
   scale drops out; in floating point every rounding is drawn afresh, which shows a complex path
   whose own rounding is rough, like a complex Schur form) — one call of the function each,
   ``SAMPLES`` in all.

Estimates pool over rungs (one may be small by chance).  Only differentiated arguments and
real-valued constants are nudged, never integer data; data captured in a closure cannot be nudged
at all, which the judge's hidden-data allowance covers.
"""

from __future__ import annotations

import numpy as np

from .claims import Claim
from .directional import Evaluator
from .inputs import EPS64, Refused
from .judge import Direction, ErrorModel, scale

__all__ = ["Ladder", "NUDGE", "CLAIM_NUDGES", "SAMPLES", "GOLDEN", "nudgeable"]

#: The relative nudge of the inputs: one single-precision unit, 2⁻²⁴.
NUDGE = 2.0 ** -24
#: Nudged points at which the first rung evaluates the claim (no call of the function).
CLAIM_NUDGES = 2
#: Calls of the function the later rungs make at most (alternately nudged and rescaled).
SAMPLES = 4
#: Rescaling of the complex step (not a power of two, so that every rounding is drawn afresh);
#: sample k uses its k-th power.
GOLDEN = (1 + 5 ** 0.5) / 2


class Ladder:
    """The ladder of one check: ``climb`` one rung along a disagreeing direction, ``join`` a
    direction measured after some rungs were climbed.  Results go to the error model (``ladder``,
    ``claim_ladder``, ``rough``) and to each direction (``ladder``, ``claim_error``, ``sensitivity``)."""

    def __init__(self, ev: Evaluator, claim: Claim, model: ErrorModel, seed: int):
        self.ev, self.claim, self.model, self.seed = ev, claim, model, seed
        self.nudged: list[list] = []     # the argument lists of the first rung, once it is climbed
        self.points: list[list] | None = None
        self.samples = 0

    def climb(self, d: Direction, dirs: list[Direction]) -> bool:
        """One more rung along *d*, updating every direction in *dirs*; False when none is left."""
        if not self.nudged:
            self.nudged = self._points()
            for e in dirs:
                e.sensitivity = self.sensitivity(e)
            return True
        if self.samples >= SAMPLES:
            return False
        k = self.samples = self.samples + 1
        rescaled = k % 2 == 0
        if rescaled:    # the same inputs, the step and the claim's direction rescaled by φᵏ
            args, step, factor = self.ev.args, GOLDEN ** k, 1.0
        else:           # inputs nudged by δ, both sides' movement scaled by eps₆₄/δ
            args, step, factor = self._nudge([self.seed, 2, k]), 1.0, EPS64 / NUDGE
        what = "rescaled" if rescaled else "nudged"
        ev = Evaluator(self.ev.session, args, self.ev.wrt, self.ev.y0, self.ev.eps, self.ev.structures)
        cv = ev.complex_step(d.V, d.W, f"the precision ladder's {what} complex step along {d.label}", step=step)
        try:
            c = self.claim(args, d.W, tuple(step * v for v in d.V), purpose=f"the precision ladder's {what} claim")
            c = c.value / step
        except Refused:
            c = np.nan
        if cv.broken or not (np.isfinite(cv.value) and np.isfinite(c)):
            self.model.notes.append(f"precision ladder stopped ({cv.broken or 'non-finite result on its rung'})")
            self.samples = SAMPLES
            return False
        s = scale(d)
        estimate = (abs(cv.value - d.measured) + abs(c - d.claimed)) * factor / s
        if rescaled:
            self.model.rough = max(self.model.rough, estimate)
        self.model.ladder = max(self.model.ladder, estimate)
        self.model.claim_ladder = max(self.model.claim_ladder, abs(c - d.claimed) * factor / s)
        for e in dirs:
            self.join(e)
        return True

    def join(self, d: Direction) -> None:
        """Give *d* what the rungs climbed so far measured (relative estimates scale with s)."""
        d.ladder, d.claim_error = self.model.ladder * scale(d), self.model.claim_ladder * scale(d)
        if self.nudged and not d.sensitivity:
            d.sensitivity = self.sensitivity(d)

    def _nudge(self, seed) -> list:
        rng = np.random.default_rng(seed)
        return [a + self.ev.relative(i, rng, NUDGE) if i in self.ev.wrt
                else a * (1 + NUDGE * rng.standard_normal(np.shape(a))) if nudgeable(a, i, self.ev.wrt) else a
                for i, a in enumerate(self.ev.args)]

    def _points(self) -> list[list]:
        """Rung 1's nudged argument lists (drawn once: the same whether or not the rung is climbed)."""
        if self.points is None:
            self.points = [self._nudge([self.seed, 1, k]) for k in range(CLAIM_NUDGES)]
        return self.points

    def sensitivity(self, d: Direction) -> float:
        """The claim's movement along *d* at rung 1's nudged points, scaled to double precision:
        calls of the derivative only.  Climbing the rung records it on every direction."""
        moved = 0.0
        for args in self._points():
            try:
                value = self.claim.value(args, d.W, d.V, purpose="the precision ladder's nudged claim")
            except Refused:
                continue
            base = self.claim.value(self.ev.args, d.W, d.V, purpose=d.label)
            c, _, spread = self.claim.pair(value - base, d.W, d.V, self.claim.order)
            moved = max(moved, spread if spread is not None else abs(c))
        return moved * EPS64 / NUDGE


def nudgeable(arg, position: int, wrt: tuple[int, ...]) -> bool:
    """Differentiated arguments and floating-point constants (real or complex) are nudged, never
    integer data (labels, masks, counts)."""
    if position in wrt:
        return True
    arr = np.asarray(arg) if isinstance(arg, (np.ndarray, float, complex)) else None
    return arr is not None and arr.dtype.kind in "fc" and not np.all(arr == np.round(arr))
