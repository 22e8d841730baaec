"""Sphinx configuration of the handbook. Identity and family pages come from the registry (docs/_ext/handbook)."""

import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))
sys.path.insert(0, str(HERE.parent))

from hosting import base_url  # noqa: E402
from identities.edition import DISTRIBUTION, TITLE, edition  # noqa: E402

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


# -- The PDF (`make pdf`): Sphinx's LaTeX builder, then LuaLaTeX through latexmk -------------------------------
# The whole handbook is one document whose root is the home page: its sections Families, Guide and Reference
# become the parts, each page under them a chapter, and an identity's page a section of its family's chapter
# (docs/_ext/handbook/latex.py includes the identity pages, which the site reaches from tables, not toctrees).
latex_engine = "lualatex"  # the pages' Unicode (ᵀ ⁻¹ ‖ ⊗ ∇ ½ ℓ 𝟏) in system fonts, with a fallback font
latex_documents = [("index", f"{DISTRIBUTION}.tex", TITLE, author, "manual")]
latex_toplevel_sectioning = "part"
latex_use_xindy = False  # the index by makeindex, which every TeX installation has
latex_show_urls = "no"  # links stay links; their addresses would break every cited line
# Tables with rules but no coloured rows: colortbl would paint a row's colour over the left bracket of a
# matrix in a formula (the bracket is drawn before the inner array's cells, which take the colour too).
latex_table_style = ["booktabs"]
# DejaVu Serif has no ℓ, ∅ or ≻, DejaVu Sans no 𝟏 (U+1D7CF): a glyph the text fonts lack comes from DejaVu's math
# font, drawn to match them, and a glyph none of them has stops the build (\tracinglostchars=3), never a blank.
# Code is never hyphenated (an id cut as "identifica-tion" reads as another id).
LATEX_FONTS = r"""
\directlua{luaotfload.add_fallback("handbookfallback", {"DejaVu Math TeX Gyre:mode=node;"})}
\setmainfont{DejaVu Serif}[RawFeature={fallback=handbookfallback}]
\setsansfont{DejaVu Sans}[RawFeature={fallback=handbookfallback}]
\setmonofont{DejaVu Sans Mono}[Scale=0.85, HyphenChar=None, RawFeature={fallback=handbookfallback}]
\tracinglostchars=3
"""
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "10pt",
    "fontpkg": LATEX_FONTS,
    # - parts, chapters and sections (an identity) in the contents, not every heading of every identity, with
    #   room for two-digit chapter numbers, section numbers such as 10.22 and four-digit page numbers;
    # - tables in a smaller type and ragged right, so that their narrow columns break fewer words and a
    #   formula broken across lines leaves no wide gaps, with room above each row for a fraction;
    # - inline code (an id in a narrow column) breaks after its own hyphens, never inside a word;
    # - an identity's title in the footer cut to fit beside the page number (titles state formulas, and run long)
    "preamble": r"""
\setcounter{tocdepth}{1}
\usepackage{truncate}
\makeatletter
\renewcommand{\@pnumwidth}{2.8em}
\renewcommand{\@tocrmarg}{3.8em}
\renewcommand{\sphinxtableofcontentshook}{%
  \patchcmd{\l@chapter}{1.5em}{2em}{}{}%
  \renewcommand*\l@section{\@dottedtocline{1}{2em}{3.4em}}}
\newcommand{\handbook@tablecells}{\small\setlength{\extrarowheight}{3pt}%
  \let\handbook@atstartpar\sphinxAtStartPar\def\sphinxAtStartPar{\raggedright\handbook@atstartpar}}
\g@addto@macro\sphinxattablestart{\handbook@tablecells}
\g@addto@macro\sphinxatlongtablestart{\handbook@tablecells}
\protected\def\handbook@breakablehyphen#1{-\allowbreak}
\renewcommand*{\sphinxhyphenininlineliteral}{\handbook@breakablehyphen}
\renewcommand{\sectionmark}[1]{\markright{\protect\truncate{.85\textwidth}{\thesection.\ #1}}}
\makeatother
""",
    # Sphinx would title the contents with the caption of the home page's first toctree ("Catalog"); the
    # home page's text, which follows it, is under no chapter, so no running head either
    "tableofcontents": r"\renewcommand{\contentsname}{Contents}\sphinxtableofcontents\markboth{}{}",
}


def _escape_absolute_values(app, what, name, obj, options, lines):
    from handbook.render import escape_absolute_values
    lines[:] = [escape_absolute_values(line) for line in lines]


def setup(app):
    app.connect("autodoc-process-docstring", _escape_absolute_values)
