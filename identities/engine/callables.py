"""An identity as NumPy functions: the function itself and the house form of each claim, printed once
from the stored expressions and kept while the identity lives.

These are the very functions the checker verifies (:mod:`identities.engine.forms` and the verifier
read them from here), and the ones :meth:`Identity.numpy <identities.Identity.numpy>` hands a reader.
This module sits below the record: it reads an identity's attributes and imports nothing that knows
what an identity is.
"""

from __future__ import annotations

import weakref

import re

from .compile import Compiled, compile_expr, function_source
from .nodes import Differential
from .printing import NUMPY, Backend, CodeUnavailable, backend_of, code_name

__all__ = ["memo", "claim_name", "claim_parameters", "function_of", "differentiated_function", "house_function",
           "choose_claim", "code_listing", "function_name"]

#: What is printed or compiled from an identity, kept while the identity lives.  Keyed by the record
#: itself (equal records share an entry), so a modified copy never reuses what its original printed.
_MEMO: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def memo(ident) -> dict:
    """The cache of what has been printed from *ident*."""
    found = _MEMO.get(ident)
    if found is None:
        found = _MEMO[ident] = {}
    return found


def claim_name(claim) -> str:
    """The name of the function printed from a claim: ``grad_X``, ``jacobian_X_F``, ``grad_X_free``, ``rhs``."""
    if claim.kind == "equal":
        return "rhs"
    prefix = {"gradient": "grad", "vjp": "vjp", "differential": "d", "jacobian": "jacobian", "hessian": "hessian"}
    suffix = f"_{claim.vec}" if claim.kind in ("jacobian", "hessian") else ""
    suffix += f"_{claim.convention}" if claim.convention is not None else ""
    of = claim.of if claim.of is not None else ""
    return f"{prefix[claim.kind]}{of}_{claim.wrt.name}{suffix}"


def claim_parameters(ident, claim) -> tuple:
    """The parameters of the function printed from a claim: the identity's parameters, then the
    upstream gradients, one per output (a VJP), or the perturbation (a differential)."""
    params = ident.parameters
    if claim.kind == "vjp":
        params += ident.upstreams
    if claim.kind == "differential":
        params += (Differential(claim.wrt),)
    return params


def function_name(ident) -> str:
    """The name of the function printed from the identity's function: its output's name (``f``, ``O``),
    several joined by underscores (``lambda__U``)."""
    name = "_".join(code_name(n) for n, _ in ident.outputs)
    return name if name.isidentifier() else "f"


def _function_expr(ident):
    return tuple(e for _, e in ident.outputs) if ident.several_outputs else ident.function


def function_of(ident) -> Compiled:
    """The function f (or F) as NumPy code, parameters in declaration order; with several outputs it
    returns them as a tuple, in the order of ``ident.output``."""
    cache = memo(ident)
    if "function" not in cache:
        cache["function"] = compile_expr(_function_expr(ident), ident.parameters, function_name(ident))
    return cache["function"]


def differentiated_function(ident, claim) -> Compiled:
    """The function *claim* is a derivative of: the output it names (a differential of one output of
    several), else the whole function."""
    if claim.of is None or not ident.several_outputs:
        return function_of(ident)
    cache = memo(ident)
    if ("output", claim.of) not in cache:
        cache["output", claim.of] = compile_expr(ident.output_expr(claim.of), ident.parameters, code_name(claim.of))
    return cache["output", claim.of]


def house_function(ident, claim) -> Compiled:
    """The NumPy function printed from the claim's stored expression (its house form)."""
    cache = memo(ident)
    key = ("house", claim)  # by the claim itself: a published form shares its key, not its expression
    if key not in cache:
        cache[key] = compile_expr(claim.expr, claim_parameters(ident, claim), claim_name(claim))
    return cache[key]


#: The keywords that tell claims of one kind and variable apart.
SELECTORS = ("vec", "convention", "of")


def _describe(claim) -> str:
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


def choose_claim(ident, kind: str, wrt=None, **selectors):
    """The one claim of *ident* of this *kind* with respect to *wrt* (a symbol or its name; None for
    ``"equal"``), narrowed by ``vec``, ``convention`` or ``of`` (None: any) where several match.
    Anything else raises a ValueError that says, in one sentence, what the identity has."""
    name = getattr(wrt, "name", wrt)
    has = "; ".join(_describe(c) for c in ident.claims)
    if kind == "equal" and name is not None:
        raise ValueError(f"an equality is taken with respect to no variable; call numpy('equal') "
                         f"({ident.id!r} has: {has})")
    if kind != "equal" and name is None:
        raise ValueError(f"say which variable the {kind} is taken with respect to, e.g. numpy({kind!r}, "
                         f"{ident.parameters[0].name!r}) ({ident.id!r} has: {has})")
    chosen = [c for c in ident.claims if c.kind == kind and getattr(c.wrt, "name", None) == name
              and all(getattr(c, k) == v for k, v in selectors.items() if v is not None)]
    if not chosen:
        what = kind if kind == "equal" else f"{kind} with respect to {name}"
        narrowed = "".join(f", {k}={v!r}" for k, v in selectors.items() if v is not None)
        raise ValueError(f"identity {ident.id!r} has no {what}{narrowed}; it has: {has}")
    if len(chosen) > 1:
        key = next(k for k in SELECTORS if len({getattr(c, k) for c in chosen}) > 1)
        choices = ", ".join(f"{key}={getattr(c, key)!r}" for c in chosen)
        raise ValueError(f"identity {ident.id!r} has {len(chosen)} claims of kind {kind} with respect to {name}; "
                         f"choose one with {choices}")
    return chosen[0]


def _sources(ident, backend: Backend) -> list[str]:
    """The source of the function and of every claim's house form, printed for *backend*."""
    if backend is NUMPY:   # the very code the checker runs
        return [function_of(ident).source] + [house_function(ident, c).source for c in ident.claims]
    return [function_source(_function_expr(ident), ident.parameters, function_name(ident), backend)] + [
        function_source(c.expr, claim_parameters(ident, c), claim_name(c), backend) for c in ident.claims]


def code_listing(ident, backend: str | Backend = NUMPY) -> str:
    """Copy-ready code for *backend* ("numpy", "jax" or "torch"): the function and every house-form
    derivative, printed from the stored expressions, with the imports once at the top and each helper
    function once.  A construct the backend has no faithful equivalent of raises
    :class:`~.printing.CodeUnavailable` naming it (and the library)."""
    backend = backend_of(backend)
    cache = memo(ident)
    key = ("listing", backend.name)
    if key not in cache:
        try:
            cache[key] = _listing(_sources(ident, backend), backend)
        except CodeUnavailable as exc:
            cache[key] = exc
    if isinstance(cache[key], CodeUnavailable):
        raise CodeUnavailable(cache[key].backend, cache[key].construct)
    return cache[key]


def _listing(sources: list[str], backend: Backend) -> str:
    seen, chunks = set(), []
    for source in sources:
        for chunk in source.split("\n\n\n")[1:]:   # the first chunk is the opening (imports, setup)
            chunk = chunk.strip("\n")
            if chunk and chunk not in seen:
                seen.add(chunk)
                chunks.append(chunk)
    body = "\n\n\n".join(chunks)
    return f"{backend.opening(body)}\n\n\n{body}\n"
