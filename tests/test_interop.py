"""The JAX and PyTorch code on each identity's page computes what the NumPy code computes.

For every identity of the catalog, the printed JAX listing and the printed PyTorch listing (the very
text the page and the JSON export show, executed as it stands) are called at the inputs the NumPy
code is verified at (``draws_for(ident, 0)``: both draws, the upstream gradients, a perturbation dX
for a differential), and each of their functions — the function and every claim's house form — is
compared with the NumPy function printed from the same expression.

The tolerance.  Two float64 evaluations of one expression by different libraries differ by
rounding only, and no fixed tolerance bounds that: it is amplified by the conditioning of the
point and of the intermediate steps (inverses, solves, the eigenvectors of close eigenvalues).  So
each comparison is :func:`identities.check_equal`, the catalog's own check of an algebraic identity,
whose allowance is measured at the point from the float64 rounding error model u = 2⁻⁵³:

* a backward-stable computation errs as if its inputs had moved by a few u (relative), so nudging
  the inputs by one single-precision unit δ = 2⁻²⁴ and seeing how far the two results move, times
  u/δ, estimates the rounding error of each (its conditioning);
* evaluating the NumPy code again in single precision, the distance from the double-precision
  values times u₆₄/u₃₂ estimates the rounding the intermediate steps amplify where the result
  itself is insensitive (the JAX and PyTorch code are given float64 inputs always, so they
  contribute no such estimate);

and the allowance is 16 times the larger estimate plus 10⁴ u of the results' size (the floor
library approximations such as expm's Padé step need, see ``identities/engine/checks/judge.py``).  A
pass also needs that allowance to be narrow, at most 10⁻⁵ of the results' size, so a difference in
the fifth digit can never pass.  When this was written the 1,334 comparisons of each library had
allowances of 10⁴ to 9·10⁴ u (2·10⁻¹² to 2·10⁻¹¹ of the size) and differences of 0.25 u at the
median and under 2·10³ u at most (a power of a bilinear form), a fiftieth of their allowance; a
mistake in the printed code (a transpose, a sign, a wrong function) is many orders beyond, which the
tests that print classic mistakes and a wrong line check.

Beside the catalog, :func:`test_every_construct_computes_in_jax_and_torch_what_it_computes_in_numpy`
prints one expression per construct of ``identities.define``, so that a construct no identity uses
yet is covered too.

The two libraries are not installed alike: JAX (``jax[cpu]``) is in the ``test`` extra, so ``make
test`` runs its tests (and CI, where ``CI`` is set, fails rather than skips them if JAX is missing);
PyTorch's default wheel carries gigabytes of GPU libraries, so it is no test dependency, and ``make
interop`` installs a CPU build and runs this file with both.
"""

from __future__ import annotations

import os
import re

import numpy as np
import pytest
import sympy as sp

import identities
from identities import check_equal
from identities.engine.callables import claim_name, claim_parameters, code_listing, function_name, function_of, \
    house_function
from identities.engine.compile import compile_expr, function_source
from identities.engine.mutants import mutations
from identities.engine.nodes import Differential, ScalarConstant
from identities.engine.printing import CodeUnavailable, code, code_helper, numpy_helper, print_rule
from identities.engine.symbols import matrix
from identities.engine.verify import draws_for, perturbation

IDENTITIES = identities.all_identities()
JAX_SKIP = "JAX is not installed, so the printed JAX code is not run (pip install -e '.[test]', or make test)"
TORCH_SKIP = ("PyTorch is not installed, so the printed PyTorch code is not run (make interop installs a CPU "
              "build of it and runs these tests)")


def _double(a) -> np.ndarray:
    """*a* in float64, or complex128: the precision the printed code is written for, whatever the
    checker's single-precision probe passes (see the module's docstring)."""
    return np.asarray(a, dtype=np.complex128 if np.iscomplexobj(a) else np.float64)


@pytest.fixture(scope="module")
def jax_backend():
    if os.environ.get("CI"):   # CI installs the test extra, JAX included: there a missing JAX fails, never skips
        import jax
    jax = pytest.importorskip("jax", reason=JAX_SKIP)
    jax.config.update("jax_enable_x64", True)   # as the printed code's opening does
    import jax.numpy as jnp
    return "jax", lambda a: jnp.asarray(_double(a)), np.asarray


@pytest.fixture(scope="module")
def torch_backend():
    torch = pytest.importorskip("torch", reason=TORCH_SKIP)

    def to_numpy(t):
        return t.detach().resolve_conj().resolve_neg().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)

    return "torch", lambda a: torch.tensor(_double(a)), to_numpy


# -- running printed code ----------------------------------------------------------------------------

def _functions(ident):
    """(NumPy function, its parameters) for the function and for every claim's house form."""
    return [(function_of(ident), ident.parameters)] + [(house_function(ident, c), claim_parameters(ident, c))
                                                       for c in ident.claims]


def _point(ident, dr, params) -> list:
    """The values of *params* at draw *dr*: the drawn symbols, and a random perturbation for dX."""
    rng = np.random.default_rng([dr.seed, 7])
    return [perturbation(ident, p.of, dr, rng) if isinstance(p, Differential) else dr.values[p.name] for p in params]


def _wrapped(fn, params, to_backend, to_numpy, output):
    """*fn* (printed code of a backend) called on NumPy arrays: the arrays become the backend's, in
    float64 (or complex128) whatever precision they come in; sampled constants stay Python numbers.
    It returns output number *output* (None: the only one) as a NumPy array."""
    def call(*args):
        converted = [np.asarray(a).item() if isinstance(p, ScalarConstant) else to_backend(a)
                     for p, a in zip(params, args)]
        value = fn(*converted)
        return to_numpy(value if output is None else value[output])
    return call


def _numpy_output(fn, output):
    return fn if output is None else (lambda *args: fn(*args)[output])


def _outputs(ident, compiled) -> list:
    several = compiled.name == function_name(ident) and ident.several_outputs
    return list(range(len(ident.outputs))) if several else [None]


def compare(ident, backend, source: str, functions=None) -> list[str]:
    """Run *source* (a listing printed for *backend*) against the NumPy functions at every draw of the
    identity; the failures, each as one line (empty: all passed)."""
    name, to_backend, to_numpy = backend
    namespace: dict[str, object] = {}
    exec(compile(source, f"<{ident.id}: {name} code>", "exec"), namespace)
    failures = []
    for dr in draws_for(ident, 0):
        for compiled, params in functions or _functions(ident):
            args = _point(ident, dr, params)
            for output in _outputs(ident, compiled):
                theirs = _wrapped(namespace[compiled.name], params, to_backend, to_numpy, output)
                check = check_equal(_numpy_output(compiled.fn, output), theirs, *args, seed=dr.seed)
                if check.verdict != "passed":
                    what = compiled.name + ("" if output is None else f"[{output}]")
                    failures.append(f"{what} at {dr.describe()}: {check.verdict}, relative difference "
                                    f"{check.rel_error:.2e} (allowed {check.tolerance:.2e}) "
                                    f"{check.diagnosis or check.reason or ''}")
    return failures


# -- every identity, both libraries ------------------------------------------------------------------

@pytest.mark.parametrize("ident", IDENTITIES, ids=lambda i: i.id)
def test_the_jax_code_computes_what_the_numpy_code_computes(jax_backend, ident):
    failures = compare(ident, jax_backend, code_listing(ident, "jax"))
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("ident", IDENTITIES, ids=lambda i: i.id)
def test_the_torch_code_computes_what_the_numpy_code_computes(torch_backend, ident):
    failures = compare(ident, torch_backend, code_listing(ident, "torch"))
    assert not failures, "\n".join(failures)


# -- every construct, whether or not the catalog uses it today --------------------------------------

def _constructs():
    """One expression per construct of ``identities.define`` (and per node of SymPy's the printers
    know), with the symbols it takes: X square and well conditioned (symmetric positive definite,
    so that every factorization and matrix function applies), A tall, B square, x a column."""
    from identities import define as d
    X, B, A, x = d.matrix("X", "n", "n"), d.matrix("B", "n", "n"), d.matrix("A", "m", "n"), d.vector("x", "n")
    Z = d.matrix("Z", "n", "n", complex=True)
    k, eps, t = d.integer("k", values=(3,)), d.number("epsilon", values=(0.5,)), d.scalar("t")
    lam, n, m = d.eigh_values(d.sym(X)), d.dim("n"), d.dim("m")
    positive = d.HadamardProduct(X, X) + d.Ones(n, n)
    return {
        "trace, inverse, determinant, log, sqrt, pi": (d.log(d.Determinant(X)) * d.Trace(d.Inverse(X) * B)
                                                      + d.sqrt(2 * d.pi * d.dim("n")), (X, B)),
        "Kronecker, Hadamard, transpose, identity": (d.KroneckerProduct(X.T, B) + d.KroneckerProduct(
            d.HadamardProduct(X, B), d.eye("n")), (X, B)),
        "vec (both orders), row and column sums, ones": (d.Vec(A, "F") + d.Vec(A, "C") + d.Vec(
            d.RowSums(A) * d.ColSums(A) + d.Ones(m, n), "F"), (A,)),
        "softmax, softmax of rows, diag": (d.DiagMatrix(d.Softmax(x)) + d.SoftmaxRows(X), (X, x)),
        "entrywise functions": (d.exp_(X) + d.tanh_(X) + d.sigmoid(X) + d.softplus(X) + d.log_(positive)
                                + d.sqrt_(positive) + d.power(X, 3) + d.reciprocal(positive)
                                + d.derivative_of(d.tanh_)(X) + d.derivative_of(d.sigmoid)(X), (X,)),
        "matrix functions and powers": (d.expm(X) + d.expm_frechet(X, B) + d.sqrtm(X) + d.logm(X)
                                        + d.sylvester(X, X, B) + X ** 3 + X ** k, (X, B, k)),
        "special matrices": (d.KroneckerProduct(d.commutation("m", "n") * d.Vec(A) + d.Vec(A.T),
                                                d.duplication("n") * d.elimination("n") * d.Vec(X)
                                                + d.symmetrizer("n") * d.Vec(X)), (A, X)),
        "parts": (d.sym(B) + d.tril(B) + d.triu(B) + d.phi(B) + d.diagonal(B) * d.column(B, 1).T
                  + d.column(B, d.dim("n")) * x.T, (B, x)),
        "factorizations": (d.chol(d.sym(X)) + d.eigh_vectors(d.sym(X)) + lam * x.T + d.gap(lam) + d.gap(lam, 2)
                           + d.svd_v(A) + d.svd_u(A).T * A + d.svd_s(A) * x.T + d.qr_r(A) + d.qr_q(A).T * A, (X, A, x)),
        "solves, pseudo-inverse, norms": (d.solve(X, B) + d.solve(X.T, x) * x.T + d.pinv(A) * A + d.pinv(A.T).T * A
                                          + (d.nuclear_norm(A) + d.spectral_norm(A)) * X, (X, B, A, x)),
        "block matrices": (d.block([[X, B], [B.T, X]]), (X, B)),
        "scalars and sampled constants": (t ** 2 * eps * X + d.Rational(1, 2) * d.Trace(X) * B, (t, X, B, eps)),
        "complex matrices": (d.real_part(d.Trace(d.conj_transpose(Z) * Z)) * d.eye("n") + d.conj(Z) * Z.T, (Z,)),
    }


CONSTRUCTS = _constructs()


def _construct_inputs(params) -> list:
    rng = np.random.default_rng(1)
    sizes = {"m": 5, "n": 3}
    values = []
    for p in params:
        if isinstance(p, ScalarConstant):
            values.append(p.values[0])
        elif isinstance(p, sp.Symbol):
            values.append(np.array(0.7))
        elif p.name == "X":   # symmetric positive definite, well conditioned, distinct eigenvalues
            Q = np.linalg.qr(rng.standard_normal((3, 3)))[0]
            values.append(Q @ np.diag([1.0, 1.5, 2.2]) @ Q.T + 0.05 * rng.standard_normal((3, 3)) * np.eye(3))
        else:
            shape = tuple(sizes[str(s)] if str(s) in sizes else int(s) for s in p.shape)
            value = rng.standard_normal(shape)
            values.append(value + 1j * rng.standard_normal(shape) if p.name == "Z" else value)
    return values


@pytest.mark.parametrize("construct", sorted(CONSTRUCTS))
@pytest.mark.parametrize("which", ["jax", "torch"])
def test_every_construct_computes_in_jax_and_torch_what_it_computes_in_numpy(construct, which, request):
    backend = request.getfixturevalue(f"{which}_backend")
    expr, params = CONSTRUCTS[construct]
    numpy_fn = compile_expr(expr, params, "f")
    namespace: dict[str, object] = {}
    exec(compile(function_source(expr, params, "f", which), f"<{construct}>", "exec"), namespace)
    args = _construct_inputs(params)
    check = check_equal(numpy_fn.fn, _wrapped(namespace["f"], params, *backend[1:], None), *args)
    assert check.verdict == "passed", (check.rel_error, check.tolerance, check.diagnosis, check.reason)


def test_every_identity_has_jax_and_torch_code():
    """Nothing of the catalog lacks an equivalent: every listing prints (a construct that had none would
    be refused, and its page would say so, see the test below)."""
    missing = {}
    for ident in IDENTITIES:
        for backend in ("jax", "torch"):
            try:
                text = code_listing(ident, backend)
            except CodeUnavailable as exc:
                missing[ident.id, backend] = str(exc)
                continue
            assert not re.search(r"\bnp\.|\bnumpy\b(?<!jax\.numpy)", text), (ident.id, backend)
    assert not missing, missing


# -- the comparison can fail -------------------------------------------------------------------------

#: Identities whose claims go through different constructs: inverses, softmax, eigenvectors (several
#: outputs), Kronecker products and the commutation matrix, the matrix exponential, complex matrices.
MUTATED = ["log-det", "softmax-attention", "eigh-backward", "commutation-kronecker-swap", "expm-frechet",
           "complex-trace-linear", "cholesky-backward"]


def _mutated_claims(ident):
    """For each claim, its first classic mistake (from the engine's mutation rules) that the NumPy code
    itself tells apart from the claim at the first draw: a mistake, not a rewriting that happens to be
    equal there (the transpose of a symmetric matrix)."""
    for claim in ident.claims:
        params = claim_parameters(ident, claim)
        right = house_function(ident, claim)
        for _, wrong in mutations(claim.expr):
            try:
                numpy_wrong = compile_expr(wrong, params, claim_name(claim))
            except Exception:   # a mutant that does not print or compose (a shape error): no mistake to run
                continue
            dr = draws_for(ident, 0)[0]
            try:
                check = check_equal(right.fn, numpy_wrong.fn, *_point(ident, dr, params))
            except Exception:
                continue
            if check.verdict == "failed":
                yield claim, wrong
                break


@pytest.mark.parametrize("identity_id", [i for i in MUTATED if i in {j.id for j in IDENTITIES}])
@pytest.mark.parametrize("which", ["jax", "torch"])
def test_a_mistake_printed_from_a_mutated_expression_fails_the_comparison(identity_id, which, request):
    """Each claim's first classic mistake, printed in JAX or PyTorch from the mutated expression, is
    caught by the comparison with the right NumPy code."""
    backend = request.getfixturevalue(f"{which}_backend")
    ident = identities.get(identity_id)
    mutated = list(_mutated_claims(ident))
    assert mutated, f"{identity_id} has no mutant to print"
    for claim, wrong in mutated:
        source = function_source(wrong, claim_parameters(ident, claim), claim_name(claim), which)
        failures = compare(ident, backend, source, [(house_function(ident, claim), claim_parameters(ident, claim))])
        assert failures, f"{identity_id}: the mutant {wrong} of {claim_name(claim)} passed in {which}"
        assert all("failed" in f for f in failures), failures


@pytest.mark.parametrize("which", ["jax", "torch"])
def test_a_wrong_printed_line_fails_the_comparison(which, request):
    """One character of one printed line changed, X⁻ᵀ computed as X⁻¹: the comparison fails."""
    backend = request.getfixturevalue(f"{which}_backend")
    ident = identities.get("log-det")
    right = code_listing(ident, which)
    wrong = right.replace("inv(X.T)", "inv(X)")
    assert wrong != right
    assert not compare(ident, backend, right)
    failures = compare(ident, backend, wrong)
    assert failures and all(f.startswith("grad_X") and "failed" in f for f in failures), failures


# -- a construct without an equivalent is refused, never printed wrong --------------------------------

class _NumPyOnly(sp.MatrixExpr):
    """A toy construct computed by a helper that exists in NumPy only."""

    def __new__(cls, arg):
        return super().__new__(cls, arg)

    @property
    def shape(self):
        return self.args[0].shape


numpy_helper("numpy_only_twice", "def numpy_only_twice(M):\n    return 2 * M\n")
print_rule(_NumPyOnly, latex=lambda p, e: r"\operatorname{twice}\left(%s\right)" % p._print(e.args[0]),
           unicode=lambda p, e: f"twice({p._print(e.args[0])})",
           numpy=lambda p, e: p.call("numpy_only_twice", e.args[0]))


def test_a_construct_a_backend_lacks_is_refused_naming_it():
    X = matrix("X", "n", "n")
    assert code(_NumPyOnly(X).T, "numpy") == ("numpy_only_twice(X).T", frozenset({"numpy_only_twice"}))
    for which, label in (("jax", "JAX"), ("torch", "PyTorch")):
        with pytest.raises(CodeUnavailable, match=f"numpy_only_twice has no faithful equivalent in {label}") as exc:
            code(_NumPyOnly(X).T, which)
        assert exc.value.backend == label and exc.value.construct == "numpy_only_twice"


def test_a_helper_registered_for_one_backend_is_used_there_only():
    code_helper("jax", "jax_only_thrice", "def jax_only_thrice(M):\n    return 3 * M\n")
    with pytest.raises(ValueError, match="already registered"):
        code_helper("jax", "jax_only_thrice", "def jax_only_thrice(M):\n    return M + M + M\n")
    with pytest.raises(ValueError, match="unknown backend"):
        code("x", "tensorflow")


def test_a_rule_that_writes_numpy_itself_is_refused_in_the_other_backends():
    class _Raw(sp.MatrixExpr):
        def __new__(cls, arg):
            return super().__new__(cls, arg)

        @property
        def shape(self):
            return self.args[0].shape

    print_rule(_Raw, latex=lambda p, e: "raw", unicode=lambda p, e: "raw",
               numpy=lambda p, e: f"np.fliplr({p._print(e.args[0])})")
    X = matrix("X", "n", "n")
    assert code(_Raw(X), "numpy")[0] == "np.fliplr(X)"
    with pytest.raises(CodeUnavailable, match="NumPy code"):
        code(_Raw(X), "jax")
