"""The one path every check takes: validate, measure, judge, diagnose.

First order, in calls of the function:

1. F(X) (1 call), then the complex step along three random directions (3 calls).  Their real parts
   repeat F(X): beyond rounding, one more call at X tells a non-deterministic function (noise)
   from an ill-conditioned one.
2. If the claim agrees within the allowance — possibly after the precision ladder (6 calls) —
   one central difference along the first direction (2 calls) cross-checks the complex path.
   Only when that single step cannot resolve the question does a full Richardson sweep (26 calls)
   run; a sweep that cannot resolve it either never overrules the complex step.
3. If the claim disagrees, one sweep along the worst direction asks whether the complex path is
   broken; only a sweep that resolves the disagreement sides against the complex step.
4. A function that is not complex-analytic as written is measured by sweeps along every
   direction, after a repeat call at X that measures its noise.

A kink that the finite differences cross is told apart from a kink at the point by the complex
step's symmetry: Im F(X − ihV) = −Im F(X + ihV) where F is analytic.
"""

from __future__ import annotations

import numpy as np

from .calls import OutOfTime, Session
from .claims import Claim, Description
from .diagnosis import NO_DIAGNOSIS, diagnose
from .directional import FIRST_ORDER_STEPS, SECOND_ORDER_STEPS, Evaluator, Sweep
from .inputs import EPS64, Refused, arguments_of, callable_of, positions_of, seed_of, timeout_of, vec_of
from .judge import (FD_SAFETY, ROUNDING_UNITS, Direction, ErrorModel, allowance, decide, passes, pool_errors,
                    scale)
from .verdict import CENTRAL, COMPLEX, FAILED, INCONCLUSIVE, MIXED_COMPLEX, MIXED_REAL, SHAPE, Check

__all__ = ["run", "MAX_EVALUATIONS", "DEFAULT_TIMEOUT"]

#: Calls of the user's function allowed in one check, whatever the input size.
MAX_EVALUATIONS = 100
#: Seconds a check may take unless ``timeout=`` says otherwise.
DEFAULT_TIMEOUT = 600.0
#: Independent random directions for first- and second-order checks (a bug 100× over the threshold
#: escapes one direction with probability ≈ 8e-3, three with ≈ 5e-7).
FIRST_ORDER_DIRECTIONS = 3
SECOND_ORDER_DIRECTIONS = 2
#: The ladder's relative nudge of the inputs: one single-precision unit, 2⁻²⁴.
LADDER_NUDGE = 2.0 ** -24
#: Rescaling of the complex step and of the direction in the rounding probe (not a power of two,
#: so that every rounding is drawn afresh).
GOLDEN = (1 + 5 ** 0.5) / 2
#: The real part of a complex evaluation repeats F(X) within this many rounding units of |F|.
REPEAT_UNITS = 64.0
#: A cross-check confirms the complex step only if it resolves it to this fraction of s — as
#: finely as finite differences alone would judge a claim.
RESOLUTION = 1e-6
#: Finite differences overrule a complex step that agrees with the claim only when they disagree
#: with it by more than their own error bound and by more than this fraction of s.
OVERRULE = 1e-9
#: A passing complex step whose allowance is wider than this fraction of s asks finite differences
#: whether they can judge the claim more sharply.
WIDE_ALLOWANCE = 1e-10
#: A complex-step disagreement below this fraction of s that no measured error source explains is
#: inconclusive, not a wrong answer (a claim wrong by one part in 1e8 is still rejected).
UNEXPLAINED = 1e-9
#: Repeat calls at X on the finite-difference path when the first repeat differs.
MORE_REPEATS = 2


def run(kind: Description, F, D, args: tuple, wrt, seed, timeout, vec: str = "F") -> Check:
    """Validate the inputs, then measure and judge; a time-out gives an inconclusive check."""
    name = kind.name
    callable_of(F, "the function", name)
    callable_of(D, kind.derivative, name)
    seed = seed_of(seed, name)
    timeout = timeout_of(timeout, name)
    order = vec_of(vec, name)
    if not args:
        raise TypeError(f"{name} needs the point to check at: pass the arrays after the functions")
    positions = positions_of(wrt, len(args), name, single=kind.single)
    private = arguments_of(args, positions, name)
    session = Session(name, F, D, kind.derivative, timeout)
    checker = _Checker(kind, session, private, positions, seed, order)
    try:
        return checker.check()
    except OutOfTime as exc:
        return checker.result(INCONCLUSIVE, checker.method, reason=f"the check ran out of time: {exc}")


class _Checker:
    def __init__(self, kind: Description, session: Session, args: list, positions: tuple[int, ...], seed: int,
                 order: str):
        self.kind, self.session, self.args, self.positions, self.seed, self.order = \
            kind, session, args, positions, seed, order
        self.model = ErrorModel()
        self.dirs: list[Direction] = []
        self.method = COMPLEX if kind.order == 1 else MIXED_COMPLEX
        self.sweeps: dict[int, Sweep] = {}
        self.noise_measured = False

    # -- the shared path -----------------------------------------------------------------------
    def check(self) -> Check:
        y0 = self._at_point()
        self.ev = Evaluator(self.session, self.args, self.positions, y0, self.eps_f)
        self.claim = Claim(self.kind, self.session, self.positions, y0, self.order)
        refused = self.claim.first(self.args)
        if refused:
            return self._refusal(refused)
        self.dirs = self._directions(y0)
        try:
            for i, d in enumerate(self.dirs):
                d.claimed, d.scale_claimed = self.claim(self.args, d.W, d.V, purpose=f"direction {i + 1}")
        except Refused as exc:
            return self._refusal(str(exc))
        self._precision()
        self.method = self._first_order() if self.kind.order == 1 else self._second_order()
        verdict, reason = decide(self.dirs, self.model)
        if verdict == FAILED and self._unexplained():
            verdict, reason = INCONCLUSIVE, self._unexplained()
        diagnosis = None
        if verdict == FAILED:
            try:
                diagnosis = diagnose(self.claim, self.args, self.dirs)
            except OutOfTime:
                diagnosis = NO_DIAGNOSIS + " (the time limit stopped the diagnosis)"
        return self.result(verdict, self.method, diagnosis=diagnosis, reason=reason)

    def result(self, verdict: str, method: str, diagnosis: str | None = None, reason: str | None = None) -> Check:
        dirs = [d for d in self.dirs if np.isfinite(d.allowance)]
        rel = max((abs(d.measured - d.claimed) / scale(d) if np.isfinite(d.claimed) and np.isfinite(d.measured)
                   else np.inf for d in dirs), default=np.nan)
        tol = max((d.allowance / scale(d) for d in dirs), default=np.nan)
        notes = tuple(self.model.notes + self.session.notes())
        return Check(verdict=verdict, rel_error=float(rel), tolerance=float(tol), evaluations=self.session.calls,
                     method=method, diagnosis=diagnosis, reason=reason, seed=self.seed,
                     shapes=tuple(np.shape(self.args[p]) for p in self.positions), notes=notes)

    def _refusal(self, message: str) -> Check:
        self.dirs = []
        return Check(verdict=FAILED, rel_error=float("inf"), tolerance=0.0, evaluations=self.session.calls,
                     method=SHAPE, diagnosis=message, seed=self.seed,
                     shapes=tuple(np.shape(self.args[p]) for p in self.positions),
                     notes=tuple(self.session.notes()))

    def _at_point(self) -> np.ndarray:
        name = self.kind.name
        y0 = self.session.function(self.args, "the given point")
        if y0.dtype.kind == "c":
            raise TypeError(f"{name}: the function returns complex values for real input; it must be real")
        if not np.all(np.isfinite(y0)):
            raise ValueError(f"{name}: the function is not finite at the given point")
        if self.kind.scalar and y0.size != 1:
            raise ValueError(f"{name} needs a scalar-valued function; it returned shape {y0.shape} "
                             "(use check_jacobian, check_differential or check_vjp)")
        self.eps_f = float(np.finfo(y0.dtype).eps) if y0.dtype.kind == "f" else EPS64
        return y0.astype(np.float64)

    def _precision(self) -> None:
        low = [who for who, eps in (("the function", self.eps_f), (self.kind.derivative, self.claim.eps))
               if eps > EPS64]
        self.model.eps = max(self.eps_f, self.claim.eps, EPS64)
        self.model.precision_of = " and ".join(low) if low else None
        if low:
            self.model.notes.append(f"{self.model.precision_of} computes below float64 (eps = {self.model.eps:.1e})")

    def _directions(self, y0: np.ndarray) -> list[Direction]:
        rng = np.random.default_rng(self.seed)
        shapes = [self.args[p].shape for p in self.positions]
        count = FIRST_ORDER_DIRECTIONS if self.kind.order == 1 else SECOND_ORDER_DIRECTIONS
        dirs = []
        for _ in range(count):
            V = tuple(rng.standard_normal(s) for s in shapes)
            if self.kind.order == 2:
                W = tuple(rng.standard_normal(s) for s in shapes)
            else:
                W = np.ones(y0.shape) if y0.size == 1 else rng.standard_normal(y0.shape)
            dirs.append(Direction(V=V, W=W))
        return dirs

    def _allow(self) -> bool:
        for d in self.dirs:
            allowance(d, self.model)
        return all(passes(d, d.claimed, d.allowance) for d in self.dirs)

    def _sweep(self, i: int) -> Sweep:
        """A Richardson sweep along direction *i* (once), after measuring the rounding noise it sees."""
        if i not in self.sweeps:
            if not self.noise_measured:
                self.ev.rounding_noise(np.random.default_rng([self.seed, 2]))
                self.noise_measured = True
            d = self.dirs[i]
            self.sweeps[i] = self.ev.central(d.V, d.W, f"direction {i + 1}")
        return self.sweeps[i]

    def _room(self, calls: int) -> bool:
        return self.session.calls + calls <= MAX_EVALUATIONS

    # -- first order ---------------------------------------------------------------------------
    def _first_order(self) -> str:
        for i, d in enumerate(self.dirs):
            cv = self.ev.complex_step(d.V, d.W, f"the complex-step evaluation along direction {i + 1}", first=i == 0)
            if cv.broken:
                return self._finite_differences(f"complex step not usable ({cv.broken}); finite differences decided")
            d.measured, d.scale_measured, d.complex = cv.value, cv.scale, cv
        self._reproducibility()
        if not self._allow():
            self._ladder()
            if not self._allow():
                return self._second_opinion()
        method = self._confirm()
        if method == COMPLEX and max(d.allowance / scale(d) for d in self.dirs) > WIDE_ALLOWANCE:
            return self._sharpen()
        return method

    def _reproducibility(self) -> None:
        """Re F(X + ihV) repeats F(X): a gap beyond rounding is either amplified rounding (a repeat
        in real arithmetic reproduces F(X) bit for bit) or a function whose calls differ."""
        y0, eps = self.ev.y0, self.eps_f
        gaps, relative, beyond = [], [], False
        for d in self.dirs:
            cv = d.complex
            gap = np.abs(cv.real - y0)
            rounding = REPEAT_UNITS * eps * (np.abs(y0) + np.abs(cv.real)) + 1e-8 * cv.h * np.abs(cv.imag)
            beyond |= bool(np.any(gap > rounding))
            size = max(float(np.sum(np.abs(d.W) * np.abs(y0))), cv.scale * self.ev.unit(d.V), np.finfo(float).tiny)
            gaps.append(gap)
            relative.append(float(np.sum(np.abs(d.W) * gap)) / size)
        if beyond and not self._repeat_matches():
            self._noisy(np.max(gaps, axis=0), max(relative))
        else:
            self.model.evaluation = max(relative)
            self.ev.noise = np.max(gaps, axis=0)   # two roundings of F(X): the noise finite differences see

    def _repeat_matches(self, more: int = 0) -> bool:
        """Call F at X again; True if it reproduces F(X) bit for bit.  On a mismatch, *more*
        further repeats widen the measured spread."""
        y0 = self.ev.y0
        again = self.session.function(self.args, "a repeat at the given point").astype(np.float64)
        if again.tobytes() == y0.tobytes():
            return True
        spread = np.abs(again - y0)
        for _ in range(more):
            spread = np.maximum(spread, np.abs(self.session.function(self.args, "a repeat at the given point") - y0))
        size = max(float(np.sum(np.abs(y0))), np.finfo(float).tiny)
        self._noisy(spread, float(np.sum(spread)) / size)
        return False

    def _noisy(self, spread: np.ndarray, relative: float) -> None:
        self.ev.noise = np.maximum(self.ev.noise, spread)
        self.model.noise = max(self.model.noise, relative)
        self.model.noise_text = (f"calls of the function at the same point returned values that differ by up to "
                                 f"{float(np.max(spread)):.1e} (relative {relative:.1e}): it is noisy or not "
                                 "deterministic")
        self.model.notes.append(self.model.noise_text)

    def _ladder(self) -> None:
        """Estimate the double-precision error of both sides and widen the allowances to match.

        Two probes, pooled over directions (one direction may see little by chance):

        * **conditioning** — nudge the inputs by one single-precision unit δ (random, relative) and
          see how far both sides move; a floating-point computation that is stable commits errors
          equivalent to input changes of eps₆₄, so the movement times eps₆₄/δ estimates their error;
        * **rounding inside a sum** — repeat the complex step with the step h·φ (φ the golden
          ratio) and the claim with the direction φV: in exact arithmetic both scale away, in
          floating point the rounding errors are drawn afresh.

        Data captured in a closure cannot be nudged; the evaluation gap of the error model covers it.
        """
        rng = np.random.default_rng([self.seed, 1])
        nudged = [a * (1 + LADDER_NUDGE * rng.standard_normal(np.shape(a))) if _nudgeable(a, i, self.positions)
                  else a for i, a in enumerate(self.args)]
        ev = Evaluator(self.session, nudged, self.positions, self.ev.y0, self.eps_f)
        relative = claim_relative = 0.0
        for i, d in enumerate(self.dirs):
            cv = ev.complex_step(d.V, d.W, f"the precision ladder's nudged complex step along direction {i + 1}")
            try:
                c, _ = self.claim(nudged, d.W, d.V, purpose="the precision ladder's nudged point")
            except Refused:
                c = np.nan
            if cv.broken or not (np.isfinite(cv.value) and np.isfinite(c)):
                self.model.notes.append(f"precision ladder not run ({cv.broken or 'non-finite result at the nudged point'})")
                return
            to_double = EPS64 / LADDER_NUDGE
            relative = max(relative, (abs(cv.value - d.measured) + abs(c - d.claimed)) * to_double / scale(d))
            claim_relative = max(claim_relative, abs(c - d.claimed) * to_double / scale(d))
        for i, d in enumerate(self.dirs):
            cv = self.ev.complex_step(d.V, d.W, f"the precision ladder's rescaled complex step along direction {i + 1}",
                                      step=GOLDEN)
            c_phi, _ = self.claim(self.args, d.W, tuple(GOLDEN * v for v in d.V), purpose="the rounding probe")
            if cv.broken or not (np.isfinite(cv.value) and np.isfinite(c_phi)):
                self.model.notes.append(f"rounding probe not run ({cv.broken or 'non-finite result'})")
                return
            relative = max(relative, (abs(cv.value - d.measured) + abs(c_phi / GOLDEN - d.claimed)) / scale(d))
            claim_relative = max(claim_relative, abs(c_phi / GOLDEN - d.claimed) / scale(d))
        for d in self.dirs:
            d.ladder, d.claim_error = relative * scale(d), claim_relative * scale(d)

    def _confirm(self) -> str:
        """The complex step agrees with the claim: cross-check the complex path itself."""
        d = self.dirs[0]
        probe = self.ev.probe(d.V, d.W, "direction 1")
        s = scale(d)
        if probe.bound <= RESOLUTION * s and abs(probe.value - d.measured) <= probe.bound:
            return COMPLEX
        if not self._room(2 * FIRST_ORDER_STEPS):
            self.model.notes.append("the complex path was not cross-checked by finite differences (call budget)")
            return COMPLEX
        sweep = self._sweep(0)
        if sweep.kink:
            return self._kink(0, sweep)
        bound = FD_SAFETY * sweep.error
        if np.isfinite(sweep.value) and abs(sweep.value - d.measured) > max(bound, OVERRULE * s):
            return self._finite_differences(
                "the complex step disagreed with finite differences, so the function is not complex-analytic "
                "as written (abs, conj, vdot, cholesky, eigh…); finite differences decided")
        if not bound <= RESOLUTION * s:
            self.model.notes.append(f"finite differences could cross-check the complex step only to "
                                    f"{bound / s:.1e} of its scale at this point; the complex step decided")
        return COMPLEX

    def _second_opinion(self) -> str:
        """The complex step disagrees with the claim: is the complex path broken?  One sweep along
        the worst direction; only a disagreement it resolves sides against the complex step."""
        i = max(range(len(self.dirs)), key=lambda k: abs(self.dirs[k].measured - self.dirs[k].claimed)
                / max(self.dirs[k].allowance, np.finfo(float).tiny))
        d = self.dirs[i]
        if not self._room(2 * FIRST_ORDER_STEPS):
            self.model.notes.append("no finite-difference second opinion (call budget)")
            return COMPLEX
        sweep = self._sweep(i)
        if sweep.kink:
            return self._kink(i, sweep)
        if np.isfinite(sweep.value) and abs(sweep.value - d.measured) > FD_SAFETY * sweep.error:
            return self._finite_differences(
                "the complex step disagreed with finite differences, so the function is not complex-analytic "
                "as written (abs, conj, vdot, norm…); finite differences decided")
        return COMPLEX

    def _unexplained(self) -> str | None:
        """A complex-step failure below ``UNEXPLAINED``: beyond the rounding of well-conditioned
        arithmetic, but within what ill-conditioned data the checker cannot nudge (captured in a
        closure, so neither the ladder nor a repeat sees it) can cause; not called a wrong answer."""
        if self.method != COMPLEX:
            return None
        worst = max(abs(d.measured - d.claimed) / scale(d) for d in self.dirs)
        if not worst <= UNEXPLAINED:
            return None
        return (f"the claim differs from the complex step by {worst:.1e} of its scale: more than rounding explains "
                f"at well-conditioned data, less than {UNEXPLAINED:.0e}, which ill-conditioned data the function "
                "holds where the checker cannot nudge it (captured in a closure) can cause; pass such data as an "
                "argument to have its conditioning measured")

    def _kink(self, i: int, sweep: Sweep) -> str:
        """Finite differences crossed a kink: at the point (the complex step is not odd in V there),
        or near it (the complex step, whose step is far smaller, stands)."""
        d = self.dirs[i]
        cv = self.ev.complex_step(tuple(-v for v in d.V), d.W, f"the complex step along minus direction {i + 1}")
        odd = not cv.broken and abs(cv.value + d.measured) <= max(d.allowance, ROUNDING_UNITS * EPS64 * scale(d))
        if odd:
            self.model.notes.append(f"finite differences cross a kink or a singularity near the point ({sweep.kink}); "
                                    "the complex step, whose step is far smaller and which is odd in the direction "
                                    "as an analytic function's must be, decided")
        else:
            self.model.kink = sweep.kink
        return COMPLEX

    def _sharpen(self) -> str:
        """The complex step passed only with a wide allowance: where a finite-difference sweep
        judges more sharply (and sees no kink), it decides that direction."""
        sharper = False
        for i, d in enumerate(self.dirs):
            if i not in self.sweeps and not self._room(2 * FIRST_ORDER_STEPS + 2):
                break
            sweep = self._sweep(i)
            if sweep.kink or not np.isfinite(sweep.value):
                continue
            twin = Direction(d.V, d.W, sweep.value, abs(sweep.value), sweep.error, d.claimed, d.scale_claimed,
                             claim_error=d.claim_error, finite=True)
            allowance(twin, self.model)
            if twin.allowance < d.allowance:
                self.dirs[i] = twin
                sharper = True
        if not sharper:
            return COMPLEX
        self.model.notes.append("the complex step was accurate only to a wide allowance here; finite differences, "
                                "sharper, decided where they were tighter")
        return CENTRAL

    def _finite_differences(self, note: str) -> str:
        """Measure every direction by a Richardson sweep, after a repeat call measures noise."""
        self.model.notes.append(note)
        self.model.evaluation = 0.0
        if self.model.noise == 0.0:
            self._repeat_matches(more=MORE_REPEATS)
        left = 0
        for i, d in enumerate(self.dirs):
            sweep = self._sweep(i)
            d.measured, d.error, d.scale_measured, d.finite = sweep.value, sweep.error, abs(sweep.value), True
            left += sweep.left_domain
            self.model.kink = self.model.kink or sweep.kink
        if left:
            self.model.notes.append(f"the function left its domain at {left} finite-difference step(s) (it raised "
                                    "or returned non-finite values there); those steps were skipped")
        if not all(np.isfinite(d.measured) for d in self.dirs):
            self.model.unresolved = ("finite differences found no steps at which the function is defined and smooth "
                                     "on both sides of the point")
        pool_errors(self.dirs)
        self._allow()
        return CENTRAL

    # -- second order --------------------------------------------------------------------------
    def _second_order(self) -> str:
        """Complex step along U and central differences along V, or mixed real differences when the
        complex path is broken (cross-checked against finite differences first)."""
        first = self.dirs[0]
        ones = np.ones(self.ev.y0.shape)
        cv = self.ev.complex_step(first.W, ones, "the complex-step evaluation along direction 1", first=True)
        broken = cv.broken
        if not broken:
            first.complex = cv
            self._second_order_noise(cv)
            probe = self.ev.probe(first.W, ones, "direction 1")
            s = max(cv.scale, abs(cv.value), np.finfo(float).tiny)
            if not (probe.bound <= RESOLUTION * s and abs(probe.value - cv.value) <= probe.bound):
                sweep = self.ev.central(first.W, ones, "direction 1", steps=SECOND_ORDER_STEPS)
                if (np.isfinite(sweep.value) and not sweep.kink
                        and abs(sweep.value - cv.value) > max(FD_SAFETY * sweep.error, OVERRULE * s)):
                    broken = "it disagrees with finite differences, so the function is not complex-analytic as written"
        if broken:
            self.model.notes.append(f"complex step not usable ({broken}); mixed finite differences decided")
            if self.model.noise == 0.0:
                self._repeat_matches(more=MORE_REPEATS)
        left = 0
        for d in self.dirs:
            sweep = self.ev.mixed_real(d.W, d.V) if broken else self.ev.mixed_complex(d.W, d.V, self.model.noise)
            d.measured, d.error, d.scale_measured, d.finite = sweep.value, sweep.error, abs(sweep.value), True
            left += sweep.left_domain
        if not all(np.isfinite(d.measured) for d in self.dirs):
            self.model.unresolved = ("finite differences found no steps at which the function is defined and smooth "
                                     "on both sides of the point")
        pool_errors(self.dirs)
        self._allow()
        return MIXED_REAL if broken else MIXED_COMPLEX

    def _second_order_noise(self, cv) -> None:
        y0 = self.ev.y0
        gap = np.abs(cv.real - y0)
        rounding = REPEAT_UNITS * self.eps_f * (np.abs(y0) + np.abs(cv.real)) + 1e-8 * cv.h * np.abs(cv.imag)
        if np.any(gap > rounding):
            self._repeat_matches(more=MORE_REPEATS)


def _nudgeable(arg, position: int, wrt: tuple[int, ...]) -> bool:
    """The ladder nudges differentiated arguments and real-valued constants, never integer data."""
    if position in wrt:
        return True
    arr = np.asarray(arg) if isinstance(arg, (np.ndarray, float)) else None
    return arr is not None and arr.dtype.kind == "f" and not np.all(arr == np.round(arr))

