"""Verification records on disk: computed once per content, never trusted when stale, corrupt or foreign."""

from __future__ import annotations

import dataclasses
import pickle
import shutil
from concurrent.futures import ProcessPoolExecutor

import pytest

import identities
from identities.define import Trace, add, cite, constant, gradient, identity, matrix, mul, variable
from identities.engine import cache
from identities.engine.mutants import mutation_report
from identities.engine.constructs.elementwise import ElementwiseDerivative
from identities.engine.nodes import Cotangent, Differential, Named, ScalarConstant, Vec
from identities.engine.verify import verify as verification_report


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A private cache folder, and counters of how often each report is really computed."""
    folder = tmp_path / "verification"
    monkeypatch.setenv(cache.ENV, str(folder))
    calls = {"verify": 0, "mutants": 0}

    def counted(part, compute):
        def run(ident, seed=0):
            calls[part] += 1
            return compute(ident, seed)
        return run

    monkeypatch.setattr(cache, "verification_report", counted("verify", verification_report))
    monkeypatch.setattr(cache, "mutation_report", counted("mutants", mutation_report))
    return folder, calls


def toy(tmp_path, wrong: bool = False):
    """A catalog-like identity with a module file of its own (the source only enters the key)."""
    A, X = matrix("A", "n", "n"), matrix("X", "n", "k")
    grad = mul(2, A, X) if wrong else mul(add(A, A.T), X)
    ident = identity(id="toy", title="Toy", symbols=[variable(X, "x"), constant(A, "a")],
                     function=Trace(mul(X.T, A, X)), claims=[gradient(X, grad)], sources=(cite("giles2008extended"),))
    module = tmp_path / "toy.py"
    if not module.exists():
        module.write_text("IDENTITY = ...  # the toy's source\n")
    return dataclasses.replace(ident, path=str(module))


def test_every_node_of_the_handbook_survives_pickling():
    from identities.define import DiagMatrix, Ones, RowSums, SoftmaxRows, bar, d, dim, named, vector
    X, x = matrix("X", "n", "k"), vector("x", "n")
    from identities.define import (ColSums, commutation, derivative_of, duplication, expm, expm_frechet, integer,
                                   number, power, sqrtm, sylvester, tanh_)
    M, k = matrix("M", "n", "n"), integer("k", values=(2, 3))
    nodes = [Vec(X, "C"), d(X), bar("Y", "n", "k"), named(bar("P", "n", "k"), mul(X, matrix("B", "k", "k"))),
             named("S", X), Ones(1, dim("n")), RowSums(X), SoftmaxRows(X), DiagMatrix(x), ColSums(X), tanh_(X),
             derivative_of(tanh_)(X), power(X, 2), derivative_of(power)(X, k), expm(M), expm_frechet(M, M.T),
             sqrtm(M), sylvester(M, M, M), M ** k, number("epsilon", (1e-5,)) * M, commutation("n", "k"),
             duplication("n")]
    for node in nodes:
        again = pickle.loads(pickle.dumps(node))
        assert again == node and type(again) is type(node) and again.shape == node.shape


@pytest.mark.parametrize("identity_id, node", [
    ("softmax-attention", Cotangent), ("softmax-attention", Named), ("inverse-differential", Differential),
    ("trace-matrix-power", ScalarConstant), ("tanh-layer", ElementwiseDerivative),
])
def test_reports_survive_pickling(identity_id, node):
    record = cache.record(identities.get(identity_id))
    for report in (record.verification, record.mutation):
        again = pickle.loads(pickle.dumps(report))
        assert again == report and str(again) == str(report)
    mutated = pickle.loads(pickle.dumps(record.mutation))
    assert any(m.claim.expr.atoms(node) for m in mutated.mutants), f"no {node.__name__} went through pickle"


def test_a_record_is_computed_once_then_read(store):
    folder, calls = store
    ident = identities.get("trace-quadratic")
    first = cache.record(ident)
    assert calls == {"verify": 1, "mutants": 1} and first.ok
    again = cache.record(ident)
    assert calls == {"verify": 1, "mutants": 1}, "the second caller computed the record again"
    assert again == first
    assert sorted(p.name for p in folder.glob("*.pickle")) == ["trace-quadratic.seed0.mutants.pickle",
                                                              "trace-quadratic.seed0.verify.pickle"]
    identities.verify(ident, seed=1)  # another seed is another entry
    assert calls["verify"] == 2 and (folder / "trace-quadratic.seed1.verify.pickle").is_file()


def test_a_failure_is_kept_and_served_as_a_failure(store, tmp_path):
    _, calls = store
    wrong = toy(tmp_path, wrong=True)
    assert not cache.verify(wrong).ok
    report = cache.verify(wrong)
    assert calls["verify"] == 1 and not report.ok
    assert any("missing symmetric part" in row.detail for row in report.failures)


def test_editing_the_module_or_the_identity_changes_the_key(tmp_path):
    right = toy(tmp_path)
    before = cache.key(right, 0, "verify")
    assert cache.key(toy(tmp_path), 0, "verify") == before, "the key is not a function of the content"
    assert cache.key(toy(tmp_path, wrong=True), 0, "verify") != before  # same file, another formula
    assert cache.key(right, 1, "verify") != before and cache.key(right, 0, "mutants") != before
    (tmp_path / "toy.py").write_text("IDENTITY = ...  # edited\n")
    assert cache.key(right, 0, "verify") != before


def test_editing_any_engine_file_changes_the_key(tmp_path, monkeypatch):
    ident = identities.get("trace-quadratic")
    engine, package = tmp_path / "identities" / "engine", tmp_path / "identities"
    shutil.copytree(cache._ENGINE, engine, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(cache._PACKAGE / "define.py", package / "define.py")
    monkeypatch.setattr(cache, "_ENGINE", engine)
    monkeypatch.setattr(cache, "_PACKAGE", package)
    cache._engine.cache_clear()
    try:
        before = cache.key(ident, 0, "verify")
        for changed in (engine / "sampler.py", engine / "checks" / "judge.py", engine / "constructs" / "numerics.py",
                        package / "define.py"):
            changed.write_text(changed.read_text() + "\n# edited\n")
            cache._engine.cache_clear()
            after = cache.key(ident, 0, "verify")
            assert after != before, f"editing {changed.name} left the key unchanged"
            before = after
    finally:
        cache._engine.cache_clear()


def test_corrupt_and_foreign_entries_are_recomputed_not_trusted(store):
    folder, calls = store
    quadratic, linear = identities.get("trace-quadratic"), identities.get("trace-linear")
    cache.verify(quadratic)
    entry = folder / "trace-quadratic.seed0.verify.pickle"
    entry.write_bytes(entry.read_bytes()[:40])  # truncated
    assert cache.verify(quadratic).id == "trace-quadratic" and calls["verify"] == 2
    assert cache.verify(quadratic) and calls["verify"] == 2, "the rewritten entry was not readable"
    shutil.copy(entry, folder / "trace-linear.seed0.verify.pickle")  # another identity's entry
    assert cache.verify(linear).id == "trace-linear" and calls["verify"] == 3
    entry.write_bytes(pickle.dumps({"key": cache.key(quadratic, 0, "verify"), "report": "not a report"}))
    assert cache.verify(quadratic).id == "trace-quadratic" and calls["verify"] == 4


def test_identities_built_outside_the_catalog_and_a_cache_turned_off_are_always_computed(store, tmp_path,
                                                                                        monkeypatch):
    folder, calls = store
    unfiled = dataclasses.replace(toy(tmp_path), path="")
    cache.verify(unfiled), cache.verify(unfiled)
    assert calls["verify"] == 2 and not folder.exists()
    monkeypatch.setenv(cache.ENV, "off")
    assert cache.folder() is None
    ident = identities.get("trace-quadratic")
    cache.verify(ident), cache.verify(ident)
    assert calls["verify"] == 4 and not folder.exists()


def _mutants_in_a_worker(identity_id: str):
    return identities.mutants(identities.get(identity_id))


def test_parallel_processes_share_one_entry_and_leave_no_temporary_file(store):
    folder, _ = store
    with ProcessPoolExecutor(2) as pool:
        first, second = pool.map(_mutants_in_a_worker, ["softmax-attention"] * 2)
    assert first == second
    assert [p.name for p in folder.iterdir() if not p.name.endswith(".lock")] == [
        "softmax-attention.seed0.mutants.pickle"]
    assert cache.mutants(identities.get("softmax-attention")) == first


def test_claims_read_back_from_the_cache_are_found_by_their_key():
    """SymPy's == can differ for an unevaluated product rebuilt by pickling; pages match claims by key."""
    import pickle
    ident = identities.get("matrix-determinant-lemma")
    for claim in ident.claims:
        assert pickle.loads(pickle.dumps(claim)).key == claim.key
    assert len({c.key for c in ident.claims}) == len(ident.claims)
