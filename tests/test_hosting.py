"""The deployable site: the Read the Docs recipe against the Makefile, and the built site's sitemap, social-card
metadata, canonical links and 404 page, addressed from the base URL."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from sphinx.errors import ConfigError

import identities
from identities.edition import TITLE, edition

from docs_site import EXT
from static_host import static_host
from test_browser import Tab, browser  # noqa: F401 (browser is a fixture)

yaml = pytest.importorskip("yaml", reason="PyYAML reads .readthedocs.yaml: install the test extra")

sys.path.insert(0, str(EXT))
import hosting  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RECIPE = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text(encoding="utf-8"))
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
BASE = edition().url
PREFIX = urlsplit(BASE).path
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _load_recipe_runner():
    path = ROOT / "docs" / "_scripts" / "readthedocs_build.py"
    spec = importlib.util.spec_from_file_location("readthedocs_build", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


runner = _load_recipe_runner()


def makefile_recipe(target: str) -> list[str]:
    """The command lines of one Makefile rule."""
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{target}:"))
    recipe = []
    for line in lines[start + 1:]:
        if not line.startswith("\t"):
            break
        recipe.append(line.strip())
    return recipe


# -- the recipe ----------------------------------------------------------------------------------------

def test_the_recipe_installs_katex_as_the_makefile_does():
    npm, *rest = makefile_recipe("$(KATEX)")  # the docs-assets target's file
    assert rest == ["touch $@"], "the Makefile installs KaTeX with more than npm ci: so must the recipe"
    assert npm.startswith("cd docs/_katex && npm ci "), npm
    assert RECIPE["build"]["jobs"]["pre_build"] == [npm]
    assert RECIPE["build"]["tools"]["nodejs"], "KaTeX typesets at build time under Node.js"


def test_the_recipe_installs_the_project_with_its_docs_extra_and_builds_docs_conf_py_strictly():
    assert RECIPE["version"] == 2
    assert RECIPE["build"]["os"].startswith("ubuntu-")
    minimum = re.fullmatch(r">=(\d+)\.(\d+)", PYPROJECT["project"]["requires-python"]).groups()
    assert tuple(map(int, RECIPE["build"]["tools"]["python"].split("."))) >= tuple(map(int, minimum))
    assert RECIPE["python"]["install"] == [{"method": "pip", "path": ".", "extra_requirements": ["docs"]}]
    assert "docs" in PYPROJECT["project"]["optional-dependencies"]
    assert "-e '.[test,docs]'" in " ".join(makefile_recipe("$(STAMP)")), "make docs installs the same extra"
    assert RECIPE["sphinx"] == {"configuration": "docs/conf.py", "fail_on_warning": True}
    assert (ROOT / RECIPE["sphinx"]["configuration"]).is_file()


def test_the_local_run_follows_the_recipe_in_read_the_docs_order(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "conf.py").touch()
    steps = runner.plan(RECIPE, root=tmp_path, python="python3").steps
    shown = [step.shown() for step in steps]
    venv = tmp_path / "_readthedocs" / "venv"
    assert shown[0] == f"python3 -m venv {venv}"
    assert shown[1] == f"{venv}/bin/python -m pip install --quiet '.[docs]'"
    assert shown[2] == RECIPE["build"]["jobs"]["pre_build"][0]
    assert shown[3].startswith(f"{venv}/bin/python -m sphinx -T -W --keep-going -b html ")
    assert shown[3].endswith(f" . {tmp_path}/_readthedocs/html") and steps[3].cwd == tmp_path / "docs"
    assert len(steps) == 4


@pytest.mark.parametrize("addition", [{"formats": ["pdf"]}, {"build": {"os": "ubuntu-24.04", "tools": {},
                                                                       "jobs": {"install": ["true"]}}}])
def test_a_recipe_step_the_local_run_would_skip_stops_it(addition):
    with pytest.raises(runner.RecipeError, match="does not run"):
        runner.plan({**RECIPE, **addition})


# -- the address ---------------------------------------------------------------------------------------

def test_read_the_docs_address_wins_over_the_configured_one():
    configured = "https://example.org/handbook/"
    assert hosting.base_url(configured, {}) == configured
    served = "https://docs.example.org/en/latest/"
    assert hosting.base_url(configured, {"READTHEDOCS_CANONICAL_URL": served}) == served
    assert hosting.base_url("https://example.org/handbook", {}) == configured, "a base URL ends in '/'"


def test_the_other_extensions_are_addressed_from_the_base_url():
    config = SimpleNamespace(html_baseurl="https://docs.example.org/en/latest/")
    hosting.derive_from_base_url(None, config)
    assert config.notfound_urls_prefix == "/en/latest/"
    assert config.ogp_site_url == "https://docs.example.org/en/latest/"
    assert {"search.html", "genindex.html", "404.html"} <= set(config.sitemap_excludes)


@pytest.mark.parametrize("base", ["", "en/latest/", "https://docs.example.org/en/latest", "ftp://example.org/"])
def test_a_base_url_that_is_not_an_absolute_address_is_refused(base):
    with pytest.raises(ConfigError, match="html_baseurl must be an absolute"):
        hosting.derive_from_base_url(None, SimpleNamespace(html_baseurl=base))


def test_the_old_address_of_a_renamed_identity_is_left_out_of_the_sitemap():
    assert "id/old-name.html" in hosting.unlisted_pages(["old-name"])


# -- a tiny site, built again after an edit ---------------------------------------------------------------

def build_tiny_site(src: Path, out: Path, *options: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(EXT)}
    env.pop("READTHEDOCS_CANONICAL_URL", None)
    done = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-n", "-q",
                           "--no-color", *options, str(src), str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def sitemap_urls(html: Path) -> list[str]:
    return [loc.text for loc in ElementTree.parse(html / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")]


@pytest.mark.parametrize("jobs", ["1", "3"])
def test_the_sitemap_still_lists_every_page_after_a_build_that_wrote_one(tmp_path, jobs):
    src, out = tmp_path / "src", tmp_path / "html"
    shutil.copytree(Path(__file__).parent / "roots" / "test-hosting", src)
    every = sorted(f"https://example.org/hb/{page}.html" for page in ("index", "first", "second"))
    build_tiny_site(src, out, "-j", jobs)
    assert sorted(sitemap_urls(out)) == every
    first = src / "first.rst"
    first.write_text(first.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    build_tiny_site(src, out, "-j", jobs)
    assert "Edited." in (out / "first.html").read_text(encoding="utf-8")
    assert sorted(sitemap_urls(out)) == every, "an incremental build lists only the pages it wrote"
    build_tiny_site(src, out, "-j", jobs)  # nothing changed: no page written
    assert sorted(sitemap_urls(out)) == every


def test_the_text_of_the_404_page_links_from_the_site_root(tmp_path):
    src, out = tmp_path / "src", tmp_path / "html"
    shutil.copytree(Path(__file__).parent / "roots" / "test-hosting", src)
    build_tiny_site(src, out)
    page = head(out / "404.html")
    assert "/hb/first.html" in page.addresses and "first.html" not in page.addresses
    assert page.root == "/hb/"


# -- the built site ------------------------------------------------------------------------------------

class _Head(HTMLParser):
    """The <meta>, <link> and addressed elements of a page."""

    def __init__(self):
        super().__init__()
        self.meta, self.canonical, self.addresses, self.stylesheets, self.root = {}, None, [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.root = attrs.get("data-content_root")
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content")
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.stylesheets.append(attrs["href"])
        for name in ("href", "src", "action"):
            if attrs.get(name):
                self.addresses.append(attrs[name])


def head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")
            if not p.relative_to(site).parts[0].startswith("_")}


def test_the_sitemap_lists_every_page_by_its_absolute_address(site_html):
    urls = [loc.text for loc in ElementTree.parse(site_html / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")]
    assert all(url.startswith(BASE) for url in urls), [u for u in urls if not u.startswith(BASE)][:3]
    listed = {url[len(BASE):] for url in urls}
    assert len(listed) == len(urls), "a page is listed twice"
    assert {f"id/{ident.id}.html" for ident in identities.all_identities()} <= listed
    assert listed == _pages(site_html) - set(hosting.unlisted_pages(identities.ids.moved()))
    assert not listed & set(hosting.NOT_CONTENT)


def test_an_identity_page_carries_its_social_card_and_canonical_link(site_html):
    ident = identities.get("log-det")
    page = head(site_html / "id" / "log-det.html")
    url = f"{BASE}id/log-det.html"
    assert page.canonical == url
    assert page.meta["og:url"] == url and page.meta["og:type"] == "website"
    assert page.meta["og:title"] == ident.title and page.meta["og:site_name"] == TITLE
    assert page.meta["og:description"].startswith("The gradient of log det X is the inverse transpose")
    assert "og:image" not in page.meta, "no social-card image is drawn"


def test_every_identity_page_is_described_in_words_not_tex(site_html):
    for ident in identities.all_identities():
        description = head(site_html / "id" / f"{ident.id}.html").meta.get("og:description", "")
        assert description and "\\" not in description, (ident.id, description)


def test_the_front_page_is_described_by_the_projects_description(site_html):
    page = head(site_html / "index.html")
    assert page.meta["og:description"] == page.meta["description"] == PYPROJECT["project"]["description"]
    assert page.canonical == f"{BASE}index.html"


def test_the_404_page_addresses_its_stylesheets_scripts_and_links_from_the_site_root(site_html):
    page = head(site_html / "404.html")
    local = [a for a in page.addresses if not urlsplit(a).scheme and not a.startswith("#")]
    assert local and page.stylesheets and page.root == PREFIX
    for address in local:
        assert address.startswith(PREFIX), f"404.html addresses {address} relative to where it is served"
        path = urlsplit(address[len(PREFIX):]).path
        assert (site_html / path).is_file() or (site_html / path / "index.html").is_file(), address
    assert f"{PREFIX}catalog.html" in local and f"{PREFIX}identity-index.html" in local, "the page's own links"


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Playwright's, as in test_browser.py
def test_the_404_page_served_for_a_missing_address_deep_in_the_site_is_styled_and_links_on(browser, site_html):
    with static_host(site_html, PREFIX) as host:
        tab = Tab(browser, host)
        failed = []
        tab.page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and r.request.resource_type
                    != "document" else None)
        response = tab.page.goto(f"{host}{PREFIX}id/not-an-identity.html", wait_until="networkidle")
        page = tab.page
        assert response.status == 404 and page.title().startswith("Page not found")
        assert not failed, f"the 404 page could not load {failed}"
        sheets = page.evaluate("[...document.styleSheets].filter(s => s.href).map(s => s.href)")
        assert any(s.split("?")[0].endswith("/styles/furo.css") for s in sheets), sheets
        assert page.evaluate("getComputedStyle(document.querySelector('.sidebar-drawer')).display") != "inline"
        page.get_by_role("link", name="catalog overview", exact=True).click()
        page.wait_for_load_state("networkidle")
        assert page.url == f"{host}{PREFIX}catalog.html" and page.title().startswith("Catalog overview")
        tab.errors[:] = [e for e in tab.errors if "404 (Not Found)" not in e]  # the missing page itself
        tab.close()
