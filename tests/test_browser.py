"""The built handbook in headless Chromium, served on localhost with every other request cut off."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

import identities
from browser_layout import LAYOUT, colour_problems, layout_problems

CHROMIUM = Path("/usr/bin/chromium")
HOW_TO_ENABLE = ("install Debian's Chromium to run it: `apt-get install -y chromium` (.ci/run does this where "
                 "it can), and the test extra (`pip install -e '.[test]'`, which brings Playwright)")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic", "--disable-features=Translate,MediaRouter"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
#: Screenshots the browser tests leave for a person to look at (light and dark, phone and desktop).
SHOTS = Path(__file__).resolve().parents[1] / "docs" / "_build" / "screenshots"

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site(site_html):
    """The built site on a free localhost port."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site_html)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: {HOW_TO_ENABLE}")
    sync_api = pytest.importorskip("playwright.sync_api", reason=f"Playwright is not installed: {HOW_TO_ENABLE}")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


class Tab:
    """A page with the network cut to localhost, recording console errors and refused requests."""

    def __init__(self, browser, base: str, viewport=None):
        self.context = browser.new_context(viewport=viewport or DESKTOP)
        self.base, self.errors, self.refused = base, [], []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route):
        if route.request.url.startswith(self.base):
            route.continue_()
        else:
            self.refused.append(route.request.url)
            route.abort()

    def open(self, path: str):
        self.page.goto(self.base + path, wait_until="networkidle")
        return self.page

    def close(self):
        self.context.close()
        assert not self.refused, f"the page tried to reach the network: {self.refused}"
        assert not self.errors, f"console errors: {self.errors}"


@pytest.fixture
def tab(browser, site):
    t = Tab(browser, site)
    yield t
    t.close()


def _example_id() -> str:
    ids = [i.id for i in identities.all_identities()]
    return "log-det" if "log-det" in ids else ids[0]


def test_index_loads(tab):
    page = tab.open("index.html")
    assert "Matrix-calculus identities" in page.title()
    assert page.locator("a[href^='family/']").count() >= len(identities.families())


def test_searching_log_det_lists_log_det_first(tab):
    if _example_id() != "log-det":
        pytest.skip("the catalog has no log-det identity yet")
    page = tab.open("search.html?q=log+det")
    first = page.locator("#search-results li a").first
    first.wait_for(timeout=15000)
    assert first.get_attribute("href").startswith("id/log-det.html"), page.locator("#search-results").inner_text()


@pytest.mark.parametrize("query", ["logdet", "log determinant"])
def test_searching_an_alias_finds_its_identity(tab, query):
    if _example_id() != "log-det":
        pytest.skip("the catalog has no log-det identity yet")
    page = tab.open(f"search.html?q={query.replace(' ', '+')}")
    first = page.locator("#search-results li a").first
    first.wait_for(timeout=15000)
    assert first.get_attribute("href").startswith("id/log-det.html")


@pytest.mark.parametrize("query, page_of", [
    ("gradient of log determinant", "log-det"),  # words of the title, in another order of speech
    ("inverse", "inverse-differential"),          # not the API entry of SymPy's Inverse
    ("softmax jacobian", "softmax-jacobian"),
    ("trace", "rule-trace-cyclic"),
])
def test_plain_words_find_the_identity_before_catalog_wide_pages(tab, query, page_of):
    page = tab.open(f"search.html?q={query.replace(' ', '+')}")
    first = page.locator("#search-results li a").first
    first.wait_for(timeout=15000)
    href = first.get_attribute("href")
    assert href.startswith("id/"), page.locator("#search-results").inner_text()
    if query not in ("trace", "inverse"):  # many identities are about these; any is a good first answer
        assert href.startswith(f"id/{page_of}.html"), href


def test_identity_page_shows_typeset_math_the_layout_table_and_the_code(tab):
    ident = identities.get(_example_id())
    page = tab.open(f"id/{ident.id}.html")
    assert page.locator(".katex").count() > 5
    assert page.locator(".katex .katex-html").first.is_visible()
    text = page.locator("article").inner_text()
    for raw in ("\\frac", "\\operatorname", "\\top", "\\mathrm", "\\left("):
        assert raw not in text, f"raw LaTeX {raw!r} is visible"
    assert page.locator("table.layouts").first.is_visible()
    code = page.locator(f"#{ident.id}-code pre").first
    assert code.is_visible() and "import numpy as np" in code.inner_text()
    fonts = page.evaluate("() => document.fonts.check('16px KaTeX_Main')")
    assert fonts, "KaTeX's fonts did not load"


@pytest.mark.parametrize("path", ["index.html", "catalog.html", "conventions.html", f"id/{_example_id()}.html"])
def test_pages_fit_a_phone_screen(browser, site, path):
    t = Tab(browser, site, viewport=PHONE)
    try:
        page = t.open(path)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"] + 1, f"{path} is {width}px wide on a {PHONE['width']}px screen"
    finally:
        t.close()


#: Identities with statements and derivation lines far wider than a phone, every one of which wraps
#: to fit it: no piece of them (between two operators) is wider than a phone's line.
WRAPPING = ("softmax-attention", "layer-norm", "svd-backward", "batch-norm")
#: An identity whose statement holds a fraction wider than a phone, which cannot be broken: it
#: scrolls inside its box, with the cue.
UNBREAKABLE = "gaussian-kl-second-argument"
#: The identity pages whose screenshots are kept: the long ones, a short backward pass whose last
#: derivation line only just fits a phone, and the unbreakable fraction.
SHOWN = (*WRAPPING, "least-squares-hessian", UNBREAKABLE)
def _present(*ids: str) -> list[str]:
    catalog = {i.id for i in identities.all_identities()}
    return [i for i in ids if i in catalog]


def _long_formula_ids() -> list[str]:
    return _present(*WRAPPING)


def test_no_identity_page_makes_a_phone_reader_scroll_through_a_formula(browser, site):
    """Every identity page at 390 px, in one visit each (a fraction of a second a page): nothing
    sticks out of the screen, what scrolls shows the cue, and every display formula (statement,
    layouts, modes, derivation lines) wraps to the screen unless a piece of it is wider than a line.
    Layout does not depend on the colour scheme; the cue's colours, the same on every page, are
    checked in light and dark on the pages of the next test."""
    t = Tab(browser, site, viewport=PHONE)
    problems, wrapped = {}, set()
    try:
        for ident in identities.all_identities():
            path = f"id/{ident.id}.html"
            t.page.goto(site + path, wait_until="load")
            report = t.page.evaluate(LAYOUT)
            if found := layout_problems(report, all_wrap=True):
                problems[path] = found
            if any(f["lines"] > 1 for f in report["formulas"]):
                wrapped.add(ident.id)
    finally:
        t.close()
    assert not problems, "\n".join(f"{page}: {found}" for page, found in list(problems.items())[:10])
    missing = set(_present(*WRAPPING, UNBREAKABLE)) - wrapped
    assert not missing, f"the long formulas of {sorted(missing)} do not wrap on a phone"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", ["conventions.html"] + [f"id/{i}.html" for i in _present(*SHOWN)])
def test_long_formulas_wrap_and_whatever_scrolls_shows_that_it_continues(browser, site, path, viewport):
    """On a phone and a desktop, light and dark: a formula wider than its box wraps, a formula or
    table that cannot scrolls inside its box with the scroll-shadow cue on the side where more of
    it lies, and nothing is clipped without the cue (screenshots in docs/_build/screenshots)."""
    t = Tab(browser, site, viewport=viewport)
    try:
        page = t.open(path)
        report = page.evaluate(LAYOUT)
        problems = layout_problems(report, all_wrap=path.startswith("id/") and viewport == PHONE)
        problems += colour_problems(page)
        assert not problems, f"{path}: {problems}"
        _screenshot(page, path, viewport)
        scrolling = [f["tex"][:70] for f in report["formulas"] if f["scrolls"]]
        if path == f"id/{UNBREAKABLE}.html":
            if viewport == PHONE:
                assert scrolling, f"{path}: its fraction wider than a phone no longer scrolls; pick another example"
        elif path.startswith("id/"):
            assert not scrolling, f"{path}: formulas still to scroll through: {scrolling}"
    finally:
        t.close()


def test_a_derivation_puts_each_reason_under_its_line_on_a_phone(browser, site):
    if not _long_formula_ids():
        pytest.skip("no identity with a long derivation in the catalog")
    t = Tab(browser, site, viewport=PHONE)
    try:
        page = t.open(f"id/{_long_formula_ids()[0]}.html")
        rows = page.evaluate("""() => [...document.querySelectorAll('table.derivation tbody tr')].map(tr => {
            const [, line, why] = tr.querySelectorAll('td');
            return [line.getBoundingClientRect().bottom, why.getBoundingClientRect().top,
                    why.getBoundingClientRect().width];
        })""")
        assert rows
        for bottom, top, width in rows:
            assert top >= bottom - 1 and width > 200, (bottom, top, width)
    finally:
        t.close()


def test_arrow_keys_scroll_instead_of_turning_the_page(tab):
    page = tab.open(f"id/{_example_id()}.html")
    before = page.url
    page.locator("table").first.click()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    page.wait_for_timeout(300)
    assert page.url == before


def test_the_copy_button_copies_the_formulas_latex(tab):
    page = tab.open(f"id/{_example_id()}.html")
    page.evaluate("""() => { window.copied = null;
        navigator.clipboard.writeText = text => { window.copied = text; return Promise.resolve(); }; }""")
    button = page.locator("button.formula-copy").first
    button.click()
    copied = page.evaluate("() => window.copied")
    source = page.evaluate("""() => document.querySelector('button.formula-copy').previousElementSibling
        .querySelector('annotation[encoding="application/x-tex"]').textContent.trim()""")
    assert copied and copied == source, (copied, source)


def test_on_a_phone_tab_skips_the_closed_drawer_and_the_keyboard_opens_it(browser, site):
    t = Tab(browser, site, viewport=PHONE)
    try:
        page = t.open(f"id/{_example_id()}.html")
        reached_icon = False
        for _ in range(40):
            page.keyboard.press("Tab")
            where = page.evaluate("""() => { const a = document.activeElement;
                return [!!a.closest('.sidebar-drawer'), a.matches('label.nav-overlay-icon')]; }""")
            assert not where[0], "Tab reached a link of the closed navigation drawer"
            if where[1]:
                reached_icon = True
                break
        assert reached_icon, "the navigation icon cannot be reached with Tab"
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.getElementById('__navigation').checked")
        assert page.evaluate("() => !!document.activeElement.closest('.sidebar-drawer')")
        page.keyboard.press("Escape")
        assert not page.evaluate("() => document.getElementById('__navigation').checked")
    finally:
        t.close()


def _screenshot(page, path: str, viewport) -> None:
    """Keep a full-page screenshot, light and dark, as an artifact of the run."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    stem = f"{path.replace('/', '-').removesuffix('.html')}-{viewport['width']}"
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.screenshot(path=str(SHOTS / f"{stem}-{scheme}.png"), full_page=True)
    page.emulate_media(color_scheme="light")


def test_the_cite_blocks_copy_the_permalink_the_bibtex_entry_and_the_reference(browser, site):
    from identities import citing
    from identities.edition import edition
    ident = identities.get(_example_id())
    t = Tab(browser, site)
    t.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.rstrip("/"))
    try:
        page = t.open(f"id/{ident.id}.html")
        cite = page.locator(f"#{ident.id}-cite")
        buttons = cite.locator("button.cite-copy")
        assert buttons.count() == 3
        assert cite.locator("button.copybtn").count() == 0, "sphinx-copybutton's button doubles cite.js's"
        base = edition().url
        for k, expected in enumerate([citing.permalink(ident.id, base), citing.bibtex(ident, base),
                                      citing.plain(ident, base)]):
            buttons.nth(k).click()
            page.wait_for_function("b => b.textContent === 'Copied'", arg=buttons.nth(k).element_handle())
            assert page.evaluate("() => navigator.clipboard.readText()") == expected
    finally:
        t.close()


#: Formulas and the identities that are right first answers: those whose function or result the
#: formula is (tr(XᵀAX), tr(BXXᵀ) and tr(XXᵀB) are one function; X⁻ᵀ is the function of one
#: identity and the gradient of others).
FORMULAS = [
    ("tr(Yᵀ B Y)", ("trace-quadratic", "trace-BXXt", "trace-XXtB")),
    ("X^{-T}", ("log-det", "inverse-transpose-differential", "trace-logm")),
    ("d(X^-1)", ("inverse-differential", "inverse-jacobian")),
    ("log|det X|", ("log-det",)),
]


@pytest.mark.parametrize("formula, pages", FORMULAS, ids=[f for f, _ in FORMULAS])
def test_typing_a_formula_in_the_search_box_lists_its_identity_first(tab, formula, pages):
    present = {i.id for i in identities.all_identities()}
    if not set(pages) & present:
        pytest.skip(f"the catalog has none of {pages}")
    page = tab.open("index.html")
    box = page.locator("input[name='q']").first
    box.fill(formula)
    box.press("Enter")
    page.wait_for_url("**/search.html?*")
    first = page.locator("#search-results li a").first
    first.wait_for(timeout=15000)
    results = page.locator("#search-results").inner_text()
    assert first.get_attribute("href").split("#")[0] in {f"id/{p}.html" for p in pages}, results
    page.wait_for_function("() => !document.querySelector('#search-results h2 span')?.innerText")
    hrefs = [a.get_attribute("href").split("#")[0] for a in page.locator("#search-results li > a").all()]
    from identities.lookup import find
    assert hrefs == [f"{r.page}.html" for r in find(formula)], "the page and `identities find` differ"
    for raw in ("\\operatorname", "\\top", "\\mathrm", "\\left"):
        assert raw not in results, f"raw LaTeX {raw!r} in the results"
    assert page.evaluate("() => localStorage.getItem('sphinx_highlight_terms')") == "", \
        "the letters of a formula would be highlighted on the page opened next"


def test_a_formula_of_no_identity_says_so_and_falls_back_to_text_search(tab):
    page = tab.open("search.html?q=" + "tr(X^7 Y^5 X^3)".replace("^", "%5E").replace(" ", "+"))
    message = page.locator(".lookup-error")
    message.wait_for(timeout=15000)
    assert "No identity" in message.inner_text()


def test_an_unreadable_formula_is_explained_on_the_search_page(tab):
    page = tab.open("search.html?q=tr(X%5ET+A+X")
    message = page.locator(".lookup-error")
    message.wait_for(timeout=15000)
    assert "column 11" in message.inner_text()


def test_word_results_list_each_page_once_and_highlight_no_single_letter(tab):
    if _example_id() != "log-det":
        pytest.skip("the catalog has no log-det identity yet")
    page = tab.open("search.html?q=log+determinant+X")
    page.locator("#search-results li a").first.wait_for(timeout=15000)
    page.wait_for_function("() => !document.querySelector('#search-results h2 span')?.innerText")
    hrefs = [a.get_attribute("href").split("#")[0] for a in page.locator("#search-results li > a").all()]
    assert hrefs[0].startswith("id/log-det.html") and len(hrefs) == len(set(hrefs)), hrefs
    terms = page.evaluate("() => localStorage.getItem('sphinx_highlight_terms')").split()
    assert terms and all(len(t) >= 3 for t in terms), terms


@pytest.mark.parametrize("query", ["vec", "least squares", "second derivative"])
def test_word_results_read_as_text(tab, query):
    """Snippets show formulas as text read from their MathML, never their TeX source, and an identity
    found by its id or an alias is shown as its page, not as "id (Identity identity, in …)"."""
    page = tab.open(f"search.html?q={query.replace(' ', '+')}")
    page.locator("#search-results li a").first.wait_for(timeout=15000)
    page.wait_for_function("() => !document.querySelector('#search-results h2 span')?.innerText")
    page.wait_for_timeout(1000)  # summaries arrive one by one
    text = page.locator("#search-results").inner_text()
    assert "\\" not in text and "Identity identity" not in text, text
