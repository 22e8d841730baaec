"""An identity as NumPy functions a reader can call: the function itself, or one of its claims.

These are the very functions the checker verifies, printed once from the stored expressions
(:mod:`identities.engine.forms`); nothing is printed a second time here, only chosen.
"""

from __future__ import annotations

from .compile import Compiled
from .forms import claim_function, claim_parameters, function_of
from .record import CLAIM_KINDS, Claim, Identity

__all__ = ["numpy_function", "numpy_claim", "choose_claim"]

#: The keywords that tell claims of one kind and variable apart, and what each selects.
_SELECTORS = {"vec": "vec order", "convention": "convention", "of": "output"}


def numpy_function(ident: Identity) -> Compiled:
    """The function f (or F) as a NumPy callable taking ``ident.parameters`` in order; with several
    outputs it returns them as a tuple, in the order of ``ident.output``."""
    return function_of(ident)


def _describe(claim: Claim) -> str:
    if claim.kind == "equal":
        return "equal"
    words = f"{claim.kind} with respect to {claim.wrt.name}"
    if claim.kind in ("jacobian", "hessian"):
        words += f" (vec={claim.vec!r})"
    if claim.convention is not None:
        words += f" (convention={claim.convention!r})"
    if claim.of is not None:
        words += f" (of={claim.of!r})"
    return words


def choose_claim(ident: Identity, kind: str, wrt=None, **selectors) -> Claim:
    """The one claim of *ident* of this *kind* with respect to *wrt* (a symbol or its name; None for
    ``"equal"``), narrowed by ``vec``, ``convention`` or ``of`` where several match.  Anything else
    raises a ValueError that says, in one sentence, what the identity has."""
    if kind not in CLAIM_KINDS:
        raise ValueError(f"unknown claim kind {kind!r}; the kinds are {', '.join(CLAIM_KINDS)}")
    unknown = sorted(set(selectors) - set(_SELECTORS))
    if unknown:
        raise ValueError(f"unknown keyword {unknown[0]!r}; a claim is chosen by kind, variable, "
                         f"{', '.join(_SELECTORS)}")
    name = getattr(wrt, "name", wrt)
    has = "; ".join(_describe(c) for c in ident.claims)
    if kind == "equal" and name is not None:
        raise ValueError(f"an equality is taken with respect to no variable; call numpy('equal') ({ident.id!r} has: {has})")
    if kind != "equal" and name is None:
        raise ValueError(f"say which variable the {kind} is taken with respect to, e.g. numpy({kind!r}, "
                         f"{ident.parameters[0].name!r}) ({ident.id!r} has: {has})")
    matching = [c for c in ident.claims if c.kind == kind and getattr(c.wrt, "name", None) == name]
    chosen = [c for c in matching if all(getattr(c, k) == v for k, v in selectors.items() if v is not None)]
    if not chosen:
        what = kind if kind == "equal" else f"{kind} with respect to {name}"
        narrowed = "".join(f", {k}={v!r}" for k, v in selectors.items() if v is not None)
        raise ValueError(f"identity {ident.id!r} has no {what}{narrowed}; it has: {has}")
    if len(chosen) > 1:
        keys = [k for k in _SELECTORS if len({getattr(c, k) for c in chosen}) > 1]
        choices = ", ".join(f"{k}={getattr(c, k)!r}" for c in chosen for k in keys[:1])
        raise ValueError(f"identity {ident.id!r} has {len(chosen)} claims of kind {kind} with respect to {name}; "
                         f"choose one with {choices}")
    return chosen[0]


def numpy_claim(ident: Identity, kind: str, wrt=None, **selectors) -> Compiled:
    """The claim as a NumPy callable in the house convention.  It takes ``ident.parameters`` in
    order, then the upstream gradients (one per output) for a ``vjp``, or the perturbation dX for a
    ``differential``."""
    return claim_function(ident, choose_claim(ident, kind, wrt, **selectors))

