"""Permanent ids: every published id keeps resolving, and keeps meaning what it meant when published.

Three committed files record the promise, each one line per entry so that branches adding
identities merge without conflicts:

``published_ids.txt``
    every id ever published, in order of publication; an id is never removed (a renamed or merged
    identity keeps its old id among its ``aliases``, so the old id still resolves).
``fingerprints.txt``
    ``<id> <version> <fingerprint>``: the fingerprint of each published id's statement and the
    version that first published it. Lines are appended by ``python -m identities ids --update``
    and never changed afterwards: the command refuses to.
``changelog.toml``
    every change to a published identity, written by hand: a corrected statement (``erratum``), a
    statement restated without changing what holds (``restatement``), a renamed or merged identity
    (``renamed``, ``merged``); each says what changed, why, and in which version. A statement
    change records the fingerprint before (``from``) and after (``to``); so does a merge whose
    old id now resolves to a different statement.

A published id's statement today must equal its published fingerprint carried through its
changelog entries in order: editing a statement without an entry fails ``python -m identities ids``
and the test that runs it, and the failure prints the entry to fill in.

The fingerprint
---------------
The *statement* of an identity is what a citation of it promises: the function (each output, by
name), every claim (its kind, variable, vec order, convention, output and expression) and every
symbol with its shape, role, conditions, structure and whether it is complex. The title, prose,
derivation, sources, aliases and code are not part of it: they may be improved freely.

The statement is written out in a canonical text — each expression as SymPy's ``srepr`` — and the
fingerprint is the first 96 bits of its SHA-256, prefixed with the version of this text
(``fp1:``). ``srepr`` is stable across runs and machines: it names each node's class and prints
its arguments in their stored order, and SymPy orders the arguments of commutative sums and
products by a structural sort key (class and name), never by memory address or by Python's
per-process string hashing; numbers print exactly (integers and rationals as ``Integer(2)``,
``Rational(1, 2)``). Symbols are listed sorted by name, conditions sorted, claims sorted by their
key, so declaring the same statement in another order keeps its fingerprint. The one per-process
value ``srepr`` could show — the index of a SymPy ``Dummy`` — is replaced by its order of first
appearance. A SymPy release that changed ``srepr`` itself would change every fingerprint at once;
the check says so in that case rather than blaming each identity, and the fix is a new form
(``fp2:``), never an edit of the recorded lines.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import sympy as sp

from .edition import edition
from .engine.registry import BrokenModule, UnknownIdentity, all_identities, get

__all__ = ["PUBLISHED", "FINGERPRINTS", "CHANGELOG", "FORM", "KINDS", "STATEMENT_KINDS", "Change", "Fingerprint",
           "statement", "fingerprint", "published", "fingerprints", "changes", "problems", "update",
           "version_key"]

HERE = Path(__file__).resolve().parent
PUBLISHED = HERE / "published_ids.txt"
FINGERPRINTS = HERE / "fingerprints.txt"
CHANGELOG = HERE / "changelog.toml"
#: The version of the canonical text a fingerprint hashes.
FORM = "fp1"
FINGERPRINT_PATTERN = re.compile(rf"{FORM}:[0-9a-f]{{24}}")
VERSION_PATTERN = re.compile(r"\d+(\.\d+)*")
#: Kinds of changelog entry, and what each means.
KINDS = {
    "erratum": "the published statement was wrong and is corrected",
    "restatement": "the statement is written differently; what holds is unchanged (or only widened)",
    "renamed": "the identity has a new id; the old one is one of its aliases",
    "merged": "the identity is now part of another; the old id is one of its aliases (with 'from' and 'to' when "
              "the statement it resolves to differs)",
}
#: Kinds that change a statement: they record the fingerprint before and after.
STATEMENT_KINDS = ("erratum", "restatement")
#: Kinds that move an id: they name the id it resolves to now.
MOVE_KINDS = ("renamed", "merged")
UPDATE = "python -m identities ids --update"


# -- the fingerprint --------------------------------------------------------------------------------

def _srepr(expr, dummies: dict) -> str:
    expr = sp.sympify(expr)
    found = [d for d in sp.preorder_traversal(expr) if isinstance(d, sp.Dummy)]
    for d in found:
        dummies.setdefault(d, sp.Symbol(f"_dummy{len(dummies)}"))
    return sp.srepr(expr.xreplace(dummies) if found else expr)


def statement(ident) -> str:
    """The canonical text of an identity's statement (what its fingerprint hashes), one line per part."""
    dummies: dict = {}
    lines = []
    for v in sorted(ident.symbols, key=lambda v: v.name):
        shape = "scalar" if v.is_scalar else " x ".join(_srepr(s, dummies) for s in v.shape)
        lines.append(f"symbol {v.name} [{shape}] role={v.role} conditions={','.join(sorted(v.conditions))} "
                     f"structure={v.structure} complex={v.is_complex} of={v.of}")
    for name, expr in ident.outputs:
        lines.append(f"output {name} = {_srepr(expr, dummies)}")
    for claim in sorted(ident.claims, key=lambda c: tuple(str(k) for k in c.key)):
        kind, wrt, vec, convention, of = claim.key
        lines.append(f"claim {kind} wrt={wrt} vec={vec} convention={convention} of={of} = "
                     f"{_srepr(claim.expr, dummies)}")
    return "\n".join(lines) + "\n"


def fingerprint(ident) -> str:
    """``fp1:`` and 24 hexadecimal digits: the fingerprint of the identity's statement."""
    return f"{FORM}:{hashlib.sha256(statement(ident).encode('utf-8')).hexdigest()[:24]}"


# -- the three files --------------------------------------------------------------------------------

def _lines(path: Path):
    """(line number, text) of each line that is not blank or a comment."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = line.strip()
        if text and not text.startswith("#"):
            yield number, text


def published(path: Path = PUBLISHED) -> list[str]:
    """Every published id, in order of publication."""
    out: list[str] = []
    for number, text in _lines(path):
        if text in out:
            raise BrokenModule(path, number, f"id {text!r} is listed twice")
        out.append(text)
    return out


@dataclass(frozen=True)
class Fingerprint:
    """One line of ``fingerprints.txt``."""

    id: str
    version: str
    fingerprint: str
    line: int = 0


def fingerprints(path: Path = FINGERPRINTS) -> dict[str, Fingerprint]:
    """id → its published fingerprint (and the version that published it)."""
    out: dict[str, Fingerprint] = {}
    if not path.is_file():
        return out
    for number, text in _lines(path):
        parts = text.split()
        if (len(parts) != 3 or not VERSION_PATTERN.fullmatch(parts[1])
                or not FINGERPRINT_PATTERN.fullmatch(parts[2])):
            raise BrokenModule(path, number, f"expected '<id> <version> {FORM}:<24 hex digits>', got {text!r}")
        if parts[0] in out:
            raise BrokenModule(path, number, f"id {parts[0]!r} has a second fingerprint (the first is on line "
                                             f"{out[parts[0]].line}); a published fingerprint is never replaced")
        out[parts[0]] = Fingerprint(parts[0], parts[1], parts[2], number)
    return out


@dataclass(frozen=True)
class Change:
    """One entry of ``changelog.toml``: a change to a published identity."""

    id: str
    version: str
    kind: str
    what: str
    why: str
    date: str = ""
    before: str = ""   # ``from``: the fingerprint before (erratum, restatement)
    after: str = ""    # ``to``: the fingerprint after
    into: str = ""     # the id the old one resolves to now (renamed, merged)
    number: int = 0    # its place in the file, from 1


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def changes(path: Path = CHANGELOG) -> list[Change]:
    """The changelog's entries, in file order (a malformed file is a broken catalog: exit code 3)."""
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise BrokenModule(path, None, f"not valid TOML: {exc}") from exc
    unknown = set(data) - {"change"}
    if unknown:
        raise BrokenModule(path, None, f"unknown table {sorted(unknown)[0]!r}; entries are [[change]] tables")
    out = []
    for number, entry in enumerate(data.get("change", []), 1):
        known = {"id", "version", "kind", "what", "why", "date", "from", "to", "into"}
        extra = {k: v for k, v in entry.items() if k not in known}
        if extra:
            raise BrokenModule(path, None, f"change {number} has unknown field {sorted(extra)[0]!r}; the fields "
                                           f"are {', '.join(sorted(known))}")
        if not all(isinstance(v, str) for v in entry.values()):
            raise BrokenModule(path, None, f"change {number}: every field is a string (quote dates and versions)")
        out.append(Change(id=entry.get("id", ""), version=entry.get("version", ""), kind=entry.get("kind", ""),
                          what=entry.get("what", "").strip(), why=entry.get("why", "").strip(),
                          date=entry.get("date", ""), before=entry.get("from", ""), after=entry.get("to", ""),
                          into=entry.get("into", ""), number=number))
    return out


# -- the check --------------------------------------------------------------------------------------

def _entry_problems(change: Change, ids: list[str], current: str) -> list[str]:
    where = f"{CHANGELOG.name}, change {change.number} ({change.id or 'no id'})"
    out = []
    if change.id not in ids:
        out.append(f"{where}: {change.id!r} is not a published id")
    if change.kind not in KINDS:
        out.append(f"{where}: kind {change.kind!r} is not one of {', '.join(KINDS)}")
    if not change.what or not change.why:
        out.append(f"{where}: say what changed ('what') and why ('why')")
    if not VERSION_PATTERN.fullmatch(change.version):
        out.append(f"{where}: version {change.version!r} is not a version such as '0.2.0'")
    elif version_key(change.version) > version_key(current):
        out.append(f"{where}: version {change.version} is later than this edition, {current}")
    if change.date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", change.date):
        out.append(f"{where}: date {change.date!r} is not an ISO date such as '2026-12-01'")
    if change.kind in STATEMENT_KINDS or (change.kind == "merged" and (change.before or change.after)):
        for name, value in (("from", change.before), ("to", change.after)):
            if not FINGERPRINT_PATTERN.fullmatch(value):
                out.append(f"{where}: a change of statement records the fingerprint before ('from') and after "
                           f"('to'); {name!r} is {value!r}")
    elif change.before or change.after:
        out.append(f"{where}: only an erratum, a restatement or a merge records fingerprints")
    if change.kind in MOVE_KINDS and not change.into:
        out.append(f"{where}: a {change.kind} entry names the id it resolves to now ('into')")
    if change.kind not in MOVE_KINDS and change.into:
        out.append(f"{where}: only a renamed or merged entry names another id ('into')")
    return out


def _stub(identity_id: str, before: str, after: str, version: str) -> str:
    return (f'[[change]]\nid = "{identity_id}"\nversion = "{version}"\nkind = "erratum"   # or "restatement"\n'
            f'what = "..."\nwhy = "..."\nfrom = "{before}"\nto = "{after}"')


def problems(ids: list[str] | None = None, prints: dict[str, Fingerprint] | None = None,
             log: list[Change] | None = None, lookup=get, catalog=None, version: str | None = None) -> list[str]:
    """Every way the catalog breaks its promise, one sentence each (an empty list: all kept).

    The arguments default to the committed files and the registry; tests pass others.
    """
    ids = published() if ids is None else ids
    prints = fingerprints() if prints is None else prints
    log = changes() if log is None else log
    catalog = all_identities() if catalog is None else catalog
    version = edition().version if version is None else version
    out: list[str] = []
    for change in log:
        out += _entry_problems(change, ids, version)
    unpublished = [i.id for i in catalog if i.id not in ids]
    if unpublished:
        out.append(f"not yet published: {', '.join(unpublished)}; run `{UPDATE}` to add them to "
                   f"{PUBLISHED.name} and {FINGERPRINTS.name}")
    missing = [i for i in ids if i not in prints]
    if missing:
        out.append(f"published without a fingerprint: {', '.join(missing)}; run `{UPDATE}`")
    stray = [i for i in prints if i not in ids]
    if stray:
        out.append(f"{FINGERPRINTS.name} has fingerprints of ids that are not published: {', '.join(stray)}")
    changed, checked = [], 0
    for identity_id in ids:
        try:
            ident = lookup(identity_id)
        except UnknownIdentity:
            out.append(f"published id {identity_id!r} no longer resolves: a renamed or merged identity keeps its "
                       f"old id among its aliases")
            continue
        entries = [c for c in log if c.id == identity_id]
        if ident.id != identity_id and not any(c.kind in MOVE_KINDS and c.into == ident.id for c in entries):
            out.append(f"published id {identity_id!r} now resolves to {ident.id!r}: record it in "
                       f"{CHANGELOG.name} (kind 'renamed' or 'merged', into = \"{ident.id}\")")
        if identity_id not in prints:
            continue
        expected = prints[identity_id].fingerprint
        for c in entries:
            if c.kind in STATEMENT_KINDS or c.before or c.after:
                if c.before != expected:
                    out.append(f"{CHANGELOG.name}, change {c.number} ({identity_id}): its 'from' is {c.before}, "
                               f"but the statement it changes has fingerprint {expected}")
                expected = c.after
        now = fingerprint(ident)
        checked += 1
        if now != expected:
            changed.append((identity_id, expected, now))
    if len(changed) == checked > 1:
        out.append(f"every published statement has a new fingerprint: the canonical form itself changed (a SymPy "
                   f"release that prints srepr differently?), not the statements; introduce a new form rather "
                   f"than editing {FINGERPRINTS.name}")
        return out
    for identity_id, expected, now in changed:
        out.append(f"the statement of {identity_id!r} changed (fingerprint {expected}, now {now}) and no entry of "
                   f"{CHANGELOG.name} records it; a published statement changes only with an entry that says what, "
                   f"why and in which version:\n{_stub(identity_id, expected, now, version)}")
    return out


# -- the update -------------------------------------------------------------------------------------

def update() -> tuple[list[str], list[str]]:
    """Publish the registry's new ids and fingerprint every published id that has none: append to
    ``published_ids.txt`` and ``fingerprints.txt``, change no line. Returns (ids published, ids
    fingerprinted)."""
    ids = published()
    prints = fingerprints()
    new = [i.id for i in all_identities() if i.id not in ids]
    version = edition().version
    lines = []
    for identity_id in ids + new:
        if identity_id in prints:
            continue
        try:
            ident = get(identity_id)
        except UnknownIdentity:
            continue  # reported by problems(): nothing to fingerprint
        lines.append(f"{identity_id} {version} {fingerprint(ident)}")
    _append(PUBLISHED, new)
    _append(FINGERPRINTS, lines)
    return new, [line.split()[0] for line in lines]


def _append(path: Path, lines: list[str]) -> None:
    if not lines:
        return
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    path.write_text(text + "".join(f"{line}\n" for line in lines), encoding="utf-8")


@lru_cache(maxsize=1)
def moved() -> dict[str, str]:
    """Published ids that now resolve to another identity: old id → the id it resolves to."""
    out = {}
    for identity_id in published():
        try:
            target = get(identity_id).id
        except UnknownIdentity:
            continue
        if target != identity_id:
            out[identity_id] = target
    return out
