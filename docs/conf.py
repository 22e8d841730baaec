"""Sphinx configuration of the handbook. Identity and family pages come from the registry (docs/_ext/handbook)."""

import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))
sys.path.insert(0, str(HERE.parent))

from hosting import base_url  # noqa: E402
from identities.edition import TITLE, edition  # noqa: E402

# sphinx-autodoc-typehints 3.6 calls an API that Sphinx 10 removes; not ours to fix, and not a Sphinx warning.
warnings.filterwarnings("ignore", message=".*set_application.*is deprecated", module="sphinx_autodoc_typehints")

EDITION = edition()
project = TITLE
author = EDITION.author_line
copyright = f"{EDITION.year}, {author}"
version = release = EDITION.version  # from pyproject.toml, the one place it is written

extensions = [
    "myst_parser",              # guide pages in MyST Markdown
    "sphinx.ext.autodoc",       # API reference from the package's docstrings
    "sphinx_autodoc_typehints", # ... with the type hints written into the descriptions
    "sphinx_copybutton",        # one click copies a code block without prompts or output
    "sphinx_design",            # tabs: numerator/denominator layout, column/row vec side by side in guides
    "handbook",                 # the identity domain and generated pages (also sets up offline KaTeX)
    "hosting",                  # sitemap, social-card metadata and 404 page from html_baseurl (sets up
                                # sphinx_sitemap, sphinxext.opengraph and notfound.extension)
]

myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist"]
myst_heading_anchors = 3

exclude_patterns = ["_build", "_katex", "_scripts", "Thumbs.db", ".DS_Store"]
suppress_warnings = []

# Nitpicky: every cross-reference must resolve. Names from outside the project's docs (no network,
# so no intersphinx to Python, NumPy or SymPy) are listed here on purpose.
nitpicky = True
nitpick_ignore_regex = [
    ("py:class", r"(sympy|sp|numpy|np)\..*"),
    ("py:class", r"(MatrixSymbol|Expr|ndarray|Callable|Literal|Role|Path)"),
    ("py:class", r"(str|int|float|bool|tuple|list|dict|object|None|type|Exception|KeyError|ValueError)"),
    ("py:class", r"(collections\.abc|typing)\..*"),
    ("py:class", r"identities\.engine\..*"),
    ("py:obj", r"identities\.engine\..*"),
    ("py:data", r"Ellipsis"),
    ("py:mod", r"\.?(verify|mutants)"),  # engine-relative names in Identity.verify/mutants docstrings
]

autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "undoc-members": False}
typehints_fully_qualified = False
always_document_param_types = False

html_theme = "furo"
html_title = f"{project} {version}"  # every page shows the version
html_static_path = ["_static"]
html_css_files = ["handbook.css"]
html_js_files = ["formula-copy.js", "drawers.js", "katex/copy-tex.min.js", "cite.js"]
# The deployment's address, set once, in pyproject.toml ([project.urls] Documentation), unless Read the Docs is
# building: then the address it serves the build at (READTHEDOCS_CANONICAL_URL). Every page's
# <link rel="canonical"> and og:url, the permalink, BibTeX entry and plain-text reference of each identity, the
# URLs of catalog.json and sitemap.xml, and the links of 404.html (from its path) start with it.
html_baseurl = base_url(EDITION.url)
html_permalinks_icon = "#"
# Arrow keys must scroll a wide table, not turn the page; the "view source" link would show a
# generated page's source, which is not what a reader can edit.
html_theme_options = {"navigation_with_keys": False}
html_show_sourcelink = False

# The base URL already names the language and version (/en/stable/): the sitemap adds neither again.
sitemap_url_scheme = "{link}"
# Social cards: the title, description and address of each page, no image. sphinxext-opengraph would draw one
# with matplotlib, with fonts it downloads; the build needs no network.
ogp_site_name = TITLE
site_description = EDITION.description  # the front page's (pyproject.toml's description); other pages: their text
ogp_social_cards = {"enable": False}
ogp_type = "website"

html_search_scorer = str(HERE / "_static" / "search-scorer.js")

# sphinx-copybutton's buttons on code blocks, except the "Cite this" blocks, which have their own (cite.js).
copybutton_selector = "div:not(.cite-text) > div.highlight pre"
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True


def _escape_absolute_values(app, what, name, obj, options, lines):
    from handbook.render import escape_absolute_values
    lines[:] = [escape_absolute_values(line) for line in lines]


def setup(app):
    app.connect("autodoc-process-docstring", _escape_absolute_values)
