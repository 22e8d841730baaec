"""Formula and word lookup: the same answers from ``python -m identities find`` and the handbook's page.

The query table below is the measure: each query with the page a reader typing it wants.  The
command line (identities/lookup) and the search page (docs/_static/lookup/, run under Node.js)
must both reach hits@1 ≥ 90 % and hits@3 = 100 %, with the same results in the same order.  The
table names identities by id; a query whose expected page is not in the catalog is left out, so
the table holds as the catalog grows.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

import identities
from identities.__main__ import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from identities.lookup import ParseError, find, load, parse
from identities.lookup.evaluator import EvalError, evaluate
from identities.lookup.fingerprint import fingerprint, weight

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "docs" / "_static"


def _scripts() -> list[Path]:
    """The search page's lookup scripts in load order, as the handbook extension lists them."""
    tree = ast.parse((ROOT / "docs" / "_ext" / "handbook" / "lookup.py").read_text(encoding="utf-8"))
    names = next(ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
                 and any(getattr(t, "id", None) == "SCRIPTS" for t in node.targets))
    return [STATIC / name for name in names if name.startswith("lookup/")]


NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="Node.js is not installed (`apt-get install nodejs`): the "
                                                     "search page's JavaScript cannot be run to compare it")

#: (query, the page it should find: an identity id or a docs page, or a tuple of equally right ones)
QUERIES = [
    # words: ids, aliases, titles
    ("log det", "log-det"), ("logdet", "log-det"), ("log determinant", "log-det"),
    ("gradient of log determinant", "log-det"), ("jacobi formula", "log-det"),
    ("softmax jacobian", "softmax-jacobian"), ("inverse", "inverse-differential"), ("woodbury", "woodbury"),
    ("sherman morrison", "sherman-morrison"), ("linear layer", "linear-layer"), ("vec trick", "vec-kronecker"),
    ("batch norm", "batch-norm"), ("layer norm", "layer-norm"), ("cholesky backward", "cholesky-backward"),
    ("svd backward", "svd-backward"), ("nuclear norm", "nuclear-norm"), ("spectral norm", "spectral-norm"),
    ("matrix determinant lemma", "matrix-determinant-lemma"), ("chain rule", "rule-chain"),
    ("product rule", "rule-product"), ("cyclic property of the trace", "rule-trace-cyclic"),
    ("commutation matrix", "commutation-transpose"), ("logistic regression", "logistic-regression"),
    ("gaussian process", "gp-log-marginal-likelihood"), ("matrix exponential", "expm-frechet"),
    ("attention", ("softmax-attention", "attention-scores")),
    # words: Matrix Cookbook equation numbers
    ("Cookbook 57", "log-det"), ("eq. 108", "trace-quadratic"), ("Cookbook 40", "inverse-differential"),
    ("(160)", "sherman-morrison"), ("equation 157", "woodbury"), ("Cookbook 520", "vec-kronecker"),
    # words: conventions and guide pages
    ("numerator layout", "conventions"), ("denominator layout", "conventions"),
    ("Hessian-vector products", ("guide/second-order", "guide/newton")), ("gauge freedom", "guide/constructs"),
    # formulas: other names, rewrites, spellings
    ("tr(X^T A X)", "trace-quadratic"), ("tr(Yᵀ B Y)", "trace-quadratic"), ("tr(A X Xᵀ)", "trace-quadratic"),
    (r"\operatorname{tr}(X^\top A X)", "trace-quadratic"), ("np.trace(X.T @ A @ X)", "trace-quadratic"),
    ("tr(XᵀAX)", "trace-quadratic"), ("(A + A^T) X", "trace-quadratic"),
    ("X^{-T}", "log-det"), ("X⁻ᵀ", "log-det"), ("inv(X)'", "log-det"), ("np.linalg.inv(X).T", "log-det"),
    ("log det X", "log-det"), ("log|det X|", "log-det"), (r"\log\det X", "log-det"),
    (r"\nabla_X \log\det X", "log-det"), (r"\frac{\partial}{\partial X} \log\det X", "log-det"),
    ("∂/∂X log det X", "log-det"), ("d(X^-1)", "inverse-differential"), ("X^-1", "inverse-differential"),
    ("-X^{-1} dX X^{-1}", "inverse-differential"), (r"-X^{-1}\,\mathrm{d}X\,X^{-1}", "inverse-differential"),
    ("‖AX − B‖²_F", "least-squares"), (r"\|AX-B\|_F^2", "least-squares"), ("2A^T(AX - B)", "least-squares"),
    ("½‖AX − B‖²_F", "least-squares-hessian"), ("I ⊗ A^T A", "least-squares-hessian"),
    ("x^T A x", "quadratic-form"), ("∇_x xᵀAx", "quadratic-form"), ("(A + A^T)x", "quadratic-form"),
    ("B^T ⊗ A", "vec-kronecker"), (r"B^\top \otimes A", "vec-kronecker"), ("A dX B", "vec-kronecker"),
    ("tr(AXB)", "trace-AXB"), ("A^T B^T", "trace-AXB"), ("tr(X^k)", "trace-matrix-power"),
    ("(A + uv^T)^{-1}", "sherman-morrison"), ("(A + UCV)^{-1}", "woodbury"),
    ("det(A + UV^T)", "matrix-determinant-lemma"), ("softmax(x)", "softmax-jacobian"),
    ("log(softmax(z))", "log-softmax"), (r"QK^\top/\sqrt{d}", "attention-scores"), ("‖X‖_*", "nuclear-norm"),
    ("‖X‖_2", "spectral-norm"), ("tr(X^T X)", "frobenius-norm-squared"), ("‖X‖_F^2", "frobenius-norm-squared"),
    ("-log det X + tr(SX)", "log-det-trace"), ("S^T - X^{-T}", "log-det-trace"), ("X Xᵀ", "gram-matrix-jacobian"),
    ("d(XX^T)", "gram-matrix-jacobian"), ("dX X^T + X dX^T", "gram-matrix-jacobian"), ("(dX)^T", "rule-transpose"),
    ("X^T", ("commutation-transpose", "rule-transpose")), ("pinv(A)", "pinv-differential"),
    ("A^+", "pinv-differential"), ("C^T(Cx - y)", "least-squares-vector"),
    ("X^T(σ(Xw) - y)", "logistic-regression"), ("3 tr(AX) - 2 tr(BX)", "rule-linearity"),
    ("tr(C^T X) + tr(DX)", "rule-frobenius-identification"), ("A X X B", "rule-product"),
    ("A dX X B + A X dX B", "rule-product"), ("tr(BA dX)", "rule-trace-cyclic"),
    ("(A ⊗ B)(C ⊗ D)", "kronecker-mixed-product"), ("AC ⊗ BD", "kronecker-mixed-product"),
    ("Z̄ Xᵀ", "linear-layer"), ("W X", "linear-layer"), ("S̄ K/√d", "attention-scores"),
    ("vec(AXB)", "vec-kronecker"), ("(B^T ⊗ A) vec(X)", "vec-kronecker"),
    # formulas: whole identities, both sides
    ("∇_X log det X = X^{-T}", "log-det"), ("d(X^{-1}) = -X^{-1} dX X^{-1}", "inverse-differential"),
    ("vec(AXB) = (B^T ⊗ A) vec(X)", "vec-kronecker"),
]

#: Spellings of one formula: each group must give one tree.
SPELLINGS = [
    ["tr(X^T A X)", "tr(XᵀAX)", r"\operatorname{tr}(X^\top A X)", "np.trace(X.T @ A @ X)", "trace(X' A X)",
     r"\mathrm{tr}\left(X^{\mathsf{T}} A X\right)", "Tr(X^{T}AX)"],
    ["X^{-T}", "X⁻ᵀ", "inv(X)'", "np.linalg.inv(X).T", "X^-T", r"X^{-\top}", "(X^{-1})^T", "(X⁻¹)ᵀ"],
    ["log det X", r"\log\det X", "log(det(X))", "ln det X", "logdet(X)", r"\log \det(X)"],
    ["‖AX − B‖²_F", r"\|AX-B\|_F^2", "‖A X - B‖_F^2", r"\left\| AX - B \right\|_F^2", r"\lVert AX-B\rVert_F^2"],
    ["A ⊗ B", r"A \otimes B", "kron(A, B)", "np.kron(A, B)"],
    ["X ∘ Y", "X ⊙ Y", r"X \circ Y", r"X \odot Y", "X .* Y", "np.multiply(X, Y)"],
    ["X^+", "X⁺", "pinv(X)", r"X^\dagger", "np.linalg.pinv(X)"],
]
#: Derivative spellings: the same expression, the same derivative.
DERIVATIVES = [
    (["d(X^-1)", r"\mathrm{d}(X^{-1})", "d X^{-1}"], {"op": "d", "wrt": None}),
    (["∇_X log det X", r"\nabla_X \log\det X", "∂/∂X log det X", r"\frac{\partial}{\partial X}\log\det X",
      "d/dX log det X", r"\partial/\partial X \log\det X", "∇ₓ log det x"], {"op": "grad", "wrt": None}),
]
#: Formulas that cannot be read, and the column a reader is sent to.
ERRORS = [("tr(X^T A X", 11), ("tr(X))", 6), (r"\foo X", 1), ("X # Y", 3), ("X^", 3), ("‖X", 3),
          ("np.frobnicate(X)", 1), ("__import__('os').system('ls')", 1), ("tr()", 4)]


def _present(expected) -> tuple[str, ...]:
    return (expected,) if isinstance(expected, str) else tuple(expected)


@pytest.fixture(scope="module")
def index() -> dict:
    return load()


@pytest.fixture(scope="module")
def table(index):
    """The queries whose expected pages exist (an identity of the catalog, or a docs page)."""
    pages = {e["id"] for e in index["identities"]} | {p["page"] for p in index["pages"]}
    kept = [(q, _present(e)) for q, e in QUERIES if set(_present(e)) & pages]
    assert len(kept) >= 60, "the query table must keep at least 60 queries"
    return kept


def _hits(table, ranked) -> tuple[float, float, list]:
    first = [names[:1] and names[0] in expected for (_, expected), names in zip(table, ranked)]
    three = [bool(set(names[:3]) & set(expected)) for (_, expected), names in zip(table, ranked)]
    misses = [(q, expected, names[:3]) for (q, expected), names, ok in zip(table, ranked, three) if not ok]
    return sum(first) / len(table), sum(three) / len(table), misses


def _cli_ranking(table, index):
    return [[r.name for r in find(q, index)] for q, _ in table]


#: Loads the lookup's scripts into Node.js as the page loads them: Lookup is then a global.
_PRELUDE = "for (const f of JSON.parse(process.argv[1])) require(f);\nconst Lookup = globalThis.Lookup;\n"


def _node(script: str, payload) -> object:
    run = subprocess.run([NODE, "-e", _PRELUDE + script, json.dumps([str(p) for p in _scripts()])],
                         input=json.dumps(payload, ensure_ascii=False), capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


_PAGE_SEARCH = """
const { index, queries } = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = queries.map((q) => {
  try { return Lookup.find(q, index).map((r) => [r.id || r.page, r.score, r.why]); }
  catch (e) { if (e instanceof Lookup.ParseError) return { error: e.message }; throw e; }
});
process.stdout.write(JSON.stringify(out));
"""


def _report(capsys, where: str, h1: float, h3: float, n: int) -> None:
    with capsys.disabled():
        print(f"\nlookup ({where}): hits@1 {h1:.1%}, hits@3 {h3:.1%} over {n} queries")


def test_command_line_finds_the_query_table(table, index, capsys):
    h1, h3, misses = _hits(table, _cli_ranking(table, index))
    _report(capsys, "python -m identities find", h1, h3, len(table))
    assert not misses, f"not in the first three: {misses}"
    assert h1 >= 0.9


@needs_node
def test_search_page_finds_the_query_table_with_the_same_answers(table, index, capsys):
    page = _node(_PAGE_SEARCH, {"index": index, "queries": [q for q, _ in table]})
    cli = [[[r.name, r.score, r.why] for r in find(q, index)] for q, _ in table]
    different = [(q, c[:3], p[:3]) for (q, _), c, p in zip(table, cli, page)
                 if [(n, w) for n, _, w in c] != [(n, w) for n, _, w in p]
                 or not np.allclose([s for _, s, _ in c], [s for _, s, _ in p])]
    assert not different, f"the page and the command line differ: {different}"
    h1, h3, misses = _hits(table, [[n for n, _, _ in p] for p in page])
    _report(capsys, "search page", h1, h3, len(table))
    assert not misses and h1 >= 0.9


@pytest.mark.parametrize("group", SPELLINGS, ids=lambda g: g[0])
def test_spellings_of_one_formula_give_one_tree(group):
    trees = {json.dumps(parse(text).expr) for text in group}
    assert len(trees) == 1, {text: parse(text).expr for text in group}


@pytest.mark.parametrize("group, derivative", DERIVATIVES, ids=lambda g: g[0] if isinstance(g, list) else "")
def test_derivative_spellings_are_read_apart_from_the_expression(group, derivative):
    for text in group:
        query = parse(text)
        assert query.derivative["op"] == derivative["op"], text
        assert query.derivative["wrt"] in (None, "X", "x") and query.expr[0] in ("inv", "log"), text


@pytest.mark.parametrize("text, column", ERRORS)
def test_an_unreadable_formula_names_its_column(text, column):
    with pytest.raises(ParseError) as caught:
        parse(text)
    assert caught.value.column == column, str(caught.value)


@needs_node
def test_the_page_reads_every_spelling_into_the_same_tree_and_errors_at_the_same_column():
    texts = [t for group in SPELLINGS for t in group] + [t for group, _ in DERIVATIVES for t in group] + \
            [q for q, _ in QUERIES] + [t for t, _ in ERRORS]
    script = """
const texts = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(texts.map((t) => {
  if (!Lookup.looksLikeFormula(t)) return "words";
  try { const q = Lookup.parse(t); return [q.expr, q.derivative, q.rhs, q.symbols]; }
  catch (e) { if (e instanceof Lookup.ParseError) return e.column; throw e; }
})));
"""
    from identities.lookup.parser import looks_like_formula

    def python(text):
        if not looks_like_formula(text):
            return "words"
        try:
            q = parse(text)
            return [q.expr, q.derivative, q.rhs, q.symbols]
        except ParseError as exc:
            return exc.column
    page = _node(script, texts)
    assert json.loads(json.dumps([python(t) for t in texts])) == page


#: Expressions whose values both evaluators compute at the same random inputs.
EXPRESSIONS = ["tr(X^T A X)", "X^{-T}", "log|det X|", "‖AX − B‖²_F", "A ⊗ B", "X ∘ Y", "X^+", "diag(x)", "diag(X)",
               "vec(X)", "softmax(x)", "softmax(X)", "σ(X)", "tanh(X) - exp(X)/2", "‖X‖_2", "‖X‖_*", "X^3",
               "X^{-2}", "(I + X)^{-1}", "sqrt(x^T x)", "x^T A x / 4", "np.linalg.norm(X, 'nuc')", "2 * X",
               "np.multiply(X, Y) @ A", "I ⊗ X"]


@needs_node
def test_the_page_and_the_command_line_compute_the_same_numbers():
    rng = np.random.default_rng(0)
    env = {"X": rng.standard_normal((4, 4)) + 4 * np.eye(4), "Y": rng.standard_normal((4, 4)),
           "A": rng.standard_normal((4, 4)), "B": rng.standard_normal((4, 4)), "x": rng.standard_normal((4, 1))}
    env["X"] = np.abs(env["X"]) * 0.1 + np.eye(4)  # positive entries, invertible: every expression has a value
    script = """
const { env, texts } = JSON.parse(require("fs").readFileSync(0, "utf8"));
const values = {};
for (const [k, v] of Object.entries(env)) values[k] = Lookup.M(v.length, v[0].length, Float64Array.from(v.flat()));
process.stdout.write(JSON.stringify(texts.map((t) => {
  const v = Lookup.evaluate(Lookup.parse(t).expr, values, 4);
  return { shape: [v.r, v.c], values: Array.from(v.d), fingerprint: Lookup.fingerprint(v) };
})));
"""
    page = _node(script, {"env": {k: v.tolist() for k, v in env.items()}, "texts": EXPRESSIONS})
    for text, theirs in zip(EXPRESSIONS, page):
        ours = evaluate(parse(text).expr, env, 4)
        assert list(ours.shape) == theirs["shape"], text
        np.testing.assert_allclose(np.array(theirs["values"]).reshape(ours.shape), ours, rtol=1e-10, atol=1e-12,
                                   err_msg=text)
        print_ = fingerprint(ours)
        np.testing.assert_allclose(theirs["fingerprint"]["proj"], print_["proj"], rtol=1e-10, atol=1e-12)


@needs_node
def test_the_fingerprint_weights_are_the_same_bits_in_both_languages():
    pairs = [(i, j) for i in (0, 1, 2, 63, 1000, 2400) for j in range(3)]
    script = """
const pairs = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(pairs.map(([i, j]) => Lookup.weight(i, j))));
"""
    assert _node(script, pairs) == [weight(i, j) for i, j in pairs]


def test_shapes_that_do_not_fit_have_no_value():
    with pytest.raises(EvalError):
        evaluate(parse("A X").expr, {"A": np.ones((2, 3)), "X": np.ones((2, 3))})
    with pytest.raises(EvalError):
        evaluate(parse("tr(X)").expr, {"X": np.ones((2, 3))})


def test_names_and_rewrites_do_not_matter(index):
    if "trace-quadratic" not in {e["id"] for e in index["identities"]}:
        pytest.skip("the catalog has no trace-quadratic identity")
    # tr(XᵀAX), tr(BXXᵀ) and tr(XXᵀB) are one function (the Cookbook numbers them (108)–(110)):
    # whichever comes first is right, and the quadratic trace form is among the first three
    same = {"trace-quadratic", "trace-BXXt", "trace-XXtB"}
    for text in ("tr(X^T A X)", "tr(Yᵀ B Y)", "tr(A X Xᵀ)", "tr(X X^T A^T)"):
        found = [r.id for r in find(text, index)]
        assert found[0] in same and "trace-quadratic" in found[:3], (text, found[:3])


def test_a_query_that_is_a_constant_matches_nothing(index):
    """softmax of a number is 1; a query must depend on what it is given."""
    assert find("softmax(x)^0", index) == []


def test_every_identity_of_the_catalog_is_in_the_index(index):
    entries = {e["id"]: e for e in index["identities"]}
    assert set(entries) == {i.id for i in identities.all_identities()}
    for ident in identities.all_identities():
        entry = entries[ident.id]
        if any(v.is_complex for v in ident.symbols):
            assert entry["targets"] == [] and "words only" in entry["note"]
            continue
        assert entry["targets"] and "note" not in entry, f"{ident.id}: {entry.get('note', 'no fingerprint at all')}"
        for text in [entry["summary"], entry["statement"], *(t["text"] for t in entry["targets"])]:
            assert "\\" not in text and "$" not in text, f"{ident.id}: not plain text: {text}"
        assert {t["kind"] for t in entry["targets"]} >= {"function"} | {c.kind for c in ident.claims} - {"equal"} \
            or ident.several_outputs, ident.id


def test_nothing_typed_is_executed():
    sources = [p.read_text(encoding="utf-8") for p in (ROOT / "identities" / "lookup").glob("*.py")]
    sources += [p.read_text(encoding="utf-8") for p in [*_scripts(), STATIC / "lookup-page.js"]]
    for text in sources:
        assert not re.search(r"\beval\(|\bexec\(|new Function|\bFunction\(|__import__", text.replace(
            "__import__('os')", ""))
    with pytest.raises(ParseError):
        find("__import__('os').system('touch /tmp/lookup-ran')")


def test_find_prints_one_result_per_line_starting_with_the_id(capsys):
    assert main(["find", "log|det X|"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[0] == "log-det"
    assert len({line.split()[0] for line in lines}) == len(lines), "one line per page"


def test_find_json_lists_results_best_first(capsys):
    assert main(["find", "--json", "Cookbook 57"]) == EXIT_OK
    results = json.loads(capsys.readouterr().out)
    assert results[0]["id"] == "log-det" and results[0]["kind"] == "words"
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)


def test_find_refuses_an_unreadable_formula_in_one_line_with_exit_2(capsys):
    assert main(["find", "tr(X^T A X"]) == EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and "column 11" in captured.err


def test_find_says_when_nothing_matches(capsys):
    assert main(["find", "zzzzqx wwwvq"]) == EXIT_FAILED
    assert "nothing matches" in capsys.readouterr().err


def test_word_search_lists_a_page_once_and_reads_without_latex(index):
    results = find("log determinant", index)
    assert len({r.page for r in results}) == len(results)
    for r in find("numerator layout", index) + find("vec", index):
        assert "\\" not in r.why and "$" not in r.why, r.why
    for page in index["pages"]:
        for text in [page["title"], page["summary"], *page["terms"]]:
            assert "\\" not in text and "$" not in text, f"{page['page']}: not plain text: {text}"


def test_the_built_handbook_ships_the_index_and_the_search_page_script(site_html):
    shipped = json.loads((site_html / "_static" / "lookup-index.json").read_text(encoding="utf-8"))
    assert {e["id"] for e in shipped["identities"]} == {i.id for i in identities.all_identities()}
    script = (site_html / "_static" / "lookup-index.js").read_text(encoding="utf-8")
    assert script.startswith("LookupIndex.set(")
    search = (site_html / "search.html").read_text(encoding="utf-8")
    assert "lookup/find.js" in search and "lookup-page.js" in search
