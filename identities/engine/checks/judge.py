"""The error model: how far a measured derivative may lie from a correct claim, and the verdict.

Every allowance is the largest of named sources of error — two floors, the rest measured at this
point — relative to the rounding scale s = Σ|W ⊙ claim| of the claimed inner product (u = eps·s is
one rounding unit) or to the claim's spread ρ:

==============  ==============================================================================
rounding        ``ROUNDING_UNITS``·eps·s, eps the precision the function and the claim computed in
hidden data     ``HIDDEN_CONDITION``·eps₆₄·ρ, ρ the claim's spread (the norm of what the random
                direction is paired with): what a correct claim and a correct function can
                disagree by when data they hold where the checker cannot nudge it (captured in a
                closure, computed inside) has condition number up to ``HIDDEN_CONDITION``
evaluation      ``EVALUATION_SAFETY``·r·s, r the relative gap between Re F(X + ihV) and F(X): two
                roundings of the same value, so r measures how much this point amplifies
                rounding
ladder          ``LADDER_SAFETY`` times the largest change of both sides under a nudge of the
                inputs by one single-precision unit δ (scaled by eps₆₄/δ), or under a redrawn
                rounding of the complex step; the claim's own spread under the nudge counts for
                both sides (finite differences carry their own error estimate, so only the
                claim's part)
noise           ``NOISE_SAFETY``·(relative spread of repeated calls)·s, for a function whose
                repeated calls at the same point differ
finite          ``FD_SAFETY`` times the Richardson plateau's own error estimate
differences
==============  ==============================================================================

Hidden data is out of the checker's reach: a function linear in X that solves with a matrix A of
condition number κ held in a closure computes the derivative of one rounded function — A is
factorised the same way in every call — so nothing that calls it separates its error from a bug of
an independently computed claim; the one trace is where the real and the complex evaluation take
different code paths.  ``benchmarks/checker_hidden_data.py`` (⟨C, A⁻¹XB⟩, n = 4…30, κ(A) = 1e4…1e8,
900 draws): the claim disagreed with the complex step by at most 0.3·κ·eps·ρ; at n = 4 the real
part of the complex evaluation repeated f(X) bit for bit in 8–16 % of draws, and a central
difference at a step as large as X lay 50 to 300 times closer (median) to the complex step than the claim
did (every code path agrees with itself); at n ≥ 8 the paths differ, by about as much as the claim
does, but one such sample is small by chance too often to be the allowance.  The source therefore
allows κ up to ``HIDDEN_CONDITION`` for such data, in every direction, and the stopping rule of
:mod:`~identities.engine.checks.power` measures more directions where a disagreement sits within
it; ill-conditioned data passed as an argument is nudged by the ladder and measured at any κ.

A claim outside its allowance **failed**.  Inside it, the check **passed** only if the allowance is
at most ``JUDGEABLE``·s and in float64 terms; otherwise it is **inconclusive**, naming the source
that made the allowance wide.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .directional import ComplexValue
from .inputs import EPS64
from .verdict import FAILED, INCONCLUSIVE, PASSED

__all__ = ["Direction", "ErrorModel", "allowance", "measured_part", "passes", "scale", "decide", "pool_errors",
           "ROUNDING_UNITS", "HIDDEN_CONDITION", "JUDGEABLE"]

#: A correct complex-step derivative stays within this many rounding units u = eps·s: ≤ 0.82 u for
#: plain linear algebra at κ ≤ 10, up to ≈ 5e3 u through library approximations (expm's Padé step).
ROUNDING_UNITS = 1.0e4
#: Condition number allowed for data the checker cannot reach (see the module docstring).
HIDDEN_CONDITION = 1.0e6
#: Margin on the relative gap between the complex evaluation's real part and F(X).
EVALUATION_SAFETY = 16.0
#: Margin on the ladder's estimate of the double-precision error (its scatter is a few ×).
LADDER_SAFETY = 16.0
#: Margin on the spread of repeated calls (a few samples can understate a spread).
NOISE_SAFETY = 3.0
#: Margin on the finite-difference plateau's own error estimate.
FD_SAFETY = 10.0
#: The widest allowance, relative to s, at which a claim can still be declared right: a pass
#: means the claim agrees to at least one part in 1e5 of its rounding scale.
JUDGEABLE = 1e-5


@dataclass
class Direction:
    """One random direction: what was measured along it, what the claim says, and the allowance."""

    V: tuple
    W: object
    label: str = "a direction"
    measured: float = np.nan
    scale_measured: float = 0.0
    error: float = 0.0            # the method's own error estimate (finite differences)
    claimed: float = np.nan
    scale_claimed: float = 0.0
    spread: float | None = None   # the claim's spread over the random direction (None: unknown)
    ladder: float = 0.0           # the precision ladder's estimate of the double-precision error
    claim_error: float = 0.0      # the part of it that the claim alone showed
    sensitivity: float = 0.0      # the claim's spread under the ladder's nudges, scaled to eps₆₄
    allowance: float = np.nan
    source: str = "rounding"      # the error source that set the allowance
    finite: bool = False          # measured by finite differences (else by the complex step)
    complex: ComplexValue | None = None
    kink: str | None = None       # a kink the measurement along this direction saw


@dataclass
class ErrorModel:
    """What was measured about the function at this point, beyond its derivative."""

    eps: float = EPS64                  # precision of the function and the claim
    precision_of: str | None = None     # which of them computed below float64, if one did
    evaluation: float = 0.0             # relative gap between two roundings of F(X)
    noise: float = 0.0                  # relative spread of repeated calls (0: reproducible)
    noise_text: str | None = None
    ladder: float = 0.0                 # the ladder's estimate of both sides' error, relative to s
    claim_ladder: float = 0.0           # the part of it the claim showed
    rough: float = 0.0                  # the part a rescaled complex step alone showed
    kink: str | None = None
    unresolved: str | None = None       # why nothing could be measured, if so
    notes: list[str] = field(default_factory=list)


def scale(d: Direction) -> float:
    return max(d.scale_claimed, d.scale_measured, abs(d.claimed), abs(d.measured), np.finfo(float).tiny)


def _sources(d: Direction, model: ErrorModel, eps: float) -> dict[str, float]:
    s = scale(d)
    sources = {"rounding": ROUNDING_UNITS * eps * s}
    if d.spread is not None:
        sources["hidden data"] = HIDDEN_CONDITION * EPS64 * d.spread   # a float64 policy (float32 is judged apart)
    if d.finite:
        sources["finite differences"] = FD_SAFETY * d.error
        sources["ladder"] = LADDER_SAFETY * max(d.claim_error, d.sensitivity)
    else:
        sources["evaluation"] = EVALUATION_SAFETY * model.evaluation * s
        sources["ladder"] = LADDER_SAFETY * max(d.ladder, 2 * d.sensitivity)
    sources["noise"] = NOISE_SAFETY * model.noise * s
    return sources


def measured_part(d: Direction, model: ErrorModel) -> float:
    """The widest source of the allowance that was measured at this point (not a policy floor)."""
    return max(v for k, v in _sources(d, model, model.eps).items() if k not in ("rounding", "hidden data"))


def allowance(d: Direction, model: ErrorModel, eps: float | None = None) -> None:
    """Set ``d.allowance`` (and its dominant ``d.source``) from the error model."""
    sources = _sources(d, model, model.eps if eps is None else eps)
    d.source = max(sources, key=sources.get)
    d.allowance = sources[d.source]


def passes(d: Direction, claimed: float, allowed: float) -> bool:
    return bool(np.isfinite(claimed) and np.isfinite(d.measured) and abs(d.measured - claimed) <= allowed)


def pool_errors(dirs: list[Direction]) -> None:
    """Give every direction the largest relative error estimate seen in any direction: one plateau
    may look flatter than it is by chance."""
    relative = max((d.error / scale(d) for d in dirs if np.isfinite(d.error)), default=np.inf)
    for d in dirs:
        d.error = relative * scale(d)


def _why_wide(d: Direction, model: ErrorModel) -> str:
    width = f"{d.allowance / scale(d):.1e}"
    if d.source == "noise":
        return (f"{model.noise_text}; with that noise the derivative is known only to {width} of its scale, "
                f"wider than the {JUDGEABLE:.0e} a pass requires")
    if d.source == "finite differences" and model.noise_text:
        return (f"{model.noise_text}; with that noise finite differences measure the derivative only to {width} "
                f"of its scale, wider than the {JUDGEABLE:.0e} a pass requires")
    if d.source == "finite differences":
        return (f"finite differences could measure the derivative here only to {width} of its scale, wider than "
                f"the {JUDGEABLE:.0e} a pass requires (ill-conditioned point, or a function that is not smooth "
                "at the scale of the steps)")
    return (f"the derivative could be measured only to {width} of its scale at this point ({d.source} error: "
            f"an ill-conditioned point or a cancelling sum), wider than the {JUDGEABLE:.0e} a pass requires")


def decide(dirs: list[Direction], model: ErrorModel) -> tuple[str, str | None]:
    """The verdict and, when inconclusive, its reason."""
    if model.unresolved:
        return INCONCLUSIVE, model.unresolved
    if any(not np.isfinite(d.claimed) for d in dirs):
        return FAILED, None
    if model.kink:
        return INCONCLUSIVE, (f"the function is not smooth at or near the point: {model.kink} (a kink or a "
                              "singularity within reach of the steps, like |x| at 0, a max with a tie or relu at "
                              "its corner); a derivative there cannot be judged")
    if not all(passes(d, d.claimed, d.allowance) for d in dirs):
        return FAILED, None
    if model.eps > EPS64:
        for d in dirs:
            allowance(d, model, eps=EPS64)
    wide = max(dirs, key=lambda d: d.allowance / scale(d))
    strict = all(passes(d, d.claimed, d.allowance) for d in dirs)
    if model.eps > EPS64 and (not strict or wide.allowance / scale(wide) > JUDGEABLE):
        return INCONCLUSIVE, (f"{model.precision_of} computes in a precision below float64 "
                              f"(eps = {model.eps:.1e}); the claim agrees to that precision, but a "
                              "float64 verdict needs float64 arithmetic")
    if wide.allowance / scale(wide) > JUDGEABLE:
        return INCONCLUSIVE, _why_wide(wide, model)
    return PASSED, None
