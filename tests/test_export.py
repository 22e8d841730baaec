"""The catalog as data: the JSON export validates against its committed schema, and the site ships it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import identities
from identities import export
from identities.engine.forms import forms

from test_generated_pages import KATEX, LINEAR, QUADRATIC, Scratch

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema validates the export: pip install -e '.[test]'")

SCHEMA = json.loads(export.SCHEMA.read_text(encoding="utf-8"))
BASE = "https://example.org/handbook/"


@pytest.fixture(scope="module")
def document() -> dict:
    return json.loads(export.dumps(export.catalog(BASE)))


def test_the_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_the_export_validates_against_the_schema(document):
    errors = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_the_schema_rejects_what_it_should(document):
    bad = json.loads(json.dumps(document))
    del bad["identities"][0]["verification"]
    bad["identities"][1]["fingerprint"] = "not a fingerprint"
    bad["identities"][2]["unexpected"] = 1
    assert len(list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(bad))) == 3


def test_every_identity_is_exported_with_what_its_page_shows(document):
    assert document["version"] == identities.__version__ and document["base_url"] == BASE
    assert [i["id"] for i in document["identities"]] == [i.id for i in identities.all_identities()]
    log_det = next(i for i in document["identities"] if i["id"] == "log-det")
    ident = identities.get("log-det")
    assert log_det["url"] == f"{BASE}id/log-det.html" and log_det["cookbook"] == [43, 57]
    assert "logdet" in log_det["aliases"] and log_det["family"] == "determinant"
    layouts = {f["layout"]: f["latex"] for f in log_det["results"][0]["forms"]}
    assert layouts == {f.layout: f.latex for f in forms(ident, ident.claims[0])}
    assert {"house", "numerator"} <= set(layouts)
    assert log_det["symbols"][0]["shape"] == ["n", "n"] and log_det["conditions"][0]["symbol"] == "X"
    assert {s["key"] for s in log_det["sources"]} >= {"petersen2012cookbook"}
    assert "def " in log_det["numpy"] and "np.linalg" in log_det["numpy"]
    assert log_det["jax"] == ident.code("jax") and "jnp.linalg.inv(X.T)" in log_det["jax"]
    assert log_det["torch"] == ident.code("torch") and "torch.linalg.inv(X.T)" in log_det["torch"]
    record = log_det["verification"]
    assert record["ok"] and record["seed"] == 0 and record["passed"] == record["checks"] == len(record["rows"])


def test_every_identity_carries_its_jax_and_torch_code_beside_the_numpy_code(document):
    from identities.engine.callables import claim_name, function_name

    for record in document["identities"]:
        ident = identities.get(record["id"])
        assert record["jax"].startswith("import jax\nimport jax.numpy as jnp"), record["id"]
        assert record["torch"].startswith("import torch"), record["id"]
        for name in [function_name(ident)] + [claim_name(c) for c in ident.claims]:   # helpers differ by library
            assert all(f"\ndef {name}(" in record[b] for b in ("numpy", "jax", "torch")), (record["id"], name)


def test_code_a_library_cannot_print_is_exported_as_not_available(monkeypatch, document):
    """Where a library has no faithful equivalent of a construct, the record says so in a sentence
    naming it, as the page does, and the schema accepts exactly that in place of the code."""
    from identities.engine.printing import CodeUnavailable

    listing = export.code_listing

    def no_torch(ident, backend="numpy"):
        if backend == "torch":
            raise CodeUnavailable("PyTorch", "gap_matrix")
        return listing(ident, backend)

    monkeypatch.setattr(export, "code_listing", no_torch)
    record = export.identity_record(identities.get("log-det"))
    assert record["torch"] == {"unavailable": "PyTorch code is not available for this identity: gap_matrix has no "
                                              "faithful equivalent in PyTorch."}
    assert record["jax"] == identities.get("log-det").code("jax")
    validator = jsonschema.Draft202012Validator(SCHEMA)
    bad = json.loads(json.dumps(document))
    bad["identities"][0]["torch"] = record["torch"]
    assert not list(validator.iter_errors(bad))
    bad["identities"][0]["torch"] = {"unavailable": "no"}
    bad["identities"][1]["jax"] = ""
    assert len(list(validator.iter_errors(bad))) == 2


def test_the_command_writes_the_export_and_follows_the_conventions(tmp_path):
    from identities.__main__ import main
    out = tmp_path / "catalog.json"
    assert main(["export", "--format", "json", "--base-url", BASE, "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == export.dumps(export.catalog(BASE))
    with pytest.raises(SystemExit) as exc:
        main(["export", "--format", "xml"])
    assert exc.value.code == 2
    assert main(["export", "-o", str(tmp_path / "no" / "such" / "folder.json")]) == 2


@pytest.mark.skipif(not KATEX.is_file(), reason="KaTeX is not installed: run `make docs-assets`")
def test_the_site_ships_the_export_and_its_schema(tmp_path):
    scratch = Scratch(tmp_path)
    scratch.write("toy_linear", LINEAR)
    scratch.write("toy_quadratic", QUADRATIC)
    result = scratch.build("-D", f"html_baseurl={BASE}")
    assert result.ok and not result.warnings(), result.output
    shipped = (scratch.out / "catalog.json").read_text(encoding="utf-8")
    assert json.loads((scratch.out / "catalog.schema.json").read_text(encoding="utf-8")) == SCHEMA
    jsonschema.validate(json.loads(shipped), SCHEMA)
    env = {**os.environ, "IDENTITIES_CACHE": "off"}
    command = subprocess.run([sys.executable, "-m", "identities", "export", "--format", "json", "--base-url", BASE],
                             capture_output=True, text=True, cwd=scratch.package.parent, env=env, check=True)
    assert command.stdout == shipped, "the site and the command line export different files"
    assert [i["id"] for i in json.loads(shipped)["identities"]] == ["toy-linear", "toy-quadratic"]
