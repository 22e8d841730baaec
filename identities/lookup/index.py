"""The lookup index: what the search knows of each identity and handbook page, as one JSON document.

For each identity it holds one draw of its symbols (the engine's sampler at a fixed seed, so the
draw meets the identity's conditions), rounded to 9 digits, and the fingerprints of its function
and of every claim at that draw, computed by the engine's own compiled NumPy code.  A query is
evaluated at the same stored numbers, on the command line and in the browser alike.  It also holds
the words of each identity (id, title, aliases, Cookbook numbers) and of each guide page (title,
headings, terms in bold), for the word search.

The handbook ships it as ``_static/lookup-index.json`` (and ``lookup-index.js``, the same data for
pages opened from disk, where a browser refuses to fetch a file).  The command line builds it from the
catalog and keeps it in the cache folder, keyed by the content of the package and the docs sources.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import numpy as np
import sympy as sp

from ..engine.conditions import relaxed
from ..engine.forms import claim_function, claim_parameters, forms, function_of
from ..engine.printing import unicode
from ..engine.record import Identity
from ..engine.registry import all_identities
from ..engine.sampler import draw
from ..engine.verify import perturbation
from .fingerprint import fingerprint

__all__ = ["VERSION", "SEEDS", "build", "load", "dumps", "entry", "page_entries", "DOCS"]

VERSION = 2
#: The seeds tried for an identity's draw; the best by ``_cost`` is kept (a small index, no degenerate draw).
SEEDS = tuple(range(12))
DIGITS = 9
_PACKAGE = Path(__file__).resolve().parents[1]
DOCS = _PACKAGE.parent / "docs"
#: Guide pages whose words are indexed (the generated identity and family pages are indexed from the catalog).
_PAGES = ("conventions.md", "catalog.md", "mistakes.md", "index.md", "guide/*.md")


def _rounded(value) -> np.ndarray:
    a = np.asarray(value, dtype=float)
    a = a.reshape(1, 1) if a.ndim == 0 else (a.reshape(-1, 1) if a.ndim == 1 else a)
    return np.array([float(f"{x:.{DIGITS}g}") for x in a.reshape(-1)]).reshape(a.shape)


def _cost(ident: Identity, seed: int) -> tuple:
    """How a draw ranks: sampled constants of 0, ±1, ±2 last (k = 2 makes k·Xᵀ look like X + Xᵀ), then
    sizes of 2 (a 2×2 matrix meets identities no larger one does, such as X² = tr(X)X − det(X)I),
    then the fewest numbers."""
    dr = draw(ident, seed)
    small_constants = sum(1 for v in dr.values.values() if not isinstance(v, np.ndarray) and abs(v) <= 2)
    return (small_constants, min(dr.sizes.values(), default=3) < 3, sum(np.size(v) for v in dr.values.values()),
            seed)


def _summary(doc: str) -> str:
    """The first sentence of the module docstring, as plain text."""
    text = " ".join(doc.strip().split("\n\n")[0].split()) if doc else ""
    text = re.sub(r"``([^`]*)``", r"\1", text)
    m = re.match(r"(.+?[.!?])(\s|$)", text)
    return (m.group(1) if m else text)[:240]


def _structural(v) -> bool:
    return v.structure is not None or bool(set(v.conditions) - set(relaxed(v.conditions)))


#: The search's names of the operations an expression uses (for ranking ties: ``A⁺`` names the
#: pseudo-inverse, though it equals the inverse on a square matrix).
OPERATIONS = {"Inverse": "inv", "Transpose": "T", "Trace": "tr", "Determinant": "det", "log": "log",
              "KroneckerProduct": "kron", "HadamardProduct": "had", "MatPow": "pow", "PseudoInverse": "pinv",
              "Softmax": "softmax", "SoftmaxRows": "softmax", "DiagMatrix": "diag", "DiagonalOf": "diag",
              "NuclearNorm": "nuclear", "SpectralNorm": "norm2", "Vec": "vec", "exp": "exp", "tanh": "tanh"}


def operations(expr) -> list[str]:
    """The operations of :data:`OPERATIONS` that *expr* uses, sorted."""
    exprs = expr if isinstance(expr, tuple) else (expr,)
    return sorted({OPERATIONS[type(n).__name__] for e in exprs for n in sp.preorder_traversal(e)
                   if type(n).__name__ in OPERATIONS})


def _targets(ident: Identity, values: dict) -> tuple[list[dict], list[str]]:
    """Fingerprints of the function (each output) and of every claim, at the stored values; and what
    could not be evaluated there, with the reason (it is left out of the formula search, and said)."""
    out, skipped = [], []
    params = ident.parameters
    try:
        result = function_of(ident)(*[_argument(ident, p.name, values) for p in params])
        results = result if ident.several_outputs else (result,)
        for (name, expr), value in zip(ident.outputs, results):
            out.append({"kind": "function", "wrt": None, "of": name if ident.several_outputs else None,
                        "args": [p.name for p in params], "text": unicode(expr), "ops": operations(expr),
                        **fingerprint(_rounded(value))})
    except Exception as exc:  # noqa: BLE001 — any failure of the engine's code here is reported, not raised
        skipped.append(f"function: {type(exc).__name__}: {exc}")
    for claim in ident.claims:
        cparams = claim_parameters(ident, claim)
        names = [("d:" + claim.wrt.name) if claim.kind == "differential" and p is cparams[-1] else p.name
                 for p in cparams]
        try:
            value = claim_function(ident, claim)(*[_argument(ident, n, values) for n in names])
            text = forms(ident, claim)[0].unicode
        except Exception as exc:  # noqa: BLE001
            skipped.append(f"{claim.kind} in {getattr(claim.wrt, 'name', '-')}: {type(exc).__name__}: {exc}")
            continue
        out.append({"kind": claim.kind, "wrt": getattr(claim.wrt, "name", None), "of": claim.of,
                    "args": names, "text": text, "ops": operations(claim.expr), **fingerprint(_rounded(value))})
    return out, skipped


def _argument(ident: Identity, name: str, values: dict):
    """A stored value as the engine's compiled code takes it: a scalar parameter as a 0-d array, a
    sampled constant (the k of Xᵏ) as a Python number, anything else as the stored matrix."""
    value = values[name]
    var = None if name.startswith("d:") else ident.var(name)
    if var is not None and var.is_scalar:
        return value.reshape(())
    if var is not None and not var.is_matrix:
        number = float(value[0, 0])
        return int(number) if number.is_integer() else number
    return value


def entry(ident: Identity) -> dict:
    """What the index holds of one identity."""
    words = {"id": ident.id, "title": ident.title, "family": ident.family, "page": f"id/{ident.id}",
             "aliases": list(ident.aliases), "cookbook": list(ident.cookbook), "summary": _summary(ident.doc)}
    claims = [forms(ident, c)[0].unicode for c in ident.claims]
    words["statement"] = claims[0] if claims else unicode(ident.function) if not ident.several_outputs else ""
    if any(v.is_complex for v in ident.symbols):
        return {**words, "symbols": {}, "targets": [], "note": "complex symbols: found by words only"}
    seed = min(SEEDS, key=lambda s: _cost(ident, s))
    dr = draw(ident, seed)
    values = {name: _rounded(v) for name, v in dr.values.items()}
    rng = np.random.default_rng(seed)
    for claim in ident.claims:
        if claim.kind == "differential" and "d:" + claim.wrt.name not in values:
            values["d:" + claim.wrt.name] = _rounded(perturbation(ident, claim.wrt, dr, rng))
    symbols = {}
    for name, value in values.items():
        var = ident.var(name[2:] if name.startswith("d:") else name)
        symbols[name] = {"shape": list(value.shape), "values": value.reshape(-1).tolist(),
                         "role": "differential" if name.startswith("d:") else var.role,
                         "structural": _structural(var)}
    for dim, size in sorted(dr.sizes.items()):  # sizes used as numbers (√d, n/2)
        symbols["#" + dim] = {"shape": [1, 1], "values": [float(size)], "role": "dimension", "structural": False}
    targets, skipped = _targets(ident, values)
    return {**words, "seed": seed, "symbols": symbols, "targets": targets,
            **({"note": "not evaluated: " + "; ".join(skipped)} if skipped else {})}


def _page_words(path: Path, docs: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    title = next((m.group(1) for m in re.finditer(r"^# (.+)$", text, re.M)), path.stem)
    headings = [m.group(1) for m in re.finditer(r"^#{2,4} (.+)$", text, re.M)]
    bold = list(dict.fromkeys(m.group(1) for m in re.finditer(r"\*\*([^*\n]{2,60})\*\*", text)))
    blocks = ("#", "```", ":::", "|", "{")  # headings, code, directives, tables: not prose
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip() and not p.lstrip().startswith(blocks)]
    summary = _plain(paragraphs[0]) if paragraphs else ""
    return {"page": path.relative_to(docs).with_suffix("").as_posix(), "title": _plain(title),
            "terms": [_plain(t) for t in headings + bold], "summary": _summary(summary)}


def _plain(text: str) -> str:
    """Markdown and inline LaTeX as readable text (the search shows it as a snippet)."""
    text = re.sub(r"\{doc\}`([^`<]*?)(?:<[^>]*>)?`", r"\1", text)
    text = re.sub(r"\{[a-z:]+\}`([^`]*)`", r"\1", text)
    text = re.sub(r"\$([^$]*)\$", lambda m: _tex_words(m.group(1)), text)
    text = re.sub(r"[*`]", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(text.split())


_TEX = {r"\top": "ᵀ", r"\otimes": "⊗", r"\odot": "⊙", r"\circ": "∘", r"\nabla": "∇", r"\partial": "∂",
        r"\times": "×", r"\cdot": "·", r"\mathrm{d}": "d", r"\operatorname{tr}": "tr", r"\lambda": "λ",
        r"\bar": "", r"\big": "", r"\Big": "", r"\left": "", r"\right": "", r"\,": " ", r"\in": "∈",
        r"\mathbb{R}": "ℝ", r"\operatorname": "", r"\mathrm": "", r"\|": "‖"}


_SUPER = str.maketrans("0123456789-+T", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺ᵀ")
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _tex_words(tex: str) -> str:
    for k, v in _TEX.items():
        tex = tex.replace(k, v)
    tex = re.sub(r"\^\{?(-?[0-9T]+)\}?", lambda m: m.group(1).translate(_SUPER), tex)
    tex = re.sub(r"_\{?([0-9]+)\}?", lambda m: m.group(1).translate(_SUB), tex)
    tex = re.sub(r"\\([A-Za-z]+)", r"\1", tex)
    return tex.replace("{", "").replace("}", "").replace("^", "").replace("_", "")


def page_entries(docs: Path = DOCS) -> list[dict]:
    """The words of the handbook's written pages, when the docs sources are at hand."""
    return [_page_words(p, docs) for p in _page_files(docs)]


def build(idents=None, docs: Path = DOCS) -> dict:
    """The index of *idents* (the whole catalog by default) and of the docs pages."""
    idents = list(all_identities()) if idents is None else list(idents)
    return {"version": VERSION, "digits": DIGITS,
            "identities": [entry(i) for i in idents], "pages": page_entries(docs)}


def _page_files(docs: Path) -> list[Path]:
    return sorted({p for pattern in _PAGES for p in docs.glob(pattern)}) if docs.is_dir() else []


def _key(docs: Path) -> str:
    """A hash of what the index is made from: the package's code and catalog, and the pages it reads
    (not the pages a docs build generates, which come and go while it runs)."""
    h = hashlib.sha256(str(VERSION).encode())
    for path in sorted(_PACKAGE.rglob("*.py")) + _page_files(docs):
        h.update(path.as_posix().encode())
        h.update(path.read_bytes())
    h.update(np.__version__.encode())
    return h.hexdigest()[:20]


def _cache_folder() -> Path | None:
    """``.cache/lookup/`` beside the verification records in a checkout, ``lookup/`` inside the folder
    that ``IDENTITIES_CACHE`` names, None when the cache is off."""
    from ..engine.cache import ENV, folder
    where = folder()
    if where is None:
        return None
    return where / "lookup" if os.environ.get(ENV, "").strip() else where.parent / "lookup"


def load(docs: Path = DOCS) -> dict:
    """The index of the catalog, from the cache folder when it is there for this content, else built
    (and kept there)."""
    where = _cache_folder()
    path = where / f"index-{_key(docs)}.json" if where is not None else None
    if path is not None and path.is_file():
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            pass
    index = build(docs=docs)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")  # parallel workers each write their own, then rename
        tmp.write_text(dumps(index), encoding="utf-8")
        tmp.replace(path)
        for old in path.parent.glob("index-*.json"):  # indexes of earlier contents are never read again
            if old != path:
                old.unlink(missing_ok=True)
    return index


def dumps(index: dict) -> str:
    """The index as compact JSON text (UTF-8, no spaces)."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))

