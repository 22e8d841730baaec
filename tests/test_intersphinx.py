"""Other Sphinx projects link to identities through the handbook's objects.inv, with no network."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import identities

from docs_site import EXT, ROOT

ROOTS = Path(__file__).parent / "roots"
BASE = "https://handbook.example/"


def _example():
    ids = {i.id for i in identities.all_identities()}
    return identities.get("log-det") if "log-det" in ids else identities.all_identities()[0]


def build_consumer(tmp_path: Path, site_html: Path, root: str, ident) -> str:
    inventory = site_html / "objects.inv"
    src = tmp_path / "src"
    shutil.copytree(ROOTS / root, src)
    page = src / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("IDENTITY", ident.id), encoding="utf-8")
    mapping = f"intersphinx_mapping = {{'handbook': ({BASE!r}, {str(inventory)!r})}}\n"
    path = f"import sys\nsys.path[:0] = [{str(EXT)!r}, {str(ROOT)!r}]\n"
    conf = src / "conf.py"
    conf.write_text(path + conf.read_text(encoding="utf-8") + mapping, encoding="utf-8")
    out, log = tmp_path / "html", tmp_path / "build.log"
    with open(log, "w", encoding="utf-8") as stream:  # a file, not a pipe (see docs_site.py)
        done = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-W", "-n", "-q", "--no-color", str(src), str(out)],
                              stdout=stream, stderr=subprocess.STDOUT, cwd=ROOT, timeout=300)
    assert done.returncode == 0, log.read_text(encoding="utf-8")
    return (out / "index.html").read_text(encoding="utf-8")


def test_a_project_without_the_extension_cites_an_identity_by_its_label(tmp_path, site_html):
    ident = _example()
    html = build_consumer(tmp_path, site_html, "test-intersphinx-consumer", ident)
    assert html.count(f'href="{BASE}id/{ident.id}.html#{ident.id}"') == 2, html
    assert ident.title in html  # the label's title travels with the inventory


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_project_with_the_domain_cites_an_identity_with_the_role(tmp_path, site_html):
    ident = _example()
    html = build_consumer(tmp_path, site_html, "test-intersphinx-domain", ident)
    assert html.count(f'href="{BASE}id/{ident.id}.html#{ident.id}"') == 2, html
