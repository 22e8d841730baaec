"""Permanent ids: a published id keeps resolving and keeps its statement, unless the changelog says otherwise."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys

import pytest
import sympy as sp

import identities
from identities import ids
from identities.engine.record import Claim

from test_generated_pages import KATEX, Scratch, module

CATALOG = identities.all_identities()


def test_every_published_id_resolves_and_keeps_its_statement():
    assert ids.problems() == []


def test_every_published_id_has_exactly_one_fingerprint():
    assert list(ids.fingerprints()) == ids.published()


def test_fingerprints_are_the_same_in_every_process_whatever_the_hash_seed():
    here = {i.id: ids.fingerprint(i) for i in CATALOG}
    script = ("import json, identities; from identities import ids; "
              "print(json.dumps({i.id: ids.fingerprint(i) for i in identities.all_identities()}))")
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True,
                              cwd=os.path.dirname(os.path.dirname(identities.__file__)))
        assert json.loads(done.stdout) == here, f"fingerprints differ with PYTHONHASHSEED={seed}"


def _doubled(ident):
    """The identity with its first claim multiplied by 2: a different statement."""
    first = ident.claims[0]
    return dataclasses.replace(ident, claims=(dataclasses.replace(first, expr=2 * first.expr), *ident.claims[1:]))


def test_the_fingerprint_covers_the_statement_and_nothing_else():
    ident = identities.get("log-det")
    same = dataclasses.replace(ident, title="Another title", doc="Other prose.", aliases=(), sources=(),
                               derivation=None, symbols=tuple(reversed(ident.symbols)),
                               claims=tuple(reversed(ident.claims)))
    assert ids.fingerprint(same) == ids.fingerprint(ident)
    assert ids.fingerprint(_doubled(ident)) != ids.fingerprint(ident)
    X = ident.var("X")
    fewer_conditions = dataclasses.replace(ident, symbols=(dataclasses.replace(X, conditions=()),))
    assert ids.fingerprint(fewer_conditions) != ids.fingerprint(ident)
    assert re.fullmatch(r"fp1:[0-9a-f]{24}", ids.fingerprint(ident))


def test_a_dummy_symbol_prints_by_its_place_not_its_creation_order():
    ident = identities.get("trace-linear")
    claim = ident.claims[0]
    with_dummy = lambda: dataclasses.replace(ident, claims=(dataclasses.replace(  # noqa: E731
        claim, expr=claim.expr * sp.Dummy("t") / sp.Dummy("t")),))
    assert ids.fingerprint(with_dummy()) == ids.fingerprint(with_dummy())


def _check(ident, log=(), version="0.1.0", published=None):
    """The problems of a catalog of one identity published as *published* with its committed fingerprint."""
    published = published or ident.id
    prints = {published: ids.fingerprints()[published]}
    return ids.problems(ids=[published], prints=prints, log=list(log), lookup=lambda _: ident, catalog=(ident,),
                        version=version)


def test_an_edited_statement_fails_until_a_changelog_entry_records_it():
    ident = identities.get("trace-quadratic")
    edited = _doubled(ident)
    found = _check(edited)
    assert len(found) == 1 and "the statement of 'trace-quadratic' changed" in found[0], found
    before, after = ids.fingerprint(ident), ids.fingerprint(edited)
    assert f'from = "{before}"' in found[0] and f'to = "{after}"' in found[0], "the message gives the entry"
    entry = ids.Change(id="trace-quadratic", version="0.1.0", kind="erratum", what="Doubled.", why="A test.",
                       before=before, after=after, number=1)
    assert _check(edited, [entry]) == []
    assert _check(ident, [entry]), "an entry that is not carried out is a fault too"


@pytest.mark.parametrize("change, message", [
    (dict(why=""), "say what changed"),
    (dict(version="0.2.0"), "later than this edition"),
    (dict(version="next"), "is not a version"),
    (dict(kind="typo"), "is not one of"),
    (dict(before="fp1:000000000000000000000000"), "its 'from' is"),
    (dict(after=""), "records the fingerprint before"),
    (dict(kind="renamed", into="x"), "only an erratum, a restatement or a merge records fingerprints"),
    (dict(into="log-det"), "only a renamed or merged entry"),
    (dict(id="no-such-id"), "is not a published id"),
], ids=["no-why", "future-version", "bad-version", "unknown-kind", "wrong-from", "no-to", "renamed-with-prints", "into",
     "unknown-id"])
def test_a_malformed_changelog_entry_is_refused(change, message):
    ident = identities.get("trace-quadratic")
    edited = _doubled(ident)
    entry = ids.Change(id="trace-quadratic", version="0.1.0", kind="erratum", what="Doubled.", why="A test.",
                       before=ids.fingerprint(ident), after=ids.fingerprint(edited), number=1)
    found = _check(edited, [dataclasses.replace(entry, **change)])
    assert any(message in text for text in found), found


def test_a_renamed_identity_needs_a_changelog_entry_naming_its_new_id():
    ident = identities.get("trace-quadratic")
    renamed = dataclasses.replace(ident, id="trace-quadratic-form", aliases=(*ident.aliases, "trace-quadratic"))
    found = _check(renamed, published="trace-quadratic")
    assert any("now resolves to 'trace-quadratic-form'" in text for text in found), found
    entry = ids.Change(id="trace-quadratic", version="0.1.0", kind="renamed", what="New id.", why="Clearer.",
                       into="trace-quadratic-form", number=1)
    rest = _check(renamed, [entry], published="trace-quadratic")
    assert rest and all("not yet published: trace-quadratic-form" in text for text in rest), rest


def test_a_merged_identity_records_the_statement_its_old_id_now_resolves_to():
    old, into = identities.get("trace-quadratic"), identities.get("quadratic-form")
    merged = dataclasses.replace(into, aliases=(*into.aliases, "trace-quadratic"))
    entry = ids.Change(id="trace-quadratic", version="0.1.0", kind="merged", what="Merged.", why="A test.",
                       into="quadratic-form", number=1)
    found = ids.problems(ids=["trace-quadratic", "quadratic-form"],
                         prints={i: ids.fingerprints()[i] for i in ("trace-quadratic", "quadratic-form")},
                         log=[entry], lookup=lambda _: merged, catalog=(merged,), version="0.1.0")
    assert len(found) == 1 and "the statement of 'trace-quadratic' changed" in found[0], found
    entry = dataclasses.replace(entry, before=ids.fingerprint(old), after=ids.fingerprint(merged))
    assert ids.problems(ids=["trace-quadratic", "quadratic-form"],
                        prints={i: ids.fingerprints()[i] for i in ("trace-quadratic", "quadratic-form")},
                        log=[entry], lookup=lambda _: merged, catalog=(merged,), version="0.1.0") == []


def test_a_whole_catalog_of_new_fingerprints_is_blamed_on_the_canonical_form():
    catalog = CATALOG[:3]
    prints = {i.id: dataclasses.replace(ids.fingerprints()[i.id], fingerprint="fp1:" + "0" * 24) for i in catalog}
    found = ids.problems(ids=[i.id for i in catalog], prints=prints, log=[], catalog=catalog)
    assert len(found) == 1 and "the canonical form itself changed" in found[0], found


# -- on a scratch catalog, through the command line and the handbook -----------------------------------

LINEAR = module("toy-linear", "Toy linear trace", "Trace(mul(A.T, X))", "A")
QUADRATIC = module("toy-quadratic", "Toy squared norm", "Trace(mul(X.T, X))", "2 * X")


class Catalog(Scratch):
    """A scratch catalog with no published ids yet, and its command line."""

    def __init__(self, folder):
        super().__init__(folder)
        for path in (ids.PUBLISHED, ids.FINGERPRINTS, ids.CHANGELOG):
            (self.package / path.name).write_text("# scratch\n", encoding="utf-8")
        self.write("toy_linear", LINEAR)
        self.write("toy_quadratic", QUADRATIC)

    def run(self, *args: str) -> subprocess.CompletedProcess:
        env = {**os.environ, "IDENTITIES_CACHE": "off"}
        return subprocess.run([sys.executable, "-m", "identities", *args], capture_output=True, text=True,
                              cwd=self.package.parent, env=env, timeout=300)

    def text(self, name: str) -> str:
        return (self.package / name).read_text(encoding="utf-8")

    def record(self, entry: str) -> None:
        with open(self.package / ids.CHANGELOG.name, "a", encoding="utf-8") as out:
            out.write("\n" + entry + "\n")


@pytest.fixture
def catalog(tmp_path) -> Catalog:
    return Catalog(tmp_path)


def test_the_update_command_publishes_new_ids_and_never_changes_a_fingerprint(catalog):
    first = catalog.run("ids")
    assert first.returncode == 1 and "not yet published: toy-linear, toy-quadratic" in first.stdout, first
    update = catalog.run("ids", "--update")
    assert update.returncode == 0, update
    assert catalog.text("published_ids.txt").split()[-2:] == ["toy-linear", "toy-quadratic"]
    prints = catalog.text("fingerprints.txt")
    assert re.search(r"^toy-quadratic 0\.1\.0 fp1:[0-9a-f]{24}$", prints, re.M), prints

    catalog.write("toy_quadratic", module("toy-quadratic", "Toy squared norm", "2 * Trace(mul(X.T, X))", "4 * X"))
    edited = catalog.run("ids", "--update")
    assert edited.returncode == 1 and "the statement of 'toy-quadratic' changed" in edited.stdout, edited
    assert catalog.text("fingerprints.txt") == prints, "--update changed a published fingerprint"
    stub = edited.stdout[edited.stdout.index("[[change]]"):]
    catalog.record(stub.replace('what = "..."', 'what = "Scaled by 2."').replace('why = "..."', 'why = "A test."'))
    fixed = catalog.run("ids")
    assert fixed.returncode == 0, fixed
    assert fixed.stdout.startswith("2 published ids"), fixed.stdout


@pytest.mark.skipif(not KATEX.is_file(), reason="KaTeX is not installed: run `make docs-assets`")
def test_a_renamed_identity_keeps_its_old_id_its_old_page_and_its_links(catalog):
    assert catalog.run("ids", "--update").returncode == 0
    catalog.write("toy_linear", module("toy-linear-trace", "Toy linear trace", "Trace(mul(A.T, X))", "A")
                  .replace("sources=", 'aliases=("toy-linear",), sources='))
    # another identity still links to the old id: it resolves through the alias
    catalog.write("toy_quadratic", module("toy-quadratic", "Toy squared norm", "Trace(mul(X.T, X))", "2 * X")
                  .replace("sources=", 'see_also=("toy-linear",), sources='))
    found = catalog.run("ids")
    assert found.returncode == 1 and "'toy-linear' now resolves to 'toy-linear-trace'" in found.stdout, found
    assert catalog.run("ids", "--update").returncode == 1, "the rename is not recorded yet"
    catalog.record('[[change]]\nid = "toy-linear"\nversion = "0.1.0"\nkind = "renamed"\ninto = "toy-linear-trace"\n'
                'what = "The id names the trace."\nwhy = "A test."')
    assert catalog.run("ids").returncode == 0
    show = catalog.run("show", "toy-linear")
    assert show.returncode == 0 and show.stdout.startswith("toy-linear-trace — Toy linear trace"), show

    result = catalog.build()
    assert result.ok and not result.warnings(), result.output  # the guide's link to toy-linear resolves
    old = (catalog.out / "id" / "toy-linear.html").read_text(encoding="utf-8")
    assert '<meta content="0; url=toy-linear-trace.html#toy-linear-trace" http-equiv="refresh"' in old, old
    assert (catalog.out / "id" / "toy-linear-trace.html").is_file()
    guide = (catalog.out / "guide.html").read_text(encoding="utf-8")
    assert 'href="id/toy-linear-trace.html#toy-linear-trace"' in guide


def test_the_ids_command_follows_the_command_line_conventions():
    from identities.__main__ import main
    assert main(["ids"]) == 0
    with pytest.raises(SystemExit) as exc:
        main(["ids", "--update", "--show", "log-det"])
    assert exc.value.code == 2
    assert main(["ids", "--show", "no-such-id"]) == 2
