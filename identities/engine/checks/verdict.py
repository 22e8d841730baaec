"""What a check returns: one of three verdicts, the numbers behind it, and the method that measured."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Check", "PASSED", "FAILED", "INCONCLUSIVE", "COMPLEX", "CENTRAL", "MIXED_COMPLEX", "MIXED_REAL",
           "SHAPE"]

PASSED, FAILED, INCONCLUSIVE = "passed", "failed", "inconclusive"

#: How the derivative was measured (``Check.method``).
COMPLEX = "complex-step"
CENTRAL = "central-richardson"
MIXED_COMPLEX = "complex-step+central-richardson"
MIXED_REAL = "mixed-central-richardson"
#: Nothing was measured: the claimed derivative has the wrong shape or cannot be formed.
SHAPE = "shape"


@dataclass(frozen=True)
class Check:
    """The verdict of one check.

    ``verdict`` is ``"passed"`` (the claim agrees with the measured derivative within an allowance
    narrow enough to judge it), ``"failed"`` (it disagrees by more than the allowance: the claim is
    wrong) or ``"inconclusive"`` (the check could not judge it; ``reason`` says why).  ``ok`` and
    ``bool(check)`` are true only for ``"passed"``.

    ``rel_error`` and ``tolerance`` are the largest, over directions, of ``|measured − claimed|`` and
    of the allowance, both divided by the rounding scale s of the claimed inner product.
    ``evaluations`` counts the calls of the function (not of the derivative).
    """

    verdict: str
    rel_error: float
    tolerance: float
    evaluations: int
    method: str
    diagnosis: str | None = None
    reason: str | None = None
    seed: int = 0
    shapes: tuple[tuple[int, ...], ...] = ()
    notes: tuple[str, ...] = field(default=())

    def __post_init__(self):
        if self.verdict not in (PASSED, FAILED, INCONCLUSIVE):
            raise ValueError(f"verdict must be {PASSED!r}, {FAILED!r} or {INCONCLUSIVE!r}, not {self.verdict!r}")
        if (self.verdict == INCONCLUSIVE) != (self.reason is not None):
            raise ValueError("an inconclusive check, and only an inconclusive check, carries a reason")

    @property
    def ok(self) -> bool:
        """True only when the claim passed."""
        return self.verdict == PASSED

    def __bool__(self) -> bool:
        return self.ok

    def __repr__(self) -> str:
        text = (f"Check({self.verdict}, method={self.method!r}, rel_error={self.rel_error:.2e}, "
                f"tolerance={self.tolerance:.2e}, evaluations={self.evaluations}, seed={self.seed}, "
                f"shapes={list(self.shapes)}")
        if self.diagnosis:
            text += f", diagnosis={self.diagnosis!r}"
        if self.reason:
            text += f", reason={self.reason!r}"
        return text + ")"
