"""The one path every check takes: validate, measure, judge, diagnose.

First order, in calls of the function F:

1. F(X) (1 call), then the complex step along one random direction (1 call).  Its real part
   repeats F(X): a gap beyond rounding large enough to matter costs one more call at X, which
   tells a non-deterministic function (noise) from an ill-conditioned one.
2. The claim's disagreement with it is judged against the allowance of the error model
   (:mod:`~identities.engine.checks.judge`); where it lies outside, the precision ladder
   (:mod:`~identities.engine.checks.ladder`) measures how much error this point causes — first from
   calls of the claim alone, then one call a rung — until the disagreement is explained or the
   ladder is used up.
3. Further complex-step directions are measured only until the stopping rules of
   :mod:`~identities.engine.checks.power` hold: a well-conditioned point needs none; an
   ill-conditioned one, where a correct claim disagrees by up to about κ·eps, two more; only a
   disagreement beyond what three directions can accept (a likely small bug) up to four more.
4. One central difference along one more, independent direction (2 calls) compares the claim with
   real arithmetic: it cross-checks the complex path and the claim at once.  Its step shrinks
   with the gain of F at the point (how much F or its derivative amplifies a relative change of X,
   about 1/δ at relative distance δ from a singularity), so that it stays where F is smooth, and
   its bound allows for F's values being off by eps·Σ|∇F|·|X|, as a backward-stable evaluation
   may be.  A passing check therefore takes **4 calls** at a well-conditioned point, one of them
   complex, and **at most 6** at an ill-conditioned one unless a measurement leaves a doubt.
   Where even the difference's rounding would exceed a tenth of the derivative's scale, it is
   skipped.  Where the difference disagrees beyond its error bound, a second one at a quarter of
   the step (2 calls) tells truncation from a real disagreement; a real one costs the complex step
   along that direction (does the claim fail there?) and a Richardson sweep (26 calls: a kink the
   differences crossed, or a complex path that is not analytic?).
   Where the difference is too coarse to cross-check because of curvature — which is how a kink
   looks to it — or was skipped, the complex step along −V (1 call) tells a kink *at* the point,
   where it is not odd in V, from a smooth point, where it is.  Where the complex step passed only
   with a wide allowance set by its own rough rounding (or one a single difference already beats),
   Richardson sweeps decide the directions they judge more sharply.
5. A failing claim gets three complex-step directions (for the diagnosis) and one sweep along the
   worst of them, which asks whether the complex path is broken; only a sweep that resolves the
   disagreement sides against the complex step.
6. A function that is not complex-analytic as written is measured by sweeps along three
   directions, after a repeat call at X that measures its noise.

Second order (Hessians): the complex step of f along U at X ± tV gives D²f[U, V] by central
differences of an exact first derivative: three steps (6 calls) per direction, two directions, and
the full nine-step sweep only for a direction that this short measurement cannot judge.  The
complex step at X itself (1 call per direction) gives the one-sided slopes a kink test.  A passing
Hessian check takes 17 calls.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from .calls import OutOfTime, Session
from .claims import Claim, Description
from .diagnosis import NO_DIAGNOSIS, diagnose
from .directional import FIRST_ORDER_STEPS, SECOND_ORDER_STEPS, Evaluator, Sweep
from .inputs import (EPS64, Refused, arguments_of, callable_of, convention_of, positions_of, seed_of, structures_of,
                     timeout_of, vec_of)
from .judge import (EVALUATION_SAFETY, FD_SAFETY, JUDGEABLE, ROUNDING_UNITS, Direction, ErrorModel, allowance, decide,
                    measured_part, passes, pool_errors, scale)
from .ladder import Ladder
from .power import JOINT_DIRECTIONS, jointly_small, stop
from .verdict import CENTRAL, COMPLEX, FAILED, INCONCLUSIVE, MIXED_COMPLEX, MIXED_REAL, SHAPE, Check

__all__ = ["run", "MAX_EVALUATIONS", "DEFAULT_TIMEOUT"]

#: Calls of the user's function allowed in one check, whatever the input size.
MAX_EVALUATIONS = 100
#: Seconds a check may take unless ``timeout=`` says otherwise.
DEFAULT_TIMEOUT = 600.0
#: Directions of a failing first-order check (for the diagnosis) and of a finite-difference check.
FIRST_ORDER_DIRECTIONS = 3
SECOND_ORDER_DIRECTIONS = 2
#: The real part of a complex evaluation repeats F(X) within this many rounding units of |F|.
REPEAT_UNITS = 64.0
#: A cross-check confirms the complex step only if it resolves it to this fraction of s — as
#: finely as finite differences alone would judge a claim.
RESOLUTION = 1e-6
#: The cross-check's second central difference takes a step this many times smaller.
PROBE_SHRINK = 4.0
#: Finite differences overrule a complex step that agrees with the claim only when they disagree
#: with it by more than their own error bound and by more than this fraction of s.
OVERRULE = 1e-9
#: A passing complex step whose measured allowance is wider than this fraction of s is sharpened
#: by finite differences where its own rounding is rough or a single central difference is
#: already sharper than it.
WIDE_ALLOWANCE = 1e-10
#: A cross-check whose rounding alone would exceed this fraction of s cannot even tell a complex
#: path that is wrong by a factor (a sign, a zero, a conjugation) from a right one: it is skipped.
COARSE = 0.1
#: F's gain (see ``_Checker._gain``) up to which a point counts as ordinary for the cross-check's step.
ORDINARY_GAIN = 10.0
#: The largest gain the cross-check's step adapts to (its step stays ≥ 1e-17 of the data).
MAX_GAIN = 1e12
#: Repeat calls at X on the finite-difference path when the first repeat differs.
MORE_REPEATS = 2


def run(kind: Description, F, D, args: tuple, wrt, seed, timeout, vec: str = "F", structure=None,
        convention=None) -> Check:
    """Validate the inputs, then measure and judge; a time-out gives an inconclusive check.

    ``structure`` confines the differentiated arguments to structures (directions drawn inside
    them); ``convention`` says how a gradient or VJP with respect to a structured argument pairs
    with a direction (see ``identities.engine.structures``)."""
    name = kind.name
    callable_of(F, "the function", name)
    callable_of(D, kind.derivative, name)
    seed = seed_of(seed, name)
    timeout = timeout_of(timeout, name)
    order = vec_of(vec, name)
    if not args:
        raise TypeError(f"{name} needs the point to check at: pass the arrays after the functions")
    positions = positions_of(wrt, len(args), name, single=kind.single)
    private = arguments_of(args, positions, name, kind.complex_ok)
    structures = structures_of(structure, positions, private, name)
    convention = convention_of(convention, structures, name, kind.conventions)
    session = Session(name, F, D, kind.derivative, timeout, several=kind.several_outputs)
    checker = _Checker(kind, session, private, positions, seed, order, structures, convention)
    try:
        return checker.check()
    except OutOfTime as exc:
        return checker.result(INCONCLUSIVE, checker.method, reason=f"the check ran out of time: {exc}")


class _Checker:
    def __init__(self, kind: Description, session: Session, args: list, positions: tuple[int, ...], seed: int,
                 order: str, structures: tuple = (), convention: str | None = None):
        self.kind, self.session, self.args, self.positions, self.seed, self.order = \
            kind, session, args, positions, seed, order
        self.structures, self.convention = structures or (None,) * len(positions), convention
        self.model = ErrorModel()
        self.rng = np.random.default_rng(seed)
        self.drawn: list[Direction] = []     # every direction drawn (and claimed), in order
        self.dirs: list[Direction] = []      # the measured ones, which the verdict judges
        self.method = COMPLEX if kind.order == 1 else MIXED_COMPLEX
        self.sweeps: dict[int, Sweep] = {}
        self.noise_measured = False
        self.repeated = False

    # -- the shared path -----------------------------------------------------------------------
    def check(self) -> Check:
        y0 = self._at_point()
        self.ev = Evaluator(self.session, self.args, self.positions, y0, self.eps_f, self.structures)
        self.claim = Claim(self.kind, self.session, self.positions, y0, self.order)
        self.claim.complex_ok = self.complex_variable or np.iscomplexobj(y0)
        if self.convention is not None:
            self.claim.structure, self.claim.convention = self.structures[0], self.convention
        self.ladder = Ladder(self.ev, self.claim, self.model, self.seed)
        refused = self.claim.first(self.args)
        if refused:
            return self._refusal(refused)
        try:
            self.method = self._first_order() if self.kind.order == 1 else self._second_order()
        except Refused as exc:
            return self._refusal(str(exc))
        self._allow()
        verdict, reason = decide(self.dirs, self.model)
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
        notes = list(self.model.notes)
        if self.model.noise_text:
            notes.append(self.model.noise_text)
        if self.model.precision_of:
            notes.append(f"{self.model.precision_of} computes below float64 (eps = {self.model.eps:.1e})")
        return Check(verdict=verdict, rel_error=float(rel), tolerance=float(tol), evaluations=self.session.calls,
                     method=method, diagnosis=diagnosis, reason=reason, seed=self.seed,
                     shapes=tuple(np.shape(self.args[p]) for p in self.positions),
                     notes=tuple(notes + self.session.notes()))

    def _refusal(self, message: str) -> Check:
        self.dirs = []
        return Check(verdict=FAILED, rel_error=float("inf"), tolerance=0.0, evaluations=self.session.calls,
                     method=SHAPE, diagnosis=message, seed=self.seed,
                     shapes=tuple(np.shape(self.args[p]) for p in self.positions),
                     notes=tuple(self.session.notes()))

    @property
    def complex_variable(self) -> bool:
        return any(np.iscomplexobj(self.args[p]) for p in self.positions)

    def _at_point(self) -> np.ndarray:
        name = self.kind.name
        y0 = self.session.function(self.args, "the given point")
        if y0.dtype.kind == "c" and self.kind.scalar:
            raise TypeError(f"{name}: the function returns complex values; a gradient is defined for a real-valued "
                            "function (return its real part, np.real, if it is real up to rounding)")
        if y0.dtype.kind == "c" and not self.complex_variable:
            raise TypeError(f"{name}: the function returns complex values for real input; it must be real")
        if not np.all(np.isfinite(y0)):
            raise ValueError(f"{name}: the function is not finite at the given point")
        if self.kind.scalar and y0.size != 1:
            raise ValueError(f"{name} needs a scalar-valued function; it returned shape {y0.shape} "
                             "(use check_jacobian, check_differential or check_vjp)")
        self.eps_f = float(np.finfo(y0.dtype).eps) if y0.dtype.kind in "fc" else EPS64
        return y0.astype(np.complex128 if y0.dtype.kind == "c" else np.float64)

    def _direction(self) -> Direction:
        """A fresh random direction (Gaussian V, and W for the output or U for a Hessian), claimed."""
        V = tuple(self._gaussian(self.args[p].shape, np.iscomplexobj(self.args[p])) if S is None
                  else S.direction(self.rng, self.args[p].shape[0]) for p, S in zip(self.positions, self.structures))
        y0 = self.ev.y0
        if self.kind.order == 2:
            W = tuple(self.rng.standard_normal(self.args[p].shape) for p in self.positions)
        else:
            W = np.ones(y0.shape) if y0.size == 1 else self._gaussian(y0.shape, np.iscomplexobj(y0))
        d = Direction(V=V, W=W, label=f"direction {len(self.drawn) + 1}")
        d.claimed, d.scale_claimed, d.spread = self.claim(self.args, W, V, purpose=d.label)
        self.drawn.append(d)
        return d

    def _gaussian(self, shape, complex_: bool) -> np.ndarray:
        """A standard Gaussian array; for a complex one, real and imaginary parts of variance ½ each."""
        G = self.rng.standard_normal(shape)
        return (G + 1j * self.rng.standard_normal(shape)) / np.sqrt(2) if complex_ else G

    def _allow(self) -> bool:
        """Set every measured direction's allowance; True if all of them pass."""
        low = [who for who, eps in (("the function", self.eps_f), (self.kind.derivative, self.claim.eps))
               if eps > EPS64]
        self.model.eps = max(self.eps_f, self.claim.eps, EPS64)
        self.model.precision_of = " and ".join(low) if low else None
        for d in self.dirs:
            allowance(d, self.model)
        return all(passes(d, d.claimed, d.allowance) for d in self.dirs)

    def _sweep(self, d: Direction) -> Sweep:
        """A Richardson sweep along *d* (once), after measuring the rounding noise it sees."""
        if id(d) not in self.sweeps:
            if not self.noise_measured:
                self.ev.rounding_noise(np.random.default_rng([self.seed, 2]))
                self.noise_measured = True
            self.sweeps[id(d)] = self.ev.central(d.V, d.W, d.label)
        return self.sweeps[id(d)]

    def _room(self, calls: int) -> bool:
        return self.session.calls + calls <= MAX_EVALUATIONS

    # -- noise ---------------------------------------------------------------------------------
    def _reproducible(self, d: Direction) -> None:
        """Re F(X + ihV) repeats F(X): a gap beyond rounding is either amplified rounding (a repeat
        in real arithmetic reproduces F(X) bit for bit) or a function whose calls differ.

        The repeat call tells them apart only where that can matter: a relative gap r counts as
        amplified rounding with the margin ``EVALUATION_SAFETY`` (wider than the noise margin), so
        below ``JUDGEABLE``/``EVALUATION_SAFETY`` either reading gives the same verdict."""
        y0, cv = self.ev.y0, d.complex
        gap = np.abs(cv.real - y0)
        rounding = REPEAT_UNITS * self.eps_f * (np.abs(y0) + np.abs(cv.real)) + 1e-8 * cv.h * np.abs(cv.imag)
        size = max(float(np.sum(np.abs(d.W) * np.abs(y0))), cv.scale * self.ev.unit(d.V), np.finfo(float).tiny)
        relative = float(np.sum(np.abs(d.W) * gap)) / size
        if np.any(gap > rounding) and relative > JUDGEABLE / EVALUATION_SAFETY and not self.repeated:
            self.repeated = True
            if not self._repeat_matches():
                self._noisy(gap, relative)
                return
        if self.model.noise > 0.0:
            self._noisy(gap, relative)
            return
        self.model.evaluation = max(self.model.evaluation, relative)
        self.ev.noise = np.maximum(self.ev.noise, gap)   # two roundings of F(X): the noise finite differences see

    def _repeat_matches(self, more: int = 0) -> bool:
        """Call F at X again; True if it reproduces F(X) bit for bit.  On a mismatch, *more*
        further repeats widen the measured spread."""
        y0 = self.ev.y0
        again = self.session.function(self.args, "a repeat at the given point").astype(y0.dtype)
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
                                 f"{float(np.max(self.ev.noise)):.1e} (relative {self.model.noise:.1e}): it is "
                                 "noisy or not deterministic")

    # -- first order ---------------------------------------------------------------------------
    def _complex(self, d: Direction, first: bool = False) -> str | None:
        """Measure *d* by the complex step; why the complex path is unusable, or None."""
        cv = self.ev.complex_step(d.V, d.W, f"the complex-step evaluation along {d.label}", first=first)
        if cv.broken:
            return cv.broken
        d.measured, d.scale_measured, d.complex, d.finite = cv.value, cv.scale, cv, False
        self.ladder.join(d)
        self.dirs.append(d)
        self._reproducible(d)
        return None

    def _not_usable(self, broken: str) -> str:
        return self._finite_differences(f"complex step not usable ({broken}); finite differences decided")

    def _first_order(self) -> str:
        if self.complex_variable:
            return self._finite_differences("the variable is complex, so the complex step cannot be used (the "
                                            "imaginary unit is taken by the data); finite differences along complex "
                                            "directions decided")
        d = self._direction()
        broken = self._complex(d, first=True)
        while not broken:
            if not self._settle():
                return self._failure()
            if stop(self.dirs) or self._explained():
                return self._cross_check()
            broken = self._complex(self._direction())
        return self._not_usable(broken)

    def _explained(self) -> bool:
        """At the joint stopping point, disagreements within this point's own measured error stop
        the check too; it then guards against bugs larger than that error ((3) of the power
        module).  The error includes the claim's movement at the precision ladder's nudged inputs
        (calls of the derivative, none of the function), used here for stopping only: the
        allowances stay as they are, so stopping early never widens what passes."""
        if len(self.dirs) != JOINT_DIRECTIONS:
            return False
        explained = [measured_part(d if self.ladder.nudged else replace(d, sensitivity=self.ladder.sensitivity(d)),
                                   self.model) for d in self.dirs]
        return jointly_small(self.dirs, explained)

    def _settle(self) -> bool:
        """Judge the measured directions; where one disagrees beyond its allowance, climb the
        precision ladder along it until the disagreement is explained or the ladder is used up."""
        while not self._allow():
            worst = max((d for d in self.dirs if not d.finite),
                        key=lambda d: abs(d.measured - d.claimed) / max(d.allowance, np.finfo(float).tiny))
            if not self.ladder.climb(worst, self.dirs):
                return False
        return True

    def _cross_check(self) -> str:
        """The complex step agrees with the claim: one central difference along a new direction
        compares the claim with real arithmetic, cross-checking the complex path.

        Where it disagrees beyond its error bound, a second one at a quarter of the step tells
        truncation (which shrinks 16-fold: the difference moves towards the claim, and its
        Richardson extrapolation closer still) from a real disagreement; only a real one costs the
        complex step along this direction (does the claim fail here?) and a Richardson sweep (is
        the complex path broken, or is there a kink?).  Where they cannot resolve the claim to
        ``RESOLUTION`` because of curvature (a kink looks like curvature to them), the complex step
        along −V tests for a kink at the point; where the rounding of F's values limits them, a kink
        would have shown as curvature, and the complex step decides.  The step shrinks with the
        point's gain (``_gain``); where even its rounding could not tell a wrong complex path from a
        right one, the difference is skipped and the complex step along −V tests for a kink.
        """
        d = self._direction()
        s = scale(d)
        wide = max(measured_part(e, self.model) / scale(e) for e in self.dirs)
        if wide > WIDE_ALLOWANCE and self.model.rough == self.model.ladder > 0:
            return self._sharpen()
        shrink = max(1.0, self._gain(d))
        floor = self.eps_f * d.scale_claimed * self.ev.unit(d.V)
        rounding = self.ev.probe_rounding(d.V, d.W, shrink=shrink, floor=floor)
        resolve = max(s, self._step_change(d))
        if rounding > COARSE * resolve:
            return self._odd(self.dirs[0], f"finite differences could not cross-check the complex step here (their "
                                           f"rounding alone would be {rounding / resolve:.1e} of its scale)")
        probe = self.ev.probe(d.V, d.W, d.label, shrink=shrink, floor=floor)
        if wide > WIDE_ALLOWANCE and probe.bound / s < wide:
            return self._sharpen()
        if not np.isfinite(probe.value):
            return self._odd(self.dirs[0], "finite differences could not cross-check the complex step here (the "
                                           "function left its domain at their step)")
        resolution, truncated = probe.bound, probe.truncated
        if abs(probe.value - d.claimed) > probe.bound:
            closer = self.ev.probe(d.V, d.W, d.label, shrink=shrink * PROBE_SHRINK, floor=floor)
            far, near = abs(probe.value - d.claimed), abs(closer.value - d.claimed)
            extrapolated = (PROBE_SHRINK ** 2 * closer.value - probe.value) / (PROBE_SHRINK ** 2 - 1)
            if not (near <= far / PROBE_SHRINK and abs(extrapolated - d.claimed) <= near):
                return self._disagreement(d)
            resolution, truncated = max(near, closer.bound), 1.0
        if resolution <= RESOLUTION * s:
            return COMPLEX
        why = f"finite differences could cross-check the complex step only to {resolution / s:.1e} of its scale here"
        if truncated < 0.5:
            self.model.notes.append(f"{why} (the rounding of the function's values, not curvature or a kink, "
                                    "limits them); the complex step decided")
            return COMPLEX
        return self._odd(self.dirs[0], why)

    def _gain(self, d: Direction) -> float:
        """How far inside the point the cross-check's step must stay: about 1/δ at relative distance
        δ from a singularity.  F's own gain along *d* (the claimed change of ⟨W, F⟩ over a step of
        the data's size, against Σ|W ⊙ F|) tells an ordinary point; where it is large — near a
        singularity, or where F happens to be near zero — the claim's relative change under the
        precision ladder's nudges of the inputs (calls of the derivative only) measures it."""
        size = self._step_change(d)
        if d.scale_claimed <= ORDINARY_GAIN * size:
            return d.scale_claimed / size if size > 0 else 1.0
        moved = self.ladder.sensitivity(d) / EPS64          # the claim's change per unit relative nudge
        return min(max(moved / max(d.spread or 0.0, scale(d)), ORDINARY_GAIN), MAX_GAIN)

    def _step_change(self, d: Direction) -> float:
        """Σ|W ⊙ F(X)| per step of the data's size: the derivative's scale were F's gain one — what
        a cross-check must resolve however small the claim (a claim of zero must not excuse it)."""
        return float(np.sum(np.abs(d.W) * np.abs(self.ev.y0))) / self.ev.unit(d.V)

    def _disagreement(self, d: Direction) -> str:
        """Finite differences along *d* disagree with the claim: measure *d* by the complex step;
        if it agrees with the claim, a Richardson sweep decides between a kink the differences
        crossed and a complex path that is not analytic."""
        broken = self._complex(d)
        if broken:
            return self._not_usable(broken)
        if not self._settle():
            return self._failure()
        if not self._room(2 * FIRST_ORDER_STEPS + 2):
            self.model.notes.append("the complex path was not cross-checked by finite differences (call budget)")
            return COMPLEX
        decided = self._swept(d, OVERRULE)
        if decided:
            return decided
        bound = FD_SAFETY * self.sweeps[id(d)].error
        if not bound <= RESOLUTION * scale(d):
            self.model.notes.append(f"finite differences could cross-check the complex step only to "
                                    f"{bound / scale(d):.1e} of its scale at this point; the complex step decided")
        return COMPLEX

    def _swept(self, d: Direction, overrule: float) -> str | None:
        """A Richardson sweep along *d*: a kink it crosses goes to the oddness test; a disagreement
        with the complex step beyond its own error (and beyond *overrule*·s) means the function is
        not complex-analytic as written.  None: the complex step stands."""
        sweep = self._sweep(d)
        if sweep.kink:
            return self._kink(d, sweep)
        if np.isfinite(sweep.value) and abs(sweep.value - d.measured) > max(FD_SAFETY * sweep.error,
                                                                            overrule * scale(d)):
            return self._finite_differences(
                "the complex step disagreed with finite differences, so the function is not complex-analytic "
                "as written (abs, conj, vdot, norm, cholesky, eigh…); finite differences decided")
        return None

    def _sharpen(self) -> str:
        """The complex step passed only with a wide allowance, set by the roughness of its own
        rounding (the ladder's rescaled rung) or wider than a single finite difference: where a
        Richardson sweep, which does not go through the complex path, judges more sharply (and
        sees no kink), it decides that direction."""
        sharper = False
        for i, d in enumerate(self.dirs):
            if id(d) not in self.sweeps and not self._room(2 * FIRST_ORDER_STEPS + 2):
                break
            sweep = self._sweep(d)
            if sweep.kink or not np.isfinite(sweep.value):
                continue
            twin = replace(d, measured=sweep.value, scale_measured=abs(sweep.value), error=sweep.error, finite=True,
                           complex=None)
            allowance(twin, self.model)
            if twin.allowance < d.allowance:
                self.dirs[i] = twin
                sharper = True
        if not sharper:
            return COMPLEX
        self.model.notes.append("the complex step was accurate only to a wide allowance here; finite differences, "
                                "sharper, decided where they were tighter")
        return CENTRAL

    def _odd(self, d: Direction, why: str) -> str:
        """Is the complex step odd in the direction, as it is where F is differentiable?  Not odd:
        a kink at the point (a max with a tie, relu at 0), which makes the check inconclusive."""
        cv = self.ev.complex_step(tuple(-v for v in d.V), d.W, f"the complex step along minus {d.label}")
        if not cv.broken and abs(cv.value + d.measured) <= max(d.allowance, ROUNDING_UNITS * EPS64 * scale(d)):
            self.model.notes.append(f"{why}; the complex step, odd in the direction as a differentiable "
                                    "function's is, decided")
        else:
            self.model.kink = (f"the complex step along {d.label} is not odd in the direction "
                               f"({d.measured:.6e} along it, {-cv.value:.6e} against it)")
        return COMPLEX

    def _failure(self) -> str:
        """A direction disagrees beyond every measured error: three directions for the diagnosis,
        then ask whether the complex path is broken."""
        while len(self.dirs) < FIRST_ORDER_DIRECTIONS:
            broken = self._complex(self._direction())
            if broken:
                return self._not_usable(broken)
        self._allow()
        return self._second_opinion()

    def _second_opinion(self) -> str:
        """One sweep along the worst direction; only a disagreement it resolves sides against the
        complex step."""
        d = max(self.dirs, key=lambda e: abs(e.measured - e.claimed) / max(e.allowance, np.finfo(float).tiny))
        if not self._room(2 * FIRST_ORDER_STEPS + 2):
            self.model.notes.append("no finite-difference second opinion (call budget)")
            return COMPLEX
        return self._swept(d, 0.0) or COMPLEX

    def _kink(self, d: Direction, sweep: Sweep) -> str:
        """Finite differences crossed a kink: at the point (the complex step is not odd in V there),
        or near it (the complex step, whose step is far smaller, stands)."""
        return self._odd(d, f"finite differences cross a kink or a singularity near the point ({sweep.kink}), "
                            "far beyond the complex step's reach")

    def _finite_differences(self, note: str) -> str:
        """Measure three directions by Richardson sweeps, after a repeat call measures noise."""
        self.model.notes.append(note)
        self.model.evaluation = 0.0
        if self.model.noise == 0.0:
            self._repeat_matches(more=MORE_REPEATS)
        while len(self.drawn) < FIRST_ORDER_DIRECTIONS:
            self._direction()
        self.dirs = self.drawn[:FIRST_ORDER_DIRECTIONS]
        left = 0
        for d in self.dirs:
            sweep = self._sweep(d)
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
        return CENTRAL

    # -- second order --------------------------------------------------------------------------
    def _second_order(self) -> str:
        """Complex step along U and central differences along V, or mixed real differences when the
        complex path is broken (cross-checked against finite differences first)."""
        dirs = [self._direction() for _ in range(SECOND_ORDER_DIRECTIONS)]
        ones = np.ones(self.ev.y0.shape)
        cv = self.ev.complex_step(dirs[0].W, ones, "the complex-step evaluation along direction 1", first=True)
        broken = cv.broken
        if not broken:
            self._second_order_noise(cv)
            probe = self.ev.probe(dirs[0].W, ones, "direction 1")
            s = max(cv.scale, abs(cv.value), np.finfo(float).tiny)
            if not (probe.bound <= RESOLUTION * s and abs(probe.value - cv.value) <= probe.bound):
                sweep = self.ev.central(dirs[0].W, ones, "direction 1", steps=SECOND_ORDER_STEPS)
                if (np.isfinite(sweep.value) and not sweep.kink
                        and abs(sweep.value - cv.value) > max(FD_SAFETY * sweep.error, OVERRULE * s)):
                    broken = "it disagrees with finite differences, so the function is not complex-analytic as written"
        self.dirs = dirs
        if broken:
            self.model.notes.append(f"complex step not usable ({broken}); mixed finite differences decided")
            if self.model.noise == 0.0:
                self._repeat_matches(more=MORE_REPEATS)
            for d in dirs:
                self._second_measured(d, self.ev.mixed_real(d.W, d.V))
        else:
            at = [cv.value] + [self._gradient_along(d.W, ones, d.label) for d in dirs[1:]]
            for d, g in zip(dirs, at):
                self._second_measured(d, self.ev.mixed_complex(d.W, d.V, self.model.noise, at_point=g, short=True))
            self._allow()
            kinks = []
            for d, g in zip(dirs, at):
                if passes(d, d.claimed, d.allowance) and d.allowance <= JUDGEABLE * scale(d) and not d.kink:
                    continue
                if self._room(2 * SECOND_ORDER_STEPS):
                    self._second_measured(d, self.ev.mixed_complex(d.W, d.V, self.model.noise, at_point=g))
                kinks += [d.kink] if d.kink else []
            self.model.kink = kinks[0] if kinks else None
        if not all(np.isfinite(d.measured) for d in dirs):
            self.model.unresolved = ("finite differences found no steps at which the function is defined and smooth "
                                     "on both sides of the point")
        pool_errors(dirs)
        return MIXED_REAL if broken else MIXED_COMPLEX

    def _second_measured(self, d: Direction, sweep: Sweep) -> None:
        d.measured, d.error, d.scale_measured, d.finite = sweep.value, sweep.error, abs(sweep.value), True
        d.kink = sweep.kink
        if sweep.left_domain:
            self.model.notes.append(f"the function left its domain at {sweep.left_domain} finite-difference "
                                    "step(s) along the second direction; those steps were skipped")

    def _gradient_along(self, U, W, label: str) -> float | None:
        cv = self.ev.complex_step(U, W, f"the complex-step evaluation along {label}")
        return None if cv.broken else cv.value

    def _second_order_noise(self, cv) -> None:
        y0 = self.ev.y0
        gap = np.abs(cv.real - y0)
        rounding = REPEAT_UNITS * self.eps_f * (np.abs(y0) + np.abs(cv.real)) + 1e-8 * cv.h * np.abs(cv.imag)
        if np.any(gap > rounding):
            self._repeat_matches(more=MORE_REPEATS)
