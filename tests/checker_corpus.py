"""A seeded corpus of correct and wrong derivatives for measuring the checker.

``corpus(seed, scale)`` yields cases; each knows its category, what a sound checker may answer
(``must`` is the set of acceptable verdicts) and how to run.  Correct gradients of random
compositions are built by reverse accumulation through blocks whose VJPs are textbook formulas:

====================  ==========================  ===========================================
block                 forward Y ↦                 VJP Ḡ ↦
====================  ==========================  ===========================================
inverse (first only)  Y⁻¹ (by solve)              −Y⁻ᵀ Ḡ Y⁻ᵀ
solve                 A⁻¹Y (A: κ_A, closure/arg)   A⁻ᵀ Ḡ
left, right           AY, YB                      AᵀḠ, ḠBᵀ
tanh                  tanh(Y)                     Ḡ ⊙ (1 − tanh²Y)
softmax (rows)        S                           S ⊙ (Ḡ − rowsum(Ḡ ⊙ S))
expm (first only)     e^{Y/‖Y‖}                    L_exp(Yᵀ/‖Y‖, Ḡ)/‖Y‖ (Fréchet adjoint)
square                Y ⊙ Y                       2Y ⊙ Ḡ
====================  ==========================  ===========================================

heads: tr(CY) (gradient C), ‖Y‖²_F (2Y), tr(YᵀMY) with M a non-symmetric argument ((M + Mᵀ)Y),
log det of the variable (X⁻ᵀ).  Each composition is normalised by constants taken at the point, so
values stay O(1) whatever κ.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import scipy.linalg as sl

from helpers import conditioned
from identities import check_differential, check_gradient, check_hessian, check_jacobian, check_vjp

__all__ = ["Case", "corpus", "CORRECT", "WRONG", "UNJUDGEABLE", "ANY"]

#: What a sound checker may answer for each kind of case.
CORRECT = frozenset({"passed", "inconclusive"})      # a correct claim must never fail
WRONG = frozenset({"failed", "inconclusive"})        # a wrong claim must never pass
UNJUDGEABLE = frozenset({"inconclusive"})            # no derivative exists, or it cannot be measured
ANY = frozenset({"passed", "failed", "inconclusive"})  # beyond the checker's stated resolution: reported only


@dataclass
class Case:
    category: str
    label: str
    must: frozenset
    run: Callable[[], object]
    path: str = "complex"          # the method the case is meant to exercise
    relative_error: float = 0.0    # size of the planted mistake (0 for correct claims)
    expect_diagnosis: str | None = None
    notes_must_mention: str | None = None
    extras: dict = field(default_factory=dict)


def _softmax(Z):
    E = np.exp(Z - np.max(Z.real, axis=-1, keepdims=True))
    return E / np.sum(E, axis=-1, keepdims=True)


def _solve(A, Y):
    return np.linalg.solve(A, Y)


class _Chain:
    """A random composition X ↦ head(block_k(…block_1(X))), with its gradient."""

    def __init__(self, rng: np.random.Generator, n: int, kappa: float, closure: bool):
        self.n, self.rng, self.closure = n, rng, closure
        self.X = conditioned(n, kappa, int(rng.integers(1 << 30)))
        self.consts: list[np.ndarray] = []
        self.blocks = []
        first = rng.choice(["inverse", "expm", "none", "none"])
        if first != "none":
            self.blocks.append((first, None))
        for _ in range(int(rng.integers(0, 3))):
            # (softmax of a 1×1 matrix is the constant 1: its gradient vanishes)
            name = rng.choice(["solve", "left", "right", "tanh", "square"] + (["softmax"] if n > 1 else []))
            const = None
            if name == "solve":
                const = self._const(conditioned(n, 10 ** rng.uniform(0, 6), int(rng.integers(1 << 30))))
            elif name in ("left", "right"):
                const = self._const(rng.standard_normal((n, n)))
            self.blocks.append((name, const))
        self.head = rng.choice(["trace", "frobenius", "quadratic"] + (["logdet"] if not self.blocks else []))
        if self.head == "trace":
            self.C = rng.standard_normal((n, n))
        if self.head == "quadratic":
            self.M = self._const(rng.standard_normal((n, n)), force_argument=True)
        # normalise every stage by a constant taken at the point (values O(1) whatever κ)
        self.norms = []
        Y = self.X
        for name, const in self.blocks:
            self.norms.append(1.0)
            Y = self._forward(name, const, Y, self.consts, len(self.norms) - 1)
            self.norms[-1] = float(np.sqrt(np.mean(Y * Y))) or 1.0
            Y = Y / self.norms[-1]
        self.describe = " ∘ ".join([str(self.head)] + [b for b, _ in reversed(self.blocks)])

    def _const(self, value, force_argument=False) -> int:
        self.consts.append(value)
        if force_argument:
            self.forced = len(self.consts) - 1
        return len(self.consts) - 1

    def _forward(self, name, const, Y, consts, k):
        if name == "inverse":
            return _solve(Y, np.eye(self.n))
        if name == "expm":
            return sl.expm(Y / self.expm_scale(Y))
        if name == "solve":
            return _solve(consts[const], Y)
        if name == "left":
            return consts[const] @ Y
        if name == "right":
            return Y @ consts[const]
        if name == "tanh":
            return np.tanh(Y)
        if name == "softmax":
            return _softmax(Y)
        return Y * Y

    def expm_scale(self, Y):
        return getattr(self, "_expm", None) or self.__dict__.setdefault("_expm", float(np.linalg.norm(self.X.real)))

    def value(self, X, consts):
        Y, stages = X, []
        for k, (name, const) in enumerate(self.blocks):
            stages.append(Y)
            Y = self._forward(name, const, Y, consts, k) / self.norms[k]
        if self.head == "trace":
            return np.trace(self.C @ Y), stages, Y
        if self.head == "frobenius":
            return np.sum(Y * Y), stages, Y
        if self.head == "quadratic":
            return np.trace(Y.T @ consts[self.forced] @ Y), stages, Y
        return np.log(np.linalg.det(Y)), stages, Y

    def gradient(self, X, consts, symmetric_part=True):
        _, stages, Y = self.value(X, consts)
        if self.head == "trace":
            G = self.C.T.copy()
        elif self.head == "frobenius":
            G = 2 * Y
        elif self.head == "quadratic":
            M = consts[self.forced]
            G = (M + M.T) @ Y if symmetric_part else 2 * M @ Y
        else:
            G = np.linalg.inv(Y).T
        for k in reversed(range(len(self.blocks))):
            name, const = self.blocks[k]
            Yin = stages[k]
            G = G / self.norms[k]
            if name == "inverse":
                Yi = np.linalg.inv(Yin)
                G = -Yi.T @ G @ Yi.T
            elif name == "expm":
                s = self.expm_scale(Yin)
                G = sl.expm_frechet(Yin.T / s, G, compute_expm=False) / s
            elif name == "solve":
                G = np.linalg.solve(consts[const].T, G)
            elif name == "left":
                G = consts[const].T @ G
            elif name == "right":
                G = G @ consts[const].T
            elif name == "tanh":
                G = G * (1 - np.tanh(Yin) ** 2)
            elif name == "softmax":
                S = _softmax(Yin)
                G = S * (G - np.sum(G * S, axis=1, keepdims=True))
            else:
                G = 2 * Yin * G
        return G

    def functions(self, real_only: str | None = None, symmetric_part=True):
        """(f, grad, args): constants in a closure, except those passed as arguments."""
        passed = [i for i in range(len(self.consts)) if not self.closure or i == getattr(self, "forced", -1)]

        def split(a):
            consts = list(self.consts)
            for i, v in zip(passed, a[1:]):
                consts[i] = v
            return a[0], consts

        def f(*a):
            X, consts = split(a)
            v = self.value(X, consts)[0]
            if real_only == "float":
                return float(v)
            if real_only == "real":
                return np.real(v)
            return v

        def grad(*a):
            X, consts = split(a)
            return self.gradient(X, consts, symmetric_part)
        return f, grad, [self.X] + [self.consts[i] for i in passed]


def _kappa(rng, top):
    return float(10 ** rng.uniform(0, np.log10(top)))


def _compositions(rng, count, top_kappa, path):
    for i in range(count):
        n = int(rng.integers(1, 13)) if path == "complex" else int(rng.integers(1, 9))
        kappa = _kappa(rng, top_kappa) if n > 1 else 1.0
        chain = _Chain(rng, n, kappa, closure=bool(rng.integers(2)))
        yield chain, n, kappa


def _scaled(g, k):
    return lambda *a: np.asarray(g(*a)) * k


def corpus(seed: int = 0, scale: float = 1.0):
    """The cases, in a fixed order for a given seed; *scale* shrinks every category's count."""
    rng = np.random.default_rng([20261201, seed])

    def count(n):
        return max(1, int(round(n * scale)))

    # correct compositions: complex step up to κ = 1e8, finite differences up to κ = 1e6
    for chain, n, kappa in _compositions(rng, count(2000), 1e8, "complex"):
        f, g, args = chain.functions()
        yield Case("correct composition, complex step", f"{chain.describe} n={n} κ={kappa:.0e}", CORRECT,
                   lambda f=f, g=g, args=args, s=len(args): check_gradient(f, g, *args, seed=s), extras={"kappa": kappa})
    for chain, n, kappa in _compositions(rng, count(600), 1e6, "finite"):
        f, g, args = chain.functions(real_only=rng.choice(["float", "real"]))
        yield Case("correct composition, finite differences", f"{chain.describe} n={n} κ={kappa:.0e}", CORRECT,
                   lambda f=f, g=g, args=args: check_gradient(f, g, *args), path="finite", extras={"kappa": kappa})

    # graded mutants ×(1 + 10⁻ᵏ) and classic mistakes, on both paths
    for path, top, ks in (("complex", 1e4, (4, 6, 8)), ("finite", 1e3, (4, 6))):
        for chain, n, kappa in _compositions(rng, count(300 if path == "complex" else 120), top, path):
            f, g, args = chain.functions(real_only=None if path == "complex" else "real")
            for k in ks:
                yield Case(f"mutant ×(1+1e-{k}), {path}", f"{chain.describe} n={n} κ={kappa:.0e}", WRONG,
                           lambda f=f, g=g, args=args, k=k: check_gradient(f, _scaled(g, 1 + 10.0 ** -k), *args),
                           path=path, relative_error=10.0 ** -k)
            for label, k in (("sign", -1.0), ("factor 2", 2.0), ("factor ½", 0.5)):
                yield Case(f"classic mistake: {label}", chain.describe, WRONG,
                           lambda f=f, g=g, args=args, k=k: check_gradient(f, _scaled(g, k), *args), path=path,
                           relative_error=1.0, expect_diagnosis=label)
            if n > 1:
                yield Case("classic mistake: transposed", chain.describe, WRONG,
                           lambda f=f, g=g, args=args: check_gradient(f, lambda *a: g(*a).T, *args), path=path,
                           relative_error=1.0)
            if chain.head == "quadratic" and n > 1:
                fs, gs, args_s = chain.functions(real_only=None if path == "complex" else "real", symmetric_part=False)
                yield Case("classic mistake: missing symmetric part", chain.describe, WRONG,
                           lambda f=fs, g=gs, args=args_s: check_gradient(f, g, *args), path=path,
                           relative_error=1.0, expect_diagnosis="missing symmetric part")

    yield from _ill_conditioned_closures(rng, count)
    yield from _noise(rng, count)
    yield from _kinks(rng, count)
    yield from _low_precision(rng, count)
    yield from _mutation(rng, count)
    yield from _tiny_scale(rng, count)
    yield from _other_checks(rng, count)
    yield from _small_bugs(rng, count)


def _ill_conditioned_closures(rng, count):
    """⟨C, A⁻¹XB⟩ with κ(A) = 1e6, A in a closure or passed as an argument."""
    for _ in range(count(150)):
        n = int(rng.integers(3, 9))
        A = conditioned(n, 1e6, int(rng.integers(1 << 30)))
        X, B, C = rng.standard_normal((3, n, n))
        grad = lambda X, A, B=B, C=C: np.linalg.solve(A.T, C) @ B.T  # noqa: E731
        yield Case("κ(A)=1e6 constant, passed as an argument", f"n={n}", CORRECT,
                   lambda A=A, X=X, B=B, C=C, grad=grad: check_gradient(
                       lambda X, A: np.sum(C * (np.linalg.solve(A, X) @ B)), grad, X, A))
        yield Case("κ(A)=1e6 constant, captured in a closure", f"n={n}", CORRECT,
                   lambda A=A, X=X, B=B, C=C, grad=grad: check_gradient(
                       lambda X: np.sum(C * (np.linalg.solve(A, X) @ B)), lambda X: grad(X, A), X))


def _noise(rng, count):
    """Noisy and drifting functions: a correct claim may pass or be inconclusive; a wrong one may not pass."""
    for i in range(count(40)):
        n = int(rng.integers(2, 6))
        X = rng.standard_normal((n, n))
        level = 10.0 ** -rng.integers(3, 10)
        complex_safe = bool(rng.integers(2))
        source = np.random.default_rng(i)

        def f(X, level=level, source=source, complex_safe=complex_safe):
            v = np.sum(X ** 4) if complex_safe else np.sum(np.abs(X) ** 4)
            return v + level * source.standard_normal()
        g = lambda X: 4 * X ** 3  # noqa: E731
        path = "complex" if complex_safe else "finite"
        yield Case(f"noise, correct ({path})", f"noise {level:.0e} n={n}", CORRECT,
                   lambda f=f, X=X, g=g: check_gradient(f, g, X), path=path)
        for k in (1.01, 1.1, 3.0, -1.0, 0.0):
            yield Case(f"noise, wrong ({path})", f"×{k} noise {level:.0e}", WRONG,
                       lambda f=f, X=X, g=g, k=k: check_gradient(f, _scaled(g, k), X), path=path,
                       relative_error=abs(1 - k))
    for i in range(count(20)):
        X = rng.standard_normal((3, 3))
        calls = [0]

        def drifting(X, calls=calls):
            calls[0] += 1
            return np.trace(X @ X) * (1 + 1e-3 * calls[0])
        for k in (1.0, 1.1):
            yield Case("drift 1e-3 per call", f"×{k}", CORRECT if k == 1.0 else WRONG,
                       lambda X=X, k=k, f=drifting: check_gradient(f, lambda X: k * 2 * X.T, X),
                       relative_error=abs(1 - k))


def _kinks(rng, count):
    """A kink at the point must be reported (inconclusive); a kink merely near it must not fail."""
    for _ in range(count(20)):
        x = rng.standard_normal(5)
        x[int(rng.integers(5))] = 0.0
        yield Case("kink at the point", "|x| at 0", UNJUDGEABLE,
                   lambda x=x: check_gradient(lambda x: np.sum(np.abs(x)), np.sign, x), path="finite")
        y = rng.standard_normal(2)
        y[1] = y[0]
        for grad in (lambda x: np.array([0.5, 0.5]), lambda x: np.array([1.0, 0.0])):
            yield Case("kink at the point", "max with a tie", UNJUDGEABLE,
                       lambda y=y, grad=grad: check_gradient(lambda x: np.maximum(x[0], x[1]), grad, y))
        W2, xx, W1 = rng.standard_normal((3, 5)), rng.standard_normal(5), rng.standard_normal((5, 5))
        z = W1 @ xx
        W1[0] -= (z[0] - 1e-9) / (xx @ xx) * xx
        relu = lambda t: np.maximum(t, 0)  # noqa: E731
        f = lambda W1, W2=W2, xx=xx: np.sum((W2 @ relu(W1 @ xx)) ** 2)  # noqa: E731
        g = lambda W1, W2=W2, xx=xx: np.outer((W2.T @ (2 * W2 @ relu(W1 @ xx))) * (W1 @ xx > 0), xx)  # noqa: E731
        yield Case("kink 1e-9 from the point (relu)", "relu", CORRECT, lambda f=f, g=g, W1=W1: check_gradient(f, g, W1))
        A, b, w = rng.standard_normal((10, 5)), rng.standard_normal(10), rng.standard_normal(5)
        for lam in (1e-5, 1e-6, 1e-7):
            fl = lambda w, lam=lam, A=A, b=b: 0.5 * np.sum((A @ w - b) ** 2) + lam * np.sum(np.abs(w))  # noqa: E731
            yield Case("lasso, small λ: true gradient", f"λ={lam:g}", CORRECT,
                       lambda fl=fl, w=w, A=A, b=b, lam=lam: check_gradient(
                           fl, lambda w: A.T @ (A @ w - b) + lam * np.sign(w), w))
            # the missing term is ≈ λ/|∇f| of the gradient: at λ ≤ 1e-6 that is ≲ 1e-7, below what the
            # finite-difference cross-check of a non-analytic complex path resolves (reported, not required)
            yield Case(f"lasso, small λ: L1 term missing, λ={lam:g}", f"λ={lam:g}", WRONG if lam > 1e-6 else ANY,
                       lambda fl=fl, w=w, A=A, b=b: check_gradient(fl, lambda w: A.T @ (A @ w - b), w),
                       relative_error=lam)


def _low_precision(rng, count):
    for s in range(count(20)):
        X = conditioned(5, 10, s)
        inv32 = lambda X: np.linalg.inv(X.astype(np.float32))  # noqa: E731
        yield Case("float32 derivative, right formula", "log det", UNJUDGEABLE,
                   lambda X=X: check_gradient(lambda X: np.log(np.linalg.det(X)), lambda X: inv32(X).T, X))
        yield Case("float32 derivative, transposed", "log det", WRONG,
                   lambda X=X: check_gradient(lambda X: np.log(np.linalg.det(X)), inv32, X), relative_error=1.0)
        f32 = lambda X: np.log(np.linalg.det(X.astype(np.float32)))  # noqa: E731
        yield Case("float32 function, right formula", "log det", UNJUDGEABLE,
                   lambda X=X: check_gradient(f32, lambda X: np.linalg.inv(X).T, X), path="finite")


def _mutation(rng, count):
    """Functions and derivatives that change their inputs in place."""
    for _ in range(count(20)):
        n = int(rng.integers(2, 6))
        A, X = rng.standard_normal((2, n, n))

        def f(A, X):
            value = np.trace(A @ X)
            A += 1.0          # scribbles on a constant after using it
            return value

        def g(A, X):
            G = A.T.copy()
            A[:] = 0.0        # and the gradient clears it
            return G

        def f_var(A, X):
            value = np.trace(A @ X @ X)
            X *= 2.0          # scribbles on the variable
            return value
        for label, F, G, truth in (("function mutates a constant", f, lambda A, X: A.T, CORRECT),
                                   ("gradient mutates a constant", lambda A, X: np.trace(A @ X), g, CORRECT),
                                   ("function mutates the variable", f_var, lambda A, X: (A @ X + X @ A).T, CORRECT),
                                   ("function mutates, wrong gradient", f, lambda A, X: A, WRONG)):
            yield Case(f"in-place mutation: {label}", label, truth,
                       lambda F=F, G=G, A=A, X=X: _untouched(check_gradient, F, G, A, X, wrt=1),
                       notes_must_mention="in place", relative_error=1.0 if truth is WRONG else 0.0)


def _untouched(check, F, G, *args, **kw):
    before = [a.copy() for a in args]
    result = check(F, G, *args, **kw)
    if not all(np.array_equal(a, b) for a, b in zip(args, before)):
        raise AssertionError("the check changed the caller's arrays")
    return result


def _tiny_scale(rng, count):
    for s in range(count(20)):
        X, A = 1e-160 * conditioned(5, 10, s), 1e-160 * rng.standard_normal((5, 5))
        f = lambda X, A: np.trace(np.linalg.solve(X, A))  # noqa: E731
        g = lambda X, A: -(np.linalg.inv(X) @ A @ np.linalg.inv(X)).T  # noqa: E731
        yield Case("data scaled by 1e-160", "tr(X⁻¹A)", CORRECT, lambda X=X, A=A: check_gradient(f, g, X, A))
        yield Case("data scaled by 1e-160, ×(1+1e-8)", "tr(X⁻¹A)", WRONG,
                   lambda X=X, A=A: check_gradient(f, _scaled(g, 1 + 1e-8), X, A), relative_error=1e-8)


def _other_checks(rng, count):
    inv = np.linalg.inv
    for s in range(count(40)):
        n = int(rng.integers(2, 7))
        X = conditioned(n, 10 ** rng.uniform(0, 5), s)
        Z = rng.standard_normal((3, n))
        dinv = lambda X, dX: -inv(X) @ dX @ inv(X)  # noqa: E731
        vsoft = lambda Z, Pb: _softmax(Z) * (Pb - np.sum(_softmax(Z) * Pb, axis=1, keepdims=True))  # noqa: E731
        jinv = lambda X: -np.kron(inv(X).T, inv(X))  # noqa: E731
        A = rng.standard_normal((n, n))
        for label, check, F, D, args, wrong in (
                ("differential of X⁻¹", check_differential, inv, dinv, [X], lambda *a: dinv(*a) * (1 + 1e-8)),
                ("VJP of softmax rows", check_vjp, _softmax, vsoft, [Z], lambda *a: vsoft(*a) * (1 + 1e-8)),
                ("Jacobian of X⁻¹", check_jacobian, inv, jinv, [X], lambda *a: jinv(*a).T),
                ("Hessian of xᵀAx", check_hessian, lambda x: x @ A @ x, lambda x: A + A.T, [X[0]],
                 lambda x: 2 * A)):
            yield Case(f"{label}, correct", label, CORRECT, lambda c=check, F=F, D=D, args=args: c(F, D, *args))
            yield Case(f"{label}, wrong", label, WRONG, lambda c=check, F=F, D=wrong, args=args: c(F, D, *args),
                       relative_error=1e-8)


def _relative(wrong, right) -> float:
    return float(np.linalg.norm(wrong - right) / np.linalg.norm(right))


def _small_bugs(rng, count):
    """Bugs that are not a rescaling of the gradient, on the complex path: a spurious term, the
    gradient at a slightly wrong point, one transposed 2×2 block.  Each must be rejected where its
    relative size ‖error‖/‖gradient‖ is at least 1e-8 (the catalog's negative controls); a spurious
    term of 1e-9 is below that and only reported."""
    for chain, n, kappa in _compositions(rng, count(300), 1e4, "complex"):
        f, g, args = chain.functions()
        right = g(*args)
        R, Z = rng.standard_normal((2, n, n))
        bugs = [(f"spurious term, relative size {size:.0e}", size,
                 lambda *a, g=g, R=R, size=size: g(*a) + size * np.linalg.norm(g(*a)) * R / np.linalg.norm(R))
                for size in (1e-8, 1e-9)]
        bugs.append(("gradient at a point off by 1e-8 (relative)", None,
                     lambda X, *a, g=g, Z=Z: g(X + 1e-8 * np.linalg.norm(X) * Z / np.linalg.norm(Z), *a)))
        if n > 1:
            def block(*a, g=g):
                G = np.array(g(*a))
                G[:2, :2] = G[:2, :2].T.copy()
                return G
            bugs.append(("one 2×2 block transposed", None, block))
        for label, planted, wrong in bugs:
            size = planted or _relative(wrong(*args), right)
            if size == 0.0:
                continue    # the bug changes nothing here (a linear composition, a symmetric block)
            yield Case(f"small bug: {label}", f"{chain.describe} n={n} κ={kappa:.0e} r={size:.1e}",
                       WRONG if size >= 1e-8 else ANY,
                       lambda f=f, w=wrong, args=args: check_gradient(f, w, *args), relative_error=size)
