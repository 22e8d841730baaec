"""Sphinx configuration of the handbook. Identity and family pages come from the registry (docs/_ext/handbook)."""

import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))
sys.path.insert(0, str(HERE.parent))

import identities  # noqa: E402

# sphinx-autodoc-typehints 3.6 calls an API that Sphinx 10 removes; not ours to fix, and not a Sphinx warning.
warnings.filterwarnings("ignore", message=".*set_application.*is deprecated", module="sphinx_autodoc_typehints")

project = "Matrix-calculus identities"
author = "the matrix-calculus-identities authors"
copyright = "2026, " + author
version = release = identities.__version__

extensions = [
    "myst_parser",              # guide pages in MyST Markdown
    "sphinx.ext.autodoc",       # API reference from the package's docstrings
    "sphinx_autodoc_typehints", # ... with the type hints written into the descriptions
    "sphinx_copybutton",        # one click copies a code block without prompts or output
    "sphinx_design",            # tabs: numerator/denominator layout, column/row vec side by side in guides
    "handbook",                 # the identity domain and generated pages (also sets up offline KaTeX)
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
html_title = f"Matrix-calculus identities {version}"
html_static_path = ["_static"]
html_css_files = ["handbook.css"]
html_baseurl = ""
html_permalinks_icon = "#"
html_theme_options = {"navigation_with_keys": True}

html_search_scorer = str(HERE / "_static" / "search-scorer.js")

copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True


def _escape_absolute_values(app, what, name, obj, options, lines):
    from handbook.render import escape_absolute_values
    lines[:] = [escape_absolute_values(line) for line in lines]


def setup(app):
    app.connect("autodoc-process-docstring", _escape_absolute_values)
