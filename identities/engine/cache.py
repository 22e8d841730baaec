"""Verification records kept on disk, so that an identity is verified once per content, not once per caller.

A record is what the engine says about one catalog identity at one seed: its verification report
and its mutation report.  The tests, the handbook build and the command line all ask for it
through :func:`verify`, :func:`mutants` or :func:`record`; the first to ask computes it, the others
read it.

**The key** is a hash of everything a report depends on: the identity itself (its expressions,
symbols, conditions and derivation, written out with ``srepr``), the source of its module, the
source of every file of the engine and of ``identities/define.py``, and the versions of Python,
NumPy and SymPy.  Changing any of them changes the key, so a result is never served for code it was
not computed with; a failure is stored like a success, so the cache never hides one.  Identities
built outside the catalog (no module file) are always computed.

**Where.**  In a source checkout, ``.cache/verification/`` at its root (git-ignored: a fresh
clone rebuilds it on its first run).  ``IDENTITIES_CACHE=<folder>`` moves it;
``IDENTITIES_CACHE=off`` turns it off.  An installed package has no cache unless a folder is given.

**Sharing.**  An entry is written to a temporary file and renamed into place, so a reader never
sees half of one; a per-entry lock (where the platform has ``fcntl``) makes parallel test workers
and Sphinx readers wait for the one computing it instead of computing it again.  An entry that
cannot be read, or that was written for another key, is recomputed and replaced, never trusted.
Entries are pickles: like any pickle, the folder must be writable only by you.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import sys
import tempfile
import weakref
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import sympy as sp

from .mutants import MutationReport, mutation_report
from .record import Identity
from .verify import Report, checked_seed
from .verify import verify as verification_report

try:  # POSIX: one process computes an entry while the others wait for it
    import fcntl
except ImportError:  # elsewhere parallel processes may compute the same entry twice; both write the same bytes
    fcntl = None

__all__ = ["Record", "record", "verify", "mutants", "key", "folder", "ENV"]

#: The environment variable that moves the cache (a folder) or turns it off ("off").
ENV = "IDENTITIES_CACHE"

_ENGINE = Path(__file__).resolve().parent
_PACKAGE = _ENGINE.parent
_CHECKOUT = _PACKAGE.parent


@dataclass(frozen=True)
class Record:
    """The verification record of one identity at one seed."""

    verification: Report
    mutation: MutationReport

    @property
    def ok(self) -> bool:
        return self.verification.ok and self.mutation.ok


def verify(ident: Identity, seed: int = 0) -> Report:
    """Verify every claim of *ident* in every layout, its derivation and its negative controls.

    A catalog identity's report is computed once per content and kept on disk (see
    ``identities.engine.cache``); the report says whether each check passed, with what error,
    at which sizes and seed.
    """
    return _cached(ident, seed, "verify", verification_report, Report)


def mutants(ident: Identity, seed: int = 0) -> MutationReport:
    """Make the classic wrong versions of each claim of *ident* and judge each one: killed (the
    checker rejects it), equivalent (equal under the identity's conditions) or survived.  Kept on
    disk like :func:`verify`."""
    return _cached(ident, seed, "mutants", mutation_report, MutationReport)


def record(ident: Identity, seed: int = 0) -> Record:
    """Both reports of *ident* at *seed*."""
    return Record(verify(ident, seed), mutants(ident, seed))


def folder() -> Path | None:
    """Where entries are kept, or None when the cache is off."""
    setting = os.environ.get(ENV, "").strip()
    if setting.lower() == "off":
        return None
    if setting:
        return Path(setting).expanduser()
    if (_CHECKOUT / "pyproject.toml").is_file():  # a source checkout (also an editable install)
        return _CHECKOUT / ".cache" / "verification"
    return None


def key(ident: Identity, seed: int, part: str) -> str:
    """The hash an entry is stored under: it changes whenever anything the report depends on does."""
    module = Path(ident.path).read_bytes() if ident.path else b""
    text = "\n".join([part, str(seed), _content(ident), hashlib.sha256(module).hexdigest(), _engine()])
    return hashlib.sha256(text.encode()).hexdigest()


# -- the key's parts -------------------------------------------------------------------------------

_CONTENT: "weakref.WeakKeyDictionary[Identity, str]" = weakref.WeakKeyDictionary()


def _canonical(obj) -> str:
    """A text that differs whenever *obj* does: SymPy objects by ``srepr`` (their str can coincide:
    a perturbation dX and a matrix named dX print alike), records field by field."""
    if isinstance(obj, sp.Basic):
        return sp.srepr(obj)
    if dataclasses.is_dataclass(obj):
        return f"{type(obj).__name__}({', '.join(_canonical(getattr(obj, f.name)) for f in dataclasses.fields(obj))})"
    if isinstance(obj, (tuple, list)):
        return f"({', '.join(_canonical(x) for x in obj)})"
    return repr(obj)


def _content(ident: Identity) -> str:
    """The identity written out in full, without where its file happens to be."""
    if ident not in _CONTENT:
        _CONTENT[ident] = hashlib.sha256(_canonical(dataclasses.replace(ident, path="")).encode()).hexdigest()
    return _CONTENT[ident]


@lru_cache(maxsize=1)
def _engine() -> str:
    """The engine that computes the reports: its source, and the versions it runs on.  Read once per
    process, as the code that runs was loaded once."""
    digest = hashlib.sha256()
    for path in sorted(_ENGINE.rglob("*.py")) + [_PACKAGE / "define.py"]:  # checks/ and constructs/ too
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(f"python {sys.version_info[:3]} numpy {np.__version__} sympy {sp.__version__}".encode())
    return digest.hexdigest()


# -- entries ---------------------------------------------------------------------------------------

def _cached(ident: Identity, seed: int, part: str, compute, kind: type):
    seed = checked_seed(seed)
    where = folder() if ident.path and Path(ident.path).is_file() else None
    if where is None:
        return compute(ident, seed)
    entry_key = key(ident, seed, part)
    path = where / f"{ident.id}.seed{seed}.{part}.pickle"
    found = _read(path, entry_key, kind, ident.id, seed)
    if found is not None:
        return found
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only place: compute, keep nothing
        return compute(ident, seed)
    with _locked(path):
        found = _read(path, entry_key, kind, ident.id, seed)  # another process may have written it meanwhile
        if found is None:
            found = compute(ident, seed)
            _write(path, {"key": entry_key, "report": found})
    return found


def _read(path: Path, entry_key: str, kind: type, identity_id: str, seed: int):
    """The stored report, or None when there is none, it cannot be read, or it is not the one asked for."""
    try:
        with open(path, "rb") as handle:
            entry = pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing, truncated or foreign: recomputed, whatever the reason
        return None
    if not isinstance(entry, dict) or entry.get("key") != entry_key:
        return None
    report = entry.get("report")
    if not isinstance(report, kind) or report.id != identity_id or report.seed != seed:
        return None
    return report


def _write(path: Path, entry: dict) -> None:
    """Write atomically: a temporary file in the same folder, renamed over the entry."""
    try:
        handle = tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp",
                                             delete=False)
    except OSError:
        return
    try:
        with handle:
            pickle.dump(entry, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:  # a full or read-only disk: the report is still returned, just not kept
        pass
    finally:
        Path(handle.name).unlink(missing_ok=True)  # after the rename there is nothing left to remove


@contextmanager
def _locked(path: Path):
    """Hold the entry's lock while computing it, so that parallel processes compute it once."""
    if fcntl is None:
        yield
        return
    try:
        handle = open(path.with_name(f".{path.name}.lock"), "a")
    except OSError:
        yield
        return
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError:  # a file system without locks: the entry may be computed twice, still correctly
            yield
            return
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
