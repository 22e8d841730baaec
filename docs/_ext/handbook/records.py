"""The verification and mutation records of an identity, as the engine keeps them.

The engine computes each record once per content of the identity and of the engine, and keeps it
on disk (``identities.engine.cache``): the tests, the command line and this build read the same
one instead of verifying again.  Both are deterministic at seed 0, so a page shows the same
numbers on every build; a failure is a warning, which ``-W`` turns into a build error.
"""

from __future__ import annotations

from functools import lru_cache

SEED = 0


@lru_cache(maxsize=None)
def verification(identity_id: str):
    """``(report, error)``: the engine's verification report, or the exception it raised."""
    import identities
    try:
        return identities.verify(identities.get(identity_id), seed=SEED), None
    except Exception as exc:  # noqa: BLE001 - shown on the page and raised as a build warning
        return None, exc


@lru_cache(maxsize=None)
def mutation(identity_id: str):
    """``(report, error)``: the mutation report (classic wrong answers and what the checker said)."""
    import identities
    try:
        return identities.mutants(identities.get(identity_id), seed=SEED), None
    except Exception as exc:  # noqa: BLE001
        return None, exc


def plain_reason(reason: str | None) -> str:
    """The checker's verdict in a reader's words: NumPy's broadcasting internals are cut."""
    if not reason:
        return "—"
    head, sep, rest = reason.partition(": matmul:")
    if sep:
        return f"{head}: the matrix product is not defined (the shapes do not match)"
    return reason
