# A tiny handbook over a scratch catalog: the test puts the catalog's package and docs/_ext first on
# PYTHONPATH. Generated identity and family pages, a page listing the catalog, a guide that links to
# an identity. Which pages a build reads and writes is recorded in the output folder.
from pathlib import Path

extensions = ["myst_parser", "handbook"]
exclude_patterns = ["_build"]


def _start(app):
    for name in ("read.txt", "written.txt"):
        (Path(app.outdir) / name).unlink(missing_ok=True)


def _read(app, env, docnames):
    (Path(app.outdir) / "read.txt").write_text("".join(f"{d}\n" for d in docnames), encoding="utf-8")


def _written(app, pagename, templatename, context, doctree):
    if doctree is not None:  # a page of the project (not the index or search page)
        with open(Path(app.outdir) / "written.txt", "a", encoding="utf-8") as out:
            out.write(f"{pagename}\n")


def setup(app):
    app.connect("builder-inited", _start)
    app.connect("env-before-read-docs", _read)
    app.connect("html-page-context", _written)
