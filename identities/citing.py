"""How to cite the handbook, or one identity in it: a permalink, a BibTeX entry and a plain-text reference.

An identity's address is ``<base>/id/<id>.html``; ids are permanent (see :mod:`identities.ids`), so
the address is too. The base URL is the deployment's (``html_baseurl`` in ``docs/conf.py``, set
once); without one the address is relative. Everything else — title, authors, version, year — is
the edition's (:mod:`identities.edition`), so a citation names the version its reader saw.

>>> from identities import get
>>> print(bibtex(get("log-det"), "https://example.org/handbook/"))  # doctest: +NORMALIZE_WHITESPACE
@misc{matcalc:log-det,
  author       = {{The matrix-calculus-identities authors}},
  title        = {{Matrix-calculus identities}},
  version      = {0.1.0},
  year         = {2026},
  url          = {https://example.org/handbook/id/log-det.html},
  howpublished = {\\url{https://example.org/handbook/id/log-det.html}},
  note         = {Identity \\texttt{log-det}, version 0.1.0},
}
"""

from __future__ import annotations

from .edition import TITLE, edition

__all__ = ["permalink", "bibtex", "bibtex_key", "plain", "page_path"]


def page_path(identity_id: str) -> str:
    """The identity's page relative to the site's root: ``id/<id>.html``."""
    return f"id/{identity_id}.html"


def permalink(identity_id: str, base: str = "") -> str:
    """The identity's permanent address: ``<base>/id/<id>.html`` (relative without a base)."""
    base = (base or "").rstrip("/")
    return f"{base}/{page_path(identity_id)}" if base else page_path(identity_id)


def bibtex_key(identity_id: str) -> str:
    return f"matcalc:{identity_id}"


def _braced(text: str) -> str:
    """A BibTeX value in braces, with LaTeX's special characters escaped (titles and authors are ASCII
    here, but a deployment may choose other words)."""
    for ch in "\\{}":
        text = text.replace(ch, "")
    for ch in "&%$#_":
        text = text.replace(ch, "\\" + ch)
    return text


def bibtex(ident, base: str = "") -> str:
    """A ``@misc`` entry for the handbook at this identity: version, URL, and the id in ``note``."""
    ed = edition()
    url = permalink(ident.id, base)
    fields = [("author", "{" + _braced(" and ".join(ed.authors) or TITLE) + "}"), ("title", "{" + _braced(TITLE) + "}"),
              ("version", ed.version)]
    if ed.year:
        fields.append(("year", ed.year))
    fields += [("url", url), ("howpublished", rf"\url{{{url}}}"),
               ("note", rf"Identity \texttt{{{ident.id}}}, version {ed.version}")]
    width = max(len(name) for name, _ in fields)
    body = "".join(f"  {name:<{width}} = {{{value}}},\n" for name, value in fields)
    return f"@misc{{{bibtex_key(ident.id)},\n{body}}}"


def plain(ident, base: str = "") -> str:
    """One line: who, when, what, which version, which identity, where."""
    ed = edition()
    who = ed.author_line or TITLE
    when = f" ({ed.year})" if ed.year else ""
    return (f"{who}{when}. {TITLE}, version {ed.version}, identity {ident.id}: “{ident.title}”. "
            f"{permalink(ident.id, base)}")
