"""Verify an identity: every form of every claim, every derivation step, and negative controls
that prove the checks had the power to fail.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp

from .checks import (CENTRAL, COMPLEX, EPS64, MIXED_COMPLEX, MIXED_REAL, Check, check_differential, check_gradient,
                     check_hessian, check_jacobian, check_vjp)
from .conditions import CONDITIONS
from .compile import compile_expr
from .equality import EQUALITY, check_equal
from .forms import Form, differentiated_function, form_function, forms, function_of
from .nodes import Differential, Vec
from .structures import STRUCTURES
from .sources import citation
from .record import Claim, Identity
from .sampler import Draw, draw
from .symbols import is_complex

__all__ = ["Row", "Report", "verify", "check_form", "draws_for", "checked_seed", "perturbation", "STEP_UNITS",
           "NEGATIVE_CONTROL"]

#: Derivation lines are algebraic rewrites evaluated at well-conditioned inputs (κ = 10, sizes ≤ 7):
#: both sides agree to a few hundred rounding units of their 1-norm; a wrong line differs at O(1).
STEP_UNITS = 1e4
#: A claim scaled by 1 + this must be rejected: a derivative measured by the complex step, one measured
#: by finite differences (a Hessian measured against the function takes central differences along
#: one of its two directions, with or without the complex step along the other), an equality.
NEGATIVE_CONTROL = {COMPLEX: 1e-8, CENTRAL: 1e-5, MIXED_COMPLEX: 1e-5, MIXED_REAL: 1e-5, EQUALITY: 1e-8}
#: Seed offsets of the two draws (different sizes) at which everything is verified.
DRAW_OFFSETS = (0, 7919)


@dataclass(frozen=True)
class Row:
    """One line of a verification report."""

    what: str
    ok: bool
    method: str
    rel_error: float
    tolerance: float
    sizes: str
    detail: str = ""


@dataclass(frozen=True)
class Report:
    """All checks made for one identity at one seed."""

    id: str
    seed: int
    rows: tuple[Row, ...]

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.rows)

    def __bool__(self) -> bool:
        return self.ok

    @property
    def failures(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if not r.ok)

    @property
    def max_rel_error(self) -> float:
        """Largest error reached by a positive check (negative controls excluded)."""
        vals = [r.rel_error for r in self.rows if not r.what.startswith("negative control")]
        return max(vals) if vals else 0.0

    @property
    def methods(self) -> tuple[str, ...]:
        return tuple(sorted({r.method for r in self.rows if r.method not in ("algebra",)}))

    @property
    def sizes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.sizes for r in self.rows))

    def __str__(self) -> str:
        lines = [f"{self.id}: {'ok' if self.ok else 'FAILED'} (seed {self.seed})"]
        for r in self.rows:
            mark = "ok " if r.ok else "BAD"
            lines.append(f"  {mark} {r.what:<58} {r.method:<22} err {r.rel_error:9.2e}  [{r.sizes}]"
                         + (f"  {r.detail}" if r.detail else ""))
        return "\n".join(lines)


def checked_seed(seed) -> int:
    """*seed* as an int, refused with a sentence unless it is a non-negative integer."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer (it makes the draws reproducible), not {seed!r}")
    return int(seed)


def draws_for(ident: Identity, seed: int, extra: tuple[tuple[str, str], ...] = ()) -> list[Draw]:
    """The draws at which an identity is verified: every dimension takes a different size in each.
    ``extra`` adds conditions to symbols (same seeds, same sizes)."""
    out: list[Draw] = []
    for k in DRAW_OFFSETS:
        out.append(draw(ident, seed + k, avoid=out[-1].sizes if out else None, extra=extra))
    return out


def _position(ident: Identity, symbol) -> int:
    return list(ident.parameters).index(symbol)


def _args(ident: Identity, dr: Draw, with_upstream: bool) -> list[np.ndarray]:
    args = dr.args(ident.parameters)
    if with_upstream:
        args += dr.args(ident.upstreams)
    return args


def _gradient_claim(ident: Identity, wrt) -> Claim | None:
    return next((c for c in ident.claims if c.kind == "gradient" and c.wrt == wrt), None)


def _fills_an_open_set(ident: Identity, wrt) -> bool:
    """Whether the variable is drawn from an open set of matrices: no structure, and only conditions
    such as invertibility that leave it free to move in every direction."""
    v = ident.var(wrt.name)
    return v.structure is None and all(CONDITIONS[c].open for c in v.conditions)


def check_form(ident: Identity, form: Form, dr: Draw, seed: int, scale: float = 1.0,
               transpose_result: bool = False, fn=None) -> Check:
    """Run the public check that matches *form* at draw *dr*.

    ``scale`` and ``transpose_result`` alter the claimed object (negative controls); ``fn`` replaces
    the printed function (mutants).
    """
    claim = form.claim
    F = differentiated_function(ident, claim)
    G = fn if fn is not None else form_function(ident, form)
    args = _args(ident, dr, with_upstream=False)

    def altered(*a):
        value = np.asarray(G(*a))
        if form.transposed:
            value = value.T
        if transpose_result:
            value = value.T
        return scale * value

    if claim.kind == "equal":
        return check_equal(F, altered, *args, seed=seed)
    i = _position(ident, claim.wrt)
    structured = _structures(ident, (claim.wrt,))
    if claim.convention is not None:
        structured["convention"] = claim.convention
    if claim.kind == "gradient":
        return check_gradient(F, altered, *args, wrt=i, seed=seed, **structured)
    if claim.kind == "vjp":
        return check_vjp(F, altered, *args, wrt=i, seed=seed, **structured)
    if claim.kind == "differential":
        return check_differential(F, altered, *args, wrt=i, seed=seed, **structured)
    if claim.kind == "jacobian":
        return check_jacobian(F, altered, *args, wrt=i, vec=form.vec, seed=seed)
    grad = _gradient_claim(ident, claim.wrt)
    if grad is not None and _fills_an_open_set(ident, claim.wrt):
        # complex step through the stored gradient (verified in the same report, at points of an
        # open set, so it is the gradient near them too and its Jacobian is the Hessian)
        return check_jacobian(form_function(ident, forms(ident, grad)[0]), altered, *args, wrt=i,
                              vec=form.vec, seed=seed)
    return check_hessian(F, altered, *args, wrt=i, vec=form.vec, seed=seed)


def undecided(check: Check) -> str:
    """Why a check reached neither verdict, in its own words."""
    reason = check.reason or check.diagnosis or "; ".join(check.notes) or "no reason given"
    return f"the check could not decide ({check.verdict}): {reason}"


def _row(what: str, check: Check, dr: Draw, expect_fail: bool = False) -> Row:
    """A passed check verifies a claim; a failed one rejects a wrong answer (a negative control).  Any
    other verdict is a failure of the row, whichever was expected: an answer the check could not judge
    is neither verified nor rejected."""
    ok = check.verdict == ("failed" if expect_fail else "passed")
    detail = ""
    if not ok:
        if check.verdict not in ("passed", "failed"):
            detail = undecided(check)
        elif expect_fail:
            detail = "the check could not tell this wrong answer apart"
        else:
            detail = check.diagnosis or ""
        detail += f" (reproduce: seed={check.seed}, sizes {dr.describe()})"
    return Row(what, ok, check.method, check.rel_error, check.tolerance, dr.describe(), detail)


#: A square result whose transpose differs from it by less than this fraction of its largest entry
#: counts as symmetric: its transpose is no wrong answer a check could reject (the scale bump of the
#: negative controls is of this size), only the rounding of two ways to compute the same matrix.
SYMMETRIC = 1e-8


def _is_symmetric_square(value: np.ndarray) -> bool:
    if value.ndim != 2 or value.shape[0] != value.shape[1]:
        return False
    return float(np.max(np.abs(value - value.T), initial=0.0)) <= SYMMETRIC * float(np.max(np.abs(value), initial=0.0))


def verify(ident: Identity, seed: int = 0) -> Report:
    """Verify every claim in every form at two draws, the derivation, and the negative controls."""
    seed = checked_seed(seed)
    rows: list[Row] = []
    for dr in draws_for(ident, seed):
        for claim in ident.claims:
            for form in forms(ident, claim):
                check = check_form(ident, form, dr, seed)
                rows.append(_row(form.label, check, dr))
                if not form.house:
                    continue
                bump = NEGATIVE_CONTROL.get(check.method, 1e-5)
                what = "right-hand side" if claim.kind == "equal" else claim.kind
                rows.append(_row(f"negative control: {what} × (1 + {bump:g}) rejected",
                                 check_form(ident, form, dr, seed, scale=1 + bump), dr, expect_fail=True))
                value = np.asarray(form_function(ident, form)(*_args(ident, dr, claim.kind == "vjp")
                                                              + _differential_probe(ident, claim, dr)))
                if value.ndim == 2 and value.shape[0] == value.shape[1] > 1 and not _is_symmetric_square(value):
                    rows.append(_row(f"negative control: transposed {what} rejected",
                                     check_form(ident, form, dr, seed, transpose_result=True), dr, expect_fail=True))
        if ident.derivation is not None:
            rows += _verify_derivation(ident, dr, seed)
    rows += _verify_published(ident, seed)
    return Report(ident.id, seed, tuple(rows))


def _verify_published(ident: Identity, seed: int) -> list[Row]:
    """A published form that differs from the claim is rejected at the identity's own inputs, and
    accepted where the conditions it silently assumes also hold."""
    rows = []
    for pub in ident.published:
        house = forms(ident, pub.claim)[0]
        where = citation(pub.source)
        for dr in draws_for(ident, seed):
            rows.append(_row(f"as published ({where}): rejected at the identity's inputs",
                             check_form(ident, house, dr, seed), dr, expect_fail=True))
        if pub.holds_when:
            assumed = ", ".join(f"{name} {condition}" for name, condition in pub.holds_when)
            for dr in draws_for(ident, seed, pub.holds_when):
                rows.append(_row(f"as published ({where}): holds when {assumed}", check_form(ident, house, dr, seed), dr))
    return rows


def _differential_probe(ident: Identity, claim: Claim, dr: Draw) -> list[np.ndarray]:
    if claim.kind != "differential":
        return []
    return [perturbation(ident, claim.wrt, dr, np.random.default_rng(dr.seed))]


def perturbation(ident: Identity, symbol, dr: Draw, rng: np.random.Generator) -> np.ndarray:
    """A random perturbation of a variable at draw *dr*: inside its structure for a structured
    variable, complex for a complex one."""
    shape = dr.values[symbol.name].shape
    structure = ident.structure_of(symbol)
    if structure is not None:
        return STRUCTURES[structure].direction(rng, shape[0])
    V = rng.standard_normal(shape)
    return V + 1j * rng.standard_normal(shape) if is_complex(symbol) else V


def _structures(ident: Identity, symbols) -> dict:
    """The ``structure=`` argument of a check perturbing *symbols* (empty when none is structured)."""
    found = tuple(ident.structure_of(w) for w in symbols)
    if not any(found):
        return {}
    return {"structure": found[0] if len(found) == 1 else found}


# -- derivations -----------------------------------------------------------------------------------

def _pairing(ident: Identity) -> sp.Expr:
    """What the last derivation line must equal: the stored derivatives applied to the perturbations."""
    terms = []
    for c in ident.derivation_targets():
        dX = Differential(c.wrt)
        if c.kind in ("gradient", "vjp") and is_complex(c.wrt):   # df = Re tr(Gᴴ dZ)
            terms.append(sp.re(sp.Trace(sp.Adjoint(c.expr) * dX), evaluate=False))
        elif c.kind in ("gradient", "vjp"):
            terms.append(sp.Trace(c.expr.T * dX))
        elif c.kind == "differential":
            terms.append(c.expr)
        elif c.kind == "jacobian":
            terms.append(c.expr * Vec(dX, c.vec))
        else:
            terms.append(Vec(dX, c.vec).T * c.expr * Vec(dX, c.vec))
    if len(terms) == 1:
        return terms[0]
    return sp.MatAdd(*terms) if terms[0].is_Matrix else sp.Add(*terms)


def _step_params(ident: Identity) -> tuple:
    der = ident.derivation
    return ident.parameters + ident.upstreams + tuple(Differential(w) for w in der.wrt)


def _flat(value, order: str | None) -> np.ndarray:
    arr = np.asarray(value, dtype=complex if np.iscomplexobj(value) else float)
    return arr.reshape(-1, order=order or "F")


def _same(a: np.ndarray, b: np.ndarray, order: str | None) -> tuple[bool, float]:
    a, b = np.asarray(a), np.asarray(b)
    if a.size != b.size:
        return False, np.inf
    fa, fb = _flat(a, order), _flat(b, order)
    scale = max(np.sum(np.abs(fa)), np.sum(np.abs(fb)), np.finfo(float).tiny)
    err = float(np.sum(np.abs(fa - fb)) / scale)
    return err <= STEP_UNITS * EPS64, err


def _verify_derivation(ident: Identity, dr: Draw, seed: int) -> list[Row]:
    der = ident.derivation
    params = _step_params(ident)
    rng = np.random.default_rng([seed, dr.seed, 2])
    perturb = [perturbation(ident, w, dr, rng) for w in der.wrt]
    base = _args(ident, dr, with_upstream=True)
    point = base + perturb
    rows = []
    steps = [compile_expr(s.expr, params, f"step_{k + 1}") for k, s in enumerate(der.steps)]

    # First line: the directional derivative itself.
    F = function_of(ident)
    n = len(ident.parameters)
    positions = tuple(_position(ident, w) for w in der.wrt)
    if der.order == 1:
        if ident.derivation_mode == "reverse":  # dL = Σₖ⟨Ȳₖ, dYₖ⟩ over the outputs
            several = ident.several_outputs
            start = lambda *a: sum(np.sum(Ybar * Y) for Ybar, Y in
                                   zip(a[n:n + len(ident.upstreams)], F(*a[:n]) if several else (F(*a[:n]),)))
        else:
            start = lambda *a: F(*a[:n])
        check = check_differential(start, lambda *a: steps[0](*a), *base, wrt=positions, seed=seed,
                                   **_structures(ident, der.wrt))
        what = "derivation line 1 = directional derivative"
    else:
        grad = _gradient_claim(ident, der.wrt[0])  # validation made sure there is one
        gfn = form_function(ident, forms(ident, grad)[0])
        fixed = perturb[0]

        def paired(*a):
            return np.sum(fixed * np.asarray(gfn(*a[:n])))

        def polarised(*a):  # the bilinear form D²f[fixed, V] from the quadratic line q by polarisation
            args, V = list(a[:-1]), a[-1]
            q = lambda P: np.sum(np.asarray(steps[0](*args, P)))
            return (q(fixed + V) - q(fixed - V)) / 4

        check = check_differential(paired, polarised, *base, wrt=positions, seed=seed, **_structures(ident, der.wrt))
        what = "derivation line 1 = second differential"
    rows.append(_row(what, check, dr))

    values = [np.asarray(s(*point)) for s in steps]
    for k in range(1, len(steps)):
        ok, err = _same(values[k - 1], values[k], der.steps[k].vec)
        rows.append(Row(f"derivation line {k + 1} = line {k}", ok, "algebra", err, STEP_UNITS * EPS64,
                        dr.describe(), "" if ok else f"({der.steps[k].reason}) reproduce: seed={seed}, sizes "
                        f"{dr.describe()}"))
    pairing = compile_expr(_pairing(ident), params, "pairing")
    ok, err = _same(values[-1], np.asarray(pairing(*point)), None)
    rows.append(Row("derivation last line = stored derivative", ok, "algebra", err, STEP_UNITS * EPS64,
                    dr.describe(), "" if ok else f"reproduce: seed={seed}, sizes {dr.describe()}"))
    return rows
